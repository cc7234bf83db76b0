"""Registering a request: one transaction, one reference, one deadline, its e-mails queued."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from intake import notifications
from intake.deadlines import interview_deadline
from intake.models import HelpRequest
from intake.references import new_reference

logger = logging.getLogger(__name__)

REFERENCE_ATTEMPTS = 10


def _auto_assign(help_request):
    from intake import workflow
    from intake.models import IntakeSettings
    from intake.routing import suggest_worker

    if not IntakeSettings.auto_assign_on():
        return
    worker = suggest_worker(help_request)
    if worker is not None:
        workflow.assign(help_request, worker, user=None)


def register_request(help_request, submission_token=None):
    """Save a new request and queue its e-mails. Returns (request, created).

    The same `submission_token` always gives back the request it first created,
    however often it is sent: a double click or a resend is not a second request.
    The token's unique key decides (the request form looks it up before calling).
    """
    help_request.submission_token = submission_token
    if help_request.received_at is None:
        help_request.received_at = timezone.now()
    help_request.is_urgent = help_request.is_urgent or help_request.child_in_danger
    help_request.interview_deadline = interview_deadline(help_request.received_at, help_request.is_urgent)

    for _attempt in range(REFERENCE_ATTEMPTS):
        help_request.reference = new_reference()
        try:
            with transaction.atomic():
                help_request.save(force_insert=True)
                notifications.on_received(help_request)
                _auto_assign(help_request)
        except IntegrityError:
            help_request.pk = None
            if submission_token is not None:
                existing = HelpRequest.objects.filter(submission_token=submission_token).first()
                if existing:
                    return existing, False
            continue  # the reference was taken: draw another
        logger.info("help request %s registered (urgent=%s)", help_request.reference, help_request.is_urgent)
        return help_request, True
    raise RuntimeError("could not find a free reference")
