"""The statement carries the element ids and fixed headings that the Polish technical conditions require.

Each language version has its own statement (DOMAIN.md): the same ids, never translated,
and the fixed text in the statement's own language.
"""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

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


# What a reader sees in each language: the h2 headings, the h3 headings under "Other
# information", and words of the status sentence for a partly compliant site.
FIXED_TEXT = {
    "pl": {
        "h2": [
            "Stan dostępności cyfrowej",
            "Niedostępne treści",
            "Przygotowanie deklaracji dostępności i jej aktualizacja",
            "Informacje zwrotne i dane kontaktowe",
            "Obsługa wniosków i skarg związanych z dostępnością",
            "Pozostałe informacje",
        ],
        "h3": ["Aplikacje mobilne", "Dostępność architektoniczna", "Dostępność komunikacyjno-informacyjna"],
        "status": "jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r.",
        "procedure": ["7 dni", "2 miesiące", "Rzecznika Praw Obywatelskich"],
        "intro": "zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia "
        "2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. "
        "Deklaracja dostępności dotyczy strony internetowej",
    },
    "uk": {
        "h2": [
            "Стан цифрової доступності",
            "Недоступний вміст",
            "Підготовка декларації доступності та її оновлення",
            "Зворотний зв’язок і контактні дані",
            "Розгляд вимог і скарг щодо доступності",
            "Інша інформація",
        ],
        "h3": ["Мобільні застосунки", "Архітектурна доступність", "Комунікаційно-інформаційна доступність"],
        "status": "частково відповідає Закону від 4 квітня 2019 року",
        "procedure": ["7 днів", "2 місяці", "Уповноваженого з прав людини"],
        "intro": "зобов’язується забезпечити доступність свого вебсайту відповідно до Закону від 4 квітня 2019 року",
    },
    "en": {
        "h2": [
            "Digital accessibility status",
            "Content that is not accessible",
            "Preparation of the accessibility statement and its updates",
            "Feedback and contact details",
            "Handling requests and complaints about accessibility",
            "Other information",
        ],
        "h3": ["Mobile applications", "Architectural accessibility", "Communication and information accessibility"],
        "status": "is partially compliant with the Act of 4 April 2019",
        "procedure": ["7 days", "2 months", "Commissioner for Human Rights"],
        "intro": "undertakes to make its website accessible in accordance with the Act of 4 April 2019",
    },
}


def render(client, page):
    return soup(client.get(page.url))


def statement_in(language, home_page, **fields):
    """The statement in `language`: the Polish page, or its translation under the translated home page."""
    statement = AccessibilityStatementPageFactory(parent=home_page, **fields)
    if language == "pl":
        return statement
    locale = Locale.objects.get(language_code=language)
    home_page.copy_for_translation(locale).save_revision().publish()
    translated = statement.copy_for_translation(locale)
    translated.title = {"uk": "Декларація доступності", "en": "Accessibility statement"}[language]
    translated.save_revision().publish()
    return translated


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_every_mandatory_id_appears_exactly_once_in_every_language(client, home_page, language):
    doc = render(client, statement_in(language, home_page))
    assert doc.html["lang"] == language
    for element_id in MANDATORY_IDS:
        assert len(doc.select(f"[id='{element_id}']")) == 1, element_id
    assert doc.find(id="a11y-data-publikacja").name == "time"
    assert doc.find(id="a11y-data-publikacja")["datetime"] == "2026-03-02"


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_the_fixed_text_is_in_the_statements_language(client, home_page, language):
    doc = render(client, statement_in(language, home_page))
    expected = FIXED_TEXT[language]
    assert [text_of(h) for h in doc.select("main h2")] == expected["h2"]
    assert [text_of(h) for h in doc.select("main h3")] == expected["h3"]
    assert expected["status"] in text_of(doc.find(id="a11y-status"))
    # The Polish opening sentence is the technical conditions' own wording, word for word.
    assert expected["intro"] in text_of(doc.find(id="a11y-wstep"))
    text = text_of(doc.find("main"))
    for words in expected["procedure"]:
        assert words in text, words


def test_a_polish_statement_shown_under_another_language_keeps_its_polish_text(client, home_page):
    # No Ukrainian version yet: Wagtail serves the Polish statement under /uk/, and all of
    # it, the fixed text included, stays Polish and is declared so.
    AccessibilityStatementPageFactory(parent=home_page)
    doc = soup(client.get("/uk/deklaracja-dostepnosci/"))
    assert doc.select_one("main > .container")["lang"] == "pl"
    assert [text_of(h) for h in doc.select("main h2")] == FIXED_TEXT["pl"]["h2"]
    assert FIXED_TEXT["pl"]["status"] in text_of(doc.find(id="a11y-status"))


def test_dates_are_machine_readable(client, home_page):
    doc = render(client, AccessibilityStatementPageFactory(parent=home_page))
    assert doc.find(id="a11y-data-publikacja").name == "time"
    assert doc.find(id="a11y-data-publikacja")["datetime"] == "2026-03-02"
    assert doc.find(id="a11y-data-aktualizacja")["datetime"] == "2026-11-02"
    assert doc.find(id="a11y-data-sporzadzenie")["datetime"] == "2026-03-31"


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
