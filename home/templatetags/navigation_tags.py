from django import template
from django.utils.translation import get_language

from home import chrome
from home.memo import kept

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The header, menu, footer and numbers of this site and language (home/chrome.py)."""
    return chrome.for_request(context["request"])


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    current = context.get("page")
    return {"items": context["chrome"].menu, "current_path": getattr(current, "path", None)}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    ancestors = kept(
        ("breadcrumbs", page.pk, get_language()), lambda: list(page.get_ancestors().filter(depth__gte=2).live())
    )
    return {"ancestors": ancestors, "page": page}


@register.filter
def is_in_section(path, item):
    """True when the page at `path` is the menu item or lies below it: marks the current entry."""
    return bool(path) and path.startswith(item.path)


@register.simple_tag(takes_context=True)
def chrome_fragment(context, template_name):
    """The header or footer, rendered once per site, language and section until content changes.

    Only the current section changes them (the menu marks it); the search page's header
    shows the query typed, so it is always rendered afresh.
    """
    from django.template.loader import render_to_string

    def render():
        return render_to_string(template_name, context.flatten(), request=context.get("request"))

    if context.get("search_query"):
        return render()
    page = context.get("page")
    path = getattr(page, "path", "")
    # A menu entry is the page itself (depth 3: treebeard's paths grow 4 characters a level)
    # or the section the page is in: only that changes the menu.
    place = path if len(path) <= 12 else path[:12] + "/below"
    return kept(("chrome-fragment", context["chrome"].key, template_name, place), render)
