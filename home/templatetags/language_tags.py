"""The language switch and the alternate addresses of a page in its other languages."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import RoutablePageMixin

from home.alternates import hreflang_alternates

register = template.Library()


def _sub_route(request, page):
    """What a routable page (the request form's steps) adds to its own address, to keep on switching."""
    if not isinstance(page, RoutablePageMixin):
        return ""
    own = page.get_url(request=request) or ""
    return request.path[len(own) :] if own and request.path.startswith(own) else ""


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Each language in its own name, leading to this page in it, or to its home page with a note."""
    request = context["request"]
    page = context.get("page")
    frame = context["frame"]
    translations = frame.translations_of(page)
    homes = frame.translations_of(frame.site.root_page) if frame.site else {}
    rest = _sub_route(request, page) if page is not None else ""
    current = translation.get_language()
    items = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url, note = target.get_url(request=request) + rest, ""
        else:
            home = homes.get(code)
            url = home.get_url(request=request) if home else f"/{code}/" if code != settings.LANGUAGE_CODE else "/"
            with translation.override(code):
                note = gettext("home page only")
        items.append({"code": code, "name": name, "url": url, "note": note, "current": code == current})
    return {"items": items}


@register.inclusion_tag("includes/page_alternates.html", takes_context=True)
def page_alternates(context):
    """<link rel="alternate" hreflang> for each language the page is published in (and x-default: Polish)."""
    request = context["request"]
    translations = context["frame"].translations_of(context.get("page"))
    urls = {code: page.get_full_url(request=request) for code, page in translations.items()}
    return {"alternates": hreflang_alternates(urls)}
