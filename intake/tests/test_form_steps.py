"""Each step: validation in Polish, answers kept server-side, no skipping, back and change links."""

import pytest
from bs4 import BeautifulSoup

from intake.tests.walk import CHECK, PAGE, answers, fill_steps, step_url

pytestmark = pytest.mark.django_db


def doc(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def errors(response):
    page = doc(response)
    summary = page.select_one("[data-error-summary]")
    return [" ".join(a.get_text().split()) for a in summary.select("li")] if summary else []


def test_start_page_shows_the_editors_intro_and_a_start_link(client, intake_page):
    page = doc(client.get(PAGE))
    assert "Poproś o wsparcie bez zakładania konta." in page.get_text()
    assert page.find("a", href=step_url("kto")) is not None
    assert page.select_one("[data-quick-exit] a")["href"] == "/wyjdz/"


def test_a_missing_answer_is_explained_in_polish_and_linked_from_the_summary(client, intake_page):
    response = client.post(step_url("kto"), {})
    assert response.status_code == 200
    assert errors(response) == ["Wybierz, kto prosi o wsparcie."]
    page = doc(response)
    assert page.select_one("[data-error-summary] a")["href"] == "#id_requester_type_0"
    assert page.find(id="id_requester_type_0") is not None
    assert page.title.get_text().startswith("Błąd:")


def test_an_institution_must_be_named(client, intake_page):
    response = client.post(step_url("kto"), {"requester_type": "institution"})
    assert errors(response) == ["Wybierz rodzaj instytucji.", "Wpisz nazwę instytucji."]
    response = client.post(
        step_url("kto"), {"requester_type": "institution", "institution_type": "school", "institution_name": "SP 1"}
    )
    assert response.status_code == 302 and response["Location"] == step_url("rodzina")


def test_typed_answers_are_kept_when_there_is_an_error(client, intake_page, locality):
    fill_steps(client, {"kto": {"requester_type": "own_family"}})
    response = client.post(
        step_url("rodzina"),
        {
            "locality": str(locality.pk),
            "address": "ul. Polna 3",
            "postal_code": "84100",
            "children_count": "dwoje",
            "foster_care": "no",
        },
    )
    page = doc(response)
    assert "Wpisz kod pocztowy" in " ".join(errors(response))
    assert "liczbę dzieci cyframi" in " ".join(errors(response))
    assert page.find(id="id_address")["value"] == "ul. Polna 3"
    assert page.find(id="id_postal_code")["value"] == "84100"
    assert page.find(id="id_children_count")["value"] == "dwoje"
    assert page.find("option", selected=True).get_text() == "Dębnik"
    assert page.find(id="id_postal_code")["aria-invalid"] == "true"
    assert "id_postal_code_error" in page.find(id="id_postal_code")["aria-describedby"]


def test_steps_cannot_be_skipped(client, intake_page):
    response = client.get(step_url("kontakt"))
    assert response.status_code == 302 and response["Location"] == step_url("kto")
    assert client.get(CHECK)["Location"] == step_url("kto")


def test_answers_stay_in_the_session_and_never_in_the_url(client, intake_page, locality):
    steps = answers(locality)
    responses = [client.post(step_url(slug), data) for slug, data in steps.items()]
    for response in responses:
        assert "Anna" not in response["Location"] and "Polna" not in response["Location"]
        assert "?" not in response["Location"]
    check = client.get(CHECK).content.decode()
    assert "Anna Testowa" in check and "ul. Polna 3" in check
    page = doc(client.get(step_url("rodzina")))
    assert page.find(id="id_address")["value"] == "ul. Polna 3"
    assert client.get(step_url("rodzina"))["Cache-Control"].count("no-store") == 1


def test_back_link_leads_to_the_previous_step(client, intake_page, locality):
    fill_steps(client, {"kto": {"requester_type": "own_family"}})
    page = doc(client.get(step_url("rodzina")))
    assert page.select_one("a.back-link")["href"] == step_url("kto")


def test_change_link_returns_to_the_check_page(client, intake_page, locality):
    fill_steps(client, answers(locality))
    page = doc(client.get(CHECK))
    change_links = [a["href"] for a in page.select(".summary__header a")]
    assert change_links[1] == step_url("rodzina") + "?powrot=sprawdz"
    data = dict(answers(locality)["rodzina"], address="ul. Leśna 8")
    response = client.post(change_links[1], data)
    assert response["Location"] == CHECK
    assert "ul. Leśna 8" in client.get(CHECK).content.decode()


def test_yes_to_danger_tells_to_call_112(client, intake_page, locality):
    steps = answers(locality)
    fill_steps(client, {k: steps[k] for k in ("kto", "rodzina", "trudnosci")})
    page = doc(client.get(step_url("bezpieczenstwo")))
    assert "112" in page.select_one(".notice--warning").get_text()
    alert = page.select_one(".danger-alert")
    assert alert.has_attr("hidden") and alert.find("a", href="tel:112") is not None
    response = client.post(step_url("bezpieczenstwo"), {})
    assert errors(response) == ["Wybierz tak albo nie."]


def test_only_a_person_reporting_another_family_may_stay_anonymous(client, intake_page, locality):
    steps = answers(locality)
    fill_steps(client, {k: steps[k] for k in ("kto", "rodzina", "trudnosci", "bezpieczenstwo")})
    response = client.post(step_url("kontakt"), {"anonymous": "on"})
    assert errors(response) == ["Anonimowo może zgłosić sprawę tylko osoba, która pisze o innej rodzinie."]


def test_an_anonymous_report_needs_the_familys_locality_and_address(client, intake_page, locality):
    steps = answers(locality, kto={"requester_type": "other_family"}, rodzina={"foster_care": "unknown"})
    fill_steps(client, {k: steps[k] for k in ("kto", "rodzina", "trudnosci", "bezpieczenstwo")})
    response = client.post(step_url("kontakt"), {"anonymous": "on"})
    assert "podaj miejscowość i adres rodziny" in " ".join(errors(response))


def test_contact_needs_a_name_and_a_phone_or_email(client, intake_page, locality):
    steps = answers(locality)
    fill_steps(client, {k: steps[k] for k in ("kto", "rodzina", "trudnosci", "bezpieczenstwo")})
    response = client.post(
        step_url("kontakt"), {"contact_phone": "12", "contact_email": "nie-mail", "wants_receipt": "on"}
    )
    messages = errors(response)
    assert any("Wpisz swoje imię" in m for m in messages)
    assert any("9 cyfr" in m for m in messages)
    assert any("adres e-mail" in m for m in messages)


@pytest.mark.parametrize("phone", ["600100200", "600 100 200", "+48 600 100 200", "+48600100200", "58-123-45-67"])
def test_polish_phone_numbers_are_accepted_with_or_without_the_country_code(client, intake_page, locality, phone):
    steps = answers(locality)
    fill_steps(client, {k: steps[k] for k in ("kto", "rodzina", "trudnosci", "bezpieczenstwo")})
    data = dict(steps["kontakt"], contact_phone=phone)
    assert client.post(step_url("kontakt"), data).status_code == 302


def test_every_step_has_labels_hints_and_autocomplete(client, intake_page, locality):
    steps = answers(locality)
    fill_steps(client, {k: steps[k] for k in ("kto", "rodzina", "trudnosci", "bezpieczenstwo")})
    page = doc(client.get(step_url("kontakt")))
    for name, autocomplete in (("contact_name", "name"), ("contact_phone", "tel"), ("contact_email", "email")):
        field = page.find(attrs={"name": name})
        assert field["autocomplete"] == autocomplete
        assert page.find("label", attrs={"for": field["id"]}) is not None
    family = doc(client.get(step_url("rodzina")))
    assert family.find(id="id_address")["autocomplete"] == "address-line1"
    assert family.find("fieldset").find("legend") is not None


def test_digits_typed_in_another_script_are_kept_as_the_digits_staff_read(client, intake_page, locality):
    steps = answers(locality)
    fill_steps(client, {"kto": steps["kto"]})
    # Full-width digits, as some phone keyboards type them, and Arabic-Indic ones.
    family = dict(steps["rodzina"], postal_code="８４-１００")
    assert client.post(step_url("rodzina"), family).status_code == 302
    fill_steps(client, {k: steps[k] for k in ("trudnosci", "bezpieczenstwo")})
    contact = dict(steps["kontakt"], contact_phone="٦٠٠ ١٠٠ ٢٠٠")
    assert client.post(step_url("kontakt"), contact).status_code == 302
    summary = doc(client.get(CHECK)).get_text()
    assert "84-100" in summary and "600 100 200" in summary
    assert "８４" not in summary and "٦٠٠" not in summary
