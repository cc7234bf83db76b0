"""Contacts and emergency numbers: edited once, shown wherever they are needed."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.validators import phone_validator


def tel_href(number):
    """The tel: form of a number as printed ("58 123 45 67" -> "tel:+48581234567").

    A nine-digit Polish number gets +48: a phone with a foreign SIM card (a family from
    Ukraine, say) dials it only in the international form. Short numbers (112, 116 111)
    are dialled as they are.
    """
    digits = re.sub(r"[^\d+]", "", number)
    if len(digits) == 9 and digits.isdigit():
        digits = "+48" + digits
    return "tel:" + digits


class StaffContact(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("full name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, help_text=_("For example: family assistant."))
    team = models.CharField(_("team"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    availability = models.CharField(
        _("when to call"),
        max_length=200,
        blank=True,
        help_text=_("For example: Monday to Friday, 8:00–15:00."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("team"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("availability"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role"), index.AutocompleteField("name")]
    # A phone number is the same in every language: never offered to the translator, and
    # copied to each translation as soon as the Polish contact is saved (home/synced_numbers.py).
    override_translatable_fields = [SynchronizedField("phone", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("staff contact")
        verbose_name_plural = _("staff contacts")

    def __str__(self):
        return f"{self.name} – {self.role}"

    @property
    def phone_href(self):
        return tel_href(self.phone)


class EmergencyNumber(TranslatableMixin, models.Model):
    """A helpline shown on every page. The numbers change: each carries the date it was checked."""

    name = models.CharField(_("name"), max_length=120)
    number = models.CharField(_("number"), max_length=40, validators=[phone_validator])
    description = models.CharField(_("who it is for"), max_length=250, blank=True)
    availability = models.CharField(
        _("availability"),
        max_length=120,
        blank=True,
        help_text=_("For example: 24 hours a day, free of charge."),
    )
    last_checked = models.DateField(_("last checked"), help_text=_("When someone last confirmed the number works."))
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("number"),
        FieldPanel("description"),
        FieldPanel("availability"),
        FieldPanel("last_checked"),
        FieldPanel("sort_order"),
    ]
    # The number itself is the same in every language (see StaffContact).
    override_translatable_fields = [SynchronizedField("number", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")

    def __str__(self):
        return f"{self.number} – {self.name}"

    @property
    def number_href(self):
        return tel_href(self.number)
