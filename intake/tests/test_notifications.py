"""E-mails carry the reference and a link only; a mail server that is down loses nothing."""

import smtplib

import pytest
from django.core import mail
from django.core.management import call_command

from intake.models import HelpRequest, Notification
from intake.notifications import deliver, deliver_pending
from intake.tests.walk import answers, fill_steps, send

pytestmark = pytest.mark.django_db

PERSONAL = ["Anna Testowa", "600 100 200", "ul. Polna 3", "Trudno nam z rachunkami", "Dębnik", "4 i 9 lat"]


def submit(client, locality, django_capture_on_commit_callbacks, **overrides):
    fill_steps(client, answers(locality, **overrides))
    with django_capture_on_commit_callbacks(execute=True):
        send(client)
    return HelpRequest.objects.latest("received_at")


def test_receipt_and_coordinator_emails_hold_no_personal_data(
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks
):
    request = submit(client, locality, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.pl", "koordynator@gops.example.pl"]
    receipt = next(m for m in mail.outbox if m.to == ["anna@example.pl"])
    alert = next(m for m in mail.outbox if m.to == ["koordynator@gops.example.pl"])
    assert request.reference in receipt.subject and request.reference in receipt.body
    assert "112" in receipt.body
    assert request.reference in alert.subject
    assert f"/admin/requests/inspect/{request.pk}/" in alert.body
    for message in mail.outbox:
        for value in PERSONAL:
            assert value not in message.subject + message.body, value
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_no_receipt_unless_asked_for(client, intake_page, locality, coordinator, django_capture_on_commit_callbacks):
    contact = dict(answers(locality)["kontakt"])
    contact.pop("wants_receipt")
    submit(client, locality, django_capture_on_commit_callbacks, kontakt=contact)
    assert [m.to for m in mail.outbox] == [["koordynator@gops.example.pl"]]


def test_urgent_requests_say_so_to_coordinators(
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks
):
    submit(client, locality, django_capture_on_commit_callbacks, bezpieczenstwo={"child_in_danger": "yes"})
    alert = next(m for m in mail.outbox if m.to == ["koordynator@gops.example.pl"])
    assert alert.subject.startswith("PILNE")


def test_without_coordinators_the_centres_mailbox_is_told(
    client, intake_page, locality, centre_settings, django_capture_on_commit_callbacks
):
    submit(client, locality, django_capture_on_commit_callbacks)
    assert ["sekretariat@gops.example.pl"] in [m.to for m in mail.outbox]


def test_mail_server_down_keeps_the_request_and_retries_later(
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "down")

    monkeypatch.setattr("intake.notifications.send_mail", refuse)
    request = submit(client, locality, django_capture_on_commit_callbacks)

    assert HelpRequest.objects.filter(pk=request.pk).exists()
    assert set(Notification.objects.values_list("status", flat=True)) == {"pending"}
    assert "anna@example.pl" not in caplog.text and request.reference in caplog.text

    monkeypatch.undo()
    call_command("send_pending_notifications")
    call_command("send_pending_notifications")  # run again: nothing is sent twice

    assert len(mail.outbox) == 2
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_a_notification_is_claimed_once(client, intake_page, locality, coordinator, django_capture_on_commit_callbacks):
    fill_steps(client, answers(locality))
    with django_capture_on_commit_callbacks(execute=False):
        send(client)
    notification = Notification.objects.first()
    assert deliver(notification.pk) is True
    assert deliver(notification.pk) is False
    assert deliver_pending() == (1, 0)  # only the other one was still waiting
    assert len(mail.outbox) == 2
