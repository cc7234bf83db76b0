"""Every page type renders in the site's layout with one h1 and its content."""

import pytest
import wagtail_factories

from home.tests.factories import (
    AccessibilityStatementPageFactory,
    ContactPageFactory,
    EmergencyNumberFactory,
    InformationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SectionPageFactory,
    StaffContactFactory,
)
from home.tests.html import soup, text_of

pytestmark = pytest.mark.django_db


def get_page(client, page):
    return soup(client.get(page.url))


def assert_layout(doc, title):
    h1s = doc.find_all("h1")
    assert [text_of(h) for h in h1s] == [title]
    first_link = doc.body.find("a")
    assert first_link["href"] == "#main" and "skip-link" in first_link["class"]
    assert doc.find("main", id="main") is not None
    assert doc.find("header") is not None and doc.find("footer") is not None
    assert doc.find("nav", attrs={"aria-label": "Menu główne"}) is not None
    assert doc.html["lang"] == "pl"


def test_home_page_shows_intro_help_box_numbers_and_latest_news(client, centre_settings, home_page):
    help_page = InformationPageFactory(parent=home_page, title="Jak uzyskać pomoc")
    home_page.help_page = help_page
    home_page.help_heading = "Potrzebujesz wsparcia?"
    home_page.help_link_text = "Zobacz, jak poprosić o pomoc"
    home_page.save_revision().publish()
    EmergencyNumberFactory(number="112", name="Numer alarmowy")
    news_index = NewsIndexPageFactory(parent=home_page)
    for n in range(5):
        NewsPageFactory(parent=news_index, title=f"Wiadomość numer {n}")

    doc = get_page(client, home_page)

    assert_layout(doc, home_page.title)
    help_box = doc.select_one(".help-box")
    assert "Potrzebujesz wsparcia?" in text_of(help_box)
    assert help_box.find("a")["href"] == help_page.url
    assert doc.select_one(".emergency a[href='tel:112']") is not None
    news_titles = [text_of(a) for a in doc.select(".latest-news .card__title a")]
    assert news_titles == ["Wiadomość numer 4", "Wiadomość numer 3", "Wiadomość numer 2"]


def test_section_page_lists_its_live_children(client, home_page):
    section = SectionPageFactory(parent=home_page, title="Asystent rodziny")
    InformationPageFactory(parent=section, title="Zadania asystenta", intro="Co robi asystent.")
    hidden = InformationPageFactory(parent=section, title="Szkic strony")
    hidden.unpublish()

    doc = get_page(client, section)

    assert_layout(doc, "Asystent rodziny")
    cards = [text_of(c) for c in doc.select(".card")]
    assert cards == ["Zadania asystenta Co robi asystent."]


def test_information_page_renders_every_block(client, home_page):
    contact = StaffContactFactory(name="Ewa Przykładowa", phone="58 000 00 05")
    page = InformationPageFactory(
        parent=home_page,
        title="Prawa dziecka",
        body=[
            ("heading", {"text": "Prawa dziecka w rodzinie", "level": "h2"}),
            ("list", {"style": "ordered", "items": ["Prawo do wychowania w rodzinie", "Prawo do powrotu do rodziny"]}),
            ("notice", {"kind": "warning", "title": "Ważne", "text": "<p>Zadzwoń pod 112.</p>"}),
            ("contact_card", contact),
            ("faq", {"title": "Pytania", "items": [{"question": "Czy to bezpłatne?", "answer": "<p>Tak.</p>"}]}),
            ("video", {"title": "Informacja w PJM", "video": None, "captions": None, "transcript": "<p>Zapis.</p>"}),
        ],
    )

    doc = get_page(client, page)

    assert_layout(doc, "Prawa dziecka")
    assert text_of(doc.find("h2", class_="block-heading")) == "Prawa dziecka w rodzinie"
    assert [text_of(li) for li in doc.select("ol.block-list li")] == [
        "Prawo do wychowania w rodzinie",
        "Prawo do powrotu do rodziny",
    ]
    assert "Zadzwoń pod 112." in text_of(doc.select_one(".notice--warning"))
    card = doc.select_one(".contact-card")
    assert "Ewa Przykładowa" in text_of(card)
    assert card.find("a", href="tel:+48580000005") is not None
    assert text_of(doc.select_one(".faq summary")) == "Czy to bezpłatne?"
    # No recording yet: the page says so and shows the transcript open.
    assert doc.find("video") is None
    assert "przygotowujemy" in text_of(doc.select_one(".video")).lower()
    assert doc.select_one(".video details").has_attr("open")


def test_news_index_paginates_newest_first_and_survives_bad_page_numbers(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    for n in range(12):
        NewsPageFactory(parent=news_index, title=f"Wiadomość {n:02d}")

    first = get_page(client, news_index)
    assert_layout(first, "Aktualności")
    titles = [text_of(a) for a in first.select(".card__title a")]
    assert titles[0] == "Wiadomość 11" and len(titles) == 10
    second = soup(client.get(news_index.url, {"strona": "2"}))
    assert [text_of(a) for a in second.select(".card__title a")] == ["Wiadomość 01", "Wiadomość 00"]
    for junk in ("abc", "-1", "999", "1" * 500):
        assert client.get(news_index.url, {"strona": junk}).status_code == 200


def test_news_page_shows_its_date(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    item = NewsPageFactory(parent=news_index, title="Piknik rodzinny")
    doc = get_page(client, item)
    assert_layout(doc, "Piknik rodzinny")
    time = doc.select_one(".meta time")
    assert time["datetime"] == item.date.isoformat()


def test_contact_page_shows_the_centre_details(client, centre_settings, home_page):
    page = ContactPageFactory(parent=home_page)
    doc = get_page(client, page)
    assert_layout(doc, "Kontakt")
    details = text_of(doc.select_one(".contact-details"))
    assert "ul. Lipowa 5" in details and "84-100 Testowo" in details
    assert doc.select_one(".contact-details a[href='tel:+48580000000']") is not None
    assert "wtorek–piątek 7:30–15:30" in details
    assert "iod@gops.example.pl" in text_of(doc.find("main"))


def test_accessibility_statement_renders(client, home_page):
    page = AccessibilityStatementPageFactory(parent=home_page)
    doc = get_page(client, page)
    assert_layout(doc, "Deklaracja dostępności")


def test_header_shows_the_centres_logo_when_one_is_set(client, centre_settings, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    centre_settings.logo = wagtail_factories.ImageFactory(title="Herb gminy")
    centre_settings.save()

    logo = soup(client.get("/")).select_one("header a.brand img")

    assert logo is not None and logo["alt"] == ""
    assert logo["src"].endswith(".webp")
    # The centre's name next to the logo is the link's text, so the image itself is decorative.
    assert "GOPS Testowo" in text_of(soup(client.get("/")).select_one("header a.brand"))
