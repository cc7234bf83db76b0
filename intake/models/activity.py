"""Notes staff write on a request, and every opening of a request by staff."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RequestNote(models.Model):
    help_request = models.ForeignKey("intake.HelpRequest", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return f"{self.help_request_id}:{self.pk}"


class RequestView(models.Model):
    """Who opened a request's detail page, and when (shown to coordinators)."""

    help_request = models.ForeignKey("intake.HelpRequest", on_delete=models.CASCADE, related_name="views")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    viewed_at = models.DateTimeField(_("opened"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("opening of a request")
        verbose_name_plural = _("openings of requests")

    def __str__(self):
        return f"{self.help_request_id}:{self.viewed_at:%Y-%m-%d %H:%M}"


class RequestExport(models.Model):
    """A coordinator's export of the request list: who, when, what format, which filters, how many rows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    exported_at = models.DateTimeField(_("exported"), default=timezone.now)
    file_format = models.CharField(_("format"), max_length=10)
    filters = models.CharField(_("filters"), max_length=500, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))

    class Meta:
        ordering = ["-exported_at"]
        verbose_name = _("export of requests")
        verbose_name_plural = _("exports of requests")

    def __str__(self):
        return f"{self.exported_at:%Y-%m-%d %H:%M} {self.file_format}"
