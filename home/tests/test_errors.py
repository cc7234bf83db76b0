"""A missing page explains itself in Polish, in the site's layout; a server error page needs nothing."""

import pytest
from django.template.loader import render_to_string

from home.tests.html import text_of

pytestmark = pytest.mark.django_db


def test_missing_page_is_a_polish_404_in_the_layout(client, centre_settings, home_page):
    from bs4 import BeautifulSoup

    response = client.get("/nie-ma-takiej-strony/")

    assert response.status_code == 404
    doc = BeautifulSoup(response.content.decode(), "html.parser")
    assert text_of(doc.find("h1")) == "Nie możemy znaleźć tej strony"
    assert doc.find("nav", class_="main-nav") is not None
    assert "Gminny Ośrodek Pomocy Społecznej w Testowie" in text_of(doc.find("footer"))
    assert doc.find("a", href="/szukaj/") is not None


def test_server_error_page_is_static_and_polish():
    html = render_to_string("500.html")
    assert "Przepraszamy" in html
    assert 'href="tel:112"' in html
    assert "{%" not in html and "{{" not in html
