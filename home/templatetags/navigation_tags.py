from django import template
from django.template.loader import render_to_string

from home import frame

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The header, menu, footer and numbers of this site and language (home/frame.py)."""
    return frame.for_request(context["request"])


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    current = context.get("page")
    return {"items": context["chrome"].menu, "current_path": getattr(current, "path", None)}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    return {"ancestors": list(page.get_ancestors().filter(depth__gte=2).live()), "page": page}


@register.filter
def is_in_section(path, item):
    """True when the page at `path` is the menu item or lies below it: marks the current entry."""
    return bool(path) and path.startswith(item.path)


@register.simple_tag(takes_context=True)
def chrome_fragment(context, template_name):
    """The header or the footer, with the page's context."""
    return render_to_string(template_name, context.flatten(), request=context.get("request"))
