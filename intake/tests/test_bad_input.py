"""Bad or hostile input gets a clear answer, never a 500, and never loses the answers."""

import pytest
from django.conf import settings
from django.test import Client

from intake.models import HelpRequest
from intake.tests.walk import CHECK, answers, fill_steps, send, step_url

pytestmark = pytest.mark.django_db


def test_null_bytes_are_refused_with_a_message(client, intake_page, locality):
    fill_steps(client, {"kto": answers(locality)["kto"]})
    response = client.post(step_url("rodzina"), dict(answers(locality)["rodzina"], address="ul.\x00 Polna"))
    assert response.status_code == 200
    assert "id_address_error" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"requester_type": "x" * 10_000},  # far longer bodies are refused before any form (see below)
        {"requester_type": ["own_family", "institution"]},
        {"requester_type": "institution", "institution_type": "martian", "institution_name": "\u202e😀\u0000" * 10},
        {"unknown": "field"},
    ],
)
def test_malformed_values_get_a_form_error(client, intake_page, data):
    response = client.post(step_url("kto"), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "data-error-summary" in response.content.decode()


def test_an_answer_sent_twice_does_not_break_a_later_step(client, intake_page, locality):
    # Found by the property tests: the family's address sent twice reached the contact
    # step as a list, and choosing to stay anonymous there gave a server error.
    steps = answers(locality, kto={"requester_type": "other_family"}, kontakt={"anonymous": "on"})
    steps["rodzina"]["address"] = ["ul. Polna 3", "ul. Polna 3"]
    fill_steps(client, steps)
    assert "ul. Polna 3" in client.get(CHECK).content.decode()
    send(client)
    saved = HelpRequest.objects.get()
    assert saved.anonymous and saved.address == "ul. Polna 3"


def test_wrong_types_and_overlong_text(client, intake_page, locality):
    steps = answers(locality)
    fill_steps(client, {k: steps[k] for k in ("kto",)})
    bad_family = dict(steps["rodzina"], locality="abc", children_count="1e309", postal_code="8" * 50)
    response = client.post(step_url("rodzina"), bad_family)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Wybierz miejscowość z listy" in text
    fill_steps(client, {"rodzina": steps["rodzina"]})
    response = client.post(step_url("trudnosci"), {"description": "a" * 6000, "difficulty_areas": ["bogus"]})
    assert response.status_code == 200
    assert "5000" in response.content.decode()


def test_an_oversized_post_is_refused_early_and_the_earlier_answers_stay(client, intake_page, locality):
    fill_steps(client, {"kto": answers(locality)["kto"]})
    oversized = dict(answers(locality)["rodzina"], address="x" * (settings.PUBLIC_MAX_BODY_SIZE + 1))
    response = client.post(step_url("rodzina"), oversized)
    assert response.status_code == 413
    assert "Skróć tekst i wyślij go jeszcze raz." in response.content.decode()
    assert client.get(CHECK)["Location"] == step_url("rodzina")  # "who is asking" is still answered


def test_too_many_fields_are_refused_with_a_clear_message(client, intake_page):
    data = {f"f{n}": "x" for n in range(settings.PUBLIC_MAX_NUMBER_FIELDS + 1)}
    response = client.post(step_url("kto"), dict(data, requester_type="own_family"))
    assert response.status_code == 400
    assert "większą liczbą pól" in response.content.decode()
    assert client.get(CHECK)["Location"] == step_url("kto")  # nothing was kept from it


def test_missing_csrf_token_gets_a_polish_page_and_keeps_the_earlier_answers(intake_page, locality):
    browser = Client(enforce_csrf_checks=True)
    browser.get(step_url("kto"))
    response = browser.post(step_url("kto"), {"requester_type": "own_family"})
    assert response.status_code == 403
    assert "Wróć" in response.content.decode() or "wróć" in response.content.decode()
    assert HelpRequest.objects.count() == 0


def test_a_forged_token_on_the_check_page_does_not_save_or_break(client, intake_page, locality):
    fill_steps(client, answers(locality))
    response = client.post(CHECK, {"privacy_acknowledged": "on", "token": "not-a-uuid"})
    assert response.status_code == 200
    assert HelpRequest.objects.count() == 0


def test_unknown_step_is_a_404(client, intake_page):
    assert client.get("/popros-o-pomoc/krok/nie-ma/").status_code == 404
