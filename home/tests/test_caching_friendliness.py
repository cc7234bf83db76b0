"""Public pages are the same for every anonymous visitor: no cookies, nothing personal."""

import pytest

from home.tests.factories import EmergencyNumberFactory, InformationPageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/info/", "/aktualnosci/", "/szukaj/?q=asystent", "/nie-ma/", "/sitemap.xml"])
def test_anonymous_pages_set_no_cookies(client, centre_settings, home_page, path):
    InformationPageFactory(parent=home_page, slug="info")
    NewsIndexPageFactory(parent=home_page)
    EmergencyNumberFactory()

    response = client.get(path)

    assert response.status_code in (200, 404)
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_text_size_and_contrast_switches_are_not_server_state(client, home_page):
    first = client.get("/", HTTP_COOKIE="sessionid=abc")
    second = client.get("/")
    assert first.content == second.content
