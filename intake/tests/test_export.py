"""Coordinators export the filtered list for reporting; every export is recorded; nobody else may."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from intake.models import RequestExport
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_export_of_the_filtered_list_without_personal_data(client, coordinator):
    debnik = LocalityFactory(name="Dębnik")
    wanted = HelpRequestFactory(
        locality=debnik, contact_name="Anna Testowa", address="ul. Polna 3", child_in_danger=True
    )
    HelpRequestFactory(locality=LocalityFactory(name="Lipnik"))
    client.force_login(coordinator)

    response = client.get(reverse("requests:index"), {"locality": debnik.pk, "export": "csv"})

    assert response.status_code == 200
    text = content(response).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row[next(iter(row))] for row in rows] == [wanted.reference]
    assert "Anna" not in text and "Polna" not in text and "600100200" not in text
    export = RequestExport.objects.get()
    assert export.user == coordinator and export.file_format == "csv" and export.row_count == 1
    assert f"locality={debnik.pk}" in export.filters


def test_xlsx_export(client, coordinator):
    request = HelpRequestFactory()
    client.force_login(coordinator)
    response = client.get(reverse("requests:index"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(content(response))).active
    assert sheet.cell(row=2, column=1).value == request.reference
    assert RequestExport.objects.get().file_format == "xlsx"


def test_social_workers_cannot_export(client, coordinator):
    worker = make_social_worker("pracownik1")
    HelpRequestFactory()
    client.force_login(worker)
    response = client.get(reverse("requests:index"), {"export": "csv"})
    assert response.status_code in (302, 403)
    assert not RequestExport.objects.exists()
    assert "export=csv" not in client.get(reverse("requests:index")).content.decode()


def test_the_export_says_each_state_and_kind_in_polish_words(client, coordinator):
    HelpRequestFactory(is_urgent=True, difficulty_areas=["care", "money"])
    client.force_login(coordinator)

    response = client.get(reverse("requests:index"), {"export": "csv"})

    (row,) = list(csv.DictReader(io.StringIO(content(response).decode("utf-8"))))
    values = list(row.values())
    assert "Dla mojej rodziny" in values
    assert "Formularz internetowy" in values
    assert "pilne" in values
    assert "Opieka nad dziećmi i ich wychowanie, Pieniądze i sprawy socjalne" in values
    for code in ("own_family", "online", "new", "assigned", "True", "care"):
        assert code not in values
