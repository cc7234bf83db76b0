from django import template

register = template.Library()


@register.simple_tag
def page_body(page):
    """The page's StreamField, rendered block by block with each block's own template."""
    return page.body.render_as_block()
