"""E-mails of the triage: assignment, urgency, daily reminders; auto-assignment."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from intake import workflow
from intake.models import IntakeSettings, Status
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_assignment_tells_the_worker_with_reference_and_link_only(coordinator, django_capture_on_commit_callbacks):
    worker = make_social_worker("pracownik1")
    request = HelpRequestFactory(contact_name="Anna Testowa", address="ul. Polna 3")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.assign(request, worker, coordinator)
    [message] = to("pracownik1@gops.example.pl")
    assert request.reference in message.subject
    assert f"/admin/requests/inspect/{request.pk}/" in message.body
    assert "Anna" not in message.body and "Polna" not in message.body


def test_marking_urgent_tells_coordinators_and_the_worker_at_once(coordinator, django_capture_on_commit_callbacks):
    worker = make_social_worker("pracownik1")
    request = HelpRequestFactory()
    workflow.assign(request, worker, coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.set_urgent(request, True, coordinator)
    assert len(to("pracownik1@gops.example.pl")) == 1 and len(to("koordynator@gops.example.pl")) == 1
    assert to("koordynator@gops.example.pl")[0].subject.startswith("PILNE")


def test_reminders_twice_in_a_day_send_once(coordinator, django_capture_on_commit_callbacks):
    worker = make_social_worker("pracownik1")
    late = HelpRequestFactory(received_at=timezone.now() - datetime.timedelta(days=40))
    HelpRequestFactory()  # not due yet
    workflow.assign(late, worker, coordinator)
    unassigned_late = HelpRequestFactory(received_at=timezone.now() - datetime.timedelta(days=40))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders")

    assert [m.subject for m in to("pracownik1@gops.example.pl")] == [f"Po terminie: zgłoszenie {late.reference}"]
    assert [m.subject for m in to("koordynator@gops.example.pl")] == [
        f"Po terminie: zgłoszenie {unassigned_late.reference}"
    ]


def test_auto_assignment_when_the_centre_turns_it_on(coordinator, home_page):
    settings = IntakeSettings.for_site(Site.objects.get(is_default_site=True))
    settings.auto_assign = True
    settings.save()
    debnik = LocalityFactory(name="Dębnik")
    worker = make_social_worker("pracownik1", debnik)
    request = HelpRequestFactory(locality=debnik)
    assert request.status == Status.ASSIGNED and request.assigned_to == worker


def test_no_auto_assignment_by_default(coordinator, home_page):
    debnik = LocalityFactory(name="Dębnik")
    make_social_worker("pracownik1", debnik)
    assert HelpRequestFactory(locality=debnik).status == Status.NEW
