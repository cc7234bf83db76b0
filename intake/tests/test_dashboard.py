"""The admin dashboard shows each role what needs attention."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from intake import workflow
from intake.tests.factories import HelpRequestFactory, make_social_worker

pytestmark = pytest.mark.django_db


def panels(client):
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content.decode(), "html.parser")
    return {panel["data-requests-panel"]: panel.get_text(" ") for panel in page.select("[data-requests-panel]")}


def test_coordinator_sees_unassigned_overdue_and_due_soon(client):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    worker = make_social_worker("pracownik1")
    new = HelpRequestFactory()
    late = HelpRequestFactory(received_at=timezone.now() - datetime.timedelta(days=40))
    urgent = HelpRequestFactory(child_in_danger=True)
    workflow.assign(late, worker, coordinator)
    workflow.assign(urgent, worker, coordinator)
    client.force_login(coordinator)

    shown = panels(client)

    assert new.reference in shown["unassigned"] and late.reference not in shown["unassigned"]
    assert late.reference in shown["overdue"] and new.reference not in shown["overdue"]
    assert urgent.reference in shown["due-soon"] and new.reference not in shown["due-soon"]


def test_social_worker_sees_only_their_requests(client):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    worker = make_social_worker("pracownik1")
    mine, other = HelpRequestFactory(), HelpRequestFactory()
    workflow.assign(mine, worker, coordinator)
    client.force_login(worker)
    shown = panels(client)
    assert set(shown) == {"mine"}
    assert mine.reference in shown["mine"] and other.reference not in shown["mine"]


def test_editors_see_no_request_panels(client):
    editor = User.objects.create_user("redaktor", "r@gops.example.pl", "x" * 12)
    editor.groups.add(Group.objects.get(name="Redaktorzy"))
    HelpRequestFactory()
    client.force_login(editor)
    assert panels(client) == {}


def steps_shown(client, panel):
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content.decode(), "html.parser")
    rows = page.select(f"[data-requests-panel='{panel}'] tbody tr")
    return {row.select_one("td a").get_text(strip=True): row.select("td")[-1].get_text(strip=True) for row in rows}


def test_each_row_names_the_next_step_this_person_may_take(client):
    """Read from the workflow's one table: what the coordinator may do differs from the worker's."""
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    worker = make_social_worker("pracownik1")
    new, accepted = HelpRequestFactory(), HelpRequestFactory()
    workflow.assign(accepted, worker, coordinator)
    client.force_login(coordinator)
    assert steps_shown(client, "unassigned") == {new.reference: "Przypisz pracownika socjalnego"}

    client.force_login(worker)
    assert steps_shown(client, "mine") == {accepted.reference: "Przyjmij zgłoszenie"}
    workflow.accept(accepted, worker)
    assert steps_shown(client, "mine") == {accepted.reference: "Zaplanuj wywiad"}
