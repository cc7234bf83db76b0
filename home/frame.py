"""What every public page shows around its content: the page frame.

The header, the menu, the footer and the emergency numbers of a site in one language.
Looked up for each page that is rendered; whole pages are kept in the shared cache
(home/page_cache.py), so most visitors never cause these queries at all.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale, Site

# The pages the centre's settings link to from every page, by the names templates use.
LINKED_PAGES = ("contact_page", "accessibility_page", "privacy_page", "easy_read_page", "sign_language_page")


@dataclass
class MenuItem:
    url: str
    title: str
    path: str  # treebeard path: the current page is in this item's section when its path starts with it


@dataclass
class Frame:
    centre: object  # CentreSettings
    numbers: list
    menu: list
    links: dict = field(default_factory=dict)  # LINKED_PAGES name -> URL in the active language
    logo: object = None  # the logo's rendition, or None


def for_request(request):
    from home.models import CentreSettings, EmergencyNumber

    site = Site.find_for_request(request)
    if site is None:
        return Frame(centre=CentreSettings(), numbers=list(EmergencyNumber.objects.all()), menu=[])
    centre = CentreSettings.for_request(request)
    locale = Locale.get_active()
    root = site.root_page.localized
    menu = [
        MenuItem(url=item.get_url(request=request), title=item.title, path=item.path)
        for item in root.get_children().live().public().in_menu().order_by("path")
    ]
    links = {}
    for name in LINKED_PAGES:
        page = getattr(centre, name)
        if page is not None:
            if page.locale_id != locale.pk:
                page = page.get_translation_or_none(locale) or page
            links[name] = page.get_url(request=request)
    logo = centre.logo.get_rendition("height-88|format-webp") if centre.logo_id else None
    return Frame(centre=centre, numbers=list(EmergencyNumber.objects.all()), menu=menu, links=links, logo=logo)
