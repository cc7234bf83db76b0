"""The admin works under the strict Content Security Policy: no blocked script, no broken widget.

Every browser test fails on a policy violation (see `new_context` in conftest.py);
this one walks the admin screens editors and coordinators use, including the
widgets that start themselves with inline scripts (date pickers, choosers).
"""

import json

from home.tests.browser.conftest import screenshot
from home.tests.browser.staff import log_in

ADMIN_SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/",
    "/admin/snippets/home/staffcontact/",
    "/admin/snippets/home/emergencynumber/",
    "/admin/snippets/intake/locality/",
    "/admin/snippets/intake/closedday/add/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/requests/",
    "/admin/requests/new/",
    "/admin/reports/site-history/",
    "/admin/second-factor/set-up/",
]


def test_admin_screens_run_under_the_policy(portal_url, new_context):
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(f"{page.url}: {error}"))
    log_in(page, portal_url, "admin")
    # The second log-in asks for the code: that screen too is checked (axe) and photographed.
    log_in(page, portal_url, "admin", check_accessibility=True)

    # One editor of every page type the demo has.
    one_per_type, offset = {}, 0
    while True:
        listing = json.loads(page.goto(f"{portal_url}/admin/api/main/pages/?limit=20&offset={offset}").text())
        for item in listing["items"]:
            one_per_type.setdefault(item["meta"]["type"], item["id"])
        offset += 20
        if offset >= listing["meta"]["total_count"]:
            break
    page_ids = list(one_per_type.values())
    assert len(page_ids) >= 6
    screens = [*ADMIN_SCREENS, *(f"/admin/pages/{pk}/edit/" for pk in page_ids)]
    for path in screens:
        response = page.goto(portal_url + path)
        assert response.status == 200, path
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        page.wait_for_load_state("networkidle")

    # A widget started by an allowed inline script really works: the page chooser opens.
    page.goto(portal_url + "/admin/settings/home/centresettings/")
    page.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal-dialog").wait_for()
    assert page.locator(".modal-dialog a[data-chooser-modal-choice], .modal-dialog .listing a").count() > 0
    screenshot(page, "admin-page-chooser-under-csp--desktop")

    # The live preview is framed by the editing page: allowed for it alone.
    response = page.goto(portal_url + f"/admin/pages/{page_ids[0]}/edit/preview/?mode=")
    assert "frame-ancestors 'self'" in (response.headers.get("content-security-policy") or "")
    assert script_errors == []
