"""Site search at /szukaj/: finds pages, and odd input never breaks it."""

import pytest

from home.tests.factories import InformationPageFactory, SectionPageFactory
from home.tests.html import soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    SectionPageFactory(parent=home_page, title="Asystent rodziny", intro="Kim jest asystent i jak pomaga.")
    InformationPageFactory(parent=home_page, title="Prawa dziecka", intro="Jakie prawa ma każde dziecko.")
    draft = InformationPageFactory(parent=home_page, title="Asystent – szkic")
    draft.unpublish()


def test_search_finds_live_pages(client, pages):
    doc = soup(client.get("/szukaj/", {"q": "asystent"}))
    titles = [text_of(a) for a in doc.select(".card__title a")]
    assert titles == ["Asystent rodziny"]
    assert "Znaleźliśmy" in text_of(doc.select_one(".search-summary")) or "1" in text_of(
        doc.select_one(".search-summary")
    )
    assert doc.find("input", id="search-page-q")["value"] == "asystent"


def test_search_says_when_nothing_is_found(client, pages):
    doc = soup(client.get("/szukaj/", {"q": "zzzyxx"}))
    assert doc.select(".card") == []
    assert "zzzyxx" in text_of(doc.select_one(".search-summary"))


def test_empty_search_shows_the_form(client, pages):
    doc = soup(client.get("/szukaj/"))
    assert doc.find("input", id="search-page-q") is not None
    assert doc.select_one(".search-summary") is None


@pytest.mark.parametrize(
    "query",
    [
        "a" * 10_000,
        "\x00asystent\x00",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"unterminated',
        "AND OR NOT",
        "*?~^()[]{}:",
        "🙂🙂🙂",
        "   ",
        "asystent" * 500,
    ],
)
def test_odd_queries_never_break_the_page(client, pages, query):
    response = client.get("/szukaj/", {"q": query, "strona": "x"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_search_query_is_escaped_in_the_page(client, pages):
    doc = soup(client.get("/szukaj/", {"q": "<b>asystent</b>"}))
    assert doc.find("b", string="asystent") is None
