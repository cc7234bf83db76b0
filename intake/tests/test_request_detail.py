"""Working a request from its detail page: each action by the right person, in the right state."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.urls import reverse

from intake.models import RequestLogEntry, RequestView, Status
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12, first_name="Kasia")
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    debnik = LocalityFactory(name="Dębnik")
    worker = make_social_worker("pracownik1", debnik)
    other = make_social_worker("pracownik2")
    return {"coordinator": coordinator, "worker": worker, "other": other, "locality": debnik}


def act(client, help_request, action, data=None):
    return client.post(reverse("requests:action", args=[help_request.pk, action]), data or {})


def detail(client, help_request):
    return client.get(reverse("requests:inspect", args=[help_request.pk])).content.decode()


def test_coordinator_assigns_and_the_worker_takes_it_to_the_end(client, people):
    request = HelpRequestFactory(locality=people["locality"])
    client.force_login(people["coordinator"])
    page = detail(client, request)
    assert "Sugerowany" in page and "Przypisz" in page
    assert act(client, request, "assign", {"assign-worker": people["worker"].pk}).status_code == 302
    request.refresh_from_db()
    assert request.status == Status.ASSIGNED and request.assigned_to == people["worker"]

    client.force_login(people["worker"])
    act(client, request, "accept")
    act(client, request, "schedule", {"schedule-date": "2026-11-25", "schedule-time": "10:00", "schedule-place": "dom"})
    act(client, request, "interview_done", {"interview_done-date": "2026-11-25"})
    act(client, request, "note", {"note-text": "Rodzina prosi o asystenta."})
    act(client, request, "close", {"close-outcome": "family_assistant"})
    request.refresh_from_db()
    assert request.status == Status.CLOSED and request.outcome == "family_assistant"

    page = detail(client, request)
    assert "Rodzina prosi o asystenta." in page
    actions = list(RequestLogEntry.objects.for_instance(request).values_list("action", flat=True))
    assert sorted(actions) == sorted(
        ["intake.assign", "intake.accept", "intake.schedule", "intake.interview_done", "intake.note", "intake.close"]
    )


def test_a_refused_transition_changes_nothing_and_says_why(client, people):
    request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    response = act(client, request, "interview_done", {"interview_done-date": "2026-11-25"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.NEW
    assert "nie jest możliwa" in detail(client, request) or "niemożliwa" in detail(client, request)


def test_worker_cannot_assign_or_reopen(client, people):
    request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    act(client, request, "assign", {"assign-worker": people["worker"].pk})
    client.force_login(people["worker"])
    # Wagtail answers a permission error in the admin with a redirect and a message.
    assert act(client, request, "assign", {"assign-worker": people["other"].pk}).status_code in (302, 403)
    request.refresh_from_db()
    assert request.assigned_to == people["worker"]


def test_another_workers_request_is_a_404_for_every_action(client, people):
    request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    act(client, request, "assign", {"assign-worker": people["other"].pk})
    client.force_login(people["worker"])
    for action in ("accept", "schedule", "close", "note", "mark_urgent"):
        assert act(client, request, action).status_code == 404, action


def test_anonymous_actions_go_to_login(client, people):
    request = HelpRequestFactory()
    response = act(client, request, "note", {"note-text": "x"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_openings_are_recorded_and_shown_to_coordinators_only(client, people):
    request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    act(client, request, "assign", {"assign-worker": people["worker"].pk})
    client.force_login(people["worker"])
    worker_page = detail(client, request)
    assert "Kto otwierał" not in worker_page
    client.force_login(people["coordinator"])
    page = detail(client, request)
    assert RequestView.objects.filter(help_request=request).count() == 2
    assert "pracownik1" in page


def test_duplicate_needs_an_existing_reference(client, people):
    first, second = HelpRequestFactory(), HelpRequestFactory()
    client.force_login(people["coordinator"])
    act(client, second, "close", {"close-outcome": "duplicate", "close-duplicate_of": "AAAA-AAAA"})
    second.refresh_from_db()
    assert second.status == Status.NEW
    act(client, second, "close", {"close-outcome": "duplicate", "close-duplicate_of": first.reference.lower()})
    second.refresh_from_db()
    assert second.status == Status.CLOSED and second.duplicate_of == first.reference


def test_a_request_cannot_be_closed_as_a_duplicate_of_itself(client, people):
    help_request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    response = act(
        client, help_request, "close", {"close-outcome": "duplicate", "close-duplicate_of": help_request.reference}
    )
    help_request.refresh_from_db()
    assert help_request.status == Status.NEW and help_request.duplicate_of == ""
    page = BeautifulSoup(client.get(response["Location"]).content.decode(), "html.parser")
    assert (
        "To numer tego zgłoszenia. Podaj numer tego drugiego." in page.find(id="id_close-duplicate_of_error").get_text()
    )
    field = page.find("input", attrs={"name": "close-duplicate_of"})
    assert field["value"] == help_request.reference
    # Read out with the field: the hint and the error.
    assert field["aria-describedby"].split() == ["id_close-duplicate_of_helptext", "id_close-duplicate_of_error"]
    assert field["aria-invalid"] == "true"


def test_detail_page_works_in_a_fresh_process_before_anything_was_logged(client, people):
    """A second gunicorn worker that has not written a log entry yet must still show the timeline."""
    from wagtail.log_actions import registry

    request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    act(client, request, "assign", {"assign-worker": people["worker"].pk})
    registry.has_scanned_for_actions = False
    registry.formatters = {}
    registry.choices = []

    response = client.get(reverse("requests:inspect", args=[request.pk]))

    assert response.status_code == 200
    assert "Przypisz" in response.content.decode()


def test_an_interview_date_in_an_impossible_year_is_refused_with_a_reason(client, people):
    # Found while writing the property tests: 1 January of year 1, just after midnight,
    # is no time in UTC, and saving it was a server error.
    request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    act(client, request, "assign", {"assign-worker": people["worker"].pk})
    response = act(
        client, request, "schedule", {"schedule-date": "0001-01-01", "schedule-time": "00:00", "schedule-place": "dom"}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.ASSIGNED and request.interview_at is None
    assert "Wpisz datę z lat 2000–2099." in detail(client, request)


def test_a_refused_action_shows_again_what_was_typed_with_the_reason_beside_it(client, people):
    help_request = HelpRequestFactory()
    client.force_login(people["coordinator"])
    too_long = "Rozmowa z wychowawczynią. " * 200  # over the 5000 characters a note may have
    response = act(client, help_request, "note", {"note-text": too_long})
    assert response.status_code == 302 and too_long[:30] not in response["Location"]
    page = BeautifulSoup(client.get(response["Location"]).content.decode(), "html.parser")
    assert page.find("textarea", attrs={"name": "note-text"}).get_text().strip() == too_long.strip()
    assert "5000" in page.find(id="id_note-text_error").get_text()
    assert help_request.notes.count() == 0
    # Shown once: the next visit starts from an empty form.
    page = BeautifulSoup(client.get(response["Location"]).content.decode(), "html.parser")
    assert page.find("textarea", attrs={"name": "note-text"}).get_text().strip() == ""


def test_typed_values_of_a_refused_action_never_reach_another_request(client, people):
    first, second = HelpRequestFactory(), HelpRequestFactory()
    client.force_login(people["coordinator"])
    act(client, first, "close", {"close-outcome": "duplicate", "close-duplicate_of": "ZZZZ-ZZZZ"})
    page = BeautifulSoup(detail(client, second), "html.parser")
    assert page.find("input", attrs={"name": "close-duplicate_of"}).get("value", "") == ""
