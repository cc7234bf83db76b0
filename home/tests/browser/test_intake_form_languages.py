"""A family asks for support in Ukrainian, and in English, on a 390 px phone; a coordinator sees the request marked.

The demo centre is Polish: its request form page (and the home page above it) is
translated here as an editor would, with Wagtail's copy for translation, unless a
translation is there already.
"""

import pytest

from home.tests.browser.axe import violations
from home.tests.browser.conftest import screenshot
from home.tests.browser.layout import sideways_overflow
from home.tests.browser.staff import log_in
from home.tests.browser.test_intake_form import walk

TRANSLATE_THE_FORM = """
from wagtail.models import Locale
from intake.models import IntakeFormPage

TEXTS = {
    "uk": ("Попросити про допомогу", "<p>Попросіть про підтримку без створення облікового запису.</p>",
           "<p>Адміністратор даних — центр. Ви маєте право доступу до своїх даних.</p>",
           "<p>Соціальний працівник зв’яжеться з вами.</p>"),
    "en": ("Ask for help", "<p>Ask for support without creating an account.</p>",
           "<p>The centre is the controller of your data. You have the right to access it.</p>",
           "<p>A social worker will contact you.</p>"),
}
form = IntakeFormPage.objects.get(locale__language_code="pl")
for code, (title, intro, clause, confirmation) in TEXTS.items():
    locale = Locale.objects.get(language_code=code)
    home = form.get_parent().specific
    if not home.has_translation(locale):
        home.copy_for_translation(locale).save_revision().publish()
    if not form.has_translation(locale):
        page = form.copy_for_translation(locale)
        page.title, page.intro, page.privacy_clause, page.confirmation_text = title, intro, clause, confirmation
        page.save_revision().publish()
    print(code, form.get_translation(locale).specific.get_url())
"""


@pytest.fixture(scope="session")
def form_paths(portal_server):
    """{"uk": "/uk/popros-o-pomoc/", "en": ...}: the translated form pages on the test server."""
    output = portal_server.manage("shell", "-c", TRANSLATE_THE_FORM).stdout
    paths = dict(line.split() for line in output.splitlines() if line.startswith(("uk ", "en ")))
    assert set(paths) == {"uk", "en"} and all(path.startswith(f"/{code}/") for code, path in paths.items()), output
    return paths


def checks(language):
    """Every page of the walk: in the language, accessible, no sideways scrolling, links kept in the language."""

    def check_page(page, name, js):
        assert page.locator("html").get_attribute("lang") == language, name
        assert violations(page) == [], name
        assert sideways_overflow(page) == 0, name
        hrefs = [link.get_attribute("href") for link in page.locator("main a[href^='/']").all()]
        assert [href for href in hrefs if not href.startswith(f"/{language}/")] == [], name
        screenshot(page, f"intake-{language}-{name}--phone")

    def check_step(page, name, js):
        assert page.locator("h1").count() == 1
        assert page.locator("[data-quick-exit] a").is_visible()
        assert page.locator(".emergency-strip a[href='tel:112']").count() == 1
        check_page(page, name, js)

    return {"check_step": check_step, "check_page": check_page}


def the_row(page, reference):
    rows = [row for row in page.locator("table.listing tbody tr").all() if reference in row.inner_text()]
    assert len(rows) == 1, reference
    return rows[0].inner_text()


def test_a_request_in_ukrainian_with_an_interpreter_reaches_the_coordinator_marked(
    portal_url, form_paths, phone_page, new_context
):
    reference = walk(
        phone_page,
        portal_url,
        js=True,
        language="uk",
        form_path=form_paths["uk"],
        interpreter="language",
        **checks("uk"),
    )

    staff = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(staff, portal_url, "koordynator")
    staff.goto(portal_url + "/admin/requests/")
    assert violations(staff, exclude=[".messages"]) == []
    staff.goto(portal_url + "/admin/requests/?language=uk")
    row = the_row(staff, reference)
    assert "ukraiński" in row and "Tłumacz: українська" in row
    assert staff.locator("table.listing tbody tr strong", has_text="Tłumacz: українська").count() >= 1
    # Wagtail's own "There are N matches" heading of a filtered list carries role="alert" on an h2.
    assert violations(staff, exclude=[".messages", "h2[role=alert]"]) == []
    screenshot(staff, "admin-requests-list--ukrainian-with-interpreter")

    staff.get_by_role("link", name=reference).click()
    staff.wait_for_url("**/admin/requests/inspect/**")
    state = staff.locator("section[aria-labelledby=request-state]").inner_text()
    assert "ukraiński" in state and "tłumacz języka obcego: українська" in state
    assert staff.locator("html").get_attribute("lang") == "pl"


def test_a_request_in_english_asking_for_a_sign_language_interpreter(portal_url, form_paths, phone_page, new_context):
    reference = walk(
        phone_page,
        portal_url,
        js=True,
        language="en",
        form_path=form_paths["en"],
        interpreter="pjm",
        **checks("en"),
    )
    # Reloading the confirmation shows the same reference, it does not send again.
    phone_page.reload()
    assert phone_page.locator("[data-reference]").inner_text().strip() == reference

    staff = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(staff, portal_url, "koordynator")
    staff.goto(portal_url + "/admin/requests/?interpreter=pjm")
    row = the_row(staff, reference)
    assert "angielski" in row and "Tłumacz: PJM" in row
