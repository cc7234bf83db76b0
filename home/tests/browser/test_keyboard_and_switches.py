"""Keyboard users reach the content first; text size and contrast choices follow the visitor."""

from home.tests.browser.axe import violations
from home.tests.browser.conftest import screenshot


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(portal_url, desktop_page):
    page = desktop_page
    page.goto(portal_url + "/asystent-rodziny/")

    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
    assert focused == ["skip-link", "Przejdź do treści głównej"]
    assert page.locator(".skip-link").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_text_size_persists_across_pages(portal_url, phone_page):
    page = phone_page
    page.goto(portal_url + "/")
    base_size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    page.get_by_role("button", name="A++").click()

    assert page.get_by_role("button", name="A++").get_attribute("aria-pressed") == "true"
    page.goto(portal_url + "/prawa-dziecka/")
    larger = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert larger == base_size * 1.5
    assert page.get_by_role("button", name="A++").get_attribute("aria-pressed") == "true"
    # The pressed look follows the applied choice, so it is right from the first paint.
    looks = page.evaluate("[...document.querySelectorAll('button[data-text-size]')].map(b => getComputedStyle(b).backgroundColor)")
    assert looks == ["rgb(255, 255, 255)", "rgb(255, 255, 255)", "rgb(11, 79, 108)"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "switch-text-larger--phone")

    page.locator("[data-text-size=normal]").click()
    page.reload()
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == base_size


def test_high_contrast_persists_and_stays_accessible(portal_url, desktop_page):
    page = desktop_page
    page.goto(portal_url + "/")
    toggle = page.get_by_role("button", name="Wysoki kontrast")

    toggle.click()

    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(portal_url + "/jak-uzyskac-pomoc/")
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert violations(page) == []
    screenshot(page, "switch-contrast--desktop")

    page.get_by_role("button", name="Wysoki kontrast").click()
    page.reload()
    assert page.evaluate("document.documentElement.dataset.contrast") is None


def test_without_javascript_everything_still_works(portal_url, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(portal_url + "/")
        # The switches need JavaScript, so they are not offered; nothing else is missing.
        assert not page.locator("[data-prefs]").is_visible()
        page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Prawa dziecka").click()
        assert page.locator("h1").inner_text() == "Prawa dziecka"
        page.locator("#site-search").fill("asystent")
        page.locator("#site-search").press("Enter")
        assert page.locator(".card__title a").count() >= 1
        # axe needs JavaScript in the page, so it runs on the JavaScript pages only.
        screenshot(page, "no-js-search--phone")
    finally:
        context.close()
