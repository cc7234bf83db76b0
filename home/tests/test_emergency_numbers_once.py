"""The emergency numbers are on every page, once: in the content where a page lists them, else in the footer."""

import pytest

from home.tests.demo_walk import load_demo, request_pages
from home.tests.html import soup

pytestmark = pytest.mark.django_db


def lists_of_112(response):
    doc = soup(response)
    return {
        "content": len(doc.select("main a[href='tel:112']")),
        "footer": len(doc.select("footer a[href='tel:112']")),
    }


def test_each_page_lists_the_emergency_numbers_once(client, settings):
    load_demo()
    pages = {path: client.get(path) for path in ("/", "/popros-o-pomoc/", "/aktualnosci/", "/kontakt/")}
    pages.update(request_pages(client, settings))

    where = {name: lists_of_112(response) for name, response in pages.items()}

    shown_in_content = {"content": 1, "footer": 0}
    assert where == {
        "/": shown_in_content,
        "/popros-o-pomoc/": shown_in_content,
        "step": shown_in_content,
        "check": shown_in_content,
        "confirmation": shown_in_content,
        "/aktualnosci/": {"content": 0, "footer": 1},
        "/kontakt/": {"content": 0, "footer": 1},
    }
