"""E-mails waiting to go out (an outbox).

A notification row is written in the same transaction as its request, so it
exists exactly when the request does. Sending happens afterwards, in a
background task; if the mail server is down the row stays pending and is sent
again later (`send_pending_notifications`). A row is claimed before sending so
that two workers never send the same e-mail.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt to the applicant")
    NEW_REQUEST = "new_request", _("New request, to coordinators")
    ASSIGNED = "assigned", _("Assigned, to the social worker")
    URGENT = "urgent", _("Marked urgent")
    REMINDER = "reminder", _("Deadline reminder")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")


class Notification(models.Model):
    help_request = models.ForeignKey(
        "intake.HelpRequest", on_delete=models.CASCADE, related_name="notifications", verbose_name=_("request")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    recipient = models.EmailField(_("recipient"))
    status = models.CharField(
        _("status"), max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Makes a repeated run (e.g. the reminder command twice a day) write the same e-mail once.
    dedupe_key = models.CharField(max_length=100, unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.help_request_id}:{self.kind}"
