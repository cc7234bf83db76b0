"""The site's own text sizes and high contrast, chosen with the header's switches as a visitor does."""

from playwright.sync_api import expect

from home.tests.browser.layout import sideways_overflow

# Name shown to people -> (html[data-text-size], high contrast). Contrast is checked with
# the largest text, where the header is tallest and widest.
LOOKS = {
    "A": (None, False),
    "A+": ("large", False),
    "A++": ("larger", False),
    "A++ high contrast": ("larger", True),
}


def choose(page, look):
    """Press the header's switches for `look`; the page applies it at once, without reloading."""
    size, contrast = LOOKS[look]
    page.locator(f"button[data-text-size={size or 'normal'}]").click()
    toggle = page.locator("button[data-contrast-toggle]")
    if (toggle.get_attribute("aria-pressed") == "true") != contrast:
        toggle.click()
    root = page.locator("html")
    if size:
        expect(root).to_have_attribute("data-text-size", size)
    else:
        expect(root).not_to_have_attribute("data-text-size", "large")
        expect(root).not_to_have_attribute("data-text-size", "larger")
    if contrast:
        expect(root).to_have_attribute("data-contrast", "high")
    else:
        expect(root).not_to_have_attribute("data-contrast", "high")


def sideways_overflow_in_every_look(page):
    """{look: CSS pixels too wide} for each look in which this page scrolls sideways."""
    found = {}
    for look in LOOKS:
        choose(page, look)
        overflow = sideways_overflow(page)
        if overflow:
            found[look] = overflow
    return found
