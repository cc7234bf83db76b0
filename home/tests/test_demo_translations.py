"""The demo centre in Ukrainian and English: complete pages, made through wagtail-localize.

The demo is built once for this module (the tests only read it); building it for each
test would cost the suite minutes. test_demo_content.py holds what needs a build of its
own: running twice, an editor's change.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from home.models import EmergencyNumber, StaffContact
from home.tests.demo_paths import TRANSLATED_DEMO_PATHS
from home.tests.html import soup, text_of
from home.tests.test_accessibility_statement import MANDATORY_IDS

pytestmark = pytest.mark.django_db

LANGUAGES = ["uk", "en"]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    # Each test runs in a savepoint inside this transaction, and the whole build is
    # rolled back after the module.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", "--without-requests", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def page_text(client, path):
    return text_of(soup(client.get(path)).find("main"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translated_page_is_published_in_its_language(client, language):
    for polish_path, path in TRANSLATED_DEMO_PATHS[language].items():
        doc = soup(client.get(path))
        assert doc.html["lang"] == language, path
        # Written in the page's language: nothing in the content declares another one.
        assert doc.select_one("main > .container").get("lang") is None, path
        polish = soup(client.get(polish_path))
        assert text_of(doc.find("h1")) != text_of(polish.find("h1")), path
        # The same structure as the Polish page. (The Polish home page also lists the
        # news, which are not translated.)
        for selector in (
            "main h2:not(#latest-news-heading)",
            "main h3:not(.card__title)",
            "main li:not(.card):not(.breadcrumbs li)",
            "main a[href^='tel:']",
            "main a[href^='mailto:']",
            "main .contact-card",
            "main .notice",
        ):
            assert len(doc.select(selector)) == len(polish.select(selector)), (path, selector)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_segment_is_translated_through_wagtail_localize(language):
    translations = Translation.objects.filter(target_locale__language_code=language)
    # 11 pages, 4 staff contacts, 4 emergency numbers and the centre's name and hours.
    assert translations.count() == 20
    for translation in translations:
        total, translated = translation.get_progress()
        assert total > 0 and translated == total, translation.source.object_repr
        # Published as it stands: nothing waits for a sync.
        target = translation.get_target_instance()
        assert getattr(target, "live", True), target
        assert not getattr(target, "has_unpublished_changes", False), target


def test_the_translator_is_never_asked_for_a_phone_number():
    phones = set(StaffContact.objects.values_list("phone", flat=True))
    phones |= set(EmergencyNumber.objects.values_list("number", flat=True))
    assert not StringSegment.objects.filter(string__data__in=phones).exists()
    for contact in StaffContact.objects.filter(locale__language_code="uk"):
        assert contact.phone == contact.get_translation(Locale.get_default()).phone


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_pages_link_within_their_language(client, language):
    paths = TRANSLATED_DEMO_PATHS[language]
    home = soup(client.get(paths["/"]))
    assert home.select_one(".help-box a")["href"] == paths["/popros-o-pomoc/"]
    links = {a["href"] for a in home.select("main .stream a")}
    assert {paths["/asystent-rodziny/"], paths["/zakres-wsparcia/"]} <= links
    for path in ("/asystent-rodziny/", "/jak-uzyskac-pomoc/"):
        doc = soup(client.get(paths[path]))
        assert doc.select_one(f"main a[href='{paths['/popros-o-pomoc/']}']") is not None, path
    # The section lists its translated sub-pages: the family assistant section is no dead end.
    section = soup(client.get(paths["/asystent-rodziny/"]))
    children = {a["href"] for a in section.select("main .card__title a")}
    assert children == {paths["/asystent-rodziny/zadania/"], paths["/asystent-rodziny/zespol/"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_numbers_and_centre_are_in_the_pages_language(client, language):
    doc = soup(client.get(TRANSLATED_DEMO_PATHS[language]["/prawa-dziecka/"]))
    # The menu lists the translated pages only (the news stay Polish).
    menu = doc.select("nav.main-nav a")
    assert len(menu) == 6 and all(a.get("lang") is None for a in menu)
    numbers = doc.select(".emergency__item")
    assert len(numbers) == 4 and all(item.get("lang") is None for item in numbers)
    heading = doc.select_one(".site-footer__heading")
    assert heading.get("lang") is None and "Gminny" not in text_of(heading)


FACTS = {
    "uk": {
        "/asystent-rodziny/": ["15 родинами", "зустріч соціального працівника з родиною", "Суд може"],
        "/jak-uzyskac-pomoc/": ["14 робочих днів", "2 робочі дні", "24, 25 і 26 грудня", "112"],
        "/prawa-dziecka/": ["116 111", "ст. 4a"],
        "/popros-o-pomoc/": ["14 робочих днів", "2 робочі дні", "«Вийти з цієї сторінки»"],
        "/kontakt/": ["ul. Słoneczna 1", "500 000 000"],
    },
    "en": {
        "/asystent-rodziny/": ["15 families", "family interview", "A court can"],
        "/jak-uzyskac-pomoc/": ["14 working days", "2 working days", "24, 25 and 26 December", "112"],
        "/prawa-dziecka/": ["116 111", "Article 4a"],
        "/popros-o-pomoc/": ["14 working days", "2 working days", "“Leave this page”"],
        "/kontakt/": ["ul. Słoneczna 1", "500 000 000"],
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_pages_keep_the_polish_pages_facts(client, language):
    paths = TRANSLATED_DEMO_PATHS[language]
    for polish_path, words in FACTS[language].items():
        text = page_text(client, paths[polish_path])
        for word in words:
            assert word in text, (paths[polish_path], word)
    assert "20" not in page_text(client, paths["/asystent-rodziny/"])
    rights = soup(client.get(paths["/prawa-dziecka/"]))
    assert max(len(node.find_all("li")) for node in rights.select("main ol, main ul")) == 11
    support = soup(client.get(paths["/zakres-wsparcia/"]))
    assert any(len(node.find_all("li")) == 7 for node in support.select("main ol, main ul"))


DATA_PROTECTION = {
    # The controller, the officer's contacts, the legal basis, the rights, the complaint
    # to UODO, retention and whether data must be given (GDPR art. 13; DOMAIN.md).
    "uk": [
        "Gminny Ośrodek Pomocy Społecznej w Przykładowie",
        "iod@gops.example.pl",
        "58 000 00 09",
        "ст. 6 ч. 1 п. «c» GDPR",
        "ст. 9 ч. 2 GDPR",
        "виправлення",
        "видалення",
        "обмеження обробки",
        "заперечення",
        "Голови UODO",
        "JRWA",
        "не зможемо",
    ],
    "en": [
        "Gminny Ośrodek Pomocy Społecznej w Przykładowie",
        "iod@gops.example.pl",
        "58 000 00 09",
        "Article 6(1)(c) of the GDPR",
        "Article 9(2) of the GDPR",
        "corrected",
        "erased",
        "restrict",
        "object to",
        "President of the Personal Data Protection Office",
        "JRWA",
        "will not be able",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_protection_page_is_complete_in_every_language(client, language):
    text = page_text(client, TRANSLATED_DEMO_PATHS[language]["/ochrona-danych/"])
    for words in DATA_PROTECTION[language]:
        assert words in text, words


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_is_complete_in_every_language(client, language):
    doc = soup(client.get(TRANSLATED_DEMO_PATHS[language]["/deklaracja-dostepnosci/"]))
    for element_id in MANDATORY_IDS:
        assert len(doc.select(f"[id='{element_id}']")) == 1, element_id
    for element_id in ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie"):
        assert doc.find(id=element_id).name == "time" and doc.find(id=element_id)["datetime"], element_id
    polish = soup(client.get("/deklaracja-dostepnosci/"))
    assert [text_of(h) for h in doc.select("main h2")] != [text_of(h) for h in polish.select("main h2")]
    assert text_of(doc.find(id="a11y-status")) != text_of(polish.find(id="a11y-status"))
    assert doc.find(id="a11y-telefon")["href"] == polish.find(id="a11y-telefon")["href"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_cards_show_the_contacts_in_the_pages_language(client, language):
    doc = soup(client.get(TRANSLATED_DEMO_PATHS[language]["/kontakt/"]))
    cards = [text_of(card) for card in doc.select("main .contact-card")]
    assert len(cards) == 4
    note = {"uk": "(вигадана особа)", "en": "(fictional person)"}[language]
    assert all(note in card and "postać fikcyjna" not in card for card in cards)
