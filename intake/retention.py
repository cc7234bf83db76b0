"""Anonymising closed requests after the retention period.

What stays is what statistics need: the dates, the locality, the channel, the kind
of requester, the language the request was sent in, urgency, status and outcome.
Everything that could identify a person goes: names, contacts, addresses, children's
details, the description, the interpreter asked for (a sign language interpreter says
someone is deaf), the notes' text and the e-mail addresses in the outbox. Log entries
stay: they name the request by its reference only.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from intake.models import FosterCare, HelpRequest, Interpreter, Status

CLEARED = {
    "institution_name": "",
    "address": "",
    "postal_code": "",
    "children_count": None,
    "children_ages": "",
    "foster_care": FosterCare.UNKNOWN,
    "difficulty_areas": [],
    "description": "",
    "contact_name": "",
    "contact_phone": "",
    "contact_email": "",
    "best_time_to_call": "",
    "interpreter": Interpreter.NONE,
    "interpreter_language": "",
    "interview_place": "",
}


def due_for_anonymisation(now=None):
    cutoff = (now or timezone.now()) - timedelta(days=settings.INTAKE_RETENTION_DAYS)
    return HelpRequest.objects.filter(status=Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True)


def anonymise(help_request):
    with transaction.atomic():
        for field, value in CLEARED.items():
            setattr(help_request, field, value)
        help_request.anonymised_at = timezone.now()
        help_request.save(update_fields=[*CLEARED, "anonymised_at"])
        help_request.notes.all().delete()
        help_request.notifications.all().delete()
        log(help_request, "intake.anonymise", user=None)
