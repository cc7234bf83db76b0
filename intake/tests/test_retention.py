"""Closed requests are anonymised after the retention period; statistics and the log stay."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from intake import workflow
from intake.models import HelpRequest, Outcome, RequestLogEntry
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


def closed_request(days_ago, **kwargs):
    request = HelpRequestFactory(**kwargs)
    worker = make_social_worker(f"pracownik{request.pk}")
    workflow.assign(request, worker, None)
    workflow.add_note(request, "Rodzina mieszka w trudnych warunkach.", worker)
    workflow.close(request, Outcome.UNREACHABLE, worker)
    HelpRequest.objects.filter(pk=request.pk).update(closed_at=timezone.now() - datetime.timedelta(days=days_ago))
    return request


def run(*args):
    out = StringIO()
    call_command("purge_closed_requests", *args, stdout=out)
    return out.getvalue()


def test_old_closed_requests_are_anonymised_and_recent_ones_kept(settings):
    settings.INTAKE_RETENTION_DAYS = 365
    debnik = LocalityFactory(name="Dębnik")
    old = closed_request(400, locality=debnik, contact_email="anna@example.pl", child_in_danger=True)
    recent = closed_request(10)
    open_request = HelpRequestFactory()
    log_count = RequestLogEntry.objects.count()

    assert "would anonymise 1" in run("--dry-run")
    assert HelpRequest.objects.get(pk=old.pk).contact_name == "Anna Testowa"

    assert "anonymised 1" in run()
    old.refresh_from_db()
    assert old.anonymised_at is not None
    assert (old.contact_name, old.address, old.description, old.contact_email) == ("", "", "", "")
    assert old.locality == debnik and old.is_urgent and old.outcome == Outcome.UNREACHABLE
    assert old.received_at and old.closed_at and old.interview_deadline
    assert not old.notes.exists() and not old.notifications.exists()
    assert RequestLogEntry.objects.count() == log_count + 1  # nothing deleted, one entry added
    assert HelpRequest.objects.get(pk=recent.pk).contact_name == "Anna Testowa"
    assert HelpRequest.objects.get(pk=open_request.pk).contact_name == "Anna Testowa"
    assert "anonymised 0" in run()  # running again does nothing more


def test_the_interpreter_goes_with_the_rest_and_the_language_stays(settings):
    # "Polish Sign Language" says that someone in the family is deaf: health data (GDPR art. 9).
    settings.INTAKE_RETENTION_DAYS = 365
    old = closed_request(400, language="uk", interpreter="pjm")
    other = closed_request(400, interpreter="language", interpreter_language="tigrinia")
    run()
    old.refresh_from_db()
    other.refresh_from_db()
    assert (old.interpreter, other.interpreter, other.interpreter_language) == ("none", "none", "")
    assert old.language == "uk"


def test_an_anonymised_request_cannot_be_reopened(settings):
    settings.INTAKE_RETENTION_DAYS = 1
    old = closed_request(5)
    run()
    old.refresh_from_db()
    with pytest.raises(workflow.TransitionError):
        workflow.reopen(old, None)
