from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, TranslatableMixin

from home.validators import phone_validator, postal_code_validator


def _page_link(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="home")
class CentreSettings(BaseSiteSetting):
    """Who the centre is and how to reach it, shown in the header and footer of every page."""

    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True, validators=[postal_code_validator])
    city = models.CharField(_("town"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    phone_secondary = models.CharField(_("second phone"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    bip_url = models.URLField(_("BIP address"), blank=True, help_text=_("The centre's public information bulletin."))

    dpo_name = models.CharField(_("data protection officer"), max_length=120, blank=True)
    dpo_email = models.EmailField(_("data protection officer's e-mail"), blank=True)
    dpo_phone = models.CharField(
        _("data protection officer's phone"), max_length=40, blank=True, validators=[phone_validator]
    )

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Pages every page links to; chosen here so editors can move them freely.
    contact_page = _page_link(_("contact page"))
    accessibility_page = _page_link(_("accessibility statement page"))
    privacy_page = _page_link(_("data protection page"))
    easy_read_page = _page_link(_("easy-to-read page"))
    sign_language_page = _page_link(_("Polish Sign Language page"))

    panels = [
        MultiFieldPanel([FieldPanel("logo")], heading=_("The centre")),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("phone_secondary"),
                FieldPanel("email"),
                FieldPanel("bip_url"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [FieldPanel("dpo_name"), FieldPanel("dpo_email"), FieldPanel("dpo_phone")],
            heading=_("Data protection officer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("easy_read_page"),
                FieldPanel("sign_language_page"),
            ],
            heading=_("Pages linked from every page"),
        ),
    ]

    class Meta:
        verbose_name = _("centre details")


class CentreProfile(TranslatableMixin, models.Model):
    """The centre's name and office hours in one language, for one site.

    Kept apart from the centre's details (CentreSettings), which are the same in every
    language: a site setting has one row per site, while these texts need one per
    language, translated and kept up to date through wagtail-localize like the pages.
    """

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("centre name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, help_text=_("For example: GOPS Przykładowo."))
    office_hours = models.TextField(_("office hours"), blank=True, help_text=_("One line per day or group of days."))

    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("short_name"), FieldPanel("office_hours")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("centre's name and hours")
        verbose_name_plural = _("centre's name and hours")
        constraints = [
            models.UniqueConstraint(fields=["site", "locale"], name="one_centre_profile_per_site_and_language")
        ]

    def __str__(self):
        return f"{self.name} ({self.locale.get_display_name()})"

    @property
    def office_hours_lines(self):
        return [line.strip() for line in self.office_hours.splitlines() if line.strip()]

    @classmethod
    def for_site(cls, site, locale):
        """The texts in `locale`, else in the default language, else an empty, unsaved one."""
        profiles = {profile.locale_id: profile for profile in cls.objects.filter(site=site).select_related("locale")}
        if locale.pk in profiles:
            return profiles[locale.pk]
        default = Locale.get_default()
        return profiles.get(default.pk) or cls(site=site, locale=default, name="", short_name="")
