from django import template

register = template.Library()


@register.simple_tag
def page_body(page):
    """The page's StreamField, rendered block by block with each block's own template."""
    return page.body.render_as_block()


@register.filter
def tel_href(number):
    """A phone number as printed, as the href that dials it (home.models.snippets.tel_href)."""
    from home.models.snippets import tel_href as href

    return href(number)
