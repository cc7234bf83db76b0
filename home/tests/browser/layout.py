"""What a visitor sees of the page's layout, read without running code in the page.

The page's Content Security Policy forbids `eval`, so the tests never evaluate strings
in it: they read what the browser itself reports over the DevTools protocol.
"""


def sideways_overflow(page):
    """CSS pixels by which the page is wider than the viewport (0: no sideways scrolling)."""
    session = page.context.new_cdp_session(page)
    try:
        metrics = session.send("Page.getLayoutMetrics")
    finally:
        session.detach()
    return max(0, round(metrics["cssContentSize"]["width"] - metrics["cssLayoutViewport"]["clientWidth"]))
