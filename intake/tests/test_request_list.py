"""The requests list: deadlines as working days, overdue marked, filters and search."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from intake import workflow
from intake.models import ClosedDay
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


def rows(client, **params):
    page = BeautifulSoup(client.get(reverse("requests:index"), params).content.decode(), "html.parser")
    return {" ".join(row.get_text(" ").split()) for row in page.select("table.listing tbody tr")}


def test_deadline_shows_working_days_left_and_overdue(client, coordinator):
    fresh = HelpRequestFactory()
    late = HelpRequestFactory(received_at=timezone.now() - datetime.timedelta(days=40))
    client.force_login(coordinator)
    listing = rows(client)
    assert any(fresh.reference in row and "dni roboczych" in row for row in listing)
    assert any(late.reference in row and "po terminie" in row and "⚠" in row for row in listing)


def test_filters_and_search(client, coordinator):
    debnik = LocalityFactory(name="Dębnik")
    worker = make_social_worker("pracownik1", debnik)
    urgent = HelpRequestFactory(locality=debnik, child_in_danger=True, contact_name="Ewa Szukana")
    plain = HelpRequestFactory(locality=LocalityFactory(name="Lipnik"))
    late = HelpRequestFactory(received_at=timezone.now() - datetime.timedelta(days=40))
    workflow.assign(plain, worker, coordinator)
    client.force_login(coordinator)

    def refs(**params):
        return {
            ref
            for ref in (urgent.reference, plain.reference, late.reference)
            if any(ref in r for r in rows(client, **params))
        }

    assert refs(is_urgent="true") == {urgent.reference}
    assert refs(locality=debnik.pk) == {urgent.reference}
    assert refs(assigned_to=worker.pk) == {plain.reference}
    assert refs(status="assigned") == {plain.reference}
    assert refs(overdue="true") == {late.reference}
    assert refs(q=plain.reference) == {plain.reference}
    assert refs(q="Szukana") == set()  # names are not searched through the URL


def test_find_by_name_uses_a_post_and_respects_visibility(client, coordinator):
    worker = make_social_worker("pracownik1")
    mine = HelpRequestFactory(contact_name="Ewa Szukana")
    theirs = HelpRequestFactory(contact_name="Ewa Szukana-Inna")
    workflow.assign(mine, worker, coordinator)
    url = reverse("requests:find_by_name")

    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    page = client.post(url, {"name": "szukana"}).content.decode()
    assert mine.reference in page and theirs.reference in page
    assert client.post(url, {"name": "x"}).status_code == 200  # too short: no search, no error

    client.force_login(worker)
    page = client.post(url, {"name": "Szukana"}).content.decode()
    assert mine.reference in page and theirs.reference not in page


def test_find_by_name_ignores_characters_no_name_has(client, coordinator):
    # Found by the property tests: a null byte in the name was a server error on PostgreSQL.
    wanted = HelpRequestFactory(contact_name="Ewa Szukana")
    client.force_login(coordinator)
    response = client.post(reverse("requests:find_by_name"), {"name": "Szu\x00kana\u200b"})
    assert response.status_code == 200
    assert wanted.reference in response.content.decode()


def test_a_new_closed_day_moves_deadlines_computed_after_it(client, coordinator):
    cache.clear()
    ClosedDay.objects.create(date=timezone.localdate() + datetime.timedelta(days=1))
    request = HelpRequestFactory(child_in_danger=True)
    from intake.deadlines import add_working_days, closed_days

    assert timezone.localdate() + datetime.timedelta(days=1) in closed_days()
    assert request.interview_deadline == add_working_days(timezone.localdate(request.received_at), 2, closed_days())
