import django_filters
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.active_filters import ActiveFilter, BaseFilterAdapter
from wagtail.admin.filters import WagtailFilterSet

from intake.models import OPEN_STATUSES, HelpRequest, Interpreter, RequestLanguage
from intake.roles import SOCIAL_WORKERS


class HelpRequestFilterSet(WagtailFilterSet):
    assigned_to = django_filters.ModelChoiceFilter(
        label=_("Social worker"),
        queryset=lambda request: get_user_model().objects.filter(groups__name=SOCIAL_WORKERS).order_by("last_name"),
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    language = django_filters.ChoiceFilter(label=_("Language"), choices=RequestLanguage.choices)
    interpreter = django_filters.ChoiceFilter(label=_("Interpreter"), choices=Interpreter.choices)

    class Meta:
        model = HelpRequest
        fields = ["status", "is_urgent", "locality", "assigned_to", "overdue", "language", "interpreter"]

    def filter_overdue(self, queryset, name, value):
        late = {"status__in": OPEN_STATUSES, "interview_deadline__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class YesNoFilterAdapter(BaseFilterAdapter):
    """An active yes/no filter as "Pilne: Tak"; Wagtail printed the value as Python does ("Pilne: True").

    Registered for every BooleanFilter in intake/wagtail_hooks.py.
    """

    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            _("Yes") if self.value else _("No"),
            self.get_url_without_filter_param(self.name),
        )
