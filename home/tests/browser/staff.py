"""Staff log into the admin in the browser as they would: password, then the phone app's code.

The first log-in of each demo account sets the app up (the test reads the key
the page shows, as a person would type it into their phone); later log-ins
enter the current code.
"""

import base64
import time

from django_otp.oath import hotp

from home.tests.browser.axe import violations
from home.tests.browser.conftest import DEMO_ADMIN, screenshot

PASSWORD = DEMO_ADMIN[1]
STEP = 30
_keys = {}
_last_step = {}


def _code(username):
    # The server refuses a code for a time step it has already accepted (no replay),
    # so a second log-in within 30 s uses the next step, which it still accepts.
    step = max(int(time.time()) // STEP, _last_step.get(username, -1) + 1)
    _last_step[username] = step
    return f"{hotp(_keys[username], step, digits=6):06d}"


def app_key(username):
    """The key of the code app a log-in here has set up for `username`."""
    return _keys[username]


def log_in(page, portal_url, username, password=PASSWORD, check_accessibility=False):
    page.context.clear_cookies()
    page.goto(portal_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/second-factor/**")
    if "/set-up/" in page.url:
        secret = page.locator(".second-factor-secret").inner_text().replace(" ", "")
        _keys[username] = base64.b32decode(secret + "=" * (-len(secret) % 8))
        if check_accessibility:
            assert violations(page) == []
            screenshot(page, "admin-second-factor-set-up--desktop")
        page.locator("#id_token").fill(_code(username))
        page.locator("form.second-factor-form button[type=submit]").click()
        page.wait_for_selector(".second-factor-codes")
        if check_accessibility:
            assert violations(page) == []
            screenshot(page, "admin-second-factor-backup-codes--desktop")
        page.get_by_role("link", name="Kody są zapisane – dalej").click()
    else:
        if check_accessibility:
            assert violations(page) == []
            screenshot(page, "admin-second-factor-verify--desktop")
        page.locator("#id_token").fill(_code(username))
        page.locator("form.second-factor-form button[type=submit]").click()
    page.wait_for_url(portal_url + "/admin/")
