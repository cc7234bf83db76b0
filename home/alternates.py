"""A page's addresses in its languages, as search engines read them (hreflang)."""

from django.conf import settings


def hreflang_alternates(url_by_language):
    """[(language code, address)] for a page published in more than one language, and x-default.

    x-default is the Polish page: the one for a reader whose language the site does not have.
    A page in one language only has no alternates.
    """
    if len(url_by_language) < 2:
        return []
    alternates = sorted(url_by_language.items())
    default = url_by_language.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append(("x-default", default))
    return alternates
