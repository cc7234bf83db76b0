"""A member of staff who types a wrong code sees why, and hears it with the code field."""

import base64
import re
import time

from django_otp.oath import hotp
from playwright.sync_api import expect

from home.tests.browser import staff
from home.tests.browser.axe import violations
from home.tests.browser.conftest import DEMO_ADMIN, screenshot
from portal.accounts.devices import EXPIRED_CODE_WINDOW_SECONDS

# Nobody else logs in as this account in the browser tests: the wrong codes typed here
# make its app wait before the next code, which would slow another test's log-in.
USERNAME = "pracownik2"
WRONG = re.compile("Ten kod jest nieprawidłowy")


def wrong_code(key):
    # Not a code the app shows now (the server allows one 30-second step either side), nor
    # one it showed lately, which the page would call expired instead.
    now = int(time.time()) // staff.STEP
    back = EXPIRED_CODE_WINDOW_SECONDS // staff.STEP + 1
    shown = {f"{hotp(key, step, digits=6):06d}" for step in range(now - back, now + 2)}
    return next(code for code in (f"{n:06d}" for n in range(1_000_000)) if code not in shown)


def password(page, portal_url):
    page.context.clear_cookies()
    page.goto(portal_url + "/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(DEMO_ADMIN[1])
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/second-factor/**")


def check_refusal(page, name):
    code = page.get_by_role("textbox", name="Kod")
    # Seen: beside the field, in Polish; heard: the field is focused again, marked invalid
    # and described by the message.
    expect(page.locator(".w-field__errors")).to_have_text(WRONG)
    expect(page.locator(".w-field__errors")).to_be_visible()
    expect(code).to_be_focused()
    expect(code).to_have_attribute("aria-invalid", "true")
    expect(code).to_have_accessible_description(WRONG)
    assert violations(page) == []
    screenshot(page, name)


def test_a_wrong_code_is_shown_and_read_out(portal_url, desktop_page):
    page = desktop_page
    password(page, portal_url)
    assert "/set-up/" in page.url
    secret = page.locator(".second-factor-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_role("textbox", name="Kod").fill(wrong_code(key))
    page.get_by_role("button", name="Potwierdź i przejdź dalej").click()
    check_refusal(page, "admin-second-factor-set-up-wrong-code--desktop")

    # After a wrong code the app's next code waits a second (django-otp's throttling).
    time.sleep(1.1)
    staff.log_in(page, portal_url, USERNAME)

    password(page, portal_url)
    assert "/verify/" in page.url
    page.get_by_role("textbox", name="Kod").fill(wrong_code(staff.app_key(USERNAME)))
    page.get_by_role("button", name="Potwierdź", exact=True).click()
    check_refusal(page, "admin-second-factor-verify-wrong-code--desktop")
