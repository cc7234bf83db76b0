"""A public page drawn from scratch costs a bounded number of queries, however big the site grows.

Each page type is rendered with the page cache off, as the first visitor after a change
sees it, once with a few pages and once with many more news items, children and menu
entries: the count must not grow, and stays under a fixed bound.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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

pytestmark = pytest.mark.django_db

# The most queries a page type may take: the site, the way to the page, the restrictions,
# the frame (settings, menu, linked pages, numbers) and its own content.
LIMIT = 25


@pytest.fixture
def site(home_page, centre_settings, intake_page):
    section = SectionPageFactory(parent=home_page, title="Asystent rodziny", slug="asystent-rodziny")
    information = InformationPageFactory(parent=section, title="Zadania", slug="zadania")
    news = NewsIndexPageFactory(parent=home_page, title="Aktualności", slug="aktualnosci")
    contact = ContactPageFactory(parent=home_page, title="Kontakt", slug="kontakt")
    statement = AccessibilityStatementPageFactory(parent=home_page, slug="deklaracja-dostepnosci")
    centre_settings.contact_page = contact
    centre_settings.accessibility_page = statement
    centre_settings.save()
    EmergencyNumberFactory(number="112", name="Numer alarmowy")
    StaffContactFactory()
    NewsPageFactory(parent=news, title="Pierwsza wiadomość", slug="pierwsza")
    return {"home": home_page, "section": section, "information": information, "news": news}


def grow(site, times, start):
    for number in range(start, start + times):
        NewsPageFactory(parent=site["news"], title=f"Wiadomość {number}", slug=f"wiadomosc-{number}")
        InformationPageFactory(parent=site["section"], title=f"Podstrona {number}", slug=f"podstrona-{number}")
        SectionPageFactory(parent=site["home"], title=f"Dział w menu {number}", slug=f"dzial-{number}")


PATHS = [
    "/",
    "/asystent-rodziny/",
    "/asystent-rodziny/zadania/",
    "/aktualnosci/",
    "/aktualnosci/?strona=2",
    "/aktualnosci/pierwsza/",
    "/kontakt/",
    "/deklaracja-dostepnosci/",
    "/popros-o-pomoc/",
]


def queries_for(client, path, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def test_no_page_type_queries_more_as_the_site_grows(client, site, settings):
    grow(site, 12, start=0)  # the news listing gets a second page
    for path in PATHS:  # Django's and Wagtail's own once-per-process lookups (content types...)
        queries_for(client, path, settings)
    small = {path: queries_for(client, path, settings) for path in PATHS}
    grow(site, 30, start=12)
    large = {path: queries_for(client, path, settings) for path in PATHS}
    assert large == small
    for path, count in large.items():
        assert count <= LIMIT, (path, count)


def test_the_sitemap_queries_no_more_as_translated_pages_grow(client, site, settings):
    """Every page's translations come from the sitemap's own entries, not one query per page."""
    from wagtail.models import Locale

    settings.PAGE_CACHE_SECONDS = 0
    ukrainian = Locale.objects.get(language_code="uk")
    home_uk = site["home"].copy_for_translation(ukrainian)
    home_uk.save_revision().publish()

    def translate(page):
        translation = page.copy_for_translation(ukrainian, copy_parents=True)
        translation.slug = f"{page.slug}-uk"
        translation.save_revision().publish()

    def sitemap():
        with CaptureQueriesContext(connection) as queries:
            xml = client.get("/sitemap.xml").content.decode()
        return xml, len(queries)

    translate(site["section"])
    sitemap()  # once-per-process lookups
    xml, small = sitemap()
    for number in range(8):
        translate(NewsPageFactory(parent=site["news"], title=f"Wiadomość {number}", slug=f"wiadomosc-{number}"))
    xml, large = sitemap()
    assert large == small
    # Each translated news item lists both its addresses and the Polish one as x-default.
    for number in range(8):
        polish = f"http://testserver/aktualnosci/wiadomosc-{number}/"
        assert xml.count(f'hreflang="x-default" href="{polish}"') == 2  # in its own entry and its translation's
        assert xml.count(f'hreflang="uk" href="http://testserver/uk/aktualnosci/wiadomosc-{number}-uk/"') == 2
