"""sitemap.xml: every page in every language of the site, each with its translations."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    """Wagtail's sitemap, over the site's home page in each language rather than the Polish one only."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_language = Q()
        for home in homes:
            in_any_language |= Q(path__startswith=home.path)
        return Page.objects.filter(in_any_language).live().public().order_by("path").defer_streamfields().specific()


class SitemapAlternatesMixin:
    """A page's sitemap entry with its addresses in its other languages (hreflang alternates)."""

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        translations = list(self.get_translations(inclusive=True).live().select_related("locale"))
        if len(translations) > 1:
            alternates = [
                {"location": page.get_full_url(request), "lang_code": page.locale.language_code}
                for page in translations
            ]
            default = next((page for page in translations if page.locale.is_default), None)
            if default is not None:
                alternates.append({"location": default.get_full_url(request), "lang_code": "x-default"})
            for url in urls:
                url["alternates"] = alternates
        return urls
