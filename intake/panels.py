"""Panels on the Wagtail dashboard: what needs attention first."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from intake import workflow
from intake.deadlines import add_working_days, closed_days, working_days_left
from intake.models import OPEN_STATUSES, HelpRequest
from intake.permissions import can_manage_all

PANEL_SIZE = 10


class RequestsPanel(Component):
    """Requests that need attention, each with its deadline and the next step this user may take."""

    template_name = "intake/admin/requests_panel.html"

    def __init__(self, name, title, queryset, order, user):
        self.name, self.title, self.queryset, self.order, self.user = name, title, queryset, order, user

    def get_context_data(self, parent_context):
        closed = closed_days()
        today = timezone.localdate()
        rows = [
            (
                request,
                working_days_left(request.interview_deadline, today, closed),
                workflow.next_step(request, self.user),
            )
            for request in self.queryset.select_related("locality")[:PANEL_SIZE]
        ]
        return {"panel": self, "rows": rows, "total": self.queryset.count()}


def panels_for(user):
    open_requests = HelpRequest.objects.filter(status__in=OPEN_STATUSES).order_by("interview_deadline", "received_at")
    today = timezone.localdate()
    if can_manage_all(user):
        soon = add_working_days(today, 2, closed_days())
        waiting_for_a_worker = open_requests.filter(status__in=workflow.waiting_for("assign"), assigned_to__isnull=True)
        return [
            RequestsPanel("unassigned", _("New and unassigned"), waiting_for_a_worker, 10, user),
            RequestsPanel("overdue", _("Overdue"), open_requests.filter(interview_deadline__lt=today), 11, user),
            RequestsPanel(
                "due-soon",
                _("Due within two working days"),
                open_requests.filter(interview_deadline__gte=today, interview_deadline__lte=soon),
                12,
                user,
            ),
        ]
    if user.has_perm("intake.view_helprequest"):
        return [RequestsPanel("mine", _("My requests by deadline"), open_requests.filter(assigned_to=user), 10, user)]
    return []
