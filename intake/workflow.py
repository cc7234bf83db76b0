"""The life of a request: one table of who may do what in which state, and the actions themselves.

new → assigned → interview scheduled → interview done → closed (with an outcome).
Duplicates and spam may be closed from any open state, a family that cannot be
reached once a worker has it; nothing else skips a step. Reopening is logged too.

RULES is read by the request's page (which actions to offer), by the dashboard (what is
waiting for whom) and by every action below. Each action locks the request's row
(`select_for_update`), reads it again and checks the rule inside its transaction: two
members of staff acting on one request at once cannot overwrite each other, and the
one who comes second is told why, in Polish, with nothing changed. Every action is
written to Wagtail's log, naming the request by its reference only (its __str__).
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from intake import notifications
from intake.deadlines import interview_deadline
from intake.models import OPEN_STATUSES, HelpRequest, Outcome, RequestNote, Status
from intake.permissions import can_manage_all

# Who acts: a coordinator on any request, a social worker on the requests assigned to them.
COORDINATOR = "coordinator"
ASSIGNED_WORKER = "assigned_worker"
EITHER = frozenset({COORDINATOR, ASSIGNED_WORKER})
OPEN = frozenset(OPEN_STATUSES)


@dataclass(frozen=True)
class Rule:
    roles: frozenset
    states: frozenset
    # A further condition on the request itself (accepted once, urgency changes).
    condition: object = None
    # Said when the state (or the condition) no longer allows the action.
    refused: str = field(default=_("This action is not possible in the request's current state."))

    def role_allows(self, help_request, user):
        if user is None:  # the portal itself: automatic assignment, retention
            return True
        return bool(self.roles & roles_of(user, help_request))

    def state_allows(self, help_request):
        return help_request.status in self.states and (self.condition is None or self.condition(help_request))


RULES = {
    "assign": Rule(frozenset({COORDINATOR}), frozenset({Status.NEW, Status.ASSIGNED, Status.INTERVIEW_SCHEDULED})),
    "accept": Rule(
        frozenset({ASSIGNED_WORKER}),
        frozenset({Status.ASSIGNED, Status.INTERVIEW_SCHEDULED}),
        condition=lambda r: r.accepted_at is None,
        refused=_("The request has already been accepted, or is no longer waiting for it."),
    ),
    "schedule": Rule(EITHER, frozenset({Status.ASSIGNED, Status.INTERVIEW_SCHEDULED})),
    "interview_done": Rule(EITHER, frozenset({Status.INTERVIEW_SCHEDULED})),
    "close": Rule(EITHER, OPEN, refused=_("The request is already closed.")),
    "reopen": Rule(
        frozenset({COORDINATOR}),
        frozenset({Status.CLOSED}),
        condition=lambda r: r.anonymised_at is None,
        refused=_("Only a closed request that has not been anonymised can be reopened."),
    ),
    "mark_urgent": Rule(
        EITHER, OPEN, condition=lambda r: not r.is_urgent, refused=_("The request is already urgent, or closed.")
    ),
    "unmark_urgent": Rule(
        EITHER, OPEN, condition=lambda r: r.is_urgent, refused=_("The request is not urgent, or closed.")
    ),
    "note": Rule(EITHER, OPEN | {Status.CLOSED}),
}

# Log action types, with the label and the message Wagtail's log shows.
LOG_ACTIONS = {
    "intake.assign": (_("Assign"), _("Assigned to a social worker")),
    "intake.accept": (_("Accept"), _("Accepted by the social worker")),
    "intake.schedule": (_("Schedule the interview"), _("Interview scheduled")),
    "intake.interview_done": (_("Record the interview"), _("Interview held")),
    "intake.close": (_("Close"), _("Closed")),
    "intake.reopen": (_("Reopen"), _("Reopened")),
    "intake.mark_urgent": (_("Mark urgent"), _("Marked urgent")),
    "intake.unmark_urgent": (_("Mark not urgent"), _("Marked not urgent")),
    "intake.note": (_("Add a note"), _("Note added")),
    "intake.anonymise": (_("Anonymise"), _("Anonymised after the retention period")),
}

# Outcomes that end a request without an interview, and from which states.
EARLY_OUTCOMES = {
    Outcome.DUPLICATE: OPEN,
    Outcome.SPAM: OPEN,
    Outcome.UNREACHABLE: frozenset({Status.ASSIGNED, Status.INTERVIEW_SCHEDULED, Status.INTERVIEW_DONE}),
}


def roles_of(user, help_request):
    roles = set()
    if can_manage_all(user):
        roles.add(COORDINATOR)
    if user.is_active and help_request.assigned_to_id == user.pk:
        roles.add(ASSIGNED_WORKER)
    return roles


def allowed(action, help_request, user):
    """Whether `user` may do `action` on the request as it stands now."""
    rule = RULES[action]
    return rule.role_allows(help_request, user) and rule.state_allows(help_request)


# The steps that move a request on, in the order a request meets them; the dashboard
# shows each member of staff the first one they may take now.
NEXT_STEPS = {
    "assign": _("Assign a social worker"),
    "accept": _("Accept the request"),
    "schedule": _("Schedule the interview"),
    "interview_done": _("Record the interview as held"),
    "close": _("Close with an outcome"),
}


def next_step(help_request, user):
    """The label of the first step forward `user` may take on the request now, or None."""
    for action, label in NEXT_STEPS.items():
        if allowed(action, help_request, user):
            return label
    return None


def waiting_for(action):
    """The states in which `action` may be taken, to list the requests waiting for it."""
    return RULES[action].states


def outcomes_allowed(help_request):
    """The outcomes a request can be closed with now."""
    return [
        outcome for outcome in Outcome if help_request.status in EARLY_OUTCOMES.get(outcome, {Status.INTERVIEW_DONE})
    ]


class TransitionError(Exception):
    """The action is not possible now; the message says why, for the member of staff."""


@contextmanager
def _checked(help_request, action, user):
    """The request's row, locked and read again, after the rule is checked against it."""
    rule = RULES[action]
    with transaction.atomic():
        current = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
        if not rule.role_allows(current, user):
            # Between loading the page and sending the form the request went to someone else.
            raise TransitionError(_("The request is no longer assigned to you."))
        if not rule.state_allows(current):
            raise TransitionError(rule.refused)
        yield current
    help_request.refresh_from_db()


def _save(help_request, user, log_action, fields, **data):
    help_request.save(update_fields=fields)
    log(help_request, log_action, user=user, data=data)


def assign(help_request, worker, user):
    with _checked(help_request, "assign", user) as current:
        previous = current.assigned_to_id
        current.assigned_to = worker
        current.assigned_at = timezone.now()
        current.accepted_at = None
        if current.status == Status.NEW:
            current.status = Status.ASSIGNED
        _save(
            current,
            user,
            "intake.assign",
            ["assigned_to", "assigned_at", "accepted_at", "status"],
            worker=worker.pk,
            previous_worker=previous,
        )
        notifications.on_assigned(current)


def accept(help_request, user):
    with _checked(help_request, "accept", user) as current:
        current.accepted_at = timezone.now()
        _save(current, user, "intake.accept", ["accepted_at"])


def schedule_interview(help_request, when, place, user):
    with _checked(help_request, "schedule", user) as current:
        current.interview_at = when
        current.interview_place = place
        current.status = Status.INTERVIEW_SCHEDULED
        _save(
            current,
            user,
            "intake.schedule",
            ["interview_at", "interview_place", "status"],
            interview_at=when.isoformat(),
        )


def record_interview(help_request, held_at, user):
    with _checked(help_request, "interview_done", user) as current:
        current.interview_done_at = held_at
        current.status = Status.INTERVIEW_DONE
        _save(current, user, "intake.interview_done", ["interview_done_at", "status"], held_at=held_at.isoformat())


def close(help_request, outcome, user, duplicate_of=""):
    if outcome == Outcome.DUPLICATE and not duplicate_of:
        raise TransitionError(_("Give the reference of the request this one repeats."))
    if outcome == Outcome.DUPLICATE and duplicate_of == help_request.reference:
        raise TransitionError(_("This is the reference of this request. Give the reference of the other one."))
    with _checked(help_request, "close", user) as current:
        if current.status not in EARLY_OUTCOMES.get(outcome, {Status.INTERVIEW_DONE}):
            raise TransitionError(_("This outcome is not possible in the request's current state."))
        current.outcome = outcome
        current.duplicate_of = duplicate_of if outcome == Outcome.DUPLICATE else ""
        current.closed_at = timezone.now()
        current.status = Status.CLOSED
        _save(
            current,
            user,
            "intake.close",
            ["outcome", "duplicate_of", "closed_at", "status"],
            outcome=outcome,
            duplicate_of=current.duplicate_of,
        )


def reopen(help_request, user):
    with _checked(help_request, "reopen", user) as current:
        previous_outcome = current.outcome
        current.status = Status.ASSIGNED if current.assigned_to_id else Status.NEW
        current.outcome = ""
        current.duplicate_of = ""
        current.closed_at = None
        _save(
            current,
            user,
            "intake.reopen",
            ["status", "outcome", "duplicate_of", "closed_at"],
            previous_outcome=previous_outcome,
        )


def set_urgent(help_request, urgent, user):
    with _checked(help_request, "mark_urgent" if urgent else "unmark_urgent", user) as current:
        current.is_urgent = urgent
        current.interview_deadline = interview_deadline(current.received_at, urgent)
        _save(
            current,
            user,
            "intake.mark_urgent" if urgent else "intake.unmark_urgent",
            ["is_urgent", "interview_deadline"],
            deadline=current.interview_deadline.isoformat(),
        )
        if urgent:
            notifications.on_marked_urgent(current)


def add_note(help_request, text, user):
    with _checked(help_request, "note", user) as current:
        note = RequestNote.objects.create(help_request=current, author=user, text=text)
        # The note's text stays in the note: the log entry only says one was written.
        log(current, "intake.note", user=user, data={"note": note.pk})
    return note
