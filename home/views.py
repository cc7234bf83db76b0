import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """What we search for: printable text only, trimmed to a sane length."""
    text = "".join(ch for ch in raw if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_terms(query):
    """Words only: quotes and operators mean nothing to residents and break full-text syntax."""
    return " ".join(re.findall(r"\w+", query))


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if search_terms(query):
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(search_terms(query)), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("strona", 1))
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
    return TemplateResponse(request, "home/search.html", {"search_query": query, "results": results})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /szukaj/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
