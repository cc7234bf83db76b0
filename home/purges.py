"""After a change, purge the kept copies of the pages it affects, and only those.

Both caches of public pages, the shared cache inside Django (home/page_cache.py) and nginx
in front (deploy/nginx/, home/frontend_cache.py), are backends of Wagtail's frontend cache
(settings WAGTAILFRONTENDCACHE). What a change affects is what Wagtail knows about it:

- a page published, changed or unpublished: the page (with every page of its listing),
  its ancestors (they list their children, the home page the latest news) and the
  sitemap; when its title or address changed, also the pages below it (their
  breadcrumbs and addresses), its translations (their language switch) and the pages
  that link to it (Wagtail's reference index);
- a page moved or deleted: its old addresses and those of the pages below it, and the
  pages around it;
- a contact, an image or a document: the pages that use it (the reference index);
- a redirect: the address it takes over.

A change that shows on every page purges the whole site: a page in the menu (its title,
address or place in the menu), the centre's settings, the emergency numbers, sites,
languages and view restrictions, and anything a setting or a snippet refers to (the
logo). In the shared cache that is one new version; nginx, which cannot purge by
pattern, is sent every public address.

Purges run after the change is committed, and before the editor's request returns:
the next request anywhere sees the change.
"""

import logging
from functools import partial
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import post_page_move

from home import page_cache
from home.frontend_cache import public_urls

logger = logging.getLogger(__name__)

# Shown on every page: saving or deleting one purges the whole site.
EVERYWHERE = {
    "home.emergencynumber",
    "home.centresettings",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
}
# Shown where pages use them: their pages are purged (or the whole site, when a setting
# or a snippet shown everywhere uses them, like the logo).
USED_BY_PAGES = {"home.staffcontact", "wagtailimages.image", "wagtaildocs.document"}
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
# What a page shows of itself on other pages (menus, breadcrumbs, listings, links).
SHOWN_ELSEWHERE = ("title", "slug", "url_path", "show_in_menus", "live")


# --- doing the purge ---------------------------------------------------------------------


def purge_urls(urls):
    """Purge these addresses from every cache of public pages."""
    urls = sorted(set(urls))
    if not urls:
        return
    for backend in get_backends().values():
        targets = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        _purge(backend, targets)


def purge_whole_site(gone_urls=()):
    """Every page is old: a new version in the shared cache, every public address in nginx."""
    page_cache.new_version()
    urls = None
    for backend in get_backends().values():
        if isinstance(backend, page_cache.SharedCacheBackend):
            _purge(backend, gone_urls)
            continue
        if urls is None:
            urls = sorted(set(public_urls()) | set(gone_urls))
        _purge(backend, [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)])


def _purge(backend, urls):
    if urls:
        backend.purge_batch(list(urls))


def after_commit(urls=(), whole_site=False, gone_urls=()):
    """Purge once the change is committed: a request that misses the cache then reads the new content."""
    if whole_site:
        transaction.on_commit(partial(purge_whole_site, list(gone_urls) + list(urls)))
    else:
        transaction.on_commit(partial(purge_urls, list(urls) + list(gone_urls)))


# --- what a page change affects ----------------------------------------------------------


def page_urls(pages):
    """Every address of these pages, with every page of their listings (Wagtail's get_cached_paths)."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def _addresses(url_path, cached_paths=("/",)):
    """The full URLs a page at this url_path had or has, on every site that reaches it."""
    found = []
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if url_path.startswith(root):
            base = site.root_url + "/" + url_path[len(root) :]
            found.extend(base + path.lstrip("/") for path in cached_paths)
    return found


def _sitemaps():
    return [site.root_url + "/sitemap.xml" for site in Site.objects.all()]


def _in_menu_level(page):
    """A page whose entry is in the menu: a child of a site's home page (in any language)."""
    return page.depth == 3


def _remember_public_state(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    instance.public_state_before = Page.objects.filter(pk=instance.pk).values(*SHOWN_ELSEWHERE).first()


def _page_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    before = getattr(instance, "public_state_before", None)
    instance.public_state_before = None
    was_live = bool(before and before["live"])
    if not instance.live and not was_live:
        return  # a draft that has never been public
    changed = before is None or any(before[name] != getattr(instance, name) for name in SHOWN_ELSEWHERE)
    if changed and _in_menu_level(instance) and (instance.show_in_menus or (before and before["show_in_menus"])):
        after_commit(whole_site=True, gone_urls=_gone(before, instance))
        return
    urls = set(_sitemaps())
    live_ancestors = instance.get_ancestors().live()
    urls.update(page_urls([instance, *live_ancestors]))
    if changed:
        urls.update(_gone(before, instance))
        using_pages, used_elsewhere = _users_of(instance)
        if used_elsewhere:
            # A setting or a snippet shown on every page names it (the footer's links).
            after_commit(whole_site=True, gone_urls=urls)
            return
        related = [*instance.get_descendants().live(), *instance.get_translations().live(), *using_pages]
        urls.update(page_urls(related))
    after_commit(urls=urls)


def _gone(before, instance):
    """Addresses the page had before this change, when it changed address or stopped being public."""
    if before is None or (before["url_path"] == instance.url_path and instance.live):
        return []
    return _addresses(before["url_path"], instance.specific_deferred.get_cached_paths())


def _page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    # The page and everything below it answered at the old addresses until now; menus,
    # breadcrumbs and the listings of both parents change.
    paths = [url_path_before] + [
        url_path_before + path[len(url_path_after) :]
        for path in instance.get_descendants().values_list("url_path", flat=True)
    ]
    after_commit(whole_site=True, gone_urls=[url for path in paths for url in _addresses(path)])


def _page_deleted(sender, instance, **kwargs):
    # Before the delete: the tree around it is still there to ask.
    if not isinstance(instance, Page) or not instance.live:
        return
    if _in_menu_level(instance) and instance.show_in_menus:
        after_commit(whole_site=True, gone_urls=_addresses(instance.url_path))
        return
    neighbours = list(instance.get_ancestors().live())
    after_commit(urls=[*_addresses(instance.url_path), *page_urls(neighbours), *_sitemaps()])


# --- what other changes affect -----------------------------------------------------------


def _label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _object_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return
    label = _label(sender)
    if label in EVERYWHERE:
        after_commit(whole_site=True)
    elif label in USED_BY_PAGES:
        _purge_users_of(instance)
    elif label == "wagtailredirects.redirect":
        sites = [instance.site] if instance.site_id else Site.objects.all()
        after_commit(urls=[site.root_url + instance.old_path for site in sites])


def _users_of(instance):
    """The live pages that use it, and whether anything else (a setting, a snippet) does.

    Read from Wagtail's reference index, which records every chooser, link and foreign key.
    """
    page_type = ContentType.objects.get_for_model(Page).pk
    sources = set(ReferenceIndex.get_references_to(instance).values_list("base_content_type_id", "object_id"))
    page_ids = [int(object_id) for content_type, object_id in sources if content_type == page_type]
    used_elsewhere = any(content_type != page_type for content_type, _object_id in sources)
    return list(Page.objects.filter(pk__in=page_ids).live()), used_elsewhere


def _purge_users_of(instance):
    pages, used_elsewhere = _users_of(instance)
    if used_elsewhere:
        after_commit(whole_site=True)
    elif pages:
        after_commit(urls=page_urls(pages))


def connect():
    pre_save.connect(_remember_public_state, dispatch_uid="purges-page-before")
    post_save.connect(_page_saved, dispatch_uid="purges-page-saved")
    post_page_move.connect(_page_moved, dispatch_uid="purges-page-moved")
    pre_delete.connect(_page_deleted, dispatch_uid="purges-page-deleted")
    post_save.connect(_object_changed, dispatch_uid="purges-object-saved")
    post_delete.connect(_object_changed, dispatch_uid="purges-object-deleted")
