"""Property tests: whatever is sent to the public form, the person gets a clear Polish answer.

Never a server error; a refused step shows the error summary and a Polish message
next to each field, with what was typed still in the form; a refused step or check
page stores nothing; leaving always works.
"""

import uuid
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from intake import steps
from intake.drafts import SESSION_KEY
from intake.models import HelpRequest, Notification
from intake.tests import strategies as s
from intake.tests.walk import CHECK, PAGE, answers, fill_steps, step_url

pytestmark = pytest.mark.django_db

SLUGS = [step.slug for step in steps.STEPS]
CONFIRMATION = PAGE + "potwierdzenie/"
TEXT_WIDGETS = (forms.TextInput, forms.Textarea)  # e-mail, phone and number inputs are TextInputs too
VARIANTS = ["own_family", "other_family_anonymous", "institution"]


def valid_answers(locality_pk, variant):
    """Complete, valid answers for one kind of applicant."""
    steps_data = answers(SimpleNamespace(pk=locality_pk))
    if variant == "other_family_anonymous":
        steps_data["kto"] = {"requester_type": "other_family"}
        steps_data["kontakt"] = {"anonymous": "on"}
    elif variant == "institution":
        steps_data["kto"] = {
            "requester_type": "institution",
            "institution_type": "school",
            "institution_name": "SP nr 1",
        }
    return steps_data


def spoiled_step(slug, base):
    names = list(steps.BY_SLUG[slug].form_class.base_fields)
    return s.spoiled(base, names)


def stored(client):
    return (client.session.get(SESSION_KEY) or {}).get("answers", {})


def page_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def shown_value(page, field):
    """What the re-rendered form holds for a text field, as the browser will show it."""
    if isinstance(field.field.widget, forms.Textarea):
        node = page.find("textarea", attrs={"name": field.html_name})
        # Django writes a newline after <textarea>, which HTML parsing drops.
        value = node.get_text()
        return value[1:] if value.startswith("\n") else value
    return page.find("input", attrs={"name": field.html_name}).get("value", "")


def assert_refusal_is_clear(response, data):
    """A refused step: error summary, Polish messages by each field, and the answers kept."""
    page = page_of(response)
    summary = page.select_one("[data-error-summary]")
    assert summary is not None
    assert "Popraw te odpowiedzi" in summary.get_text()
    form = response.context["form"]
    assert form.errors
    summary_text = s.squash(summary.get_text(" "))
    for name, polish in s.assert_polish(form.errors.as_data()):
        assert s.squash(polish) in summary_text, polish
        if name != "__all__":
            beside = page.find(id=f"{form[name].auto_id}_error")
            assert beside is not None, name
            assert s.squash(polish) in s.squash(beside.get_text(" ")), (name, polish)
    for field in form:
        if isinstance(field.field, forms.MultipleChoiceField):
            typed = s.every(data, field.html_name)
            ticked = {box["value"] for box in page.find_all("input", attrs={"name": field.html_name, "checked": True})}
            assert ticked == set(typed) & set(dict(field.field.choices)), field.html_name
            continue
        typed = s.last(data, field.html_name)
        if typed is None:
            continue
        if isinstance(field.field.widget, TEXT_WIDGETS):
            assert s.representable(shown_value(page, field)) == s.representable(typed), field.html_name
        elif isinstance(field.field.widget, forms.RadioSelect) and typed in dict(field.field.choices):
            chosen = page.find("input", attrs={"name": field.html_name, "checked": True})
            assert chosen is not None and chosen["value"] == typed, field.html_name


def post_step(client, slug, data):
    """Post one step and check the answer; True when the step was accepted."""
    key = steps.BY_SLUG[slug].key
    before = stored(client)
    response = client.post(step_url(slug), data)
    too_big = s.body_size(data) > django_settings.PUBLIC_MAX_BODY_SIZE
    assert response.status_code in ((413,) if too_big else (200, 302)), (slug, response.status_code)
    if response.status_code == 413:
        assert "Skróć tekst i wyślij go jeszcze raz." in response.content.decode()
        assert stored(client) == before
        return False
    if response.status_code == 200:
        assert_refusal_is_clear(response, data)
        assert stored(client).get(key) == before.get(key), "a refused step changed the saved answers"
        return False
    following = steps.following(steps.BY_SLUG[slug])
    expected = step_url(following.slug) if following else CHECK
    if response["Location"] != expected:
        # An earlier step is missing: sent back there, nothing kept from this one.
        assert response["Location"] in [step_url(other) for other in SLUGS[: SLUGS.index(slug)]]
        assert stored(client).get(key) == before.get(key)
        return False
    assert key in stored(client)
    return True


@pytest.fixture
def fresh():
    """A new visitor for each example: own session, rate limits not yet used."""

    def make():
        cache.clear()
        return Client()

    return make


@pytest.mark.parametrize("slug", SLUGS)
@given(variant=st.sampled_from(VARIANTS), data=st.data())
def test_every_step_answers_hostile_input_clearly(intake_page, locality, fresh, slug, variant, data):
    client = fresh()
    valid = valid_answers(locality.pk, variant)
    fill_steps(client, {earlier: valid[earlier] for earlier in SLUGS[: SLUGS.index(slug)]})
    submitted = data.draw(spoiled_step(slug, valid[slug]), label="submitted")
    before = HelpRequest.objects.count()
    post_step(client, slug, submitted)
    assert HelpRequest.objects.count() == before


@given(variant=st.sampled_from(VARIANTS), data=st.data())
def test_answers_sent_twice_are_read_the_same_way_by_every_step(intake_page, locality, fresh, variant, data):
    """Names sent twice in any step: later steps and the saved request read the answer the form accepted."""
    client = fresh()
    valid = valid_answers(locality.pk, variant)
    sent = {}
    for slug in SLUGS:
        sent[slug] = data.draw(s.doubled(valid[slug]), label=slug)
        post_step(client, slug, sent[slug])
    requests, notifications = HelpRequest.objects.count(), Notification.objects.count()

    check = client.get(CHECK)
    if check.status_code == 302:
        # Something is missing: the person is sent to the first step that needs an answer.
        assert check["Location"] in [step_url(slug) for slug in SLUGS]
        return
    assert check.status_code == 200
    token = page_of(check).find("input", attrs={"name": "token"})["value"]
    response = client.post(CHECK, {"privacy_acknowledged": "on", "token": token, "website": ""})
    assert response.status_code == 302 and response["Location"] == CONFIRMATION
    saved = HelpRequest.objects.get(submission_token=token)
    assert HelpRequest.objects.count() == requests + 1
    assert Notification.objects.exclude(help_request=saved).count() == notifications
    assert saved.reference in client.get(CONFIRMATION).content.decode()
    assert saved.requester_type == s.last(sent["kto"], "requester_type")
    assert saved.address == s.last(sent["rodzina"], "address").strip()
    assert saved.description == s.last(sent["trudnosci"], "description").strip()


CHECK_PAGE_SENT = {"privacy_acknowledged": "on", "token": "TOKEN", "website": ""}
check_page_values = st.one_of(s.posted_value, st.just("TOKEN"), st.uuids().map(str), st.just("http://spam"))
check_page_data = st.one_of(
    s.spoiled(CHECK_PAGE_SENT, list(CHECK_PAGE_SENT), values=check_page_values),
    s.doubled(CHECK_PAGE_SENT, values=check_page_values),
)


def sent_token(submitted, strip=True):
    """The one-time token the check page reads from a submission, or None when it is not one."""
    raw = s.last(submitted, "token") or ""
    try:
        return uuid.UUID(raw.strip() if strip else raw)
    except ValueError:
        return None


def already_sent(token):
    return token is not None and HelpRequest.objects.filter(submission_token=token).exists()


def should_be_sent(submitted):
    """A person's submission: the clause acknowledged, a token, and the hidden field left empty."""
    acknowledged = s.last(submitted, "privacy_acknowledged")
    return (
        bool(acknowledged)
        and acknowledged.lower() not in ("false", "0")
        and sent_token(submitted) is not None
        and not any(s.every(submitted, "website"))
    )


@given(submitted=check_page_data)
def test_the_check_page_sends_once_or_says_why_not(intake_page, locality, fresh, submitted):
    client = fresh()
    fill_steps(client, valid_answers(locality.pk, "own_family"))
    token = page_of(client.get(CHECK)).find("input", attrs={"name": "token"})["value"]
    submitted = {
        name: [token if v == "TOKEN" else v for v in value]
        if isinstance(value, list)
        else (token if value == "TOKEN" else value)
        for name, value in submitted.items()
    }
    requests, notifications = HelpRequest.objects.count(), Notification.objects.count()
    # An earlier example may have sent the same token: then it is the same request, shown
    # again, whatever else came with it (a double click sends exactly the same form).
    resent = already_sent(sent_token(submitted, strip=False))
    sent_before = already_sent(sent_token(submitted))

    response = client.post(CHECK, submitted)

    if s.body_size(submitted) > django_settings.PUBLIC_MAX_BODY_SIZE:
        assert response.status_code == 413
        assert HelpRequest.objects.count() == requests and stored(client)
        return
    if resent or should_be_sent(submitted):
        assert response.status_code == 302 and response["Location"] == CONFIRMATION
        if sent_before:
            assert HelpRequest.objects.count() == requests
            return
        sent = HelpRequest.objects.latest("pk")
        assert HelpRequest.objects.count() == requests + 1
        assert Notification.objects.exclude(help_request=sent).count() == notifications
        # The applicant asked for a receipt: it is queued with the request, in the same transaction.
        assert sent.notifications.filter(recipient="anna@example.pl").exists()
        return
    assert response.status_code in (200, 400), response.status_code
    assert HelpRequest.objects.count() == requests and Notification.objects.count() == notifications
    page = page_of(response)
    if response.status_code == 400:
        # The honeypot was filled: a person reading this is told what to do instead.
        assert "Nie udało się wysłać zgłoszenia" in page.get_text()
        return
    summary = page.select_one("[data-error-summary]")
    assert summary is not None and "Popraw te odpowiedzi" in summary.get_text()
    for _name, polish in s.assert_polish(response.context["form"].errors.as_data()):
        assert s.squash(polish) in s.squash(summary.get_text(" "))
    assert stored(client), "the answers were lost after a refused send"


# Short values: a body over the public limit is refused before any view (portal/tests/test_request_limits.py).
short_value = st.one_of(s.text(), st.sampled_from(s.NASTY))


@given(
    method=st.sampled_from(["get", "post"]),
    params=st.dictionaries(s.field_name, st.one_of(short_value, st.lists(short_value, max_size=3)), max_size=4),
)
def test_leaving_always_works_and_forgets_the_answers(intake_page, locality, fresh, settings, method, params):
    settings.INTAKE_QUICK_EXIT_URL = "https://pogoda.example.pl/"
    client = fresh()
    fill_steps(client, {"kto": answers(locality)["kto"]})

    response = getattr(client, method)("/wyjdz/", params)

    assert response.status_code == 302 and response["Location"] == "https://pogoda.example.pl/"
    assert "cookies" in response["Clear-Site-Data"]
    assert client.get(CHECK)["Location"] == step_url("kto")
