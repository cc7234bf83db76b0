"""A request records the language it was sent in: the address's (/uk/, /en/), Polish without a prefix."""

import pytest

from intake.models import HelpRequest, RequestLanguage
from intake.tests.walk import PAGE, answers, fill_steps, send

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_the_request_records_the_language_of_the_form_it_was_sent_from(
    client, translated_intake_page, locality, language
):
    page = PAGE if language == "pl" else translated_intake_page(language).url
    fill_steps(client, answers(locality), page)
    assert send(client, page=page).status_code == 302
    assert HelpRequest.objects.get().language == language


def test_the_browsers_language_does_not_change_the_recorded_one(client, intake_page, locality):
    fill_steps(client, answers(locality))
    client.post(PAGE + "sprawdz/", {}, HTTP_ACCEPT_LANGUAGE="uk")
    send(client)
    assert HelpRequest.objects.get().language == RequestLanguage.POLISH


def test_a_polish_page_served_under_uk_records_ukrainian(client, intake_page, locality):
    # No Ukrainian translation of the page yet: the form is still filled in the Ukrainian interface.
    fill_steps(client, answers(locality), "/uk/popros-o-pomoc/")
    send(client, page="/uk/popros-o-pomoc/")
    assert HelpRequest.objects.get().language == RequestLanguage.UKRAINIAN
