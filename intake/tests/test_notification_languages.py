"""The applicant's receipt is in the language the request was sent in; staff e-mails are Polish, always."""

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from intake import workflow
from intake.dates import by_date
from intake.models import HelpRequest
from intake.notifications import deliver_pending
from intake.tests.factories import make_social_worker
from intake.tests.walk import PAGE, answers, fill_steps, send

pytestmark = pytest.mark.django_db

APPLICANT = "anna@example.pl"
COORDINATOR = "koordynator@gops.example.pl"


def gettext_in(language, msgid, **values):
    with translation.override(language):
        return translation.gettext(msgid) % values


def sent(client, locality, page, django_capture_on_commit_callbacks, deliver=True, **contact):
    fill_steps(client, answers(locality, kontakt=dict(answers(locality)["kontakt"], **contact)), page)
    with django_capture_on_commit_callbacks(execute=deliver):
        assert send(client, page=page).status_code == 302
    return HelpRequest.objects.get()


def e_mail_to(address):
    (message,) = [message for message in mail.outbox if message.to == [address]]
    return message


def assert_polish_staff_note(message, help_request):
    assert message.subject == gettext_in("pl", "New request %(reference)s", reference=help_request.reference)
    assert message.body.startswith(
        gettext_in(
            "pl",
            "A new request has arrived: %(reference)s.\nThe interview is due %(by_deadline)s.\n\nOpen it in the admin (log in first):\n%(admin_url)s",
            reference=help_request.reference,
            by_deadline=by_date(help_request.interview_deadline, "pl"),
            admin_url="",
        )
    ), message.body
    assert by_date(help_request.interview_deadline, "pl") in message.body


@pytest.mark.parametrize("language", ["uk", "en"])
def test_a_request_sent_in_ukrainian_or_english_gets_its_receipt_in_that_language_and_staff_polish(
    client, translated_intake_page, locality, coordinator, django_capture_on_commit_callbacks, language
):
    page = translated_intake_page(language).url
    help_request = sent(client, locality, page, django_capture_on_commit_callbacks)

    receipt = e_mail_to(APPLICANT)
    assert receipt.subject == gettext_in(language, "Your request %(reference)s", reference=help_request.reference)
    expected = gettext_in(
        language,
        "A social worker will contact you %(by_deadline)s.",
        by_deadline=by_date(help_request.interview_deadline, language),
    )
    assert expected in receipt.body
    assert by_date(help_request.interview_deadline, "pl") not in receipt.body
    greeting = (
        "Hello,\n\nwe have received your request for support. Its reference is:\n\n    %(reference)s\n\n"
        "Give it when you call us."
    )
    assert gettext_in(language, greeting, reference=help_request.reference) in receipt.body
    assert gettext_in("pl", greeting, reference=help_request.reference) not in receipt.body
    # The way back to the site, in the same language.
    assert f"/{language}/" in receipt.body.split()[-1]

    assert_polish_staff_note(e_mail_to(COORDINATOR), help_request)


def test_a_polish_request_gets_a_polish_receipt(client, intake_page, locality, django_capture_on_commit_callbacks):
    help_request = sent(client, locality, PAGE, django_capture_on_commit_callbacks)
    receipt = e_mail_to(APPLICANT)
    assert receipt.subject == f"Twoje zgłoszenie {help_request.reference}"
    assert by_date(help_request.interview_deadline, "pl") in receipt.body
    assert receipt.body.split()[-1] == settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"


@pytest.mark.parametrize("worker_language", ["pl", "en", "uk"])
def test_a_worker_process_in_another_language_changes_nothing(
    client, translated_intake_page, locality, coordinator, django_capture_on_commit_callbacks, worker_language
):
    # The e-mails are queued while the Ukrainian page is served, and sent later by a process
    # (the task worker, cron) in whatever language happens to be active there.
    page = translated_intake_page("uk").url
    help_request = sent(client, locality, page, django_capture_on_commit_callbacks, deliver=False)
    assert mail.outbox == []
    with translation.override(worker_language):
        assert deliver_pending() == (2, 0)
        assert translation.get_language() == worker_language

    assert e_mail_to(APPLICANT).subject == f"Ваше звернення {help_request.reference}"
    assert by_date(help_request.interview_deadline, "uk") in e_mail_to(APPLICANT).body
    assert_polish_staff_note(e_mail_to(COORDINATOR), help_request)


def test_staff_e_mails_about_a_ukrainian_request_are_polish(
    client, translated_intake_page, locality, coordinator, django_capture_on_commit_callbacks
):
    page = translated_intake_page("uk").url
    help_request = sent(client, locality, page, django_capture_on_commit_callbacks)
    worker = make_social_worker("pracownik1", locality)
    mail.outbox.clear()
    # A coordinator acting while the active language is Ukrainian still writes to staff in Polish.
    with translation.override("uk"), django_capture_on_commit_callbacks(execute=True):
        workflow.assign(help_request, worker, coordinator)
        workflow.set_urgent(help_request, True, coordinator)
    subjects = sorted(message.subject for message in mail.outbox)
    # Sent after both actions: the assignment already reads as urgent.
    assert subjects == [
        f"PILNE: przypisano ci zgłoszenie {help_request.reference}",
        f"PILNE: zgłoszenie {help_request.reference}",
        f"PILNE: zgłoszenie {help_request.reference}",
    ], subjects


@pytest.mark.parametrize(
    ("contact", "line"),
    [
        ({"interpreter": "language", "interpreter_language": "tigrinia"}, "Potrzebny tłumacz: tak."),
        ({"interpreter": "pjm"}, "Potrzebny tłumacz: PJM."),
        ({"interpreter": "none"}, None),
    ],
    ids=["language", "pjm", "none"],
)
def test_the_coordinators_note_says_only_whether_an_interpreter_is_needed(
    client, translated_intake_page, locality, coordinator, django_capture_on_commit_callbacks, contact, line
):
    page = translated_intake_page("uk").url
    sent(client, locality, page, django_capture_on_commit_callbacks, **contact)
    note = e_mail_to(COORDINATOR)
    lines = [text for text in note.body.splitlines() if "łumacz" in text]
    assert lines == ([line] if line else [])
    # Neither the language asked for nor the request's own: the request's page has them.
    assert "tigrinia" not in note.body and "ukrai" not in note.body.lower()
    assert "łumacz" not in e_mail_to(APPLICANT).body
