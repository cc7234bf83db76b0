"""After `load_demo_content` a coordinator finds requests to triage, in Polish, on the dashboard and the list."""

from home.tests.browser.conftest import screenshot
from home.tests.browser.staff import log_in
from home.tests.browser.test_triage import admin_violations
from portal.tests.english import is_english


def english_lines(page):
    # What the browser shows, including what Wagtail's scripts draw (the sidebar, menus).
    return [line for line in page.locator("body").inner_text().splitlines() if is_english(line)]


def test_the_coordinator_finds_the_demo_requests_in_polish(portal_url, desktop_page):
    page = desktop_page
    log_in(page, portal_url, "koordynator")

    page.goto(portal_url + "/admin/")
    for panel in ("unassigned", "overdue", "due-soon"):
        rows = page.locator(f"[data-requests-panel='{panel}'] tbody tr")
        assert rows.count() >= 1, panel
    assert "(pilne)" in page.locator("[data-requests-panel='unassigned']").inner_text()
    assert english_lines(page) == []
    assert admin_violations(page) == []
    screenshot(page, "admin-dashboard--coordinator-demo")

    page.goto(portal_url + "/admin/requests/")
    rows = page.locator("table.listing tbody tr")
    assert rows.count() >= 12
    listing = page.locator("table.listing").inner_text()
    assert "Pilne" in listing and "True" not in listing and "False" not in listing
    assert "Anna Przykładowa" not in listing  # names stay on a request's own page
    assert english_lines(page) == []
    assert admin_violations(page) == []
    screenshot(page, "admin-requests-list--coordinator-demo")

    page.goto(portal_url + "/admin/requests/?is_urgent=true")
    urgent = page.locator("table.listing tbody tr")
    assert urgent.count() >= 1 and all("Pilne" in row for row in urgent.all_inner_texts())
    screenshot(page, "admin-requests-list--urgent")

    # Through the scripts too: a request's page, the add form, the request settings.
    page.locator("table.listing tbody tr a").first.click()
    page.wait_for_url("**/admin/requests/inspect/**")
    assert "[DEMO]" in page.locator("main").inner_text()
    assert english_lines(page) == []
    screenshot(page, "admin-request-detail--demo-urgent")
    for path in ("/admin/requests/new/", "/admin/snippets/intake/locality/", "/admin/snippets/intake/closedday/add/"):
        page.goto(portal_url + path)
        assert english_lines(page) == [], path
