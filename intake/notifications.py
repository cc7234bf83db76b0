"""E-mails about requests: only the reference, next steps and a link; never what the applicant wrote."""

import logging
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django_tasks import task

from intake.models import Notification, NotificationKind, NotificationStatus
from intake.roles import COORDINATORS

logger = logging.getLogger(__name__)


def _stale_claims_before():
    """A claim older than this belongs to a sender that died mid-send (INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS)."""
    return timezone.now() - timedelta(seconds=settings.INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS)


def coordinator_emails():
    users = get_user_model().objects.filter(is_active=True, groups__name=COORDINATORS).exclude(email="")
    emails = sorted(set(users.values_list("email", flat=True)))
    if emails:
        return emails
    # No coordinators yet: the centre's own mailbox must still hear of the request.
    from wagtail.models import Site

    from home.models import CentreSettings

    site = Site.objects.filter(is_default_site=True).first()
    centre_email = CentreSettings.for_site(site).email if site else ""
    return [centre_email] if centre_email else []


def _worker_email(help_request):
    worker = help_request.assigned_to
    return [worker.email] if worker is not None and worker.is_active and worker.email else []


def queue(help_request, kind, recipients, dedupe=None):
    """Write notifications of one kind and send them after commit. Returns those written now."""
    written = []
    for email in recipients:
        key = f"{dedupe}:{email}" if dedupe else None
        if key and Notification.objects.filter(dedupe_key=key).exists():
            continue
        written.append(
            Notification.objects.create(help_request=help_request, kind=kind, recipient=email, dedupe_key=key)
        )
    if written:
        # Robust: the request is committed by now, so a queue that fails (the database just went
        # away) must not turn the applicant's confirmation into an error page. The e-mails stay
        # pending in the outbox and `send_pending_notifications` sends them.
        transaction.on_commit(lambda: enqueue(written), robust=True)
    return written


def on_received(help_request):
    """A new request: the receipt if asked for, and the coordinators. Call inside the saving transaction."""
    receipt = [help_request.contact_email] if help_request.wants_receipt and help_request.contact_email else []
    return queue(help_request, NotificationKind.RECEIPT, receipt) + queue(
        help_request, NotificationKind.NEW_REQUEST, coordinator_emails()
    )


def on_assigned(help_request):
    return queue(help_request, NotificationKind.ASSIGNED, _worker_email(help_request))


def on_marked_urgent(help_request):
    recipients = sorted(set(coordinator_emails()) | set(_worker_email(help_request)))
    return queue(help_request, NotificationKind.URGENT, recipients)


def send_deadline_reminders(today=None):
    """One reminder a day per request due today or overdue, to its worker (or the coordinators)."""
    from intake.models import OPEN_STATUSES, HelpRequest

    today = today or timezone.localdate()
    due = HelpRequest.objects.filter(status__in=OPEN_STATUSES, interview_deadline__lte=today).select_related(
        "assigned_to"
    )
    coordinators = None
    written = []
    for help_request in due:
        recipients = _worker_email(help_request)
        if not recipients:
            coordinators = coordinator_emails() if coordinators is None else coordinators
            recipients = coordinators
        with transaction.atomic():
            written += queue(
                help_request, NotificationKind.REMINDER, recipients, dedupe=f"reminder:{help_request.pk}:{today}"
            )
    return written


def enqueue(notifications):
    for notification in notifications:
        deliver_notification.enqueue(notification.pk)


@task()
def deliver_notification(notification_id):
    deliver(notification_id)


def _claim(notification_id):
    """Mark a notification as being sent; False when another worker has it or it is done."""
    stale = _stale_claims_before()
    claimable = Q(status=NotificationStatus.PENDING) | Q(status=NotificationStatus.SENDING, claimed_at__lt=stale)
    with transaction.atomic():
        return bool(
            Notification.objects.filter(claimable, pk=notification_id).update(
                status=NotificationStatus.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
            )
        )


def deliver(notification_id):
    """Send one notification. Returns True when it went out."""
    if not _claim(notification_id):
        return False
    notification = Notification.objects.select_related("help_request").get(pk=notification_id)
    subject, body = render(notification)
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [notification.recipient],
        headers={"Message-ID": message_id(notification)},
    )
    try:
        message.send()
    except Exception as error:  # any failure of the mail server: keep it for a retry
        gave_up = notification.attempts >= settings.INTAKE_NOTIFICATION_MAX_ATTEMPTS
        Notification.objects.filter(pk=notification.pk).update(
            status=NotificationStatus.FAILED if gave_up else NotificationStatus.PENDING, claimed_at=None
        )
        # The reference and kind only: the recipient's address is personal data.
        logger.warning(
            "e-mail %s for request %s not sent (attempt %s): %s",
            notification.kind,
            notification.help_request.reference,
            notification.attempts,
            type(error).__name__,
        )
        return False
    Notification.objects.filter(pk=notification.pk).update(status=NotificationStatus.SENT, sent_at=timezone.now())
    return True


def deliver_pending():
    """Send everything still waiting (run regularly, e.g. from cron). Returns (sent, failed)."""
    stale = _stale_claims_before()
    waiting = Notification.objects.filter(
        Q(status=NotificationStatus.PENDING) | Q(status=NotificationStatus.SENDING, claimed_at__lt=stale)
    ).values_list("pk", flat=True)
    sent = failed = 0
    for pk in list(waiting):
        if deliver(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


def message_id(notification):
    """The same Message-ID on every attempt to send this notification.

    Delivery is at least once: if the mail server took the e-mail and the sender died
    before recording it as sent, it goes again after the claim times out. The second
    copy then carries the same Message-ID, so mail clients and staff can tell it is the
    same e-mail. Keyed with SECRET_KEY, so it says nothing about how many e-mails the
    centre sends; the creation time keeps it unique if ids are reused after a restore.
    """
    created = int(notification.created_at.timestamp() * 1_000_000)
    digest = salted_hmac("intake.notification.message-id", f"{notification.pk}:{created}").hexdigest()[:32]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or str(DNS_NAME)
    return f"<{digest}@{domain}>"


def language_of(notification):
    """The applicant reads their receipt in the language they sent the request in; staff read Polish.

    Never the language active where the e-mail is queued or sent: a worker process, or a
    request served under /uk/, would otherwise decide it.
    """
    if notification.kind == NotificationKind.RECEIPT:
        return notification.help_request.language
    return settings.LANGUAGE_CODE


def render(notification):
    help_request = notification.help_request
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(language_of(notification)):
        context = {
            "reference": help_request.reference,
            "deadline": help_request.interview_deadline,
            "is_urgent": help_request.is_urgent,
            "overdue": help_request.interview_deadline < timezone.localdate(),
            # "potrzebny tłumacz: tak/PJM" and no more: which language, with the locality, could
            # point at one family in a small municipality; the request's page says it.
            "interpreter": help_request.interpreter,
            "admin_url": base_url + reverse("requests:inspect", args=[help_request.pk]),
            # The site's home page in the e-mail's language (/uk/, /en/).
            "site_url": base_url + reverse("wagtail_serve", args=[""]),
        }
        template = f"intake/emails/{notification.kind}"
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        return subject, render_to_string(f"{template}.txt", context)
