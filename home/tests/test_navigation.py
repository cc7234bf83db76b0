"""Main menu from the page tree, breadcrumbs and the current-page markers."""

import pytest

from home.tests.factories import InformationPageFactory, SectionPageFactory
from home.tests.html import soup, text_of

pytestmark = pytest.mark.django_db


def menu(doc):
    return doc.select_one("nav.main-nav")


def test_menu_lists_live_pages_marked_for_menus_in_tree_order(client, home_page):
    SectionPageFactory(parent=home_page, title="Asystent rodziny")
    InformationPageFactory(parent=home_page, title="Prawa dziecka", show_in_menus=True)
    InformationPageFactory(parent=home_page, title="Ochrona danych", show_in_menus=False)
    draft = InformationPageFactory(parent=home_page, title="Szkic", show_in_menus=True)
    draft.unpublish()

    doc = soup(client.get("/"))

    # The centre's name in the header leads home, so the menu lists only the sections.
    assert [text_of(a) for a in menu(doc).find_all("a")] == ["Asystent rodziny", "Prawa dziecka"]
    assert doc.select_one("header a.brand")["href"] == "/"


def test_menu_marks_the_current_page_and_its_section(client, home_page):
    section = SectionPageFactory(parent=home_page, title="Asystent rodziny")
    child = InformationPageFactory(parent=section, title="Zadania asystenta")

    on_section = menu(soup(client.get(section.url)))
    assert on_section.find("a", string="Asystent rodziny")["aria-current"] == "page"
    on_child = menu(soup(client.get(child.url)))
    assert on_child.find("a", string="Asystent rodziny")["aria-current"] == "true"
    assert len(on_child.select("[aria-current]")) == 1


def test_breadcrumbs_lead_from_home_to_the_current_page(client, home_page):
    section = SectionPageFactory(parent=home_page, title="Asystent rodziny")
    child = InformationPageFactory(parent=section, title="Zadania asystenta")

    crumbs = soup(client.get(child.url)).select_one("nav.breadcrumbs")

    assert [text_of(li) for li in crumbs.find_all("li")] == ["Strona główna", "Asystent rodziny", "Zadania asystenta"]
    assert [a["href"] for a in crumbs.find_all("a")] == ["/", section.url]
    assert crumbs.find("span", attrs={"aria-current": "page"}) is not None


def test_home_page_has_no_breadcrumbs(client, home_page):
    assert soup(client.get("/")).select_one("nav.breadcrumbs") is None
