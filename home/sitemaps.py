"""sitemap.xml: every page in every language of the site, each with its translations."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from home.alternates import hreflang_alternates


class PortalSitemap(Sitemap):
    """Wagtail's sitemap, over the site's home page in each language rather than the Polish one only."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_language = Q()
        for home in homes:
            in_any_language |= Q(path__startswith=home.path)
        return Page.objects.filter(in_any_language).live().public().order_by("path").defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        """Each entry with its translations' addresses, taken from the entries themselves.

        The translations of a live, public page are entries of this same sitemap, so pairing
        them up costs one query for the languages, not one per page (3,000 pages: one
        publish used to cost 3,000 queries the next time the sitemap was drawn). A site of
        more than 50,000 addresses is split into pages, and a translation on another page
        of the sitemap is then not listed among the alternates.
        """
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        language_of = dict(Locale.objects.values_list("pk", "language_code"))
        translations = defaultdict(dict)
        for url in urls:
            if (item := url.get("item")) is not None:
                translations[item.translation_key][language_of[item.locale_id]] = url["location"]
        for url in urls:
            if (item := url.get("item")) is not None:
                alternates = hreflang_alternates(translations[item.translation_key])
                url["alternates"] = [{"lang_code": code, "location": location} for code, location in alternates]
        return urls


class SitemapAlternatesMixin:
    """A page whose sitemap entry lists its other languages (hreflang alternates).

    The entry carries the page, as Django's own sitemap entries do, so that PortalSitemap
    can pair it with its translations.
    """

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for url in urls:
            url["item"] = self
        return urls
