"""A person on a phone asks for support: every step, with and without JavaScript, accessible, ending on a reference."""

import re
import time

import pytest
from playwright.sync_api import expect

from home.tests.browser.axe import violations
from home.tests.browser.conftest import NEUTRAL_SITE, PHONE, screenshot
from home.tests.browser.looks import sideways_overflow_in_every_look

REFERENCE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")


def neutral(page):
    page.context.route(
        re.compile("^" + re.escape(NEUTRAL_SITE)),
        lambda route: route.fulfill(body="<title>Pogoda</title>Pogoda", content_type="text/html"),
    )


def continue_(page):
    page.locator(".intake-form button[type=submit]").click()


def check_step(page, name, js):
    assert page.locator("h1").count() == 1
    assert page.locator("[data-quick-exit] a").is_visible()
    assert page.locator(".emergency-strip a[href='tel:112']").count() == 1
    if js:
        assert violations(page) == [], name
    screenshot(page, f"intake-{name}--{'phone' if js else 'phone-nojs'}")


def check_page(page, name, js):
    """The form's first page and the confirmation: the page's own checks, then axe."""
    if js:
        assert violations(page) == [], name
    if name == "7-confirmation":
        screenshot(page, f"intake-{name}--{'phone' if js else 'phone-nojs'}")


def words(language):
    """What the applicant reads, in `language`, as the catalogues give it: labels to find the questions by."""
    from django.utils import translation

    from intake.forms import ContactForm, DifficultiesForm, FamilyForm, SubmitForm
    from intake.models import DifficultyArea, RequesterType

    family, contact = FamilyForm.base_fields, ContactForm.base_fields
    with translation.override(language):
        texts = {
            "error": translation.gettext("Error:"),
            "other_family": RequesterType.OTHER_FAMILY.label,
            "locality": family["locality"].label,
            "address": family["address"].label,
            "postal_code": family["postal_code"].label,
            "children_count": family["children_count"].label,
            "care": DifficultyArea.CARE.label,
            "description": DifficultiesForm.base_fields["description"].label,
            "yes": translation.gettext("Yes"),
            "anonymous": contact["anonymous"].label,
            "name": contact["contact_name"].label,
            "phone": contact["contact_phone"].label,
            "interpreter": {value: str(label) for value, label in contact["interpreter"].choices},
            "interpreter_language": contact["interpreter_language"].label,
            "check": translation.gettext("Check your answers"),
            "privacy": SubmitForm.base_fields["privacy_acknowledged"].label,
        }
        return {key: value if isinstance(value, dict) else str(value) for key, value in texts.items()}


def urgent_deadline(language):
    """The deadline a request sent now with a child in danger gets, written as the confirmation writes it."""
    from django.utils import timezone

    from intake.dates import by_date
    from intake.deadlines import URGENT_WORKING_DAYS, add_working_days

    return by_date(add_working_days(timezone.localdate(), URGENT_WORKING_DAYS), language).replace("\u00a0", " ")


def walk(
    page,
    portal_url,
    js,
    check_step=check_step,
    check_page=check_page,
    language="pl",
    form_path="/popros-o-pomoc/",
    interpreter=None,
):
    """Sends one request through every step; `check_step` and `check_page` look at each page on the way.

    In `language`, from the form page at `form_path`. Without `interpreter` the report is
    anonymous; with one ("language" or "pjm") the applicant gives a name and a phone and asks
    for that interpreter.
    """
    say = words(language)
    page.goto(portal_url + form_path)
    check_page(page, "0-start", js)
    page.locator("main a.button--primary").click()

    # 1. who: the institution questions appear only for an institution (with JavaScript)
    if js:
        assert not page.locator("#id_institution_name").is_visible()
    continue_(page)  # nothing chosen: the error summary links to the question
    expect(page.locator("[data-error-summary]")).to_be_visible()  # waits for the answer to the post
    assert page.title().startswith(say["error"])
    check_step(page, "1-who-error", js)
    page.get_by_label(say["other_family"]).check()
    check_step(page, "1-who", js)
    continue_(page)

    # 2. family
    page.get_by_label(say["locality"]).select_option(label="Dębnik")
    page.get_by_label(say["address"]).fill("ul. Polna 3")
    page.get_by_label(say["postal_code"]).fill("84100")
    page.get_by_label(say["children_count"]).fill("2")
    continue_(page)
    assert "84-100" in page.locator("[data-error-summary]").inner_text()
    assert page.get_by_label(say["address"]).input_value() == "ul. Polna 3"
    page.locator("[data-error-summary] a").first.click()
    expect(page.get_by_label(say["postal_code"])).to_be_focused()
    page.get_by_label(say["postal_code"]).fill("84-100")
    check_step(page, "2-family", js)
    continue_(page)

    # 3. difficulties
    page.get_by_label(say["care"]).check()
    page.get_by_label(say["description"]).fill("Dzieci często zostają same wieczorem.")
    check_step(page, "3-difficulties", js)
    continue_(page)

    # 4. safety: "yes" shows at once (with JavaScript) how to call 112
    page.get_by_label(say["yes"], exact=True).check()
    if js:
        assert page.locator(".danger-alert").is_visible()
        assert page.locator(".danger-alert a[href='tel:112']").is_visible()
    check_step(page, "4-safety", js)
    continue_(page)

    # 5. contact: anonymous, or a name, a phone and an interpreter
    if interpreter is None:
        page.get_by_label(say["anonymous"]).check()
    else:
        page.get_by_label(say["name"]).fill("Olena Testowa")
        page.get_by_label(say["phone"]).fill("600 100 200")
        which = page.get_by_label(say["interpreter_language"])
        if js:
            assert not which.is_visible()  # asked only once an interpreter of a language is chosen
        page.get_by_label(say["interpreter"][interpreter], exact=True).check()
        if interpreter == "language":
            expect(which).to_be_visible()
            which.fill("українська")
        elif js:
            assert not which.is_visible()
    check_step(page, "5-contact", js)
    continue_(page)

    # check your answers, then send
    assert page.locator("h1").inner_text() == say["check"]
    assert "ul. Polna 3" in page.locator("main").inner_text()
    page.get_by_label(say["privacy"]).check()
    check_step(page, "6-check", js)
    time.sleep(1.1)  # the minimum fill time of the test server
    page.locator(".intake-form button[type=submit]").click()

    reference = page.locator("[data-reference]").inner_text().strip()
    assert REFERENCE.match(reference)
    assert urgent_deadline(language) in page.locator("main").inner_text().replace("\u00a0", " ")
    check_page(page, "7-confirmation", js)
    return reference


def test_request_with_javascript(portal_url, phone_page):
    reference = walk(phone_page, portal_url, js=True)
    # Reloading the confirmation shows the same reference, it does not send again.
    phone_page.reload()
    assert phone_page.locator("[data-reference]").inner_text().strip() == reference


def test_no_step_scrolls_sideways_at_320_px_in_any_text_size_or_contrast(portal_url, narrow_page):
    too_wide = {}

    def measure(page, name, js):
        found = sideways_overflow_in_every_look(page)
        if found:
            too_wide[name] = found

    walk(narrow_page, portal_url, js=True, check_step=measure, check_page=measure)
    assert too_wide == {}


def test_request_without_javascript(portal_url, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, is_mobile=True)
    try:
        page = context.new_page()
        walk(page, portal_url, js=False)
    finally:
        context.close()


def test_an_error_link_does_not_hide_the_answer_under_the_leave_bar(portal_url, phone_page):
    # WCAG 2.4.11: the sticky bar must not cover the field the error summary jumps to.
    page = phone_page
    page.goto(portal_url + "/popros-o-pomoc/krok/kto/")
    page.get_by_label("Dla mojej rodziny").check()
    continue_(page)
    page.get_by_label("Kod pocztowy").fill("84100")
    continue_(page)
    page.locator("[data-error-summary] a").first.click()

    field = page.get_by_label("Kod pocztowy")
    expect(field).to_be_focused()
    bar = page.locator("[data-quick-exit]").bounding_box()
    assert field.bounding_box()["y"] >= bar["y"] + bar["height"]


@pytest.mark.parametrize("how", ["button", "shift"])
def test_leave_this_page(portal_url, phone_page, how):
    page = phone_page
    neutral(page)
    page.goto(portal_url + "/popros-o-pomoc/krok/kto/")
    page.get_by_label("Dla mojej rodziny").check()
    continue_(page)
    assert "/krok/rodzina/" in page.url

    if how == "button":
        page.get_by_role("link", name="Wyjdź z tej strony").click()
        page.wait_for_url(NEUTRAL_SITE)
        assert page.title() == "Pogoda"
    else:
        # The browser's own interception does not see a location.replace() to another
        # host, so check that the exit itself is taken; the button case covers the rest.
        page.locator("h1").click()
        with page.expect_response(lambda response: response.url.endswith("/wyjdz/")) as exit_response:
            for _ in range(3):
                page.keyboard.press("Shift")
        assert exit_response.value.headers["location"] == NEUTRAL_SITE

    # Coming back, the form starts from the beginning: the answers are gone.
    again = page.context.new_page()
    again.goto(portal_url + "/popros-o-pomoc/krok/rodzina/")
    assert again.url.endswith("/popros-o-pomoc/krok/kto/")
