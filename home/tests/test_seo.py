"""What search engines and sharing see: sitemap, robots.txt, description, canonical link."""

import pytest

from home.tests.factories import AccessibilityStatementPageFactory, InformationPageFactory
from home.tests.html import soup

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages(client, home_page):
    live = InformationPageFactory(parent=home_page, title="Prawa dziecka", slug="prawa-dziecka")
    draft = InformationPageFactory(parent=home_page, title="Szkic", slug="szkic")
    draft.unpublish()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/prawa-dziecka/</loc>" in body or f"{live.url}</loc>" in body
    assert "/szkic/" not in body


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_meta_description_and_canonical_link(client, home_page):
    page = InformationPageFactory(
        parent=home_page, title="Prawa dziecka", slug="prawa-dziecka", search_description="Jakie prawa ma dziecko."
    )
    doc = soup(client.get(page.url, {"utm_source": "facebook"}))
    assert doc.find("meta", attrs={"name": "description"})["content"] == "Jakie prawa ma dziecko."
    assert doc.find("link", rel="canonical")["href"] == "http://testserver/prawa-dziecka/"


def test_intro_is_the_description_when_none_is_set(client, home_page):
    page = InformationPageFactory(parent=home_page, slug="bez-opisu", intro="Krótko o stronie.", search_description="")
    doc = soup(client.get(page.url))
    assert doc.find("meta", attrs={"name": "description"})["content"] == "Krótko o stronie."


def test_every_page_names_the_accessibility_statement(client, centre_settings, home_page):
    statement = AccessibilityStatementPageFactory(parent=home_page)
    centre_settings.accessibility_page = statement
    centre_settings.save()
    page = InformationPageFactory(parent=home_page, slug="cokolwiek")

    doc = soup(client.get(page.url))

    meta = doc.find("meta", attrs={"name": "deklaracja-dostępności"})
    assert meta["content"] == "http://testserver/deklaracja-dostepnosci/"
    assert doc.select_one("footer a[href='/deklaracja-dostepnosci/']") is not None


def test_pages_without_an_intro_still_get_their_description(client, home_page):
    page = AccessibilityStatementPageFactory(
        parent=home_page, slug="deklaracja-opis", search_description="Stan dostępności strony."
    )
    doc = soup(client.get(page.url))
    assert doc.find("meta", attrs={"name": "description"})["content"] == "Stan dostępności strony."
