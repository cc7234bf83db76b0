"""The check page: the consent box and "send" come right after the answers, the full clause one tap away."""

from playwright.sync_api import expect

from home.tests.browser.conftest import PHONE, screenshot


def continue_(page):
    page.locator(".intake-form button[type=submit]").click()


def reach_the_check_page(page, portal_url):
    page.goto(portal_url + "/popros-o-pomoc/krok/kto/")
    page.get_by_label("W sprawie innej rodziny, o którą się martwię").check()
    continue_(page)
    page.get_by_label("Miejscowość").select_option(label="Dębnik")
    page.get_by_label("Ulica i numer domu").fill("ul. Polna 3")
    continue_(page)
    page.get_by_label("Opieka nad dziećmi i ich wychowanie").check()
    page.get_by_label("Opisz własnymi słowami, co się dzieje").fill("Dzieci często zostają same wieczorem.")
    continue_(page)
    page.get_by_label("Nie", exact=True).check()
    continue_(page)
    page.get_by_label("Chcę zgłosić sprawę anonimowo").check()
    continue_(page)
    expect(page.locator("h1")).to_have_text("Sprawdź odpowiedzi")


def test_consent_and_send_follow_the_answers_within_half_a_phone_screen(portal_url, phone_page):
    page = phone_page
    reach_the_check_page(page, portal_url)

    last_answer = page.locator("main .summary").last.bounding_box()
    consent = page.get_by_label("Znam informacje o tym, jak przetwarzane są moje dane").bounding_box()
    send = page.get_by_role("button", name="Wyślij zgłoszenie").bounding_box()
    between = send["y"] + send["height"] - (last_answer["y"] + last_answer["height"])
    assert consent["y"] < send["y"]
    assert between < PHONE["height"] / 2, f"{between:.0f} px from the last answer to the send button"
    page.get_by_role("button", name="Wyślij zgłoszenie").scroll_into_view_if_needed()
    screenshot(page, "intake-6-check-consent--phone")

    # The whole information clause is still there, one tap away.
    clause = page.locator(".privacy .rich-text")
    expect(clause).to_be_hidden()
    page.get_by_text("Przeczytaj całą informację").click()
    expect(clause).to_be_visible()
    expect(clause).to_contain_text("Administratorem")
