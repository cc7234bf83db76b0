"""Which pages lack a translation, or whose translation is older than the Polish page.

A report in Wagtail's admin (Reports → Page translations), beside wagtail-localize's own
"Translations" report, which lists translations already started and how far along their
segments are. This one starts from every published Polish page: for each other language,
is there a published translation, and was it published after the Polish page last was?
A translation published before the latest Polish publish is out of date: its editor
syncs it from the Polish page (wagtail-localize's "Sync translated pages") and publishes.
"""

import django_filters
from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page

MISSING, OUT_OF_DATE, UP_TO_DATE = "missing", "out_of_date", "up_to_date"
STATE_LABELS = {MISSING: _("missing"), OUT_OF_DATE: _("out of date"), UP_TO_DATE: _("up to date")}
OTHER_LANGUAGES = [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


def _published_translation(code, field):
    return Subquery(
        Page.objects.filter(translation_key=OuterRef("translation_key"), locale__language_code=code, live=True).values(
            field
        )[:1]
    )


def _missing(code):
    return Q(**{f"{code}_published_at__isnull": True})


def _out_of_date(code):
    """Published in `code`, but before the Polish page's latest publish."""
    published = f"{code}_published_at"
    return Q(**{f"{published}__isnull": False}, last_published_at__gt=F(published))


def _needs_work(code):
    return _missing(code) | _out_of_date(code)


class TranslationStatusFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=OTHER_LANGUAGES, method="filter_language", empty_label=_("All")
    )
    state = django_filters.ChoiceFilter(
        label=_("Translation"),
        choices=[(MISSING, _("missing")), (OUT_OF_DATE, _("out of date"))],
        method="filter_state",
        empty_label=_("missing or out of date"),
    )

    class Meta:
        model = Page
        fields = []

    def filter_language(self, queryset, name, value):
        return queryset.filter(_needs_work(value))

    def filter_state(self, queryset, name, value):
        codes = [self.data.get("language")] if self.data.get("language") else [code for code, _name in OTHER_LANGUAGES]
        wanted = Q()
        for code in codes:
            wanted |= _missing(code) if value == MISSING else _out_of_date(code)
        return queryset.filter(wanted)


class TranslationStatusView(PageReportView):
    page_title = _("Page translations")
    header_icon = "site"
    results_template_name = "home/admin/translation_status_results.html"
    filterset_class = TranslationStatusFilterSet
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", *(f"{code}_status" for code, _name in OTHER_LANGUAGES)]
    export_headings = {f"{code}_status": name for code, name in OTHER_LANGUAGES}

    def get_queryset(self):
        polish = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(locale=polish, live=True, depth__gt=1)
            .order_by("path")
        )
        for code, _name in OTHER_LANGUAGES:
            queryset = queryset.annotate(
                **{
                    f"{code}_page_id": _published_translation(code, "pk"),
                    f"{code}_published_at": _published_translation(code, "last_published_at"),
                }
            )
        # Only what needs work, unless a filter says otherwise.
        needs_work = Q()
        for code, _name in OTHER_LANGUAGES:
            needs_work |= _needs_work(code)
        self.queryset = queryset.filter(needs_work)
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["other_languages"] = OTHER_LANGUAGES
        return context

    def decorate_paginated_queryset(self, queryset):
        for page in queryset:
            page.translation_states = []
            for code, name in OTHER_LANGUAGES:
                published = getattr(page, f"{code}_published_at")
                if published is None:
                    state = MISSING
                elif page.last_published_at and page.last_published_at > published:
                    state = OUT_OF_DATE
                else:
                    state = UP_TO_DATE
                label = STATE_LABELS[state]
                page.translation_states.append(
                    {
                        "code": code,
                        "name": name,
                        "state": state,
                        "label": label,
                        "page_id": getattr(page, f"{code}_page_id"),
                    }
                )
                setattr(page, f"{code}_status", label)
        return queryset
