"""Every public page and every step of the request form is valid HTML (Nu HTML Checker, no errors).

The pages are fetched as the server sends them, saved to files, and checked in one run
of vnu.jar: the Java start-up is paid once. Warnings are listed in
test-artifacts/html-checker.txt but do not fail the test.
"""

import re
import time

from home.tests.browser import html_checker
from home.tests.browser.conftest import ARTIFACTS, PHONE
from home.tests.demo_paths import DEMO_PATHS, EN_PATHS, UK_PATHS

PAGES = [*DEMO_PATHS, "/szukaj/?q=asystent", "/nie-ma-takiej-strony/", *UK_PATHS, *EN_PATHS]


def _name(path):
    return re.sub(r"[^a-z0-9-]+", "_", path.strip("/")) or "home"


def test_every_public_page_and_form_step_is_valid_html(portal_url, new_context, tmp_path):
    # Without JavaScript: what is saved is the server's HTML, and the steps post as forms do.
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    files = []

    def save(name, response):
        assert response.status in (200, 404), (name, response.status)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.body())
        files.append(path)

    def submit():
        with page.expect_navigation() as navigation:
            page.locator(".intake-form button[type=submit]").click()
        return navigation.value

    def submit_with_errors(name):
        response = submit()
        assert page.locator("[data-error-summary]").count() == 1, name
        save(name, response)

    for path in PAGES:
        save(_name(path), page.goto(portal_url + path))

    # Each step as first shown, then as shown again with errors.
    save("step-1-who", page.goto(portal_url + "/popros-o-pomoc/krok/kto/"))
    submit_with_errors("step-1-who-errors")
    page.get_by_label("W sprawie innej rodziny, o którą się martwię").check()
    save("step-2-family", submit())
    page.get_by_label("Miejscowość").select_option(label="Dębnik")
    page.get_by_label("Ulica i numer domu").fill("ul. Polna 3")
    page.get_by_label("Kod pocztowy").fill("84100")
    submit_with_errors("step-2-family-errors")
    page.get_by_label("Kod pocztowy").fill("84-100")
    save("step-3-difficulties", submit())
    submit_with_errors("step-3-difficulties-errors")
    page.get_by_label("Opieka nad dziećmi i ich wychowanie").check()
    page.get_by_label("Opisz własnymi słowami, co się dzieje").fill("Dzieci często zostają same wieczorem.")
    save("step-4-safety", submit())
    submit_with_errors("step-4-safety-errors")
    page.get_by_label("Nie", exact=True).check()
    save("step-5-contact", submit())
    submit_with_errors("step-5-contact-errors")
    page.get_by_label("Chcę zgłosić sprawę anonimowo").check()
    save("check", submit())
    submit_with_errors("check-errors")
    page.get_by_label("Znam informacje o tym, jak przetwarzane są moje dane").check()
    time.sleep(1.1)  # the minimum fill time of the test server
    save("confirmation", submit())
    assert page.locator("[data-reference]").count() == 1
    # The family step offers the browser's address autofill only to someone asking for their own family.
    page.goto(portal_url + "/popros-o-pomoc/krok/kto/")
    page.get_by_label("Dla mojej rodziny").check()
    save("step-2-own-family", submit())
    assert page.get_by_label("Ulica i numer domu").get_attribute("autocomplete") != "off"

    messages = html_checker.check(files)

    report = [
        f"{m['type']}{'/' + m['subType'] if m.get('subType') else ''} {html_checker.describe(m)}" for m in messages
    ]
    ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS.parent / "html-checker.txt").write_text(
        f"Nu HTML Checker over {len(files)} pages\n" + "".join(line + "\n" for line in report)
    )
    assert [html_checker.describe(m) for m in messages if html_checker.is_error(m)] == []
