"""Editors see which pages lack a translation, or have one older than the Polish page."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from wagtail.models import Locale

from home.tests.factories import InformationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = User.objects.create_user("redaktor", "r@gops.example.pl", "haslo-redaktora-123")
    user.groups.add(Group.objects.get(name="Redaktorzy"))
    return user


def translate(page, code, title, publish=True):
    translated = page.copy_for_translation(Locale.objects.get(language_code=code))
    translated.title = title
    revision = translated.save_revision()
    if publish:
        revision.publish()
    return translated


def states(client):
    doc = BeautifulSoup(client.get("/admin/reports/page-translations/").content.decode(), "html.parser")
    return {
        row.select_one("td.title").get_text(strip=True): {
            cell["data-language"]: cell["data-state"] for cell in row.select("td[data-language]")
        }
        for row in doc.select("table.listing tbody tr")
    }


def test_missing_and_out_of_date_translations_are_listed_for_editors(client, editor, home_page):
    translate(home_page, "uk", "Головна")
    translate(home_page, "en", "Home")
    rights = InformationPageFactory(parent=home_page, title="Prawa dziecka", slug="prawa-dziecka")
    translate(rights, "uk", "Права дитини")
    contact = InformationPageFactory(parent=home_page, title="Kontakt", slug="kontakt")
    translate(contact, "uk", "Контакти")
    translate(contact, "en", "Contact")
    rights.title = "Prawa każdego dziecka"
    rights.save_revision().publish()  # after its Ukrainian translation: that one is out of date now

    client.force_login(editor)
    assert states(client) == {
        # The home page and the contact page are up to date in both languages: not listed.
        "Prawa każdego dziecka": {"uk": "out_of_date", "en": "missing"},
    }
    only_missing = BeautifulSoup(
        client.get("/admin/reports/page-translations/", {"state": "missing", "language": "uk"}).content.decode(),
        "html.parser",
    )
    assert not only_missing.select("table.listing tbody tr")


def test_a_draft_translation_still_counts_as_missing(client, editor, home_page):
    translate(home_page, "en", "Home")
    rights = InformationPageFactory(parent=home_page, title="Prawa dziecka", slug="prawa-dziecka")
    translate(rights, "en", "Children's rights", publish=False)
    client.force_login(editor)
    assert states(client)["Prawa dziecka"]["en"] == "missing"


def test_social_workers_do_not_get_the_report(client, home_page):
    from intake.tests.factories import make_social_worker

    client.force_login(make_social_worker("pracownik1"))
    response = client.get("/admin/reports/page-translations/")
    assert response.status_code in (302, 403)


def test_editors_keep_and_translate_the_centres_name_and_hours(client, editor, home_page, centre_settings):
    from django.urls import reverse

    from home.models import CentreProfile

    profile = CentreProfile.objects.get()
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_home_centreprofile:list"))
    assert listing.status_code == 200 and "Gminny Ośrodek Pomocy Społecznej w Testowie" in listing.content.decode()
    translate_url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "centreprofile", profile.pk])
    assert client.get(translate_url).status_code == 200
    response = client.post(translate_url, {"locales": [Locale.objects.get(language_code="uk").pk]})
    assert response.status_code == 302
    # The Ukrainian profile exists, to be translated segment by segment.
    assert CentreProfile.objects.filter(locale__language_code="uk", translation_key=profile.translation_key).exists()
