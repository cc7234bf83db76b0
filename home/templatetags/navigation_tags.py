from django import template
from wagtail.models import Locale, Page, Site

from home.models import EmergencyNumber

register = template.Library()


def _localized_root(request):
    """The home page of the current site, in the language being shown."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    active = Locale.get_active()
    if root.locale_id != active.pk:
        root = root.get_translation_or_none(active) or root
    return root


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    current = context.get("page")
    root = _localized_root(request)
    items = root.get_children().live().public().in_menu() if root else Page.objects.none()
    return {"items": items, "current": current, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"ancestors": ancestors, "page": page}


@register.simple_tag
def emergency_numbers():
    return list(EmergencyNumber.objects.all())


@register.filter
def is_in_section(page, item):
    """True when `page` is `item` or lies below it: marks the current menu entry."""
    return page is not None and hasattr(page, "path") and page.path.startswith(item.path)
