"""Every demo page, in Polish, Ukrainian and English, on a phone and on a desktop: loads, passes axe, and is photographed for review."""

import pytest
from playwright.sync_api import expect

from home.tests.browser.axe import violations
from home.tests.browser.conftest import screenshot
from home.tests.browser.layout import sideways_overflow
from home.tests.browser.looks import sideways_overflow_in_every_look
from home.tests.demo_paths import DEMO_PATHS, EN_PATHS, UK_PATHS

PATHS = [*DEMO_PATHS, "/szukaj/?q=asystent", "/nie-ma-takiej-strony/", *UK_PATHS, *EN_PATHS]


def language_of(path):
    return path.split("/")[1] if path.startswith(("/uk/", "/en/")) else "pl"


def screenshot_name(path, device):
    slug = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home"
    return f"{slug}--{device}"


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_demo_page_is_accessible(request, portal_url, path, device):
    page = request.getfixturevalue(f"{device}_page")
    response = page.goto(portal_url + path)

    assert response.status == (404 if "nie-ma" in path else 200)
    assert page.locator("h1").count() == 1
    assert page.locator("main").count() == 1
    expect(page.locator("html")).to_have_attribute("lang", language_of(path))
    assert violations(page) == []
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert sideways_overflow(page) == 0
    screenshot(page, screenshot_name(path, device))


def test_no_page_scrolls_sideways_at_320_px_in_any_text_size_or_contrast(portal_url, narrow_page):
    # One page load per path; the switches then change the look in place (WCAG 1.4.10).
    too_wide = {}
    for path in PATHS:
        narrow_page.goto(portal_url + path)
        found = sideways_overflow_in_every_look(narrow_page)
        if found:
            too_wide[path] = found
    assert too_wide == {}


def test_no_request_leaves_the_site(portal_url, phone_page):
    outside = []
    phone_page.on("request", lambda req: None if req.url.startswith(portal_url) else outside.append(req.url))
    for path in PATHS:
        phone_page.goto(portal_url + path)
    assert outside == []
