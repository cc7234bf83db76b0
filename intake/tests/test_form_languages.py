"""The request form in Ukrainian and English: every step, hint, error and link in the language of the address."""

import functools
import re

import polib
import pytest
from bs4 import BeautifulSoup
from django import forms
from django.conf import settings
from django.utils import translation

from intake import steps
from intake.dates import by_date
from intake.forms import SubmitForm
from intake.models import HelpRequest
from intake.tests.walk import answers, check_url, fill_steps, send, step_url

pytestmark = pytest.mark.django_db

LANGUAGES = ["uk", "en"]


def doc(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def squash(text):
    return " ".join(str(text).split())


def text(response):
    page = doc(response)
    for node in page(["script", "style"]):
        node.decompose()
    return squash(page.get_text(" "))


def in_(language, message):
    with translation.override(language):
        return squash(message)


def gettext_in(language, msgid):
    with translation.override(language):
        return squash(translation.gettext(msgid))


def words_of(form, language):
    """What the applicant reads of a step's questions: labels, hints and answers to choose."""
    found = []
    for field in form.fields.values():
        if isinstance(field.widget, forms.HiddenInput):
            continue
        found += [in_(language, field.label), in_(language, field.help_text)]
        found += [in_(language, label) for value, label in getattr(field, "choices", []) if value != ""]
    return [words for words in found if words]


def errors_shown(response):
    summary = doc(response).select_one("[data-error-summary]")
    return [squash(item.get_text(" ")) for item in summary.select("li")] if summary else []


def errors_in(form, language):
    with translation.override(language):
        return [squash(message) for field in form for message in field.errors] + [
            squash(message) for message in form.non_field_errors()
        ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_speaks_the_language_of_its_address(client, translated_intake_page, locality, language):
    page = translated_intake_page(language)
    walk = answers(locality)
    for number, step in enumerate(steps.STEPS, start=1):
        response = client.get(step_url(step.slug, page.url))
        shown = text(response)
        assert doc(response).html["lang"] == language
        assert squash(doc(response).h1.get_text()) == in_(language, step.title)
        expected = [
            *words_of(response.context["form"], language),
            gettext_in(language, "Continue"),
            gettext_in(language, "Back"),
            gettext_in(language, "Leave this page"),
            gettext_in(language, "Or press Shift three times."),
            gettext_in(language, "Step %(number)s of %(count)s") % {"number": number, "count": len(steps.STEPS)},
        ]
        missing = [words for words in expected if words not in shown]
        assert missing == [], step.slug
        polish = [words for words in words_of(response.context["form"], "pl") if words not in expected]
        assert [words for words in polish if words in shown] == [], step.slug
        fill_steps(client, {step.slug: walk[step.slug]}, page.url)


BAD_ANSWERS = {
    "kto": [{}, {"requester_type": "institution"}, {"requester_type": "martian"}],
    "rodzina": [
        {
            "locality": "abc",
            "address": "x" * 201,
            "postal_code": "84100",
            "children_count": "dwoje",
            "children_ages": "4\x00",
            "foster_care": "no",
        },
        {"children_count": "31", "foster_care": ""},
        {"children_count": "-1", "foster_care": "no"},
    ],
    "trudnosci": [{}, {"description": "a" * 5001, "difficulty_areas": ["bogus"]}],
    "bezpieczenstwo": [{}],
    "kontakt": [
        {"contact_name": "", "contact_phone": "", "contact_email": ""},
        {"contact_name": "Ola", "contact_phone": "12", "contact_email": "ola@", "wants_receipt": "on"},
        {"anonymous": "on"},
        {"contact_name": "O" * 121, "contact_email": "ola@example.pl", "best_time_to_call": "x" * 121},
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_errors_and_validation_messages_are_in_the_language_of_the_address(
    client, translated_intake_page, locality, language
):
    page = translated_intake_page(language)
    walk = answers(locality)
    seen = 0
    for step in steps.STEPS:
        for bad in BAD_ANSWERS[step.slug]:
            response = client.post(step_url(step.slug, page.url), bad)
            assert response.status_code == 200, (step.slug, bad)
            shown = errors_shown(response)
            form = response.context["form"]
            assert shown and shown == errors_in(form, language), (step.slug, bad)
            if language != "pl":
                assert set(shown).isdisjoint(errors_in(form, "pl")), (step.slug, shown)
            assert doc(response).title.get_text().startswith(gettext_in(language, "Error:"))
            seen += len(shown)
        fill_steps(client, {step.slug: walk[step.slug]}, page.url)
    # The check page's own error: the information clause not acknowledged.
    response = client.post(
        check_url(page.url), {"token": client.get(check_url(page.url)).context["form"]["token"].value()}
    )
    assert errors_shown(response) == [
        gettext_in(language, "Confirm that you have read the information on data processing.")
    ]
    assert seen > 20


def _sample_params(code, field):
    """Values like those Django gives each error code, to write the message out in full."""
    limit = getattr(field, "max_length", None) or 0
    return {"limit_value": limit, "show_value": limit + 1, "value": "martian", "max": 0, "min": 0}


def _messages_of(form):
    """Every message a field of `form` can show: its error messages, by code, over its validators' own."""
    for name, field in form.fields.items():
        codes = dict(field.error_messages)
        for validator in field.validators:
            code = getattr(validator, "code", None)
            if code and code not in codes:
                codes[code] = validator.message
        for code, message in codes.items():
            yield name, code, message, _sample_params(code, field)


@functools.cache
def _translations(language):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    return [
        text
        for entry in catalogue
        for text in ([entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values())
    ]


def _written(message, params):
    try:
        return squash(message % params)
    except (KeyError, TypeError, ValueError):
        return squash(message)


def _catalogue_texts(language, params):
    return {_written(text, params) for text in _translations(language)}


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_every_message_of_the_form_is_the_projects_own_translation(language):
    """Django's own wording ("Ensure this value has at most…", "Null characters are not allowed.") is no
    message for a family: every message a step or the check page can show comes from the project's
    catalogue, where it is written plainly and kept with the glossary."""
    not_ours = []
    for form in [step.form_class() for step in steps.STEPS] + [SubmitForm(recaptcha=True)]:
        for name, code, message, params in _messages_of(form):
            with translation.override(language):
                shown = _written(message, params)
            with translation.override("en"):
                english = _written(message, params)
            if shown == english or shown not in _catalogue_texts(language, params):
                not_ours.append((type(form).__name__, name, code, shown))
    assert not_ours == [], "\n".join(map(str, not_ours))


def _links(response):
    """The form's own links: start, back, change, and where each step is sent (not the site's breadcrumbs)."""
    page = doc(response)
    for breadcrumbs in page.select("nav.breadcrumbs"):
        breadcrumbs.decompose()
    found = [a["href"] for a in page.select("main a[href]")]
    found += [form["action"] for form in page.select("form.intake-form")]
    return [href for href in found if not href.startswith(("tel:", "#", "http"))]


@pytest.mark.parametrize("translated", [True, False], ids=["translated-page", "polish-page-under-uk"])
def test_links_and_redirects_stay_within_the_language(
    client, translated_intake_page, intake_page, locality, translated
):
    # Without a Ukrainian page Wagtail serves the Polish one under /uk/ in the Ukrainian interface:
    # the applicant must still never be sent on to a Polish address.
    base = translated_intake_page("uk").url if translated else "/uk/popros-o-pomoc/"
    assert base.startswith("/uk/")
    visited = [client.get(base)]
    for slug, data in answers(locality).items():
        visited.append(client.get(step_url(slug, base)))
        moved = client.post(step_url(slug, base), data)
        assert moved.status_code == 302 and moved["Location"].startswith(base), (slug, moved["Location"])
    visited.append(client.get(check_url(base)))
    visited.append(client.get(step_url("kontakt", base) + "?powrot=sprawdz"))
    sent = send(client, page=base)
    assert sent.status_code == 302 and sent["Location"] == base + "potwierdzenie/"
    visited.append(client.get(sent["Location"]))
    links = [href for response in visited for href in _links(response)]
    assert len(links) > 15
    assert [href for href in links if not href.startswith("/uk/")] == []
    assert HelpRequest.objects.count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_check_page_and_confirmation_in_the_language_of_the_address(client, translated_intake_page, locality, language):
    page = translated_intake_page(language)
    fill_steps(client, answers(locality), page.url)
    check = client.get(check_url(page.url))
    shown = text(check)
    for msgid in [
        "Check your answers",
        "Nothing has been sent yet. You can change any answer.",
        "How we process your data",
        "The centre uses your answers to deal with your request and to support the family.",
        "Read the full information",
        "I have read the information on how my data is processed",
        "Send the request",
        "Change",
    ]:
        assert gettext_in(language, msgid) in shown, msgid
    for step in steps.STEPS:
        assert in_(language, step.title) in shown
    # The clause itself is the translated page's own text.
    assert squash(BeautifulSoup(page.privacy_clause, "html.parser").get_text()) in shown

    sent = send(client, page=page.url)
    confirmation = client.get(sent["Location"])
    shown = text(confirmation)
    saved = HelpRequest.objects.get()
    assert saved.reference in shown
    assert squash(by_date(saved.interview_deadline, language)) in shown
    assert squash(by_date(saved.interview_deadline, "pl")) not in shown
    for msgid in ["We have received your request", "Your reference", "Finding help again without leaving traces"]:
        assert gettext_in(language, msgid) in shown, msgid
    assert squash(BeautifulSoup(page.confirmation_text, "html.parser").get_text()) in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_refusals_are_in_the_language_of_the_address(client, translated_intake_page, locality, settings, language):
    page = translated_intake_page(language)
    fill_steps(client, answers(locality), page.url)
    token = client.get(check_url(page.url)).context["form"]["token"].value()
    bot = client.post(check_url(page.url), {"privacy_acknowledged": "on", "token": token, "website": "http://spam"})
    assert bot.status_code == 400
    assert squash(doc(bot).h1.get_text()) == gettext_in(language, "The request could not be sent")
    assert doc(bot).html["lang"] == language

    settings.INTAKE_RATE_LIMIT_PER_ADDRESS = (1, 3600)
    assert send(client, page=page.url).status_code == 302
    fill_steps(client, answers(locality), page.url)
    refused = send(client, page=page.url)
    assert refused.status_code == 429
    assert errors_shown(refused) == [
        gettext_in(
            language, "Too many requests were sent from here in a short time. Please try again later or call us."
        )
    ]
    assert re.search(r"\bAnna Testowa\b", text(refused))  # the answers are still there
