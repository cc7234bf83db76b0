"""What every public page shows around its content, looked up once per process per change.

The header, the menu, the footer and the emergency numbers are the same on every page
of a site in one language, and between them they cost most of a page's database
queries (the centre's settings, the menu, the linked pages in the active language, the
numbers, the logo). They are kept per (site, language) until published content
changes (home/memo.py). So a page rendered from scratch, with or without the page
cache, queries the database only for its own content.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from wagtail.models import Locale, Site

from home.memo import public, until_content_changes

# The pages the centre's settings link to from every page, by the names templates use.
LINKED_PAGES = ("contact_page", "accessibility_page", "privacy_page", "easy_read_page", "sign_language_page")


@dataclass
class MenuItem:
    url: str
    title: str
    path: str  # treebeard path: the current page is in this item's section when its path starts with it


@dataclass
class Chrome:
    key: str  # names this site and language, for fragment caches
    centre: object  # CentreSettings
    numbers: list
    menu: list
    links: dict = field(default_factory=dict)  # LINKED_PAGES name -> URL in the active language
    logo: object = None  # the logo's rendition, or None


def for_request(request):
    site = Site.find_for_request(request)
    return _chrome(site.pk if site else None, get_language())


@until_content_changes
def _chrome(site_pk, language):
    from home.models import CentreSettings, EmergencyNumber

    site = Site.objects.select_related("root_page").filter(pk=site_pk).first()
    centre = CentreSettings.for_site(site) if site else CentreSettings()
    locale = Locale.get_active()
    root = site.root_page.localized if site else None
    menu = []
    if root is not None:
        for item in public(root.get_children().live().in_menu()).order_by("path"):
            menu.append(MenuItem(url=item.get_url(current_site=site), title=item.title, path=item.path))
    links = {}
    for name in LINKED_PAGES:
        page = getattr(centre, name)
        if page is not None:
            if page.locale_id != locale.pk:
                page = page.get_translation_or_none(locale) or page
            links[name] = page.get_url(current_site=site)
    logo = centre.logo.get_rendition("height-88|format-webp") if centre.logo_id else None
    return Chrome(
        key=f"{site_pk}-{language}",
        centre=centre,
        numbers=list(EmergencyNumber.objects.all()),
        menu=menu,
        links=links,
        logo=logo,
    )
