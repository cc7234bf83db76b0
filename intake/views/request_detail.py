"""A request's page for staff: what the applicant sent, the timeline, and the actions allowed now."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.log_actions import registry as log_registry

from intake import action_forms, dates, workflow
from intake.deadlines import working_days_left
from intake.models import HelpRequest, RequestLogEntry, RequestNote, RequestView
from intake.permissions import VisibleRequestsMixin, can_manage_all, visible_requests
from intake.routing import suggest_worker


class Action:
    """One action of the workflow as its small form on the request's page.

    Who may do it, and in which state, is workflow.RULES: the page offers an action when
    the rule allows it, and the action checks the rule again on the locked row.
    """

    def __init__(self, name, label, form_class, perform):
        self.name, self.label, self.form_class, self.perform = name, label, form_class, perform

    def role_allows(self, help_request, user):
        return workflow.RULES[self.name].role_allows(help_request, user)

    def state_allows(self, help_request):
        return workflow.RULES[self.name].state_allows(help_request)

    def allowed(self, help_request, user):
        return workflow.allowed(self.name, help_request, user)


def _at(date, time=datetime.time(12, 0)):
    return timezone.make_aware(datetime.datetime.combine(date, time))


ACTIONS = [
    Action(
        "assign",
        gettext_lazy("Assign or reassign"),
        action_forms.AssignForm,
        lambda r, data, user: workflow.assign(r, data["worker"], user),
    ),
    Action(
        "accept",
        gettext_lazy("Accept the request"),
        action_forms.EmptyForm,
        lambda r, data, user: workflow.accept(r, user),
    ),
    Action(
        "schedule",
        gettext_lazy("Schedule the interview"),
        action_forms.ScheduleForm,
        lambda r, data, user: workflow.schedule_interview(r, _at(data["date"], data["time"]), data["place"], user),
    ),
    Action(
        "interview_done",
        gettext_lazy("Record the interview as held"),
        action_forms.InterviewDoneForm,
        lambda r, data, user: workflow.record_interview(r, _at(data["date"]), user),
    ),
    Action(
        "close",
        gettext_lazy("Close with an outcome"),
        action_forms.CloseForm,
        lambda r, data, user: workflow.close(r, data["outcome"], user, data.get("duplicate_of", "")),
    ),
    Action("reopen", gettext_lazy("Reopen"), action_forms.EmptyForm, lambda r, data, user: workflow.reopen(r, user)),
    Action(
        "mark_urgent",
        gettext_lazy("Mark urgent"),
        action_forms.EmptyForm,
        lambda r, data, user: workflow.set_urgent(r, True, user),
    ),
    Action(
        "unmark_urgent",
        gettext_lazy("Mark not urgent"),
        action_forms.EmptyForm,
        lambda r, data, user: workflow.set_urgent(r, False, user),
    ),
    Action(
        "note",
        gettext_lazy("Add a note"),
        action_forms.NoteForm,
        lambda r, data, user: workflow.add_note(r, data["text"], user),
    ),
]
ACTIONS_BY_NAME = {action.name: action for action in ACTIONS}


def _form_for(action, help_request, user, data=None):
    if action.form_class is action_forms.AssignForm:
        return action.form_class(data, suggestion=suggest_worker(help_request), prefix=action.name)
    if action.form_class is action_forms.CloseForm:
        # The other request is looked up among those this user may see.
        return action.form_class(data, help_request=help_request, user=user, prefix=action.name)
    return action.form_class(data, prefix=action.name)


# What was typed into a refused action, kept in the session (never in the URL) for the
# page the refusal redirects to, which shows it again with the errors beside the fields.
REFUSED_ACTION_KEY = "intake_refused_action"
# Longer values cannot be valid in any action's field; they are not kept.
REFUSED_VALUE_LIMIT = 20_000


def _keep_refused(request, help_request, action, form):
    prefix = form.add_prefix("")
    request.session[REFUSED_ACTION_KEY] = {
        "request": help_request.pk,
        "action": action.name,
        "data": {
            name: [value for value in request.POST.getlist(name) if len(value) <= REFUSED_VALUE_LIMIT]
            for name in request.POST
            if name.startswith(prefix)
        },
    }


def _take_refused(request, help_request):
    """{action name: the data it was sent} for the action refused just before, once."""
    refused = request.session.pop(REFUSED_ACTION_KEY, None)
    if not refused or refused.get("request") != help_request.pk:
        return {}
    data = QueryDict(mutable=True)
    for name, values in refused["data"].items():
        data.setlist(name, values)
    return {refused["action"]: data}


def timeline(help_request):
    # The registry fills itself on first use of log(); a fresh worker process that has
    # not logged anything yet must fill it before labels can be looked up.
    log_registry.scan_for_actions()
    notes = {note.pk: note for note in RequestNote.objects.filter(help_request=help_request)}
    entries = []
    for entry in RequestLogEntry.objects.for_instance(help_request).select_related("user").order_by("timestamp", "pk"):
        note = notes.get((entry.data or {}).get("note")) if entry.action == "intake.note" else None
        entries.append(
            {
                "when": entry.timestamp,
                "who": entry.user_display_name,
                "message": log_registry.get_action_label(entry.action),
                "note": note.text if note else "",
                "data": entry.data or {},
            }
        )
    return entries


class RequestDetailView(VisibleRequestsMixin, generic.InspectView):
    template_name = "intake/admin/request_detail.html"

    def get_interview_deadline_display_value(self):
        return dates.by_date(self.object.interview_deadline)

    def get_field_display_value(self, field_name, field):
        # Wagtail shows a value as Python writes it: True, False, None, ['housing'].
        value = super().get_field_display_value(field_name, field)
        if isinstance(field, models.BooleanField):
            return _("Yes") if value else _("No")
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(item) for item in value)
        if value is None or value == "":
            return _("Not given")
        return value

    def get(self, request, *args, **kwargs):
        RequestView.objects.create(help_request=self.object, user=request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        help_request = self.object
        user = self.request.user
        context["help_request"] = help_request
        refused = _take_refused(self.request, help_request)
        context["actions"] = [
            {"action": action, "form": _form_for(action, help_request, user, refused.get(action.name))}
            for action in ACTIONS
            if action.allowed(help_request, user)
        ]
        context["timeline"] = timeline(help_request)
        context["days_left"] = working_days_left(help_request.interview_deadline) if help_request.is_open else None
        if can_manage_all(user):
            context["openings"] = help_request.views.select_related("user")[:50]
        return context


@require_POST
def perform_action(request, pk, action):
    spec = ACTIONS_BY_NAME.get(action)
    if spec is None:
        raise Http404
    help_request = get_object_or_404(visible_requests(request.user, HelpRequest.objects.all()), pk=pk)
    detail_url = reverse("requests:inspect", args=[help_request.pk])
    if not spec.role_allows(help_request, request.user):
        raise PermissionDenied
    if not spec.state_allows(help_request):
        messages.error(request, _("This action is not possible in the request's current state."))
        return redirect(detail_url)
    form = _form_for(spec, help_request, request.user, request.POST)
    if not form.is_valid():
        problems = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()
        )
        messages.error(request, _("The action was not saved: %(problems)s") % {"problems": problems})
        _keep_refused(request, help_request, spec, form)
        return redirect(detail_url)
    try:
        spec.perform(help_request, form.cleaned_data, request.user)
    except workflow.TransitionError as refusal:
        # Someone else changed the request since this page was loaded: say what, keep what was typed.
        messages.error(request, _("The action was not saved: %(problems)s") % {"problems": refusal})
        _keep_refused(request, help_request, spec, form)
        return redirect(detail_url)
    messages.success(
        request, _("%(action)s: done for %(reference)s.") % {"action": spec.label, "reference": help_request.reference}
    )
    return redirect(detail_url)
