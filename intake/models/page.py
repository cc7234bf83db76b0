"""The request form as a Wagtail page: editors own its texts, the steps are fixed code."""

from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.sitemaps import SitemapAlternatesMixin


class IntakeFormPage(SitemapAlternatesMixin, RoutablePageMixin, Page):
    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown before the first step: what the form is for and what happens next."),
    )
    privacy_clause = RichTextField(
        _("information clause"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Who processes the data, why, for how long, and the person's rights (GDPR art. 13)."),
    )
    confirmation_text = RichTextField(
        _("confirmation text"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown with the reference after sending: what happens next."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_clause"),
        FieldPanel("confirmation_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("request form page")

    # Every step of the form offers the "leave this page" button.
    show_quick_exit = True

    @property
    def summary(self):
        return self.search_description

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Answers about a family in crisis: never kept by a shared cache or the browser's
        # history. The opening page holds no answers, no session and no form, only the
        # editors' text and a link to the first step: it is kept like any other page.
        if not getattr(response, "public_information", False):
            patch_cache_control(response, no_store=True, private=True)
        return response

    @path("")
    def start(self, request):
        from intake.views import wizard

        response = wizard.start(request, self)
        response.public_information = True
        return response

    @path("krok/<slug:step>/")
    def step(self, request, step):
        from intake.views import wizard

        return wizard.step(request, self, step)

    @path("sprawdz/")
    def check_answers(self, request):
        from intake.views import wizard

        return wizard.check_answers(request, self)

    @path("potwierdzenie/")
    def confirmation(self, request):
        from intake.views import wizard

        return wizard.confirmation(request, self)
