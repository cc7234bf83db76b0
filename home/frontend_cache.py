"""Purging nginx's copies of the public pages, through Wagtail's frontend cache.

deploy/nginx/ keeps pages for visitors without a session until they are purged; what a
change affects, and so what is purged, is decided in home/purges.py. Each address is
purged in both encodings nginx keeps, over one kept-alive connection. Configured by
PORTAL_NGINX_PURGE_URL (settings WAGTAILFRONTENDCACHE; several nginx servers separated by
commas); without it nginx is not purged.
"""

import logging
from http.client import HTTPConnection
from types import SimpleNamespace
from urllib.parse import urlsplit

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger(__name__)

# deploy/nginx/portal-locations.conf keeps one copy per value of $portal_encoding, and
# purges the page at /x/ when asked for /__purge/x/ (Debian's cache-purge module
# crashes in the "same location" form).
ENCODINGS = ("gzip", "")
PURGE_PREFIX = "/__purge"


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend for nginx's cache-purge module: each URL in every encoding."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        connection = HTTPConnection(self.cache_netloc, timeout=10)
        try:
            for url in urls:
                parts = urlsplit(url)
                target = PURGE_PREFIX + parts.path + (f"?{parts.query}" if parts.query else "")
                for encoding in ENCODINGS:
                    connection.request("PURGE", target, headers={"Host": parts.netloc, "Accept-Encoding": encoding})
                    connection.getresponse().read()  # 200 purged, 404 was not kept
        except OSError as error:
            # Pages stay stale in nginx until the next purge: say so, without failing the save.
            logger.error("purging nginx's page cache failed: %s", type(error).__name__)
        finally:
            connection.close()


def public_urls():
    """Every address nginx may hold a page under: each live page (and its listing pages), sitemap, robots."""
    from wagtail.models import Page, Site

    urls = set()
    for site in Site.objects.all():
        urls.update((site.root_url + "/sitemap.xml", site.root_url + "/robots.txt"))
    cache = SimpleNamespace()  # Wagtail keeps the sites' root paths on it: looked up once
    for page in Page.objects.live().public().specific(defer=True).iterator():
        url = page.get_full_url(cache)
        if url:
            urls.update(url + path.lstrip("/") for path in page.get_cached_paths())
    return sorted(urls)
