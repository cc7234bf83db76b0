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


@pytest.fixture
def bilingual(home_page, centre_settings):
    """A Polish site with the home page and one page in Ukrainian; nothing yet in English."""
    ukrainian = Locale.objects.get(language_code="uk")
    rights = InformationPageFactory(parent=home_page, title="Prawa dziecka", slug="prawa-dziecka", show_in_menus=True)
    news = InformationPageFactory(parent=home_page, title="Dyżur w sobotę", slug="dyzur", show_in_menus=True)
    home_uk = home_page.copy_for_translation(ukrainian)
    home_uk.title = "Допомога родинам"
    home_uk.save_revision().publish()
    rights_uk = rights.copy_for_translation(ukrainian)
    rights_uk.title = "Права дитини"
    rights_uk.slug = "prava-dytyny"
    rights_uk.save_revision().publish()
    return {"rights": rights, "rights_uk": rights_uk, "news": news, "ukrainian": ukrainian}


def switch(doc):
    nav = doc.select_one("nav.language-switch")
    return {a["lang"]: (a["href"], text_of(a), a.get("aria-current")) for a in nav.select("a")}


def test_the_switch_names_each_language_in_itself_and_leads_to_the_same_page(client, bilingual):
    doc = soup(client.get("/prawa-dziecka/"))
    assert switch(doc) == {
        "pl": ("/prawa-dziecka/", "Polski", "true"),
        "uk": ("/uk/prava-dytyny/", "Українська", None),
        # No English version yet: English's home page, and the note says so in English.
        "en": ("/en/", "English (home page only)", None),
    }
    assert {a["hreflang"] for a in doc.select("nav.language-switch a[hreflang]")} == {"uk", "en"}


def test_the_switch_on_an_untranslated_page_leads_to_each_languages_home(client, bilingual):
    assert switch(soup(client.get("/dyzur/")))["uk"] == ("/uk/", "Українська (лише головна сторінка)", None)


def test_alternates_name_every_published_language_in_the_head(client, bilingual):
    doc = soup(client.get("/uk/prava-dytyny/"))
    alternates = {link["hreflang"]: link["href"] for link in doc.select("head link[rel=alternate]")}
    assert alternates == {
        "pl": "http://testserver/prawa-dziecka/",
        "uk": "http://testserver/uk/prava-dytyny/",
        "x-default": "http://testserver/prawa-dziecka/",
    }
    assert not soup(client.get("/dyzur/")).select("head link[rel=alternate]")


def test_the_sitemap_lists_every_language_with_its_alternates(client, bilingual):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/uk/prava-dytyny/</loc>" in xml and "<loc>http://testserver/uk/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="uk" href="http://testserver/uk/prava-dytyny/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/prawa-dziecka/"/>' in xml


def test_a_ukrainian_page_has_a_ukrainian_menu_and_frame(client, bilingual):
    from home.models import CentreProfile

    profile_uk = CentreProfile.objects.get(locale__language_code="pl").copy_for_translation(bilingual["ukrainian"])
    profile_uk.name, profile_uk.office_hours = "Центр соціальної допомоги в Тестові", "понеділок 8:00–16:00"
    profile_uk.save()
    doc = soup(client.get("/uk/prava-dytyny/"))
    assert doc.html["lang"] == "uk"
    # The Ukrainian home page's own pages: a page not yet translated is not in this menu.
    assert {text_of(a): a.get("lang") for a in doc.select("nav.main-nav a")} == {"Права дитини": None}
    assert text_of(doc.select_one(".site-footer__heading")) == "Центр соціальної допомоги в Тестові"
    assert doc.select_one(".site-footer__heading").get("lang") is None


def test_text_not_yet_translated_is_declared_in_its_own_language(client, bilingual):
    from home.tests.factories import EmergencyNumberFactory

    translated = EmergencyNumberFactory(number="116 111", name="Telefon zaufania dla dzieci")
    translated_uk = translated.copy_for_translation(bilingual["ukrainian"])
    translated_uk.name = "Телефон довіри для дітей"
    translated_uk.save()
    EmergencyNumberFactory(number="800 120 002", name="Niebieska Linia")
    doc = soup(client.get("/uk/prava-dytyny/"))
    numbers = {
        text_of(item.select_one(".emergency__name")): item.get("lang") for item in doc.select(".emergency__item")
    }
    assert numbers == {"Телефон довіри для дітей": None, "Niebieska Linia": "pl"}
    # No Ukrainian name and hours yet: the Polish ones, declared as Polish.
    heading = doc.select_one(".site-footer__heading")
    assert heading["lang"] == "pl" and text_of(heading) == "Gminny Ośrodek Pomocy Społecznej w Testowie"


def test_a_polish_page_shown_under_another_language_says_it_is_polish(client, home_page):
    # No Ukrainian home page at all: Wagtail serves the Polish pages under /uk/.
    InformationPageFactory(parent=home_page, title="Prawa dziecka", slug="prawa-dziecka", show_in_menus=True)
    doc = soup(client.get("/uk/prawa-dziecka/"))
    assert doc.html["lang"] == "uk"  # the interface around it is Ukrainian
    assert doc.select_one("main > .container")["lang"] == "pl"
    assert {text_of(a): a.get("lang") for a in doc.select("nav.main-nav a")} == {"Prawa dziecka": "pl"}


def test_the_request_forms_page_is_in_the_sitemap_with_its_translations(client, bilingual):
    from intake.tests.factories import IntakeFormPageFactory

    form = IntakeFormPageFactory(parent=bilingual["rights"].get_parent(), slug="popros-o-pomoc")
    form_uk = form.copy_for_translation(bilingual["ukrainian"])
    form_uk.slug = "poprosyty-pro-dopomohu"
    form_uk.save_revision().publish()
    xml = client.get("/sitemap.xml").content.decode()
    assert '<xhtml:link rel="alternate" hreflang="uk" href="http://testserver/uk/poprosyty-pro-dopomohu/"/>' in xml
