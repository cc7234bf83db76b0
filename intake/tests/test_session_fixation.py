"""A session id planted in a browser (a shared computer) never shows the answers typed after it.

The attack: someone opens the form, keeps the session cookie it got, and leaves it in a
library's browser. The next person there asks for help. With the same id the first one
would open the check page and read the family's name, address, phone and description.
A new session id is issued when the first answer is stored and again when the request
is sent, with Django's own cycle_key().
"""

import pytest
from django.conf import settings
from django.test import Client

from intake.models import HelpRequest
from intake.tests.walk import CHECK, PAGE, answers, fill_steps, send, step_url

pytestmark = pytest.mark.django_db

COOKIE = settings.SESSION_COOKIE_NAME


def session_key(client):
    return client.cookies[COOKIE].value if COOKIE in client.cookies else None


def planted_session(intake_page):
    """A session id as the one who plants it gets it: by opening the first step."""
    planter = Client()
    assert planter.get(step_url("kto")).status_code == 200
    key = session_key(planter)
    assert key
    return key


def browser_with(key):
    browser = Client()
    browser.cookies[COOKIE] = key
    return browser


def test_the_first_answer_gets_a_new_session_id(client, intake_page):
    client.get(step_url("kto"))
    before = session_key(client)
    assert before
    fill_steps(client, {"kto": {"requester_type": "own_family"}})
    after_first = session_key(client)
    assert after_first != before
    # Later steps keep the id (no churn on every step); the answers stay with it.
    response = client.post(step_url("rodzina"), {})
    assert session_key(client) == after_first
    assert response.status_code == 200


def test_sending_gets_a_new_session_id_again(client, intake_page, locality):
    fill_steps(client, answers(locality))
    while_filling = session_key(client)
    response = send(client)
    assert response.status_code == 302
    after_sending = session_key(client)
    assert after_sending != while_filling
    # The confirmation with the reference shows in the browser that sent it...
    reference = HelpRequest.objects.get().reference
    assert reference in client.get(response["Location"]).content.decode()
    # ...and not to the id used while filling in.
    assert browser_with(while_filling).get(response["Location"]).status_code == 302


def test_a_planted_session_id_does_not_show_the_victims_answers(intake_page, locality):
    key = planted_session(intake_page)
    victim = browser_with(key)
    fill_steps(victim, answers(locality))
    check = victim.get(CHECK)
    assert check.status_code == 200 and "Anna Testowa" in check.content.decode()

    attacker = browser_with(key)
    response = attacker.get(CHECK)
    # Without answers the check page sends to the first step, which shows nothing typed.
    assert response.status_code == 302 and response["Location"] == step_url("kto")
    page = attacker.get(response["Location"]).content.decode()
    for typed in ("Anna Testowa", "ul. Polna 3", "600 100 200", "Trudno nam z rachunkami"):
        assert typed not in page
    assert attacker.get(step_url("kontakt")).status_code == 302


def test_a_planted_session_id_does_not_show_the_confirmation(intake_page, locality):
    key = planted_session(intake_page)
    victim = browser_with(key)
    fill_steps(victim, answers(locality))
    confirmation = send(victim)["Location"]
    assert victim.get(confirmation).status_code == 200
    assert browser_with(key).get(confirmation)["Location"] == PAGE
