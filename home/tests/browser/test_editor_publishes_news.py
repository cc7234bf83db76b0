"""An editor logs in, writes a news item in the Wagtail admin, publishes it, and residents see it."""

import datetime
from urllib.parse import urljoin

from playwright.sync_api import expect

from home.tests.browser.conftest import screenshot
from home.tests.browser.staff import log_in


def _field_of(error):
    """The content path of the field an error message belongs to, to name it in a failure."""
    owner = error.locator("xpath=ancestor::*[@data-contentpath][1]")
    return owner.get_attribute("data-contentpath") if owner.count() else None


def test_editor_writes_and_publishes_a_news_item(portal_url, new_context):
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    resident = new_context(viewport={"width": 390, "height": 844}).new_page()
    title = f"Dyżur psychologa w sobotę {datetime.datetime.now():%H%M%S}"
    try:
        # A resident has read the news before: the pages are kept in the page cache.
        for path in ("/", "/aktualnosci/"):
            resident.goto(portal_url + path)
            assert resident.goto(portal_url + path).headers.get("x-page-cache") == "hit", path
        page.goto(portal_url + "/admin/login/")
        assert page.locator("html").get_attribute("lang") == "pl"
        log_in(page, portal_url, "redaktor")

        # From the public news page, the editor's toolbar offers "add a child page".
        page.goto(portal_url + "/aktualnosci/")
        add_url = page.locator("a[href*='/add_subpage/']").first.get_attribute("href")
        page.goto(urljoin(page.url, add_url))
        # News items are the only thing a news index takes, so Wagtail opens the form directly.
        assert "/add/home/newspage/" in page.url

        page.locator("#id_title").fill(title)
        page.locator("#id_intro").fill("W sobotę psycholog przyjmuje rodziny bez zapisów.")
        page.locator("[data-contentpath='body'] .c-sf-add-button").first.click()
        page.get_by_role("option", name="Tekst", exact=True).click()
        editor = page.locator("[data-contentpath='body'] .public-DraftEditor-content").first
        text = "Zapraszamy w sobotę od 9:00 do 13:00."
        # The rich-text editor starts up asynchronously: keystrokes sent before it is
        # ready can be lost, so type again until the text is really there.
        for _attempt in range(3):
            editor.click()
            editor.press_sequentially(text)
            if text in editor.inner_text():
                break
            page.wait_for_timeout(500)
        expect(editor).to_contain_text(text)
        # Wagtail 8 may autosave the draft (creating the page) shortly after a change;
        # publishing while that save is in flight races it, as an editor's click would.
        page.wait_for_timeout(1_500)
        saving = page.locator("#w-autosave-indicator[data-w-autosave-state-value='saving']")
        expect(saving).to_have_count(0, timeout=15_000)
        screenshot(page, "admin-news-editor--desktop")

        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.locator("button[name='action-publish']").click()
        page.wait_for_url(lambda url: "/add/" not in url, timeout=15_000)
        screenshot(page, "admin-news-published--desktop")
        field_errors = [
            (_field_of(error), error.inner_text().strip())
            for error in page.locator(".w-field__errors").all()
            if error.inner_text().strip()
        ]
        assert "opublikowana" in page.locator(".messages").inner_text(), field_errors

        for path in ("/", "/aktualnosci/"):
            page.goto(portal_url + path)
            assert page.get_by_role("link", name=title).count() == 1, path
            # ...and the resident, without a session, at the next request: the publish purged them.
            resident.goto(portal_url + path)
            assert resident.get_by_role("link", name=title).count() == 1, path
        screenshot(page, "news-index-after-publish--desktop")
    finally:
        context.close()
