"""Lists staff keep up to date: the gmina's localities and extra days the office is closed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Locality(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    is_active = models.BooleanField(
        _("shown in the form"), default=True, help_text=_("Untick to hide it from the form without losing history.")
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("is_active"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def __str__(self):
        return self.name


class ClosedDay(models.Model):
    """A day the office is closed although it is not a public holiday (e.g. for a holiday on a Saturday)."""

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("extra closed day")
        verbose_name_plural = _("extra closed days")

    def __str__(self):
        return self.date.isoformat()
