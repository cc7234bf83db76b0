"""The accessibility statement ("deklaracja dostępności").

The law fixes its headings, the three status sentences and the element ids
(technical conditions v2.0, see DOMAIN.md), so the page is built from fields and
the template writes the fixed parts; editors fill in only the facts.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES
from home.sitemaps import SitemapAlternatesMixin
from home.validators import phone_validator


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(SitemapAlternatesMixin, Page):
    entity_name = models.CharField(
        _("public body"), max_length=250, help_text=_("The full name of the centre, as in its statute.")
    )
    site_url = models.URLField(_("address of the website"))
    publication_date = models.DateField(_("date the website was published"))
    update_date = models.DateField(_("date of the last major update"))
    status = models.CharField(
        _("compliance status"), max_length=10, choices=ComplianceStatus.choices, default=ComplianceStatus.PARTIAL
    )
    non_accessible_content = RichTextField(
        _("content that is not accessible"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Required unless the site is fully compliant: what is not accessible and why."),
    )
    excessive_burden = RichTextField(
        _("disproportionate burden assessment"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Only if the centre claims that fixing something would cost too much."),
    )
    prepared_date = models.DateField(_("date the statement was prepared"))
    review_date = models.DateField(_("date of the last review"), null=True, blank=True)
    assessment_method = models.CharField(
        _("how the statement was prepared"),
        max_length=250,
        default="Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.",
    )
    contact_person = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, validators=[phone_validator])
    mobile_apps = models.TextField(_("mobile applications"), blank=True)
    architecture = RichTextField(_("architectural accessibility"), features=RICH_TEXT_FEATURES)
    architecture_url = models.URLField(_("architectural accessibility, link"), blank=True)
    communication = RichTextField(
        _("communication accessibility"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Sign language interpreter, induction loop, other ways to contact the centre."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("site_url"),
                FieldPanel("publication_date"),
                FieldPanel("update_date"),
            ],
            heading=_("The website"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("non_accessible_content"), FieldPanel("excessive_burden")],
            heading=_("Compliance"),
        ),
        MultiFieldPanel(
            [FieldPanel("prepared_date"), FieldPanel("review_date"), FieldPanel("assessment_method")],
            heading=_("Preparing the statement"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Feedback and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mobile_apps"),
                FieldPanel("architecture"),
                FieldPanel("architecture_url"),
                FieldPanel("communication"),
            ],
            heading=_("Other information"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # The phone is the same in every language version (see home.models.snippets).
    override_translatable_fields = [SynchronizedField("contact_phone")]

    class Meta:
        verbose_name = _("accessibility statement")

    # The three sentences the regulation allows. The Polish catalogue holds them verbatim,
    # as the technical conditions word them; the other languages translate them.
    STATUS_SENTENCES = {
        ComplianceStatus.FULL: _(
            "This website is compliant with the Act of 4 April 2019 on the digital accessibility "
            "of websites and mobile applications of public bodies."
        ),
        ComplianceStatus.PARTIAL: _(
            "This website is partially compliant with the Act of 4 April 2019 on the digital accessibility "
            "of websites and mobile applications of public bodies due to the non-compliances or exemptions "
            "listed below."
        ),
        ComplianceStatus.NONE: _(
            "This website is not compliant with the Act of 4 April 2019 on the digital accessibility "
            "of websites and mobile applications of public bodies."
        ),
    }

    @property
    def status_sentence(self):
        return self.STATUS_SENTENCES[self.status]

    @property
    def is_fully_compliant(self):
        return self.status == ComplianceStatus.FULL

    def clean(self):
        super().clean()
        if not self.is_fully_compliant and not (self.non_accessible_content or "").strip():
            raise ValidationError(
                {"non_accessible_content": _("Describe what is not accessible: the site is not fully compliant.")}
            )
