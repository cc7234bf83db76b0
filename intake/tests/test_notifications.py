"""E-mails carry the reference and a link only; a mail server that is down loses nothing."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from intake.models import HelpRequest, Notification
from intake.notifications import deliver, deliver_pending, message_id
from intake.tests.walk import CHECK, answers, fill_steps, send
from portal.tests.test_settings import run_python

pytestmark = pytest.mark.django_db

PERSONAL = ["Anna Testowa", "600 100 200", "ul. Polna 3", "Trudno nam z rachunkami", "Dębnik", "4 i 9 lat"]
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
REFUSING = "intake.tests.test_notifications.RefusingBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down; remembers the Message-ID of every e-mail it was given."""

    tried = []

    def send_messages(self, messages):
        self.tried.extend(message.message()["Message-ID"] for message in messages)
        raise smtplib.SMTPConnectError(421, "down")


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
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = REFUSING
    request = submit(client, locality, django_capture_on_commit_callbacks)

    assert HelpRequest.objects.filter(pk=request.pk).exists()
    assert set(Notification.objects.values_list("status", flat=True)) == {"pending"}
    assert "anna@example.pl" not in caplog.text and request.reference in caplog.text

    settings.EMAIL_BACKEND = LOCMEM
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


def test_every_attempt_carries_the_same_message_id(
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks, settings
):
    RefusingBackend.tried = []
    settings.EMAIL_BACKEND = REFUSING
    request = submit(client, locality, django_capture_on_commit_callbacks)
    first_attempts = sorted(RefusingBackend.tried)

    settings.EMAIL_BACKEND = LOCMEM
    call_command("send_pending_notifications")

    assert sorted(m.message()["Message-ID"] for m in mail.outbox) == first_attempts
    assert first_attempts == sorted(message_id(n) for n in Notification.objects.all())
    assert len(set(first_attempts)) == 2  # one per notification
    for value in first_attempts:
        # Keyed: neither the reference nor a counter can be read from it.
        assert re.fullmatch(r"<[0-9a-f]{32}@localhost>", value), value
        assert request.reference not in value


def test_the_message_id_is_stable_and_uses_the_senders_domain(
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks, settings
):
    settings.DEFAULT_FROM_EMAIL = "Portal GOPS <portal@gops.example.pl>"
    submit(client, locality, django_capture_on_commit_callbacks)
    notification = Notification.objects.first()
    reloaded = Notification.objects.get(pk=notification.pk)
    assert message_id(notification) == message_id(reloaded)
    assert message_id(notification).endswith("@gops.example.pl>")


def test_a_claim_is_taken_again_only_after_the_claim_timeout(
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks, settings
):
    settings.INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS = 60
    fill_steps(client, answers(locality))
    with django_capture_on_commit_callbacks(execute=False):
        send(client)
    # A sender claimed both e-mails and died before recording what happened.
    Notification.objects.update(status="sending", claimed_at=timezone.now() - timedelta(seconds=30), attempts=1)

    assert deliver_pending() == (0, 0)  # still someone else's
    assert [deliver(pk) for pk in Notification.objects.values_list("pk", flat=True)] == [False, False]
    assert mail.outbox == []

    Notification.objects.update(claimed_at=timezone.now() - timedelta(seconds=61))
    assert deliver_pending() == (2, 0)
    assert set(Notification.objects.values_list("status", "attempts")) == {("sent", 2)}


def test_the_claim_timeout_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS", raising=False)
    code = "import portal.settings.base as s; print(s.INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS)"
    assert run_python(code).stdout.strip() == "600"
    assert run_python(code, INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS="45").stdout.strip() == "45"


def test_a_queue_that_fails_after_saving_still_shows_the_reference(
    client, intake_page, locality, coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    def database_gone(notifications):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("intake.notifications.enqueue", database_gone)
    fill_steps(client, answers(locality))
    token = client.get(CHECK).context["form"].initial["token"]
    # The callbacks run as the commit would; a failing one is logged, not raised into the request.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CHECK, {"privacy_acknowledged": "on", "token": token, "website": ""})

    assert response.status_code == 302 and response.url.endswith("/potwierdzenie/")
    request = HelpRequest.objects.get()
    assert request.reference in client.get(response.url).content.decode()
    # The e-mails wait in the outbox for `send_pending_notifications`.
    assert set(request.notifications.values_list("status", flat=True)) == {"pending"}
