"""What a visitor sees of the page's layout, read without running code in the page.

The page's Content Security Policy forbids `eval`, so the tests never evaluate strings
in it: they read what the browser itself reports over the DevTools protocol.
"""


def sideways_overflow(page):
    """CSS pixels by which the page is wider than the screen (0: no sideways scrolling).

    A phone (a context with `is_mobile`) widens its layout viewport to fit content that
    is too wide and lets the visitor pan sideways, so the layout viewport alone would
    always report 0 there: the page is compared with the window the test opened too.
    """
    session = page.context.new_cdp_session(page)
    try:
        metrics = session.send("Page.getLayoutMetrics")
    finally:
        session.detach()
    screen = min(metrics["cssLayoutViewport"]["clientWidth"], page.viewport_size["width"])
    return max(0, round(metrics["cssContentSize"]["width"] - screen))
