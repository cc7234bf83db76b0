"""The request's states: every allowed transition, refused ones, and the log they leave."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from intake import workflow
from intake.deadlines import add_working_days
from intake.models import Outcome, RequestLogEntry, RequestNote, Status
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    worker = make_social_worker("pracownik1", LocalityFactory(name="Dębnik"))
    return coordinator, worker


def actions(help_request):
    return list(
        RequestLogEntry.objects.for_instance(help_request).order_by("timestamp", "pk").values_list("action", flat=True)
    )


def test_the_full_path_from_new_to_closed(people):
    coordinator, worker = people
    request = HelpRequestFactory()
    assert request.status == Status.NEW

    workflow.assign(request, worker, coordinator)
    assert request.status == Status.ASSIGNED and request.assigned_to == worker
    workflow.accept(request, worker)
    when = timezone.now() + datetime.timedelta(days=2)
    workflow.schedule_interview(request, when, "w domu rodziny", worker)
    assert request.status == Status.INTERVIEW_SCHEDULED
    workflow.record_interview(request, when, worker)
    assert request.status == Status.INTERVIEW_DONE
    workflow.add_note(request, "Rodzina chce asystenta.", worker)
    workflow.close(request, Outcome.FAMILY_ASSISTANT, worker)
    request.refresh_from_db()
    assert request.status == Status.CLOSED and request.outcome == Outcome.FAMILY_ASSISTANT

    assert actions(request) == [
        "intake.assign",
        "intake.accept",
        "intake.schedule",
        "intake.interview_done",
        "intake.note",
        "intake.close",
    ]
    entries = RequestLogEntry.objects.for_instance(request)
    assert {entry.label for entry in entries} == {request.reference}
    assert all("Rodzina chce" not in str(entry.data) for entry in entries)
    assert RequestNote.objects.get().text == "Rodzina chce asystenta."


def test_no_skipping_steps(people):
    coordinator, worker = people
    request = HelpRequestFactory()
    with pytest.raises(workflow.TransitionError):
        workflow.schedule_interview(request, timezone.now(), "", worker)
    with pytest.raises(workflow.TransitionError):
        workflow.record_interview(request, timezone.now(), worker)
    with pytest.raises(workflow.TransitionError):
        workflow.close(request, Outcome.NO_NEED, coordinator)
    with pytest.raises(workflow.TransitionError):
        workflow.reopen(request, coordinator)
    request.refresh_from_db()
    assert request.status == Status.NEW and actions(request) == []


def test_duplicates_and_spam_close_from_any_open_state(people):
    coordinator, _worker = people
    spam = HelpRequestFactory()
    workflow.close(spam, Outcome.SPAM, coordinator)
    assert spam.status == Status.CLOSED
    duplicate = HelpRequestFactory()
    with pytest.raises(workflow.TransitionError):
        workflow.close(duplicate, Outcome.DUPLICATE, coordinator)
    with pytest.raises(workflow.TransitionError):
        workflow.close(duplicate, Outcome.DUPLICATE, coordinator, duplicate_of=duplicate.reference)
    workflow.close(duplicate, Outcome.DUPLICATE, coordinator, duplicate_of=spam.reference)
    assert duplicate.duplicate_of == spam.reference


def test_unreachable_needs_a_worker_first(people):
    coordinator, worker = people
    request = HelpRequestFactory()
    with pytest.raises(workflow.TransitionError):
        workflow.close(request, Outcome.UNREACHABLE, coordinator)
    workflow.assign(request, worker, coordinator)
    workflow.close(request, Outcome.UNREACHABLE, worker)
    assert request.outcome == Outcome.UNREACHABLE


def test_reopen_returns_to_the_worker_and_is_logged(people):
    coordinator, worker = people
    request = HelpRequestFactory()
    workflow.assign(request, worker, coordinator)
    workflow.close(request, Outcome.UNREACHABLE, worker)
    workflow.reopen(request, coordinator)
    assert request.status == Status.ASSIGNED and request.outcome == ""
    assert actions(request)[-1] == "intake.reopen"


def test_reassigning_keeps_the_state_and_asks_the_new_worker_to_accept(people):
    coordinator, worker = people
    other = make_social_worker("pracownik2")
    request = HelpRequestFactory()
    workflow.assign(request, worker, coordinator)
    workflow.accept(request, worker)
    workflow.assign(request, other, coordinator)
    assert request.assigned_to == other and request.accepted_at is None and request.status == Status.ASSIGNED
    workflow.accept(request, other)
    with pytest.raises(workflow.TransitionError):
        workflow.accept(request, other)  # accepting twice


def test_urgency_moves_the_deadline(people):
    coordinator, _worker = people
    request = HelpRequestFactory()
    received = timezone.localdate(request.received_at)
    assert request.interview_deadline == add_working_days(received, 14)
    workflow.set_urgent(request, True, coordinator)
    assert request.interview_deadline == add_working_days(received, 2)
    workflow.set_urgent(request, False, coordinator)
    assert request.interview_deadline == add_working_days(received, 14)
    assert actions(request) == ["intake.mark_urgent", "intake.unmark_urgent"]
    with pytest.raises(workflow.TransitionError):
        workflow.set_urgent(request, False, coordinator)


def test_log_actions_have_polish_labels(people):
    from wagtail.log_actions import registry

    assert registry.get_action_label("intake.assign") == "Przypisz"
    assert registry.get_action_label("intake.close") == "Zamknij"


def test_only_the_outcomes_possible_now_are_offered(people):
    coordinator, worker = people
    request = HelpRequestFactory()
    assert set(workflow.outcomes_allowed(request)) == {Outcome.DUPLICATE, Outcome.SPAM}
    workflow.assign(request, worker, coordinator)
    assert Outcome.UNREACHABLE in workflow.outcomes_allowed(request)
    assert Outcome.FAMILY_ASSISTANT not in workflow.outcomes_allowed(request)
