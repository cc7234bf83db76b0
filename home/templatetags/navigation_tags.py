from django import template

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    current = context.get("page")
    return {"items": context["frame"].menu, "current_path": getattr(current, "path", None)}


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
