"""Leaving fast: the answers are forgotten and the browser lands on a neutral site."""

import pytest

from home.tests.factories import InformationPageFactory
from intake.tests.walk import CHECK, answers, fill_steps, step_url

pytestmark = pytest.mark.django_db


def test_leave_clears_the_answers_and_goes_to_a_neutral_site(client, intake_page, locality, settings):
    settings.INTAKE_QUICK_EXIT_URL = "https://pogoda.example.pl/"
    fill_steps(client, answers(locality))

    response = client.get("/wyjdz/")

    assert response.status_code == 302 and response["Location"] == "https://pogoda.example.pl/"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "cookies" in response["Clear-Site-Data"]
    assert client.get(CHECK)["Location"] == step_url("kto")


def test_every_step_offers_the_leave_button(client, intake_page, locality):
    steps = answers(locality)
    for slug, data in steps.items():
        assert 'href="/wyjdz/"' in client.get(step_url(slug)).content.decode(), slug
        client.post(step_url(slug), data)
    assert 'href="/wyjdz/"' in client.get(CHECK).content.decode()


def test_sensitive_information_pages_offer_it_and_others_do_not(client, home_page):
    violence = InformationPageFactory(parent=home_page, slug="przemoc", show_quick_exit=True)
    plain = InformationPageFactory(parent=home_page, slug="godziny")
    assert 'href="/wyjdz/"' in client.get(violence.url).content.decode()
    assert 'href="/wyjdz/"' not in client.get(plain.url).content.decode()
