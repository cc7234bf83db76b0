"""Notes staff write on a request, every opening of a request by staff, exports, and the request log."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry
from wagtail.models.audit_log import ModelLogEntryManager


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


class RequestLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Entries of the requests this user may see: Wagtail's site history shows no others.

        Wagtail's own rule (any permission on the model) would show a social worker
        the references and the actions of every request.
        """
        from intake.models import HelpRequest
        from intake.permissions import visible_requests

        visible = visible_requests(user, HelpRequest.objects.all()).annotate(object_key=Cast("pk", models.CharField()))
        return self.filter(object_id__in=visible.values("object_key"))


class RequestLogEntry(BaseLogEntry):
    """What happened to a request (Wagtail's log), kept apart so that only those who may see it read it."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = RequestLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        indexes = [
            *BaseLogEntry.Meta.indexes,
            # A request's timeline: its entries in order. Without it the planner took the
            # content type's index, which every entry shares, and read the whole log.
            models.Index(fields=["content_type", "object_id", "timestamp"], name="intake_log_for_request"),
        ]
        verbose_name = _("request log entry")
        verbose_name_plural = _("request log entries")

    def __str__(self):
        return f"{self.object_id}:{self.action}"
