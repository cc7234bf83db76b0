"""The admin's attributes parse whole in Polish.

Wagtail passes some translated labels to its template tags as string literals, which
Django marks safe, so the translation goes into an attribute unescaped. Wagtail's Polish
`Odwiedź stronę "na żywo"` closed the page explorer's `title="..."` early: every live
page's status link broke into stray attributes (66 HTML errors on one page). The
project's catalogue, read before Wagtail's, words it without straight double quotes.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User

from home.tests.factories import InformationPageFactory

pytestmark = pytest.mark.django_db


def broken_attributes(html):
    """Attribute names that are really the rest of a value cut short by a quote inside it."""
    page = BeautifulSoup(html, "html.parser")
    return sorted(
        {f"<{tag.name} {name}>" for tag in page.find_all(True) for name in tag.attrs if '"' in name or "'" in name}
    )


def test_the_page_explorer_titles_are_whole(client, home_page):
    for n in range(3):
        InformationPageFactory(parent=home_page, title=f"Strona {n}", slug=f"strona-{n}")
    admin = User.objects.create_superuser("admin", "admin@gops.example.pl", "haslo-admina-123")
    client.force_login(admin)

    response = client.get(f"/admin/pages/{home_page.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert broken_attributes(html) == []
    live_links = BeautifulSoup(html, "html.parser").select("a.w-status[title]")
    assert len(live_links) >= 3
    assert {link["title"] for link in live_links} == {"Odwiedź stronę „na żywo”"}
