"""The page frame (header, menu, footer) comes from fragments in the shared cache, never stale."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.tests.factories import EmergencyNumberFactory, InformationPageFactory, SectionPageFactory
from intake.tests.walk import step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page, centre_settings):
    section = SectionPageFactory(parent=home_page, title="Asystent rodziny", slug="asystent-rodziny")
    InformationPageFactory(parent=section, title="Zadania", slug="zadania")
    return section


def current_entry(client, path):
    menu = BeautifulSoup(client.get(path).content.decode(), "html.parser").select_one("nav.main-nav")
    return {link.get_text(strip=True): link.get("aria-current") for link in menu.select("a")}


def test_the_menu_marks_the_section_as_the_page_or_as_a_page_below_it(client, section, settings):
    settings.PAGE_CACHE_SECONDS = 900
    # Each fragment is rendered once and then comes from the cache: both must stay right.
    for _ in range(2):
        assert current_entry(client, "/asystent-rodziny/")["Asystent rodziny"] == "page"
        assert current_entry(client, "/asystent-rodziny/zadania/")["Asystent rodziny"] == "true"
        assert current_entry(client, "/")["Asystent rodziny"] is None


def test_a_form_step_shows_a_changed_number_and_menu_at_once(
    client, section, intake_page, django_capture_on_commit_callbacks
):
    client.get(step_url("kto"))  # a session now: the page cache is not used, the fragments are
    with django_capture_on_commit_callbacks(execute=True):
        EmergencyNumberFactory(number="116 123", name="Telefon wsparcia dla dorosłych")
        section.title = "Asystent dla rodziny"
        section.save_revision().publish()
    page = client.get(step_url("kto")).content.decode()
    assert "116 123" in page and "Asystent dla rodziny" in page


def test_a_kept_frame_saves_the_lookups_of_the_menu_settings_and_links(client, section, intake_page, settings):
    def queries_for_a_step():
        client.get(step_url("kto"))
        with CaptureQueriesContext(connection) as queries:
            client.get(step_url("kto"))
        return len(queries)

    settings.PAGE_CACHE_SECONDS = 0  # fragments are not kept: the frame is drawn every time
    drawn = queries_for_a_step()
    settings.PAGE_CACHE_SECONDS = 900
    kept = queries_for_a_step()
    # The menu's pages, the language and the menu's view restrictions at least.
    assert drawn - kept >= 3, (drawn, kept)
