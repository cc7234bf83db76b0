"""Public pages come from the shared cache for visitors without a session, never stale or personal."""

import pytest
from django.contrib.auth.models import User
from wagtail.models import Site

from home import page_cache
from home.models import CentreSettings, EmergencyNumber
from home.tests.factories import EmergencyNumberFactory, NewsIndexPageFactory, NewsPageFactory
from intake.tests.walk import step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    index = NewsIndexPageFactory(parent=home_page, title="Aktualności", slug="aktualnosci")
    NewsPageFactory(parent=index, title="Dyżur w sobotę")
    return index


def test_a_second_visit_is_answered_without_the_database(client, news_index, django_assert_num_queries):
    first = client.get(news_index.url)
    with django_assert_num_queries(0):
        second = client.get(news_index.url)
    assert second.status_code == 200 and second["X-Page-Cache"] == "hit" and "X-Page-Cache" not in first
    assert second.content == first.content
    # Kept with the page: the policies a page drawn by the views gets.
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Strict-Transport-Security"):
        assert second.get(header) == first.get(header), header
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert "Dyżur w sobotę" in second.content.decode()


def test_a_published_news_item_shows_on_the_next_request(client, news_index, django_capture_on_commit_callbacks):
    client.get(news_index.url)
    with django_capture_on_commit_callbacks(execute=True):
        draft = NewsPageFactory(parent=news_index, title="Zebranie rodziców", live=False)
        draft.save_revision().publish()
    assert "Zebranie rodziców" in client.get(news_index.url).content.decode()


def test_an_unpublished_page_is_gone_on_the_next_request(client, news_index, django_capture_on_commit_callbacks):
    item = news_index.get_children().first().specific
    address = item.url
    assert client.get(address).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert client.get(address).status_code == 404
    assert "Dyżur w sobotę" not in client.get(news_index.url).content.decode()


def test_a_changed_emergency_number_shows_on_every_page_at_once(client, news_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        number = EmergencyNumberFactory(number="116 111", name="Telefon zaufania")
    client.get(news_index.url)
    with django_capture_on_commit_callbacks(execute=True):
        number.number = "116 123"
        number.save()
    assert "116 123" in client.get(news_index.url).content.decode()


def test_a_changed_centre_phone_shows_on_the_next_request(client, news_index, django_capture_on_commit_callbacks):
    client.get(news_index.url)
    with django_capture_on_commit_callbacks(execute=True):
        centre = CentreSettings.for_site(Site.objects.get(is_default_site=True))
        centre.phone = "58 999 88 77"
        centre.save()
    assert "58 999 88 77" in client.get(news_index.url).content.decode()


def test_a_saved_draft_changes_nothing_public_and_keeps_the_cache(
    client, news_index, django_capture_on_commit_callbacks, django_assert_num_queries
):
    client.get(news_index.url)
    with django_capture_on_commit_callbacks(execute=True):
        news_index.title = "Wersja robocza tytułu"
        news_index.save_revision()
    with django_assert_num_queries(0):
        page = client.get(news_index.url)
    assert "Wersja robocza tytułu" not in page.content.decode()


def test_staff_always_get_the_page_itself(client, news_index):
    client.get(news_index.url)
    client.force_login(User.objects.create_superuser("szef", "s@gops.example.pl", "haslo-szefa-1234"))
    page = client.get(news_index.url).content.decode()
    # The editor's toolbar is only in a page rendered for them.
    assert "wagtail-userbar" in page


def kept(client, url, **query):
    """Whether the page at `url` now comes from the page cache."""
    return client.__class__().get(url, query).get("X-Page-Cache") == "hit"


def test_the_request_form_steps_are_never_kept(client, intake_page):
    first = client.get(step_url("kto"))
    assert "no-store" in first["Cache-Control"]
    assert not kept(client, step_url("kto"))
    client.cookies.clear()  # even a visitor without a session gets a fresh form with its own token
    second = client.get(step_url("kto"))
    assert 'name="csrfmiddlewaretoken"' in second.content.decode() and second.cookies


def test_the_request_forms_opening_page_is_kept_but_its_steps_are_not(client, intake_page):
    # The opening page is the editors' text and a link: no form, no session, nothing typed.
    first = client.get(intake_page.url)
    second = client.get(intake_page.url)
    assert second["X-Page-Cache"] == "hit" and "no-store" not in second.get("Cache-Control", "")
    assert not first.cookies and 'name="csrfmiddlewaretoken"' not in first.content.decode()
    step = client.get(step_url("kto"))
    assert "X-Page-Cache" not in step and "no-store" in step["Cache-Control"]


def test_another_app_server_serves_what_this_one_kept(client, news_index, settings, tmp_path):
    """The cache is shared: what one server stored, another server (its own process) serves."""
    import os
    import subprocess
    import sys

    from django.conf import settings as django_settings

    client.get(news_index.url)
    code = (
        "import django, os; django.setup();"
        "from django.test import Client;"
        f"print(Client().get({news_index.url!r}).get('X-Page-Cache'))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "CACHE_DIR": django_settings.CACHES["default"]["LOCATION"],
    }
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "hit", result.stderr[-2000:]


def test_a_new_site_version_makes_every_kept_page_old(client, news_index):
    client.get(news_index.url)
    assert kept(client, news_index.url)
    page_cache.new_version()  # as a change shown on every page does, on any server
    assert not kept(client, news_index.url)
    assert kept(client, news_index.url)  # rendered again, and kept again


def test_a_page_rendered_during_a_purge_is_not_served_after_it(client, news_index, monkeypatch):
    """A request that read the page before a change was committed must not keep it for later visitors."""
    from home.models import NewsIndexPage

    real_serve = NewsIndexPage.serve

    def serve_then_purge(self, request, *args, **kwargs):
        response = real_serve(self, request, *args, **kwargs)
        page_cache.SharedCacheBackend({}).purge("http://testserver" + news_index.url)
        return response

    monkeypatch.setattr(NewsIndexPage, "serve", serve_then_purge)
    client.get(news_index.url)
    monkeypatch.setattr(NewsIndexPage, "serve", real_serve)
    assert not kept(client, news_index.url)


def test_a_missing_page_is_not_kept(client, home_page):
    client.get("/nie-ma-takiej-strony/")
    assert not kept(client, "/nie-ma-takiej-strony/")


def test_a_page_reached_under_another_host_name_is_not_kept(client, news_index, settings):
    """Purges name pages by their Site's address: a copy under any other host would never be purged."""
    settings.ALLOWED_HOSTS = ["*"]
    other = client.__class__(HTTP_HOST="inny.example.pl")
    assert other.get(news_index.url).status_code == 200
    assert other.get(news_index.url).get("X-Page-Cache") is None


def test_a_tracking_parameter_is_served_but_kept_by_no_cache(client, news_index):
    response = client.get(news_index.url, {"fbclid": "abc"})
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    assert not kept(client, news_index.url, fbclid="abc")


def test_a_listing_page_that_does_not_exist_is_not_kept(client, news_index):
    response = client.get(news_index.url, {"strona": "999"})
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    assert not kept(client, news_index.url, strona="999")
    assert "private" not in client.get(news_index.url, {"strona": "1"}).get("Cache-Control", "")


def test_every_page_of_a_listing_is_named_for_purging(news_index):
    for number in range(25):
        NewsPageFactory(parent=news_index, title=f"Wiadomość {number}")
    assert news_index.specific.get_cached_paths() == ["/", "?strona=1", "?strona=2", "?strona=3"]


def test_a_changed_emergency_number_shows_at_once_on_the_request_forms_steps(
    client, intake_page, django_capture_on_commit_callbacks
):
    # The steps are never kept whole, but their emergency strip is a fragment of the shared cache.
    step = step_url("kto")
    assert "112" in client.get(step).content.decode()
    number = EmergencyNumber.objects.get(number="112")
    with django_capture_on_commit_callbacks(execute=True):
        number.number = "997"
        number.save()
    page = client.get(step).content.decode()
    assert 'href="tel:997"' in page
    assert 'href="tel:112"' not in page
