"""On a 390 px phone the header leaves room for the page: its heading and "Poproś o pomoc" on the first screen.

The menu folds behind a "Menu" button (a <details>: it works without JavaScript and from
the keyboard); the first menu entry, the request form, stays in view beside it. On a
desktop the whole menu shows as one bar, as before.
"""

import pytest
from playwright.sync_api import expect

from home.tests.browser.conftest import DESKTOP, PHONE, screenshot
from home.tests.browser.looks import choose

MENU = [
    "Poproś o pomoc",
    "Asystent rodziny",
    "Prawa dziecka",
    "Zakres wsparcia",
    "Jak uzyskać pomoc",
    "Aktualności",
    "Kontakt",
]
SCREEN = PHONE["height"]


def bottom(box):
    return box["y"] + box["height"]


@pytest.mark.parametrize("path", ["/", "/asystent-rodziny/"])
def test_the_heading_and_the_request_link_are_on_a_phones_first_screen(portal_url, phone_page, path):
    page = phone_page
    page.goto(portal_url + path)
    request_link = page.get_by_role("link", name="Poproś o pomoc", exact=True)

    # Normal text: the header takes less than half the screen, the whole heading is in view.
    heading = page.locator("h1").bounding_box()
    assert heading["y"] < SCREEN / 2
    assert bottom(heading) <= SCREEN
    assert bottom(request_link.bounding_box()) <= SCREEN
    screenshot(page, f"first-screen-{path.strip('/') or 'home'}--phone")

    # The largest text: the heading still starts on the first screen, the link is in view.
    choose(page, "A++")
    assert page.locator("h1").bounding_box()["y"] < SCREEN
    assert bottom(request_link.bounding_box()) <= SCREEN
    choose(page, "A")


def test_the_menu_opens_from_the_keyboard_on_a_phone(portal_url, phone_page):
    page = phone_page
    page.goto(portal_url + "/asystent-rodziny/")
    menu = page.get_by_role("navigation", name="Menu główne")
    toggle = menu.locator("summary")
    expect(menu.get_by_role("link", name="Aktualności")).to_be_hidden()

    for _ in range(20):
        page.keyboard.press("Tab")
        if page.locator(".main-nav summary:focus").count():
            break
    expect(toggle).to_be_focused()
    expect(toggle).to_have_text("Menu")
    page.keyboard.press("Enter")

    for name in MENU:
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Asystent rodziny")).to_be_focused()
    screenshot(page, "menu-open--phone")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Aktualności")).to_be_hidden()


def test_the_menu_works_without_javascript_on_a_phone(portal_url, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(portal_url + "/")
        menu = page.get_by_role("navigation", name="Menu główne")
        menu.locator("summary").click()
        menu.get_by_role("link", name="Aktualności").click()
        expect(page.locator("h1")).to_have_text("Aktualności")
    finally:
        context.close()


def test_the_whole_menu_shows_as_a_bar_on_a_desktop(portal_url, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(portal_url + "/")
    menu = page.get_by_role("navigation", name="Menu główne")

    expect(menu.locator("summary")).to_be_hidden()
    links = [menu.get_by_role("link", name=name, exact=True) for name in MENU]
    for link in links:
        expect(link).to_be_visible()
    # In menu order, left to right and then on the next line, like words in a sentence.
    boxes = [link.bounding_box() for link in links]
    positions = [(round(box["y"]), box["x"]) for box in boxes]
    assert positions == sorted(positions)
    assert boxes[1]["y"] == boxes[0]["y"]
    page.keyboard.press("Tab")  # the skip link
    for _ in range(20):  # the language switch, the toolbar, the logo and the search come first
        page.keyboard.press("Tab")
        if page.locator(".main-nav a:focus").count():
            break
    expect(links[0]).to_be_focused()
    page.keyboard.press("Tab")
    expect(links[1]).to_be_focused()
