"""The public page types and where each may stand in the tree."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.sitemaps import SitemapAlternatesMixin

NEWS_PER_PAGE = 10
LATEST_NEWS_ON_HOME = 3


def _body(blank=True):
    return StreamField(BodyBlock(), verbose_name=_("content"), blank=blank)


class BasePage(SitemapAlternatesMixin, Page):
    """Fields and behaviour every public page shares."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two plain sentences shown under the title and in lists of pages."),
    )

    show_quick_exit = models.BooleanField(
        _("show the 'leave this page' button"),
        default=False,
        help_text=_("For pages people in danger may read, for example about violence at home."),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    promote_panels = Page.promote_panels + [FieldPanel("show_quick_exit")]

    class Meta:
        abstract = True

    @property
    def summary(self):
        """What lists of pages show: the visible introduction, else the meta description."""
        return self.intro or self.search_description


class HomePage(BasePage):
    help_heading = models.CharField(_("help box heading"), max_length=200, blank=True)
    help_text = models.TextField(_("help box text"), blank=True)
    help_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("help box link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the button in the help box leads, for example the request form."),
    )
    help_link_text = models.CharField(_("help box button text"), max_length=100, blank=True)
    body = _body()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("help_heading"),
                FieldPanel("help_text"),
                FieldPanel("help_page"),
                FieldPanel("help_link_text"),
            ],
            heading=_("How to ask for help"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.SectionPage",
        "home.InformationPage",
        "home.NewsIndexPage",
        "home.ContactPage",
        "home.AccessibilityStatementPage",
        "intake.IntakeFormPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:LATEST_NEWS_ON_HOME]
        )
        context["news_index"] = NewsIndexPage.objects.live().public().descendant_of(self).first()
        if self.help_page_id:
            # The linked page in the language shown.
            context["help_page"] = self.help_page.localized
        return context


class SectionPage(BasePage):
    """A topic with an introduction of its own and the list of its sub-pages."""

    body = _body()

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.SectionPage", "home.InformationPage"]

    class Meta:
        verbose_name = _("section page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific().order_by("path")
        return context


class InformationPage(BasePage):
    body = _body(blank=False)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.SectionPage", "home.InformationPage"]
    subpage_types = ["home.InformationPage"]

    class Meta:
        verbose_name = _("information page")


class NewsIndexPage(BasePage):
    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = self._listing(request.GET.get("strona", "1"))
        return context

    def _listing(self, asked):
        news = NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk")
        paginator = Paginator(news, NEWS_PER_PAGE)
        try:
            listing = paginator.page(asked)
        except (PageNotAnInteger, EmptyPage):
            listing = paginator.page(1)
        listing.object_list = list(listing.object_list)
        return listing

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        asked = request.GET.get("strona")
        if asked is not None and asked != str(response.context_data["news_page"].number):
            # A page number that does not exist shows the first page: not a copy to keep,
            # since no purge would name it (home/page_cache.py, deploy/nginx/).
            patch_cache_control(response, private=True)
        return response

    def get_cached_paths(self):
        # Every page of the listing, so that a purge after a change reaches all of them.
        count = NewsPage.objects.live().public().child_of(self).count()
        pages = max(1, -(-count // NEWS_PER_PAGE))
        return ["/", *(f"?strona={number}" for number in range(1, pages + 1))]


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    body = _body(blank=False)

    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("date")]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class ContactPage(BasePage):
    """The centre's address, phones and hours (from the centre details) and the staff to call."""

    body = _body()
    how_to_get_here = RichTextField(_("how to get here"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("how_to_get_here")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")
