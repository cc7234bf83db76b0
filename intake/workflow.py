"""The life of a request: checked state transitions, each written to Wagtail's log.

new → assigned → interview scheduled → interview done → closed (with an outcome).
Duplicates and spam may be closed from any open state, a family that cannot be
reached once a worker has it; nothing else skips a step. Reopening is logged too.
Log entries name the request by its reference only (its __str__).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from intake import notifications
from intake.deadlines import interview_deadline
from intake.models import OPEN_STATUSES, Outcome, RequestNote, Status

ACTIONS = {
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
    Outcome.DUPLICATE: set(OPEN_STATUSES),
    Outcome.SPAM: set(OPEN_STATUSES),
    Outcome.UNREACHABLE: {Status.ASSIGNED, Status.INTERVIEW_SCHEDULED, Status.INTERVIEW_DONE},
}


def outcomes_allowed(help_request):
    """The outcomes a request can be closed with now."""
    return [
        outcome
        for outcome in Outcome
        if help_request.status in EARLY_OUTCOMES.get(outcome, {Status.INTERVIEW_DONE})
    ]


class TransitionError(Exception):
    """The action is not allowed in the request's current state."""


def _require(help_request, allowed, action):
    if help_request.status not in allowed:
        raise TransitionError(f"{action} is not allowed when the request is {help_request.status}")


def _save(help_request, user, action, fields, **data):
    with transaction.atomic():
        help_request.save(update_fields=fields)
        log(help_request, action, user=user, data=data)


def assign(help_request, worker, user):
    _require(help_request, {Status.NEW, Status.ASSIGNED, Status.INTERVIEW_SCHEDULED}, "assign")
    previous = help_request.assigned_to_id
    help_request.assigned_to = worker
    help_request.assigned_at = timezone.now()
    help_request.accepted_at = None
    if help_request.status == Status.NEW:
        help_request.status = Status.ASSIGNED
    with transaction.atomic():
        _save(
            help_request,
            user,
            "intake.assign",
            ["assigned_to", "assigned_at", "accepted_at", "status"],
            worker=worker.pk,
            previous_worker=previous,
        )
        notifications.on_assigned(help_request)


def accept(help_request, user):
    _require(help_request, {Status.ASSIGNED, Status.INTERVIEW_SCHEDULED}, "accept")
    if help_request.accepted_at is not None:
        raise TransitionError("already accepted")
    help_request.accepted_at = timezone.now()
    _save(help_request, user, "intake.accept", ["accepted_at"])


def schedule_interview(help_request, when, place, user):
    _require(help_request, {Status.ASSIGNED, Status.INTERVIEW_SCHEDULED}, "schedule")
    help_request.interview_at = when
    help_request.interview_place = place
    help_request.status = Status.INTERVIEW_SCHEDULED
    _save(
        help_request,
        user,
        "intake.schedule",
        ["interview_at", "interview_place", "status"],
        interview_at=when.isoformat(),
    )


def record_interview(help_request, held_at, user):
    _require(help_request, {Status.INTERVIEW_SCHEDULED}, "interview_done")
    help_request.interview_done_at = held_at
    help_request.status = Status.INTERVIEW_DONE
    _save(help_request, user, "intake.interview_done", ["interview_done_at", "status"], held_at=held_at.isoformat())


def close(help_request, outcome, user, duplicate_of=""):
    allowed = EARLY_OUTCOMES.get(outcome, {Status.INTERVIEW_DONE})
    _require(help_request, allowed, "close")
    if outcome == Outcome.DUPLICATE and not duplicate_of:
        raise TransitionError("a duplicate needs the reference of the other request")
    if outcome == Outcome.DUPLICATE and duplicate_of == help_request.reference:
        raise TransitionError("a request cannot be a duplicate of itself")
    help_request.outcome = outcome
    help_request.duplicate_of = duplicate_of if outcome == Outcome.DUPLICATE else ""
    help_request.closed_at = timezone.now()
    help_request.status = Status.CLOSED
    _save(
        help_request,
        user,
        "intake.close",
        ["outcome", "duplicate_of", "closed_at", "status"],
        outcome=outcome,
        duplicate_of=help_request.duplicate_of,
    )


def reopen(help_request, user):
    _require(help_request, {Status.CLOSED}, "reopen")
    if help_request.anonymised_at is not None:
        raise TransitionError("an anonymised request cannot be reopened")
    previous_outcome = help_request.outcome
    help_request.status = Status.ASSIGNED if help_request.assigned_to_id else Status.NEW
    help_request.outcome = ""
    help_request.duplicate_of = ""
    help_request.closed_at = None
    _save(
        help_request,
        user,
        "intake.reopen",
        ["status", "outcome", "duplicate_of", "closed_at"],
        previous_outcome=previous_outcome,
    )


def set_urgent(help_request, urgent, user):
    _require(help_request, set(OPEN_STATUSES), "urgency")
    if help_request.is_urgent == urgent:
        raise TransitionError("urgency unchanged")
    help_request.is_urgent = urgent
    help_request.interview_deadline = interview_deadline(help_request.received_at, urgent)
    with transaction.atomic():
        _save(
            help_request,
            user,
            "intake.mark_urgent" if urgent else "intake.unmark_urgent",
            ["is_urgent", "interview_deadline"],
            deadline=help_request.interview_deadline.isoformat(),
        )
        if urgent:
            notifications.on_marked_urgent(help_request)


def add_note(help_request, text, user):
    with transaction.atomic():
        note = RequestNote.objects.create(help_request=help_request, author=user, text=text)
        # The note's text stays in the note: the log entry only says one was written.
        log(help_request, "intake.note", user=user, data={"note": note.pk})
    return note
