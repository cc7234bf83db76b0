"""Whole public pages kept in each app process's memory, for visitors without a session.

A resident reading the site has no session cookie, and every such visitor gets the
same bytes for the same address. So the finished response is kept and handed out
again without running the views, the templates or a single database query.
Nothing personal ever qualifies:
- a request with a session cookie (staff, or an applicant with answers in progress)
  always goes to the views;
- a response is kept only when it is a 200 to a GET, sets no cookie (so it carries no
  CSRF token), and does not say no-store or private (the request form's steps do);
- the admin, documents, search and the quick exit are never looked up at all.

All app processes on a machine share one "generation" in a small file
(PAGE_CACHE_GENERATION_FILE). Any change to what the public pages show bumps it (a
page published, unpublished, moved or deleted; a snippet, a setting, an image, a
document, a redirect, a site or a privacy setting saved or deleted), and each process
drops every page it kept at its next request: the change shows on the next request.
"""

import os
import re
import threading
from collections import OrderedDict

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control


def generation_file():
    return settings.PAGE_CACHE_GENERATION_FILE


def current_generation():
    """Cheap to read on every request: one stat() of the file, which bump() replaces."""
    try:
        info = os.stat(generation_file())
    except FileNotFoundError:
        return None
    # A replaced file has a new inode even within one clock tick.
    return (info.st_ino, info.st_mtime_ns)


def bump():
    """Tell every process that the public pages changed."""
    path = generation_file()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.{threading.get_ident()}"
    with open(temporary, "w") as handle:
        handle.write(str(os.getpid()))
    os.replace(temporary, path)


class PageStore:
    """The pages one process keeps: least recently used first out, within a size budget."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.lock = threading.Lock()
        self.clear()

    def clear(self, generation=None):
        with self.lock:
            self.pages = OrderedDict()
            self.size = 0
            self.generation = generation

    def get(self, key, generation):
        if generation != self.generation:
            self.clear(generation)
            return None
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, generation, page):
        status, headers, content = page
        with self.lock:
            if generation != self.generation or len(content) > self.max_bytes:
                return
            old = self.pages.pop(key, None)
            if old is not None:
                self.size -= len(old[2])
            self.pages[key] = page
            self.size += len(content)
            while self.size > self.max_bytes:
                _key, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped[2])


store = PageStore(max_bytes=0)


def _lookup_key(request):
    """The address as the visitor asked for it, or None when it must not come from the cache."""
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    path = request.path_info
    if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return None
    meta = request.META
    # Scheme as the proxy reports it: an http request must still get its redirect to https.
    return (
        meta.get("HTTP_X_FORWARDED_PROTO", "") or meta.get("wsgi.url_scheme", ""),
        meta.get("HTTP_HOST", ""),
        path,
        meta.get("QUERY_STRING", ""),
    )


# The only query a public page answers differently to: a listing's page number. Any other
# query string (tracking parameters, a repeated or odd page number) is the same page under
# another address, which no purge would name: it is served, but kept by no cache.
CANONICAL_QUERY = re.compile(r"(strona=[1-9][0-9]{0,5})?")


def _keepable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return "no-store" not in cache_control and "private" not in cache_control


class PageCacheMiddleware:
    """First in MIDDLEWARE: a page kept here skips everything else, as the bare response it was."""

    def __init__(self, get_response):
        self.get_response = get_response
        store.max_bytes = settings.PAGE_CACHE_MAX_BYTES

    def __call__(self, request):
        key = _lookup_key(request)
        if key is None:
            return self.get_response(request)
        generation = current_generation()
        if settings.PAGE_CACHE_MAX_BYTES:
            page = store.get(key, generation)
            if page is not None:
                status, headers, content = page
                response = HttpResponse(content, status=status, headers=headers)
                response["X-Page-Cache"] = "hit"  # what the benchmark checks; nothing else reads it
                return response
        response = self.get_response(request)
        if _keepable(response):
            if not CANONICAL_QUERY.fullmatch(key[3]):
                # Tells nginx (deploy/nginx/) not to keep it either.
                patch_cache_control(response, private=True)
            elif settings.PAGE_CACHE_MAX_BYTES:
                store.put(key, generation, (response.status_code, dict(response.headers), response.content))
        return response


# What the public pages show besides pages themselves. Saving any of these changes pages.
SHOWN_ON_PAGES = (
    "home.",  # snippets (contacts, emergency numbers) and the centre's settings
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailredirects.redirect",
    "wagtailimages.image",
    "wagtaildocs.document",
)
# A page saved with only these fields changed a draft or a lock: nothing public.
DRAFT_ONLY_FIELDS = {
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def content_changed(gone_urls=()):
    """Every process here drops its pages, and nginx's copies are purged (when configured).

    `gone_urls`: addresses that stopped being live pages (unpublished, deleted, moved
    away); the purge of every live page would not name them.
    """
    from home.frontend_cache import purge_everything

    bump()
    purge_everything(extra_urls=gone_urls)


def bump_after_commit(gone_urls=(), **kwargs):
    # After the commit: a request that reads the new generation must also read the new content.
    from functools import partial

    from django.db import transaction

    transaction.on_commit(partial(content_changed, list(gone_urls)))


def _addresses(url_path):
    """The full URLs a page at this url_path had, on every site that reaches it."""
    from wagtail.models import Site

    found = []
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if url_path.startswith(root):
            found.append(site.root_url + "/" + url_path[len(root) :])
    return found


def _on_unpublish(sender, instance, **kwargs):
    bump_after_commit(gone_urls=_addresses(instance.url_path))


def _on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    # The page and everything below it answered at the old addresses until now.
    paths = [url_path_before] + [
        url_path_before + path[len(url_path_after) :]
        for path in instance.get_descendants().values_list("url_path", flat=True)
    ]
    bump_after_commit(gone_urls=[url for path in paths for url in _addresses(path)])


def _model_label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _on_save(sender, instance, update_fields=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        # Publishing saves the page live (Wagtail's page_published comes after that save,
        # and is not listened to: a second purge of every address for the same change);
        # a live page saved by code (an import, the demo) counts too.
        if instance.live and not (update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS):
            bump_after_commit()
        return
    if _model_label(sender).startswith(SHOWN_ON_PAGES):
        bump_after_commit()


def _on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_after_commit(gone_urls=_addresses(instance.url_path))
    elif _model_label(sender).startswith(SHOWN_ON_PAGES):
        bump_after_commit()


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_unpublished, post_page_move

    page_unpublished.connect(_on_unpublish, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(_on_move, dispatch_uid="page-cache-moved")
    post_save.connect(_on_save, dispatch_uid="page-cache-save")
    post_delete.connect(_on_delete, dispatch_uid="page-cache-delete")
