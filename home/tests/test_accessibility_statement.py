"""The statement carries the element ids and fixed headings that the Polish technical conditions require."""

import pytest
from django.core.exceptions import ValidationError

from home.tests.factories import AccessibilityStatementPageFactory
from home.tests.html import soup, text_of

pytestmark = pytest.mark.django_db

MANDATORY_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-zakres",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-kontakt",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-data-sporzadzenie",
    "a11y-architektura",
    "a11y-komunikacja",
]


def render(client, page):
    return soup(client.get(page.url))


def test_every_mandatory_id_appears_exactly_once(client, home_page):
    doc = render(client, AccessibilityStatementPageFactory(parent=home_page))
    for element_id in MANDATORY_IDS:
        assert len(doc.select(f"[id='{element_id}']")) == 1, element_id


def test_dates_are_machine_readable(client, home_page):
    doc = render(client, AccessibilityStatementPageFactory(parent=home_page))
    assert doc.find(id="a11y-data-publikacja").name == "time"
    assert doc.find(id="a11y-data-publikacja")["datetime"] == "2026-03-02"
    assert doc.find(id="a11y-data-aktualizacja")["datetime"] == "2026-11-02"
    assert doc.find(id="a11y-data-sporzadzenie")["datetime"] == "2026-03-31"


def test_headings_follow_the_required_structure(client, home_page):
    doc = render(client, AccessibilityStatementPageFactory(parent=home_page))
    h2s = [text_of(h) for h in doc.select("main h2")]
    assert h2s == [
        "Stan dostępności cyfrowej",
        "Niedostępne treści",
        "Przygotowanie deklaracji dostępności i jej aktualizacja",
        "Informacje zwrotne i dane kontaktowe",
        "Obsługa wniosków i skarg związanych z dostępnością",
        "Pozostałe informacje",
    ]
    h3s = [text_of(h) for h in doc.select("main h3")]
    assert h3s == ["Aplikacje mobilne", "Dostępność architektoniczna", "Dostępność komunikacyjno-informacyjna"]
    assert "częściowo zgodna" in text_of(doc.find(id="a11y-status"))
    procedure = text_of(doc.find("main"))
    assert "7 dni" in procedure and "2 miesiące" in procedure and "Rzecznika Praw Obywatelskich" in procedure


def test_a_fully_compliant_site_has_no_inaccessible_content_section(client, home_page):
    doc = render(client, AccessibilityStatementPageFactory(parent=home_page, status="full", non_accessible_content=""))
    assert "Niedostępne treści" not in [text_of(h) for h in doc.select("main h2")]
    assert "jest zgodna z ustawą" in text_of(doc.find(id="a11y-status"))


def test_optional_ids_appear_only_when_they_apply(client, home_page):
    plain = render(client, AccessibilityStatementPageFactory(parent=home_page))
    for element_id in ("a11y-data-przeglad", "a11y-ocena", "a11y-aplikacje", "a11y-architektura-url"):
        assert plain.find(id=element_id) is None, element_id

    page = AccessibilityStatementPageFactory(
        parent=home_page,
        slug="deklaracja-2",
        review_date="2026-11-02",
        excessive_burden="<p>Nagrania archiwalne.</p>",
        mobile_apps="Aplikacja Ośrodek w telefonie.",
        architecture_url="https://gops.example.pl/budynek",
    )
    full = render(client, page)
    assert full.find(id="a11y-data-przeglad")["datetime"] == "2026-11-02"
    for element_id in ("a11y-ocena", "a11y-aplikacje", "a11y-architektura-url"):
        assert len(full.select(f"[id='{element_id}']")) == 1, element_id


def test_a_partly_compliant_statement_must_say_what_is_not_accessible(home_page):
    page = AccessibilityStatementPageFactory.build(status="partial", non_accessible_content="")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "non_accessible_content" in error.value.message_dict
