"""A change purges the pages it affects and leaves the rest kept (home/purges.py)."""

import pytest
from wagtail.models import Site

from home.models import CentreSettings
from home.tests.factories import (
    ContactPageFactory,
    InformationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SectionPageFactory,
    StaffContactFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, centre_settings):
    section = SectionPageFactory(parent=home_page, title="Asystent rodziny", slug="asystent-rodziny")
    tasks = InformationPageFactory(parent=section, title="Zadania asystenta", slug="zadania")
    news = NewsIndexPageFactory(parent=home_page)
    item = NewsPageFactory(parent=news, title="Dyżur w sobotę", slug="dyzur")
    contact = ContactPageFactory(parent=home_page)
    return {"home": home_page, "section": section, "tasks": tasks, "news": news, "item": item, "contact": contact}


def visit(client, *pages):
    for page in pages:
        client.get(page.url)


def kept(client, page):
    return client.__class__().get(page.url).get("X-Page-Cache") == "hit"


def kept_pages(client, site):
    return {name for name, page in site.items() if kept(client, page)}


def test_a_published_news_item_purges_its_listing_and_the_home_page_only(
    client, site, django_capture_on_commit_callbacks
):
    visit(client, *site.values())
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=site["news"], title="Zebranie", slug="zebranie", live=False).save_revision().publish()
    # Home lists the latest news, the index lists them all; the rest did not change.
    assert kept_pages(client, site) == {"section", "tasks", "item", "contact"}
    assert "Zebranie" in client.get(site["news"].url).content.decode()


def test_a_changed_page_purges_itself_and_the_pages_that_list_it(client, site, django_capture_on_commit_callbacks):
    visit(client, *site.values())
    tasks = site["tasks"]
    with django_capture_on_commit_callbacks(execute=True):
        tasks.intro = "Nowy wstęp."
        tasks.save_revision().publish()
    assert kept_pages(client, site) == {"news", "item", "contact"}
    assert "Nowy wstęp." in client.get(site["section"].url).content.decode()


def test_a_renamed_section_purges_the_breadcrumbs_below_it(client, site, django_capture_on_commit_callbacks):
    section = SectionPageFactory(parent=site["section"], title="Dla rodziców", slug="dla-rodzicow", show_in_menus=False)
    below = InformationPageFactory(parent=section, title="Porady", slug="porady")
    visit(client, *site.values(), below)
    with django_capture_on_commit_callbacks(execute=True):
        section.title = "Dla rodziców i opiekunów"
        section.save_revision().publish()
    assert not kept(client, below)
    assert "Dla rodziców i opiekunów" in client.get(below.url).content.decode()
    assert kept(client, site["contact"])


def test_a_changed_menu_entry_purges_the_whole_site(client, site, django_capture_on_commit_callbacks):
    visit(client, *site.values())
    section = site["section"]
    with django_capture_on_commit_callbacks(execute=True):
        section.title = "Asystent rodziny – pomoc w domu"
        section.save_revision().publish()
    assert kept_pages(client, site) == set()
    assert "Asystent rodziny – pomoc w domu" in client.get(site["contact"].url).content.decode()


def test_a_changed_setting_purges_the_whole_site(client, site, django_capture_on_commit_callbacks):
    visit(client, *site.values())
    with django_capture_on_commit_callbacks(execute=True):
        centre = CentreSettings.for_site(Site.objects.get(is_default_site=True))
        centre.phone = "58 123 45 67"
        centre.save()
    assert kept_pages(client, site) == set()


def test_a_changed_contact_purges_only_the_pages_that_show_it(client, site, django_capture_on_commit_callbacks):
    person = StaffContactFactory(name="Ewa Przykładowa", phone="58 000 00 05")
    tasks = site["tasks"]
    with django_capture_on_commit_callbacks(execute=True):
        tasks.body = [("contact_card", person)]
        tasks.save_revision().publish()
    visit(client, *site.values())
    with django_capture_on_commit_callbacks(execute=True):
        person.phone = "58 000 00 09"
        person.save()
    assert kept_pages(client, site) == {"home", "section", "news", "item", "contact"}
    assert "58 000 00 09" in client.get(tasks.url).content.decode()


def test_a_saved_draft_purges_nothing(client, site, django_capture_on_commit_callbacks):
    visit(client, *site.values())
    with django_capture_on_commit_callbacks(execute=True):
        site["section"].title = "Szkic tytułu"
        site["section"].save_revision()
    assert kept_pages(client, site) == set(site)
