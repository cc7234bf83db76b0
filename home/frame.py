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
    lang: str = ""  # the entry's language when it is not the page's (no translation yet)


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
    def locale(self):
        return Locale.get_active()

    @cached_property
    def centre(self):
        """The centre's details that are the same in every language (address, phones, links)."""
        from home.models import CentreSettings

        return CentreSettings.for_request(self.request) if self.site else CentreSettings()

    @cached_property
    def profile(self):
        """The centre's name and hours in this language, else in Polish (then `lang` says so)."""
        from home.models import CentreProfile

        if self.site is None:
            return CentreProfile(name="", short_name="")
        profile = CentreProfile.for_site(self.site, self.locale)
        profile.lang = self._lang_of(profile)
        return profile

    @cached_property
    def numbers(self):
        """The emergency numbers, each in this language where it is translated, else in Polish."""
        from home.models import EmergencyNumber

        default = Locale.get_default()
        by_key = {}
        for number in EmergencyNumber.objects.filter(locale__in=[default, self.locale]).select_related("locale"):
            if number.translation_key not in by_key or number.locale_id == self.locale.pk:
                by_key[number.translation_key] = number
        numbers = sorted(by_key.values(), key=lambda number: (number.sort_order, number.number))
        for number in numbers:
            number.lang = self._lang_of(number)
        return numbers

    def translations_of(self, page):
        """{language code: live page} for a page and its translations, looked up once per request."""
        from wagtail.models import Page

        if not isinstance(page, Page) or page.pk is None:
            return {}
        kept = self.__dict__.setdefault("_translations", {})
        if page.pk not in kept:
            kept[page.pk] = {
                translated.locale.language_code: translated
                for translated in page.get_translations(inclusive=True).live().select_related("locale")
            }
        return kept[page.pk]

    def _lang_of(self, translatable):
        """A language code to declare on an item written in another language than the page's, else ""."""
        return "" if translatable.locale_id in (None, self.locale.pk) else translatable.locale.language_code

    @cached_property
    def menu(self):
        if self.site is None:
            return []
        root = self.site.root_page.localized
        return [
            MenuItem(
                url=item.get_url(request=self.request),
                title=item.title,
                path=item.path,
                lang=self._lang_of(item),
            )
            for item in root.get_children().live().public().in_menu().select_related("locale").order_by("path")
        ]

    @cached_property
    def links(self):
        """LINKED_PAGES name -> the page's URL in the active language."""
        locale = self.locale
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
