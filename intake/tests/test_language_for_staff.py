"""Staff see, in Polish, the language a request came in and the interpreter it needs: list, filters, page, export."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from intake.models import HelpRequest, Interpreter, RequestLanguage
from intake.tests.factories import HelpRequestFactory
from intake.tests.walk import answers, fill_steps, send

pytestmark = pytest.mark.django_db


def doc(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def squash(node):
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def requests_in_three_languages(db):
    return {
        "polish": HelpRequestFactory(),
        "ukrainian": HelpRequestFactory(
            language=RequestLanguage.UKRAINIAN, interpreter=Interpreter.LANGUAGE, interpreter_language="ukraiński"
        ),
        "english_deaf": HelpRequestFactory(language=RequestLanguage.ENGLISH, interpreter=Interpreter.PJM),
    }


def list_rows(client, **params):
    page = doc(client.get(reverse("requests:index"), params))
    headers = [squash(th) for th in page.select("table.listing thead th")]
    rows = {}
    for row in page.select("table.listing tbody tr"):
        cells = [squash(td) for td in row.select("td")]
        rows[squash(row.select_one("td.title .title-wrapper a"))] = dict(zip(headers, cells, strict=True))
    return rows


def test_the_list_shows_the_language_and_marks_an_interpreter(client, coordinator, requests_in_three_languages):
    client.force_login(coordinator)
    rows = list_rows(client)
    requests = requests_in_three_languages
    assert rows[requests["polish"].reference]["Język"] == "polski"
    assert rows[requests["ukrainian"].reference]["Język"] == "ukraiński Tłumacz: ukraiński"
    assert rows[requests["english_deaf"].reference]["Język"] == "angielski Tłumacz: PJM"
    page = doc(client.get(reverse("requests:index")))
    markers = [squash(node) for node in page.select("table.listing tbody td strong")]
    assert sorted(markers) == ["Tłumacz: PJM", "Tłumacz: ukraiński"]


def test_the_list_can_be_filtered_by_language_and_interpreter(client, coordinator, requests_in_three_languages):
    client.force_login(coordinator)
    requests = requests_in_three_languages
    assert set(list_rows(client, language="uk")) == {requests["ukrainian"].reference}
    assert set(list_rows(client, language="pl")) == {requests["polish"].reference}
    assert set(list_rows(client, interpreter="pjm")) == {requests["english_deaf"].reference}
    assert set(list_rows(client, interpreter="none")) == {requests["polish"].reference}
    filters = doc(client.get(reverse("requests:index")))
    assert [squash(option) for option in filters.select("select[name=language] option") if option["value"]] == [
        "polski",
        "ukraiński",
        "angielski",
    ]


def test_the_requests_page_shows_language_and_interpreter_next_to_the_deadline(client, coordinator):
    request = HelpRequestFactory(
        language=RequestLanguage.UKRAINIAN, interpreter=Interpreter.LANGUAGE, interpreter_language="ukraiński"
    )
    client.force_login(coordinator)
    page = doc(client.get(reverse("requests:inspect", args=[request.pk])))
    state = page.find("section", attrs={"aria-labelledby": "request-state"})
    rows = {squash(dt): squash(dt.find_next_sibling("dd")) for dt in state.select("dt")}
    assert rows["Język zgłoszenia"] == "ukraiński"
    assert rows["Tłumacz"] == "tłumacz języka obcego: ukraiński"
    assert state.find("strong", string=lambda text: text and "ukraiński" in text) is not None

    plain = HelpRequestFactory()
    page = doc(client.get(reverse("requests:inspect", args=[plain.pk])))
    state = page.find("section", attrs={"aria-labelledby": "request-state"})
    rows = {squash(dt): squash(dt.find_next_sibling("dd")) for dt in state.select("dt")}
    assert (rows["Język zgłoszenia"], rows["Tłumacz"]) == ("polski", "niepotrzebny")


def test_staff_screens_stay_polish_for_a_request_sent_in_ukrainian(
    client, coordinator, translated_intake_page, locality
):
    page = translated_intake_page("uk")
    applicant = client.__class__()
    contact = dict(answers(locality)["kontakt"], interpreter="pjm")
    fill_steps(applicant, answers(locality, kontakt=contact), page.url)
    send(applicant, page=page.url)
    request = HelpRequest.objects.get()
    client.force_login(coordinator)
    detail = doc(client.get(reverse("requests:inspect", args=[request.pk])))
    assert detail.html["lang"] == "pl"
    assert "tłumacz polskiego języka migowego (PJM)" in squash(detail)
    assert list_rows(client)[request.reference]["Język"] == "ukraiński Tłumacz: PJM"


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_export_has_the_language_and_interpreter_in_polish_words(client, coordinator, requests_in_three_languages):
    client.force_login(coordinator)
    requests = requests_in_three_languages
    text = content(client.get(reverse("requests:index"), {"export": "csv"})).decode("utf-8")
    rows = {row["Numer zgłoszenia"]: row for row in csv.DictReader(io.StringIO(text))}
    ukrainian = rows[requests["ukrainian"].reference]
    assert (ukrainian["Język zgłoszenia"], ukrainian["Tłumacz"], ukrainian["Język tłumacza"]) == (
        "ukraiński",
        "tłumacz języka obcego",
        "ukraiński",
    )
    deaf = rows[requests["english_deaf"].reference]
    assert (deaf["Język zgłoszenia"], deaf["Tłumacz"]) == ("angielski", "tłumacz polskiego języka migowego (PJM)")
    polish = rows[requests["polish"].reference]
    assert (polish["Język zgłoszenia"], polish["Tłumacz"], polish["Język tłumacza"]) == ("polski", "niepotrzebny", "")

    sheet = openpyxl.load_workbook(
        io.BytesIO(content(client.get(reverse("requests:index"), {"export": "xlsx"})))
    ).active
    table = list(sheet.values)
    header = list(table[0])
    by_reference = {row[0]: dict(zip(header, row, strict=True)) for row in table[1:]}
    assert by_reference[requests["ukrainian"].reference]["Język zgłoszenia"] == "ukraiński"
    assert by_reference[requests["english_deaf"].reference]["Tłumacz"] == "tłumacz polskiego języka migowego (PJM)"


PHONE_REQUEST = {
    "channel": "phone",
    "requester_type": "own_family",
    "locality": "",
    "address": "ul. Leśna 2",
    "foster_care": "unknown",
    "description": "Dzwoniła mama trojga dzieci.",
    "contact_name": "Olena Testowa",
    "contact_phone": "600100200",
}


def test_a_request_registered_by_staff_is_polish_unless_staff_say_otherwise(client, coordinator, locality):
    client.force_login(coordinator)
    form = doc(client.get(reverse("requests:add")))
    assert form.select_one("select[name=language] option[selected]")["value"] == "pl"
    assert form.select_one("select[name=interpreter] option[selected]")["value"] == "none"

    response = client.post(reverse("requests:add"), dict(PHONE_REQUEST, locality=locality.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = HelpRequest.objects.get()
    assert (saved.language, saved.interpreter, saved.interpreter_language) == ("pl", "none", "")


def test_staff_record_the_language_and_interpreter_of_a_phone_call(client, coordinator, locality):
    client.force_login(coordinator)
    data = dict(PHONE_REQUEST, locality=locality.pk, language="uk", interpreter="language")
    response = client.post(reverse("requests:add"), data)
    assert response.status_code == 200
    assert "Wpisz język, którym mówi rodzina." in squash(doc(response))
    assert HelpRequest.objects.count() == 0

    response = client.post(reverse("requests:add"), dict(data, interpreter_language="ukraiński"))
    assert response.status_code == 302
    saved = HelpRequest.objects.get()
    assert (saved.language, saved.interpreter, saved.interpreter_language) == ("uk", "language", "ukraiński")

    # PJM needs no language; one typed by mistake is not kept.
    response = client.post(
        reverse("requests:add"), dict(PHONE_REQUEST, locality=locality.pk, interpreter="pjm", interpreter_language="x")
    )
    assert response.status_code == 302
    assert HelpRequest.objects.latest("pk").interpreter_language == ""
