"""Keyboard users reach the content first; text size and contrast choices follow the visitor."""

from playwright.sync_api import expect

from home.tests.browser.axe import violations
from home.tests.browser.conftest import screenshot
from home.tests.browser.layout import sideways_overflow

WHITE, BRAND = "rgb(255, 255, 255)", "rgb(11, 79, 108)"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(portal_url, desktop_page):
    page = desktop_page
    page.goto(portal_url + "/asystent-rodziny/")

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_text("Przejdź do treści głównej")
    expect(skip_link).to_be_visible()

    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_text_size_persists_across_pages(portal_url, phone_page):
    page = phone_page
    page.goto(portal_url + "/")
    root = page.locator("html")
    # The browser's default 16 px, and 150 % of it with the largest size.
    expect(root).to_have_css("font-size", "16px")

    page.get_by_role("button", name="A++").click()

    expect(page.get_by_role("button", name="A++")).to_have_attribute("aria-pressed", "true")
    page.goto(portal_url + "/prawa-dziecka/")
    expect(root).to_have_css("font-size", "24px")
    expect(page.get_by_role("button", name="A++")).to_have_attribute("aria-pressed", "true")
    # The pressed look follows the applied choice, so it is right from the first paint.
    buttons = page.locator("button[data-text-size]")
    for button, look in zip(buttons.all(), [WHITE, WHITE, BRAND], strict=True):
        expect(button).to_have_css("background-color", look)
    assert sideways_overflow(page) == 0
    screenshot(page, "switch-text-larger--phone")

    page.locator("[data-text-size=normal]").click()
    page.reload()
    expect(root).to_have_css("font-size", "16px")


def test_high_contrast_persists_and_stays_accessible(portal_url, desktop_page):
    page = desktop_page
    page.goto(portal_url + "/")
    toggle = page.get_by_role("button", name="Wysoki kontrast")

    toggle.click()

    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(portal_url + "/jak-uzyskac-pomoc/")
    expect(page.locator("html")).to_have_attribute("data-contrast", "high")
    expect(page.locator("body")).to_have_css("background-color", "rgb(0, 0, 0)")
    assert violations(page) == []
    screenshot(page, "switch-contrast--desktop")

    page.get_by_role("button", name="Wysoki kontrast").click()
    page.reload()
    expect(page.locator("html")).not_to_have_attribute("data-contrast", "high")


def test_without_javascript_everything_still_works(portal_url, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(portal_url + "/")
        # The switches need JavaScript, so they are not offered; nothing else is missing.
        assert not page.locator("[data-prefs]").is_visible()
        menu = page.get_by_role("navigation", name="Menu główne")
        menu.locator("summary").click()  # on a phone the menu opens under "Menu"
        menu.get_by_role("link", name="Prawa dziecka").click()
        assert page.locator("h1").inner_text() == "Prawa dziecka"
        page.locator("#site-search").fill("asystent")
        page.locator("#site-search").press("Enter")
        assert page.locator(".card__title a").count() >= 1
        # axe needs JavaScript in the page, so it runs on the JavaScript pages only.
        screenshot(page, "no-js-search--phone")
    finally:
        context.close()
