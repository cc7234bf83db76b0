"""nginx's copies of the public pages are purged after every change (Wagtail's frontend cache)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Site

from home.models import CentreSettings
from home.tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nginx(settings):
    """Stands in for nginx's purge location: records what it is asked to purge."""
    purged = []

    class Purge(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_PURGE(self):
            purged.append((self.headers["Host"], self.path, self.headers.get("Accept-Encoding", "")))
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Purge)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "home.frontend_cache.NginxPurgeBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()


def test_a_changed_setting_purges_every_public_address_in_both_encodings(
    nginx, home_page, django_capture_on_commit_callbacks
):
    index = NewsIndexPageFactory(parent=home_page, title="Aktualności", slug="aktualnosci")
    item = NewsPageFactory(parent=index, title="Dyżur", slug="dyzur")
    nginx.clear()
    with django_capture_on_commit_callbacks(execute=True):
        centre = CentreSettings.for_site(Site.objects.get(is_default_site=True))
        centre.phone = "58 111 22 33"
        centre.save()
    purged = {(path, encoding) for _host, path, encoding in nginx}
    # nginx purges the page at /x/ when asked for /__purge/x/ (deploy/nginx/portal-locations.conf).
    for path in ("/", "/aktualnosci/", "/aktualnosci/?strona=1", "/aktualnosci/dyzur/", "/sitemap.xml", "/robots.txt"):
        assert ("/__purge" + path, "gzip") in purged and ("/__purge" + path, "") in purged, path
    assert {host for host, _path, _encoding in nginx} == {"testserver"}
    assert item.url == "/aktualnosci/dyzur/"


def test_publishing_purges_the_listing_that_shows_the_new_item(nginx, home_page, django_capture_on_commit_callbacks):
    index = NewsIndexPageFactory(parent=home_page, title="Aktualności", slug="aktualnosci")
    nginx.clear()
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=index, title="Nowa", slug="nowa", live=False).save_revision().publish()
    paths = {path for _host, path, _encoding in nginx}
    assert {"/__purge/", "/__purge/aktualnosci/", "/__purge/aktualnosci/nowa/"} <= paths
    # Once: every address is purged per change, and the editor waits for it.
    assert len(nginx) == len(set(nginx))


def test_an_unreachable_nginx_does_not_stop_the_change(settings, home_page, django_capture_on_commit_callbacks, caplog):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "home.frontend_cache.NginxPurgeBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    with django_capture_on_commit_callbacks(execute=True):
        centre = CentreSettings.for_site(Site.objects.get(is_default_site=True))
        centre.phone = "58 111 22 33"
        centre.save()
    assert CentreSettings.objects.get().phone == "58 111 22 33"
    assert "purging nginx's page cache failed" in caplog.text


def test_an_unpublished_or_moved_page_is_purged_at_its_old_address(
    nginx, home_page, django_capture_on_commit_callbacks
):
    from home.tests.factories import SectionPageFactory

    index = NewsIndexPageFactory(parent=home_page, title="Aktualności", slug="aktualnosci")
    item = NewsPageFactory(parent=index, title="Stara", slug="stara")
    section = SectionPageFactory(parent=home_page, title="Dział", slug="dzial")
    nginx.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert "/__purge/aktualnosci/stara/" in {path for _host, path, _encoding in nginx}
    nginx.clear()
    with django_capture_on_commit_callbacks(execute=True):
        index.move(section, pos="last-child")
    paths = {path for _host, path, _encoding in nginx}
    assert {"/__purge/aktualnosci/", "/__purge/aktualnosci/stara/", "/__purge/dzial/aktualnosci/"} <= paths
