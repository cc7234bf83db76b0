"""Polish pages have no prefix; translations made in the admin live under /uk/ and /en/."""

import pytest
from wagtail.models import Locale

from home.tests.factories import InformationPageFactory
from home.tests.html import soup, text_of

pytestmark = pytest.mark.django_db


def test_all_content_languages_are_ready_for_editors():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"pl", "uk", "en"}


def test_translated_pages_are_served_under_their_language_prefix(client, home_page):
    page = InformationPageFactory(parent=home_page, title="Prawa dziecka", slug="prawa-dziecka", show_in_menus=True)
    english = Locale.objects.get(language_code="en")
    home_en = home_page.copy_for_translation(english)
    home_en.title = "Support for families"
    home_en.save_revision().publish()
    page_en = page.copy_for_translation(english)
    page_en.title = "Children's rights"
    page_en.save_revision().publish()

    polish = soup(client.get("/prawa-dziecka/"))
    assert polish.html["lang"] == "pl" and text_of(polish.find("h1")) == "Prawa dziecka"

    doc = soup(client.get("/en/prawa-dziecka/"))
    assert doc.html["lang"] == "en"
    assert text_of(doc.find("h1")) == "Children's rights"
    assert text_of(doc.select_one(".skip-link")) == "Skip to main content"
    menu = [text_of(a) for a in doc.select("nav.main-nav a")]
    assert menu == ["Children's rights"]
    assert doc.select_one("header a.brand")["href"] == "/en/"


def test_browser_language_does_not_change_polish_pages(client, home_page):
    doc = soup(client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"))
    assert doc.html["lang"] == "pl"
