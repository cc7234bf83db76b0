"""What every public page shows around its content: the page frame.

The header, the menu, the footer and the emergency numbers of a site in one language.
Templates get a `Frame` for each request (home/context_processors.py) that looks each
part up the first time a template asks for it. The header and the footer are kept as
fragments in the shared cache ({% wagtailcache %} in templates/base.html), keyed by
`cache_key`: the site, the language and the site's version, which every change shown on
every page renews (home/purges.py). So a page rendered from scratch, a step of the
request form included, usually looks none of these parts up.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from home import page_cache

# The pages the centre's settings link to from every page, by the names templates use.
LINKED_PAGES = ("contact_page", "accessibility_page", "privacy_page", "easy_read_page", "sign_language_page")


@dataclass
class MenuItem:
    url: str
    title: str
    path: str  # treebeard path: the current page is in this item's section when its path starts with it


class Frame:
    def __init__(self, request):
        self.request = request

    @cached_property
    def site(self):
        return Site.find_for_request(self.request)

    @cached_property
    def cache_key(self):
        """Names the fragments of this site and language as they are now."""
        return f"{self.site.pk if self.site else '-'}:{get_language()}:{page_cache.site_version()}"

    @property
    def cache_seconds(self):
        return settings.PAGE_CACHE_SECONDS

    @cached_property
    def centre(self):
        from home.models import CentreSettings

        return CentreSettings.for_request(self.request) if self.site else CentreSettings()

    @cached_property
    def numbers(self):
        from home.models import EmergencyNumber

        return list(EmergencyNumber.objects.all())

    @cached_property
    def menu(self):
        if self.site is None:
            return []
        root = self.site.root_page.localized
        return [
            MenuItem(url=item.get_url(request=self.request), title=item.title, path=item.path)
            for item in root.get_children().live().public().in_menu().order_by("path")
        ]

    @cached_property
    def links(self):
        """LINKED_PAGES name -> the page's URL in the active language."""
        locale = Locale.get_active()
        links = {}
        for name in LINKED_PAGES:
            page = getattr(self.centre, name)
            if page is not None:
                if page.locale_id != locale.pk:
                    page = page.get_translation_or_none(locale) or page
                links[name] = page.get_url(request=self.request)
        return links

    @cached_property
    def logo(self):
        """The logo's rendition, or None."""
        return self.centre.logo.get_rendition("height-88|format-webp") if self.centre.logo_id else None
