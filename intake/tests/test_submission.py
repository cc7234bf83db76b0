"""Sending: one transaction, one request, one reference, whatever the applicant's browser does."""

import datetime

import pytest
from bs4 import BeautifulSoup

from intake.drafts import Draft
from intake.models import HelpRequest, Notification
from intake.services import register_request
from intake.summary import build_request, cleaned_answers
from intake.tests.walk import CHECK, PAGE, answers, fill_steps, send, step_url, token_from_check_page

pytestmark = pytest.mark.django_db
CONFIRMATION = PAGE + "potwierdzenie/"


def test_sending_saves_the_request_with_reference_and_deadline(client, intake_page, locality):
    fill_steps(client, answers(locality))

    response = send(client)

    assert response.status_code == 302 and response["Location"] == CONFIRMATION
    request = HelpRequest.objects.get()
    assert request.contact_name == "Anna Testowa" and request.locality == locality
    assert request.difficulty_areas == ["care", "money"]
    assert not request.is_urgent and request.channel == "online"
    assert request.privacy_acknowledged_at is not None
    received = request.received_at.astimezone(datetime.timezone(datetime.timedelta(hours=1))).date()
    assert request.interview_deadline > received
    page = BeautifulSoup(client.get(CONFIRMATION).content.decode(), "html.parser")
    assert page.select_one("[data-reference]").get_text(strip=True) == request.reference
    assert request.reference not in response["Location"]
    assert page.find("a", href="tel:112") is not None


def test_a_child_in_danger_makes_the_request_urgent(client, intake_page, locality):
    fill_steps(client, answers(locality, bezpieczenstwo={"child_in_danger": "yes"}))
    send(client)
    request = HelpRequest.objects.get()
    assert request.is_urgent and request.child_in_danger
    from django.utils import timezone

    from intake.deadlines import add_working_days

    assert request.interview_deadline == add_working_days(timezone.localdate(request.received_at), 2)
    assert "2 dni roboczych" in client.get(CONFIRMATION).content.decode()


def test_double_click_reload_and_resend_make_one_request(client, intake_page, locality):
    fill_steps(client, answers(locality))
    token = token_from_check_page(client)

    first = send(client, token)
    second = send(client, token)  # the second click of a double click
    resend = client.post(CHECK, {"privacy_acknowledged": "on", "token": token})  # back, then send again
    reload = client.get(CONFIRMATION)

    assert HelpRequest.objects.count() == 1
    assert first["Location"] == second["Location"] == resend["Location"] == CONFIRMATION
    assert HelpRequest.objects.get().reference in reload.content.decode()


def test_after_sending_the_answers_are_forgotten(client, intake_page, locality):
    fill_steps(client, answers(locality))
    send(client)
    assert client.get(CHECK)["Location"] == step_url("kto")
    assert "ul. Polna 3" not in client.get(step_url("kto")).content.decode()


def test_the_information_clause_must_be_acknowledged(client, intake_page, locality):
    fill_steps(client, answers(locality))
    response = client.post(CHECK, {"token": token_from_check_page(client)})
    assert response.status_code == 200
    assert "Potwierdź, że znasz informacje o przetwarzaniu danych." in response.content.decode()
    assert "Administratorem danych jest ośrodek." in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_honeypot_filled_means_nothing_is_saved(client, intake_page, locality):
    fill_steps(client, answers(locality))
    token = token_from_check_page(client)
    response = client.post(CHECK, {"privacy_acknowledged": "on", "token": token, "website": "http://spam"})
    assert response.status_code == 400
    assert HelpRequest.objects.count() == 0


def test_honeypot_sent_twice_with_an_empty_copy_last_still_saves_nothing(client, intake_page, locality):
    # Found by the property tests: only the last copy of the field was looked at.
    fill_steps(client, answers(locality))
    token = token_from_check_page(client)
    response = client.post(CHECK, {"privacy_acknowledged": "on", "token": token, "website": ["http://spam", ""]})
    assert response.status_code == 400
    assert "Nie udało się wysłać zgłoszenia" in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_sending_faster_than_a_person_can_is_refused_without_losing_answers(client, intake_page, locality, settings):
    settings.INTAKE_MIN_FILL_SECONDS = 3600
    fill_steps(client, answers(locality))
    response = send(client)
    assert response.status_code == 200
    assert "wysłany bardzo szybko" in response.content.decode()
    assert HelpRequest.objects.count() == 0
    settings.INTAKE_MIN_FILL_SECONDS = 0
    assert send(client).status_code == 302


def test_rate_limit_per_address_stops_a_flood_with_a_polish_message(client, intake_page, locality, settings):
    settings.INTAKE_RATE_LIMIT_PER_ADDRESS = (2, 3600)
    settings.INTAKE_RATE_LIMIT_PER_EMAIL = (100, 3600)
    for n in range(2):
        fill_steps(
            client, answers(locality, kontakt=dict(answers(locality)["kontakt"], contact_email=f"a{n}@example.pl"))
        )
        assert send(client).status_code == 302
    fill_steps(client, answers(locality))
    response = send(client)
    assert response.status_code == 429
    assert "zbyt wiele zgłoszeń" in response.content.decode()
    assert "Anna Testowa" in response.content.decode()  # the answers are still there
    assert HelpRequest.objects.count() == 2


def test_rate_limit_per_email(client, intake_page, locality, settings):
    settings.INTAKE_RATE_LIMIT_PER_EMAIL = (1, 3600)
    fill_steps(client, answers(locality))
    assert send(client).status_code == 302
    other = client.__class__(REMOTE_ADDR="10.0.0.9")
    fill_steps(other, answers(locality))
    assert send(other).status_code == 429


def test_recaptcha_is_checked_when_keys_are_configured(client, intake_page, locality, settings, monkeypatch):
    settings.INTAKE_RECAPTCHA_ENABLED = True
    calls = []

    class Answer:
        is_valid = False
        error_codes = ["invalid-input-response"]
        extra_data = {}

    def fake_submit(recaptcha_response, private_key, remoteip):
        calls.append(recaptcha_response)
        return Answer()

    monkeypatch.setattr("django_recaptcha.fields.client.submit", fake_submit)
    fill_steps(client, answers(locality))
    page = client.get(CHECK).content.decode()
    assert "Google" in page  # the information clause says data goes to Google
    token = token_from_check_page(client)
    response = client.post(CHECK, {"privacy_acknowledged": "on", "token": token, "g-recaptcha-response": "bad"})
    assert calls == ["bad"] and response.status_code == 200
    assert HelpRequest.objects.count() == 0
    Answer.is_valid = True
    response = client.post(CHECK, {"privacy_acknowledged": "on", "token": token, "g-recaptcha-response": "good"})
    assert response.status_code == 302 and HelpRequest.objects.count() == 1


def test_recaptcha_is_off_by_default(client, intake_page, locality):
    fill_steps(client, answers(locality))
    assert "g-recaptcha" not in client.get(CHECK).content.decode()
    assert "recaptcha" not in client.get(CHECK).content.decode().lower()


def test_markup_is_stored_as_typed_and_escaped_on_output(client, intake_page, locality):
    description = '<script>alert("x")</script> & "cudzysłów"'
    fill_steps(client, answers(locality, trudnosci={"description": description}))
    page = client.get(CHECK).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    send(client)
    assert HelpRequest.objects.get().description == description


def test_notifications_are_written_with_the_request(client, intake_page, locality, django_capture_on_commit_callbacks):
    fill_steps(client, answers(locality))
    with django_capture_on_commit_callbacks(execute=False):
        send(client)
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert "receipt" in kinds


def test_two_sends_racing_with_the_same_answers_make_one_request_and_one_set_of_emails(client, intake_page, locality):
    # Both clicks arrive before either has finished: each still finds the answers in the session.
    fill_steps(client, answers(locality))
    token = token_from_check_page(client)
    draft = Draft(client.session)

    first, first_created = register_request(build_request(cleaned_answers(draft), "pl"), submission_token=token)
    second, second_created = register_request(build_request(cleaned_answers(draft), "pl"), submission_token=token)

    assert (first_created, second_created) == (True, False)
    assert second.reference == first.reference and HelpRequest.objects.count() == 1
    assert Notification.objects.filter(kind="receipt").count() == 1
