"""Serving public pages: Wagtail's serve view, with the way to a page remembered.

Wagtail finds a page by walking the tree from the site's root, two queries per level
(the child by slug, then its specific type), after one for the site: half the time of
a page rendered from scratch. Which site answers a host, which page answers a path,
and the live page itself change only when published content does, so all three are
kept per process until then (home/memo.py); each request gets its own copy of the
page object. From there everything is Wagtail's own: the page's `route()` (so
routable pages, like the request form's steps, and the live check work as before),
the `on_serve_page` hooks (view restrictions) and the `before_serve_page` hooks.
"""

import copy

from django.apps import apps
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Site
from wagtail.views import serve_chain
from wagtail.wagtail_hooks import check_view_restrictions

from home.memo import kept, until_content_changes


@until_content_changes
def _site_for(host, port):
    from wagtail.models.sites import get_site_for_hostname

    try:
        return get_site_for_hostname(host, port)
    except Site.DoesNotExist:
        return None


@until_content_changes
def _page_for(site_pk, language, components):
    """The deepest page the slugs reach from the site's root: (model label, pk, slugs left)."""
    site = Site.objects.select_related("root_page").get(pk=site_pk)
    page = site.root_page.localized
    for depth, slug in enumerate(components):
        child = page.get_children().filter(slug=slug).first()
        if child is None:
            return page.specific_class._meta.label, page.pk, components[depth:]
        page = child
    return page.specific_class._meta.label, page.pk, ()


@until_content_changes
def _page(label, pk):
    return apps.get_model(label).objects.filter(pk=pk).first()


def site_for_request(request):
    from django.http.request import split_domain_port

    if not hasattr(request, "_wagtail_site"):
        host = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = _site_for(host, request.get_port())
    return request._wagtail_site


def route(request, path):
    site = site_for_request(request)
    if site is None:
        raise Http404
    components = tuple(component for component in path.split("/") if component)
    label, pk, left = _page_for(site.pk, get_language(), components)
    kept_page = _page(label, pk)
    if kept_page is None:
        raise Http404
    # A copy per request: its own state and caches, so nothing one request sets on it
    # reaches another (Django copies a model instance's state with it).
    page = copy.copy(kept_page)
    # Routable pages take what is left; any other page answers 404 to it, and 404 when not live.
    result = page.route(request, list(left))
    request._wagtail_route_for_request = result
    return result


def _restricted(page):
    # Wagtail's own test (ancestors, aliases resolved), asked once per page per change:
    # restrictions, moves and aliases all change the generation.
    return kept(("restricted", page.pk), lambda: page.get_view_restrictions().exists())


def serve(request, path):
    """wagtail.views.serve, with `route` above in place of Page.route_for_request.

    Wagtail's view-restriction hook is skipped for a page no restriction applies to,
    which is what it would find itself, two queries later.
    """
    page, args, kwargs = route(request, path)
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is check_view_restrictions and not _restricted(page):
            continue
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)

