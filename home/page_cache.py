"""Whole public pages in the shared cache, for visitors without a session.

The one cache layer inside Django (README, "Performance"), on Django's cache framework and
the shared cache (portal/cache.py): Redis on servers, so whichever app server answers, a
resident reading the site gets the bytes an earlier visitor's request produced, without
views, templates or queries. Wagtail's own serve view makes every page; this only keeps
its answer. nginx in front keeps the same pages (deploy/nginx/) by the same rules.

What is kept: a 200 to a GET, that sets no cookie (so it carries no CSRF token) and is not
`no-store` or `private`, for a request without a session cookie, at an address whose host
is its Site's own (the purges below name pages by their Site's address). Never looked
up: the admin, documents, search, the quick exit, static and media files.

What keeps it right: every change purges what it affects through Wagtail's frontend cache
(home/purges.py), and this layer is one of its backends (SharedCacheBackend). A purged
address gets a new token in the shared cache, and a page is served only when it was
stored under the address's current token and the site's current version: a page rendered
while a purge happened is never served after it. A change that shows on every page (the
menu, the centre's settings, the emergency numbers) gives the whole site a new version.
The version, the address's token and the page are read in one round trip.
"""

import hashlib
import re
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Site

VERSION_KEY = "pages:version"
# The only query a public page answers differently to: a listing's page number. Any other
# query string (tracking parameters, a repeated or odd page number) is the same page under
# another address, which no purge would name: it is served, but kept by no cache.
CANONICAL_QUERY = re.compile(r"(strona=[1-9][0-9]{0,5})?")


def _keys(host, path, query):
    """The shared cache's keys for the page at this address: its purge token, and the page."""
    digest = hashlib.sha256(f"{host.lower()}{path}?{query}".encode()).hexdigest()[:40]
    return f"pages:token:{digest}", f"pages:page:{digest}"


def _address(request):
    """(host, path, query) as the visitor asked, or None when it must not come from a cache."""
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    path = request.path_info
    if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return None
    host, _port = split_domain_port(request.get_host())
    return host, path, request.META.get("QUERY_STRING", "")


def new_version():
    """Every page of every site kept so far is old: one value in the shared cache."""
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def site_version():
    """The version every kept page and fragment is stored under (home/frame.py too)."""
    # Made by the first reader; `add`, so that two servers starting at once agree.
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _keepable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if "no-store" in cache_control or "private" in cache_control:
        return False
    # Purges name a page by its Site's address; a page reached under another host name
    # (the default site answering any host) would never be purged.
    site = Site.find_for_request(request)
    return site is not None and split_domain_port(request.get_host())[0].lower() == site.hostname.lower()


class PageCacheMiddleware:
    """Below the security middleware (its redirects and headers apply to kept pages too), above the
    Content-Security-Policy and Permissions-Policy middleware, whose headers are kept with the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = _address(request)
        if address is None:
            return self.get_response(request)
        if not CANONICAL_QUERY.fullmatch(address[2]):
            response = self.get_response(request)
            if _keepable(request, response):
                # Tells nginx (deploy/nginx/) not to keep it either.
                patch_cache_control(response, private=True)
            return response
        if not settings.PAGE_CACHE_SECONDS:
            return self.get_response(request)
        token_key, page_key = _keys(*address)
        found = cache.get_many([VERSION_KEY, token_key, page_key])
        version, token, page = found.get(VERSION_KEY), found.get(token_key), found.get(page_key)
        if page is not None and version is not None and page["version"] == version and page["token"] == token:
            response = HttpResponse(page["content"], status=page["status"], headers=page["headers"])
            response["X-Page-Cache"] = "hit"  # what the benchmark and the tests check; nothing else reads it
            return response
        response = self.get_response(request)
        if _keepable(request, response):
            page = {
                # The version and token read before rendering: a purge meanwhile makes this copy old.
                "version": version or site_version(),
                "token": token,
                "status": response.status_code,
                "headers": dict(response.headers),
                "content": response.content,
            }
            cache.set(page_key, page, timeout=settings.PAGE_CACHE_SECONDS)
        return response


class SharedCacheBackend(BaseBackend):
    """Wagtail's frontend cache backend for the pages above: a purge gives each address a new token."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        tokens, pages = {}, []
        for url in urls:
            parts = urlsplit(url)
            token_key, page_key = _keys(parts.hostname or "", parts.path or "/", parts.query)
            tokens[token_key] = secrets.token_hex(8)
            pages.append(page_key)
        # The token outlives every page stored before it (PAGE_CACHE_SECONDS), so that a copy
        # rendered before the purge can never match again.
        cache.set_many(tokens, timeout=2 * settings.PAGE_CACHE_SECONDS + 60)
        cache.delete_many(pages)
