"""The static error pages in three languages: valid HTML, accessible, readable on a phone.

Each page is answered by the browser itself at an address of the test server (the server
cannot be made to fail on cue), so the page's stylesheet is the server's own.
"""

import re

import pytest
from django.template.loader import render_to_string

from home.tests.browser import html_checker
from home.tests.browser.axe import violations
from home.tests.browser.conftest import ARTIFACTS, screenshot
from home.tests.browser.layout import sideways_overflow
from home.tests.test_static_error_pages import STATIC_PAGES


def test_static_error_pages_are_valid_html(tmp_path):
    files = []
    for name in STATIC_PAGES:
        path = tmp_path / name
        path.write_text(render_to_string(name), encoding="utf-8")
        files.append(path)
    errors = [html_checker.describe(message) for message in html_checker.check(files) if html_checker.is_error(message)]
    assert errors == []


@pytest.mark.parametrize("name", STATIC_PAGES)
def test_static_error_pages_on_a_phone(portal_url, phone_page, name):
    page = phone_page
    address = f"{portal_url}/blad-{name.removesuffix('.html')}/"
    page.route(
        re.compile("^" + re.escape(address) + "$"),
        lambda route: route.fulfill(body=render_to_string(name), content_type="text/html; charset=utf-8"),
    )
    page.goto(address)
    assert violations(page) == []
    assert sideways_overflow(page) == 0
    # A Ukrainian reader taps "Українською" and lands on the Ukrainian block, its 112 link in view.
    page.get_by_role("link", name="Українською").click()
    assert page.url.endswith("#uk")
    block = page.locator("section[lang=uk]")
    assert block.locator("a[href='tel:112']").is_visible()
    assert block.locator("h2").bounding_box()["y"] < page.viewport_size["height"]
    if name in ("500.html", "503.html"):
        screenshot(page, f"static-{name.removesuffix('.html')}--phone")
        # What the reader sees after the tap, not the whole page.
        page.screenshot(path=str(ARTIFACTS / f"static-{name.removesuffix('.html')}-uk--phone.png"))
