from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import PortalSitemap
from intake.views.quick_exit import quick_exit

# A database that is away gives a 503 "try again in a few minutes", anything else the static 500.
handler500 = "portal.views.server_error"

urlpatterns = [
    path(settings.ADMIN_PREFIX.lstrip("/"), include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("wyjdz/", quick_exit, name="quick_exit"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Polish pages have no language prefix; /uk/ and /en/ hold the translations.
urlpatterns += i18n_patterns(
    path("szukaj/", home_views.search, name="search"),
    # Every page through Wagtail's own serve view.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
