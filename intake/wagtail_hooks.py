import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.active_filters import register_filter_adapter_class
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from intake.filters import YesNoFilterAdapter
from intake.models import ClosedDay, Locality, SocialWorkerProfile
from intake.views.admin import HelpRequestViewSet, YesNoColumn
from intake.views.choosers import KeepersOnlyChooserViewSet

register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)


@hooks.register("register_admin_viewset")
def register_requests():
    return HelpRequestViewSet()


class LocalityViewSet(SnippetViewSet):
    model = Locality
    chooser_viewset_class = KeepersOnlyChooserViewSet
    icon = "site"
    list_display = ["name", YesNoColumn.for_field(Locality, "is_active")]
    ordering = ["sort_order", "name"]


class ClosedDayViewSet(SnippetViewSet):
    model = ClosedDay
    chooser_viewset_class = KeepersOnlyChooserViewSet
    icon = "date"
    list_display = ["date", "reason"]


class SocialWorkerProfileViewSet(SnippetViewSet):
    model = SocialWorkerProfile
    chooser_viewset_class = KeepersOnlyChooserViewSet
    icon = "user"
    list_display = ["__str__", YesNoColumn.for_field(SocialWorkerProfile, "accepts_new_requests")]
    panels = [
        FieldPanel("user"),
        FieldPanel("localities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accepts_new_requests"),
    ]


class IntakeListsGroup(SnippetViewSetGroup):
    menu_label = _("Request settings")
    menu_icon = "cog"
    menu_order = 310
    items = [LocalityViewSet, ClosedDayViewSet, SocialWorkerProfileViewSet]


register_snippet(IntakeListsGroup)


@hooks.register("register_log_actions")
def register_request_actions(actions):
    from intake.models import HelpRequest, RequestLogEntry
    from intake.workflow import LOG_ACTIONS

    # Requests keep their own log, which Wagtail's reports filter by who may see each request.
    actions.register_model(HelpRequest, RequestLogEntry)
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("construct_homepage_panels")
def add_request_panels(request, panels):
    from intake.panels import panels_for

    panels.extend(panels_for(request.user))
