"""An editor translates in the admin: wagtail-localize's screens work under the strict policy.

The translation editor is a React application; under a policy that blocks its styles it
showed an empty page. Every browser test also fails on a policy violation (conftest.py).
"""

import re

from playwright.sync_api import expect

from home.tests.browser.conftest import screenshot
from home.tests.browser.staff import log_in


def _edit_url_from_public_page(page, portal_url, path):
    """The admin address of a page, from the editor's bar on the page itself."""
    page.goto(portal_url + path)
    href = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute("href")
    return re.search(r"/admin/pages/\d+/edit/", href).group(0)


def test_an_editor_translates_a_page_and_a_helpline_in_the_admin(portal_url, new_context):
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(f"{page.url}: {error}"))
    log_in(page, portal_url, "redaktor")

    # The Ukrainian page of the family assistant: each Polish text beside its translation.
    page.goto(portal_url + _edit_url_from_public_page(page, portal_url, "/uk/simeinyi-asystent/"))
    editor = page.locator(".js-translation-editor")
    expect(editor.get_by_role("link", name="Pobierz plik PO").first).to_be_visible()
    expect(editor.get_by_text("Asystent rodziny", exact=True).first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Opublikuj"))).to_be_visible()
    screenshot(page, "admin-translation-editor-page--desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(editor.get_by_role("link", name="Pobierz plik PO").first).to_be_visible()
    screenshot(page, "admin-translation-editor-page--phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    # A helpline in Ukrainian: its name is offered for translation, its number is not
    # (the same in every language, copied from the Polish one).
    page.goto(portal_url + "/admin/snippets/home/emergencynumber/?locale=uk")
    page.locator("table.listing a[href*='/edit/']").filter(has_text="116 111").first.click()
    expect(editor.get_by_text("Telefon zaufania dla dzieci i młodzieży")).to_be_visible()
    tabs = [text.strip() for text in editor.locator("h3, h4").all_inner_texts()]
    assert "Nazwa" in tabs and "Numer" not in tabs, tabs
    # The translator corrects the Ukrainian description and saves it; it is kept.
    page.get_by_role("button", name="Edytuj").nth(1).click()
    corrected = "Для дітей і підлітків, які хочуть з кимось поговорити."
    editor.locator("textarea").first.fill(corrected)
    editor.get_by_role("button", name="Zapisz").first.click()
    expect(editor.get_by_text(corrected)).to_be_visible()
    page.reload()
    expect(editor.get_by_text(corrected)).to_be_visible()
    screenshot(page, "admin-translation-editor-helpline--desktop")

    # Translate a Polish news item from its page's actions: "select all" ticks every language.
    page.goto(portal_url + _edit_url_from_public_page(page, portal_url, "/aktualnosci/piknik-rodzinny/"))
    page.get_by_role("button", name="Czynności").click()
    page.get_by_role("link", name="Przetłumacz tę stronę").click()
    page.locator("[name=select_all]").check()
    languages = page.locator("[name=locales]")
    assert languages.count() == 2
    for index in range(languages.count()):
        expect(languages.nth(index)).to_be_checked()
    screenshot(page, "admin-submit-translation--desktop")

    # Sync the family assistant's translations after a change to the Polish page.
    page.goto(portal_url + _edit_url_from_public_page(page, portal_url, "/asystent-rodziny/"))
    page.get_by_role("button", name="Czynności").click()
    page.get_by_role("link", name="Zsynchronizuj przetłumaczone strony").click()
    expect(page.locator(".publish-translations-field")).to_be_visible()
    screenshot(page, "admin-sync-translations--desktop")
    assert script_errors == []
