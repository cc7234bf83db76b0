from django import template
from django.utils.translation import get_language

from home.memo import kept

register = template.Library()


@register.simple_tag(takes_context=True)
def page_body(context, page):
    """The page's StreamField, rendered once per process until published content changes.

    Blocks render rich text (whose page links are looked up), contact cards (snippets)
    and images (renditions): the costliest part of a page drawn from scratch. A preview
    or a draft is always rendered afresh and never kept.
    """
    request = context.get("request")
    body = page.body
    if getattr(request, "is_preview", False) or not page.live:
        return body.render_as_block()
    key = ("page_body", page.pk, page.last_published_at, get_language())
    return kept(key, body.render_as_block)
