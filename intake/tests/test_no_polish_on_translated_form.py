"""No Polish interface text on the Ukrainian and English request form.

Every Polish translation in the catalogue (the longer ones, that differ from their
English msgid) is looked for in what the applicant reads on each page of the form
under /uk/ and /en/: text, titles and labels for screen readers. Editors' content
(rich text) and anything marked as another language (the name of a language in a
language switch, lang="pl") are left out: those are not the interface's words.
"""

import functools
import re

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from intake import steps
from intake.tests.walk import check_url, fill_steps, send, step_url

pytestmark = pytest.mark.django_db

# Placeholders and markup split a translation into the fragments that reach a page as they are.
SPLIT = re.compile(r"%\([^)]+\)[-#0+ ]*\d*(?:\.\d+)?[a-zA-Z]|%[sdif]|\{[^{}\s]*\}|<[^<>]+>|\n")
SHORTEST = 6  # shorter fragments ("Tak", "Nie", "Błąd") are words other languages can hold too
READ_ATTRIBUTES = ["aria-label", "title", "alt", "placeholder"]


@functools.cache
def polish_fragments():
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "pl" / "LC_MESSAGES" / "django.po"))
    fragments = set()
    for entry in catalogue:
        if entry.obsolete:
            continue
        pairs = (
            [(entry.msgid, entry.msgstr)]
            if not entry.msgid_plural
            else [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        )
        for english, polish in pairs:
            if polish == english:
                continue
            for fragment in SPLIT.split(polish):
                fragment = " ".join(fragment.split()).strip(" .,:;–-")
                if len(fragment) >= SHORTEST and fragment not in english:
                    fragments.add(fragment)
    return fragments


def interface_text(response, language):
    """What the applicant reads that comes from the site, not from editors or from the applicant."""
    doc = BeautifulSoup(response.content.decode(), "html.parser")
    assert doc.html["lang"] == language
    for node in doc(["script", "style", "template"]):
        node.decompose()
    for node in doc.select(".rich-text"):
        node.decompose()
    for node in doc.select("[lang]"):
        if node.name != "html" and node["lang"] != language:
            node.decompose()
    texts = [" ".join(text.split()) for text in doc.find_all(string=True)]
    texts += [node[name] for name in READ_ATTRIBUTES for node in doc.find_all(attrs={name: True})]
    return [text for text in texts if text]


def polish_in(response, language):
    """(fragment, text) for each Polish fragment read on the page.

    A phrase counts wherever it stands; a single word ("Ośrodek") only as a text of its own
    (a label, a button), not inside a name such as the centre's, which is Polish in every language.
    """
    found = []
    for text in interface_text(response, language):
        bare = text.strip(" .,:;–-()")
        found += [
            (fragment, text)
            for fragment in polish_fragments()
            if (fragment in text if " " in fragment else fragment == bare)
        ]
    return found


ANSWERS = {
    "uk": {
        "address": "вул. Польова 3",
        "children_ages": "4 і 9 років",
        "description": "Нам важко оплачувати рахунки.",
        "contact_name": "Олена Тестова",
        "best_time_to_call": "після 15:00",
        "interpreter_language": "українська",
    },
    "en": {
        "address": "3 Field Street",
        "children_ages": "4 and 9",
        "description": "We find it hard to pay the bills.",
        "contact_name": "Helen Test",
        "best_time_to_call": "after 3 pm",
        "interpreter_language": "Ukrainian",
    },
}


def answers_in(language, locality):
    typed = ANSWERS[language]
    return {
        "kto": {"requester_type": "own_family"},
        "rodzina": {
            "locality": str(locality.pk),
            "address": typed["address"],
            "postal_code": "84-100",
            "children_count": "2",
            "children_ages": typed["children_ages"],
            "foster_care": "no",
        },
        "trudnosci": {"difficulty_areas": ["care", "money", "housing"], "description": typed["description"]},
        "bezpieczenstwo": {"child_in_danger": "yes"},
        "kontakt": {
            "contact_name": typed["contact_name"],
            "contact_phone": "600 100 200",
            "contact_email": "olena@example.com",
            "best_time_to_call": typed["best_time_to_call"],
            "wants_receipt": "on",
            "interpreter": "language",
            "interpreter_language": typed["interpreter_language"],
        },
    }


def test_the_catalogue_gives_the_check_something_to_find():
    fragments = polish_fragments()
    assert "Sprawdź odpowiedzi" in fragments and "Wyjdź z tej strony" in fragments
    assert len(fragments) > 300


@pytest.mark.parametrize("language", ["uk", "en"])
def test_no_polish_interface_text_on_the_translated_form(client, translated_intake_page, locality, language):
    page = translated_intake_page(language).url
    walk = answers_in(language, locality)
    seen = {"start": client.get(page)}
    for step in steps.STEPS:
        seen[step.slug] = client.get(step_url(step.slug, page))
        # The same step with its errors: the summary, the messages beside the fields.
        seen[step.slug + " errors"] = client.post(step_url(step.slug, page), {"interpreter": "language"})
        fill_steps(client, {step.slug: walk[step.slug]}, page)
    seen["check"] = client.get(check_url(page))
    seen["check errors"] = client.post(check_url(page), {"token": "x"})
    seen["confirmation"] = client.get(send(client, page=page)["Location"])

    found = {name: polish_in(response, language) for name, response in seen.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert all(response.status_code == 200 for response in seen.values())
