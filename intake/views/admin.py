"""Requests in the Wagtail admin: the list, the detail, and registering a phone or in-person request."""

import logging

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.widgets import AdminSnippetChooser

from intake.deadlines import closed_days, working_days_left
from intake.filters import HelpRequestFilterSet
from intake.models import Channel, DifficultyArea, HelpRequest, Interpreter, Locality, RequestExport, RequestLanguage
from intake.permissions import VisibleRequestsMixin, can_manage_all
from intake.references import is_complete, normalise
from intake.services import register_request
from intake.views.find_by_name import FindByNameView
from intake.views.request_detail import RequestDetailView, perform_action

logger = logging.getLogger(__name__)


class LocalityChooser(AdminSnippetChooser):
    """Wagtail's chooser, safe to show again after a tampered locality id.

    Re-rendering a refused form, Wagtail looks the sent id up and only expects "no such
    locality"; a non-numeric id raised there and gave a server error instead of the
    form's own "choose a valid locality" message.
    """

    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, ValidationError):
            return None


class HelpRequestAdminForm(WagtailAdminModelForm):
    difficulty_areas = forms.MultipleChoiceField(
        label=_("What is difficult"),
        choices=DifficultyArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The online form has its own path; staff record what came another way.
        if self.instance.pk and "is_urgent" in self.fields:
            # Urgency moves the deadline and notifies people: only through its action.
            self.fields["is_urgent"].disabled = True
            self.fields["is_urgent"].help_text = _("Change it with “Mark urgent” on the request's page.")
        if "channel" in self.fields:
            self.fields["channel"].choices = [c for c in Channel.choices if c[0] != Channel.ONLINE]
            self.fields["channel"].initial = Channel.PHONE
        # A call or a visit is in Polish unless staff say otherwise; nobody needs an interpreter unless told.
        for name in ("language", "interpreter"):
            if name in self.fields:
                self.fields[name].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or RequestLanguage.POLISH

    def clean_interpreter(self):
        return self.cleaned_data.get("interpreter") or Interpreter.NONE

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("interpreter") != Interpreter.LANGUAGE:
            cleaned["interpreter_language"] = ""
        elif not cleaned.get("interpreter_language", "").strip() and "interpreter_language" not in self.errors:
            self.add_error("interpreter_language", _("Enter the language the family speaks."))
        return cleaned


class DeadlineColumn(Column):
    """The deadline as a date and as working days left, overdue ones in bold."""

    cell_template_name = "intake/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Today and the closed days once per table, not once per row. The column object is
        # shared by every request and thread; the table is made for this response only.
        table = parent_context["table"]
        if not hasattr(table, "deadline_basis"):
            table.deadline_basis = (timezone.localdate(), closed_days())
        today, closed = table.deadline_basis
        days = working_days_left(instance.interview_deadline, today, closed) if instance.is_open else None
        context.update({"deadline": instance.interview_deadline, "days_left": days})
        return context


class UrgencyColumn(Column):
    """ "Pilne" in words for urgent requests; nothing to see for the rest (a screen reader hears "niepilne").

    Wagtail's boolean column drew a green tick for urgent and a red cross for the others,
    read out as "True"/"False": the colours said the opposite of what matters.
    """

    cell_template_name = "intake/admin/urgency_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["urgent"] = instance.is_urgent
        return context


class YesNoColumn(Column):
    """Tak/Nie in words, where Wagtail's boolean column draws a tick or a cross read out as "True"/"False"."""

    cell_template_name = "intake/admin/yes_no_cell.html"

    @classmethod
    def for_field(cls, model, name):
        return cls(name, label=capfirst(model._meta.get_field(name).verbose_name))

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["yes"] = bool(self.get_value(instance))
        return context


class LanguageColumn(Column):
    """The language the request was sent in ("ukraiński") and, in bold beneath, the interpreter it needs."""

    cell_template_name = "intake/admin/language_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update({"language": instance.get_language_display(), "interpreter": instance.interpreter_marker})
        return context


class WorkerColumn(Column):
    def get_value(self, instance):
        worker = instance.assigned_to
        return (worker.get_full_name() or worker.get_username()) if worker else "—"


class HelpRequestIndexView(VisibleRequestsMixin, generic.IndexView):
    # Chosen for reporting: dates, place, kind and outcome; no names, addresses or descriptions.
    list_export = [
        "reference",
        "received_at",
        "channel",
        "requester_type",
        "locality",
        "is_urgent",
        "status",
        "outcome",
        "interview_deadline",
        "assigned_to",
        "interview_done_at",
        "closed_at",
        "difficulty_areas",
        "language",
        "interpreter",
        "interpreter_language",
    ]
    export_filename = "zgloszenia"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locality", "assigned_to")

    def search_queryset(self, queryset):
        # A whole reference, as staff read it from an e-mail or hear it on the phone (any case,
        # with or without the dash), is one lookup in the unique index; a fragment still
        # finds what contains it, by reading every reference.
        if self.is_searching and is_complete(normalise(self.search_query)):
            return queryset.filter(reference=normalise(self.search_query))
        return super().search_queryset(queryset)

    def may_export(self):
        return can_manage_all(self.request.user) and self.request.user.has_perm("intake.export_helprequest")

    @cached_property
    def show_export_buttons(self):
        return self.may_export()

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(_("Find by name"), url=reverse("requests:find_by_name"), icon_name="search"),
        ]

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            if not self.may_export():
                raise PermissionDenied
            rows = context["object_list"]
            filters = self.request.GET.copy()
            filters.pop("export", None)
            RequestExport.objects.create(
                user=self.request.user,
                file_format=self.request.GET.get("export"),
                filters=filters.urlencode()[:500],
                row_count=len(rows),
            )
            logger.info("requests exported by user %s: %s rows", self.request.user.pk, len(rows))
        return super().render_to_response(context, **response_kwargs)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["assigned_to"] = item.assigned_to.get_username() if item.assigned_to else ""
        row["locality"] = str(item.locality or "")
        # In words, as staff read them on the list ("Nowe", "ukraiński", "tłumacz polskiego języka
        # migowego (PJM)"): a report read by a council or an auditor, not a code book.
        row["channel"] = item.get_channel_display()
        row["requester_type"] = item.get_requester_type_display()
        row["status"] = item.get_status_display()
        row["outcome"] = item.get_outcome_display() if item.outcome else ""
        row["is_urgent"] = _("urgent") if item.is_urgent else _("not urgent")
        row["difficulty_areas"] = ", ".join(str(label) for label in item.get_difficulty_areas_display())
        row["language"] = item.get_language_display()
        row["interpreter"] = item.get_interpreter_display()
        return row

    def get_edit_url(self, instance):
        # Requests are worked from their detail page, not the generic edit form.
        return reverse("requests:inspect", args=[instance.pk])


class HelpRequestEditView(VisibleRequestsMixin, generic.EditView):
    pass


class HelpRequestHistoryView(VisibleRequestsMixin, HistoryView):
    pass


class HelpRequestUsageView(VisibleRequestsMixin, UsageView):
    pass


class HelpRequestCreateView(generic.CreateView):
    def save_instance(self):
        help_request, _created = register_request(self.form.instance)
        return help_request


class HelpRequestViewSet(ModelViewSet):
    model = HelpRequest
    name = "requests"
    icon = "mail"
    menu_label = _("Requests")
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = HelpRequestIndexView
    inspect_view_class = RequestDetailView
    edit_view_class = HelpRequestEditView
    history_view_class = HelpRequestHistoryView
    usage_view_class = HelpRequestUsageView
    add_view_class = HelpRequestCreateView
    inspect_view_enabled = True
    list_display = [
        "reference",
        "received_at",
        UrgencyColumn("is_urgent", label=_("Urgent")),
        "locality",
        LanguageColumn("language", label=_("Language")),
        "status",
        WorkerColumn("assigned_to", label=_("Social worker")),
        DeadlineColumn("interview_deadline", label=_("Interview deadline"), sort_key="interview_deadline"),
    ]
    filterset_class = HelpRequestFilterSet
    # References only: a name typed here would end up in the URL (see FindByNameView).
    search_fields = ["reference"]
    ordering = ["interview_deadline", "received_at"]
    copy_view_enabled = False
    inspect_view_fields = [
        "reference",
        "received_at",
        "channel",
        "status",
        "is_urgent",
        "interview_deadline",
        "requester_type",
        "institution_type",
        "institution_name",
        "locality",
        "address",
        "postal_code",
        "children_count",
        "children_ages",
        "foster_care",
        "difficulty_areas",
        "description",
        "child_in_danger",
        "anonymous",
        "contact_name",
        "contact_phone",
        "contact_email",
        "best_time_to_call",
        "wants_receipt",
        "language",
        "interpreter",
        "interpreter_language",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("channel"), FieldPanel("child_in_danger"), FieldPanel("is_urgent")],
                heading=_("The request"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("requester_type"),
                    FieldRowPanel([FieldPanel("institution_type"), FieldPanel("institution_name")]),
                ],
                heading=_("Who is asking"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("locality", widget=LocalityChooser(Locality)),
                    FieldPanel("address"),
                    FieldPanel("postal_code"),
                    FieldRowPanel([FieldPanel("children_count"), FieldPanel("children_ages")]),
                    FieldPanel("foster_care"),
                ],
                heading=_("The family"),
            ),
            MultiFieldPanel(
                [FieldPanel("difficulty_areas"), FieldPanel("description")], heading=_("What is difficult")
            ),
            MultiFieldPanel(
                [
                    FieldPanel("anonymous"),
                    FieldPanel("contact_name"),
                    FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                    FieldPanel("best_time_to_call"),
                ],
                heading=_("Contact"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("language"),
                    FieldRowPanel([FieldPanel("interpreter"), FieldPanel("interpreter_language")]),
                ],
                heading=_("Language and interpreter"),
            ),
        ],
        base_form_class=HelpRequestAdminForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("action/<int:pk>/<slug:action>/", perform_action, name="action"),
            path("find/", FindByNameView.as_view(), name="find_by_name"),
        ]
