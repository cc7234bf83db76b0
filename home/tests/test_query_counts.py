"""A public page drawn from scratch costs a bounded number of queries, however big the site grows.

Each page type is rendered with the page cache off and nothing kept (home/memo.py), as
the first visitor after a change sees it, once with a few pages and once with many
more news items, children and menu entries: the count must not grow. Warm renders
(what every later visitor without the page cache costs) are bounded too.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import memo
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
from intake.tests.conftest import intake_page  # noqa: F401  (shared fixture)

pytestmark = pytest.mark.django_db

# The most queries a page type may take when nothing is kept yet: the site, the page, the
# restrictions, the chrome (settings, menu, linked pages, numbers) and its own content.
COLD_LIMIT = 20
# ...and once the chrome and the way to the page are kept: the page itself and little else.
WARM_LIMIT = 3


@pytest.fixture
def site(home_page, centre_settings, intake_page):  # noqa: F811
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
    settings.PAGE_CACHE_MAX_BYTES = 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def cold_and_warm(client, path, settings):
    memo.forget()
    cold = queries_for(client, path, settings)
    warm = queries_for(client, path, settings)
    return cold, warm


def test_no_page_type_queries_more_as_the_site_grows(client, site, settings):
    grow(site, 12, start=0)  # the news listing gets a second page
    for path in PATHS:  # Django's and Wagtail's own once-per-process lookups (content types...)
        cold_and_warm(client, path, settings)
    small = {path: cold_and_warm(client, path, settings) for path in PATHS}
    grow(site, 30, start=12)
    large = {path: cold_and_warm(client, path, settings) for path in PATHS}
    assert large == small
    for path, (cold, warm) in large.items():
        assert cold <= COLD_LIMIT, (path, cold)
        assert warm <= WARM_LIMIT, (path, warm)
