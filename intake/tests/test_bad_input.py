"""Bad or hostile input gets a clear answer, never a 500, and never loses the answers."""

import pytest
from django.test import Client

from intake.models import HelpRequest
from intake.tests.walk import CHECK, answers, fill_steps, step_url

pytestmark = pytest.mark.django_db


def test_null_bytes_are_refused_with_a_message(client, intake_page, locality):
    fill_steps(client, {"kto": answers(locality)["kto"]})
    response = client.post(step_url("rodzina"), dict(answers(locality)["rodzina"], address="ul.\x00 Polna"))
    assert response.status_code == 200
    assert "id_address-error" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"requester_type": "x" * 100_000},
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


def test_an_oversized_post_is_refused_early(client, intake_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(step_url("kto"), {"requester_type": "own_family", "filler": "x" * 20_000})
    assert response.status_code == 400


def test_too_many_fields_are_refused(client, intake_page, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = {f"f{n}": "x" for n in range(100)}
    response = client.post(step_url("kto"), data)
    assert response.status_code == 400


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
