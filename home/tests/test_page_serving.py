"""Pages are served by Wagtail's own view: found by address, drafts and restrictions respected."""

import pytest
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

from home.tests.factories import InformationPageFactory, SectionPageFactory, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    section = SectionPageFactory(parent=home_page, title="Asystent rodziny", slug="asystent-rodziny")
    info = InformationPageFactory(parent=section, title="Zadania asystenta", slug="zadania")
    return {"section": section, "info": info}


def test_a_page_is_found_by_its_address_and_nothing_else(client, pages):
    assert "Zadania asystenta" in client.get("/asystent-rodziny/zadania/").content.decode()
    assert client.get("/asystent-rodziny/zadania/nie-ma/").status_code == 404
    assert client.get("/nie-ma/zadania/").status_code == 404


def test_a_draft_page_is_not_served(client, pages):
    InformationPageFactory(parent=pages["section"], title="Szkic", slug="szkic", live=False)
    assert client.get("/asystent-rodziny/szkic/").status_code == 404


def test_a_password_protected_section_asks_for_the_password_and_is_never_kept(
    client, pages, django_capture_on_commit_callbacks
):
    assert client.get("/asystent-rodziny/zadania/").status_code == 200  # and kept by the page cache
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=pages["section"], restriction_type="password", password="tajne-haslo")
    response = client.get("/asystent-rodziny/zadania/")
    html = response.content.decode()
    assert response.status_code == 200 and 'name="password"' in html and "Zadania asystenta" not in html
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in client.get("/asystent-rodziny/zadania/")


def test_a_page_moved_elsewhere_answers_at_its_new_address(
    client, pages, home_page, django_capture_on_commit_callbacks
):
    other = SectionPageFactory(parent=home_page, title="Wsparcie", slug="wsparcie")
    assert client.get("/asystent-rodziny/zadania/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        pages["info"].move(other, pos="last-child")
    old = client.get("/asystent-rodziny/zadania/")
    # Wagtail's redirects app points the old address at the new one.
    assert old.status_code == 301 and old["Location"] == "/wsparcie/zadania/"
    assert client.get("/wsparcie/zadania/").status_code == 200


def test_a_published_body_shows_and_a_draft_body_only_in_the_preview(client, pages, django_capture_on_commit_callbacks):
    info = pages["info"]
    client.get(info.url)
    with django_capture_on_commit_callbacks(execute=True):
        info.body = [paragraph("Nowa treść po publikacji.")]
        info.save_revision().publish()
    assert "Nowa treść po publikacji." in client.get(info.url).content.decode()

    info.body = [paragraph("Szkic, jeszcze nie opublikowany.")]
    info.save_revision()
    client.force_login(User.objects.create_superuser("szef", "s@gops.example.pl", "haslo-szefa-1234"))
    draft = client.get(f"/admin/pages/{info.pk}/view_draft/").content.decode()
    public = client.__class__().get(info.url).content.decode()
    assert "Szkic, jeszcze nie opublikowany." in draft
    assert "Szkic, jeszcze nie opublikowany." not in public and "Nowa treść po publikacji." in public
