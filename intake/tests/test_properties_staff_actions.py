"""Property tests: whatever staff send, a request is changed whole or not at all, and they are told why.

Every action on a request's page, as a coordinator and as the assigned social worker;
finding a request by name; registering a phone request; the list's filters and search.
"""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st
from wagtail.log_actions import registry as log_registry

from intake import workflow
from intake.models import HelpRequest, Notification, Outcome, RequestNote, Status
from intake.tests import strategies as s
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker
from intake.views.request_detail import ACTIONS, ACTIONS_BY_NAME, _form_for
from intake.workflow import ASSIGNED_WORKER as WORKER
from intake.workflow import COORDINATOR, RULES

pytestmark = pytest.mark.django_db

# Everything a rejected action must leave as it was.
WATCHED = [
    "status",
    "assigned_to",
    "is_urgent",
    "interview_deadline",
    "accepted_at",
    "interview_at",
    "interview_place",
    "interview_done_at",
    "outcome",
    "duplicate_of",
    "closed_at",
]
STATES = [Status.NEW, Status.ASSIGNED, Status.INTERVIEW_SCHEDULED, Status.INTERVIEW_DONE, Status.CLOSED]


@pytest.fixture
def staff(db):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    locality = LocalityFactory(name="Dębnik")
    return SimpleNamespace(
        coordinator=coordinator,
        worker=make_social_worker("pracownik1", locality),
        other=make_social_worker("pracownik2"),
        locality=locality,
    )


def logged_in(user):
    # A new browser each time: no message left over from an earlier example.
    client = Client()
    client.force_login(user)
    return client


def request_in(state, staff, urgent=False, accepted=False, name="Anna Testowa"):
    """A request brought to `state` the way staff bring it there, assigned to staff.worker after NEW."""
    request = HelpRequestFactory(locality=staff.locality, contact_name=name)
    if state != Status.NEW:
        workflow.assign(request, staff.worker, staff.coordinator)
        if accepted:
            workflow.accept(request, staff.worker)
    if state in (Status.INTERVIEW_SCHEDULED, Status.INTERVIEW_DONE, Status.CLOSED):
        workflow.schedule_interview(request, timezone.now(), "W domu rodziny", staff.worker)
    if state in (Status.INTERVIEW_DONE, Status.CLOSED):
        workflow.record_interview(request, timezone.now(), staff.worker)
    if state == Status.CLOSED:
        workflow.close(request, Outcome.FAMILY_ASSISTANT, staff.worker)
    if urgent and request.is_open:
        workflow.set_urgent(request, True, staff.coordinator)
    return request


# Dates and times as a date picker may send them: any day of any year, any minute.
any_date = st.one_of(st.dates(), st.sampled_from([datetime.date.min, datetime.date.max])).map(datetime.date.isoformat)
any_time = st.one_of(st.times(), st.sampled_from([datetime.time.min, datetime.time.max])).map(
    lambda value: value.isoformat(timespec="minutes")
)


def valid_data(action, request, staff, draw):
    """What the action's form would send, with a date and time picked anywhere in the calendar."""
    soon = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    date = draw(st.one_of(st.just(soon), any_date), label="date")
    time = draw(st.one_of(st.just("10:00"), any_time), label="time")
    outcomes = workflow.outcomes_allowed(request) or [Outcome.SPAM]
    return {
        "assign": {"assign-worker": str(staff.other.pk)},
        "schedule": {"schedule-date": date, "schedule-time": time, "schedule-place": "W domu rodziny"},
        "interview_done": {"interview_done-date": date},
        "close": {"close-outcome": outcomes[0], "close-duplicate_of": ""},
        "note": {"note-text": "Rodzina prosi o telefon po 15:00."},
    }.get(action, {})


def field_names(action):
    spec = ACTIONS_BY_NAME[action]
    return [f"{action}-{name}" for name in spec.form_class.base_fields]


def as_posted(data):
    """The data as the view receives it: a name with no values is not sent at all."""
    posted = QueryDict(mutable=True)
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        if values:
            posted.setlist(name, [str(v) for v in values])
    return posted


def snapshot(request):
    return HelpRequest.objects.values(*WATCHED).get(pk=request.pk)


def log_entries(request):
    return log_registry.get_logs_for_instance(request)


def all_log_entries():
    return log_registry.get_log_model_for_model(HelpRequest).objects.count()


def counts(request):
    return (
        log_entries(request).count(),
        RequestNote.objects.filter(help_request=request).count(),
        Notification.objects.count(),
    )


def action_values(staff):
    return st.one_of(
        s.posted_value,
        st.sampled_from([str(staff.worker.pk), str(staff.other.pk), str(staff.coordinator.pk), *Outcome.values]),
        st.dates().map(datetime.date.isoformat),
        st.times().map(datetime.time.isoformat),
        st.sampled_from(["0001-01-01", "9999-12-31", "00:00", "23:59:59.999999", "2026-02-29", "24:00"]),
    )


def roles_for(spec):
    return [role for role in (COORDINATOR, WORKER) if role in RULES[spec.name].roles]


@pytest.mark.parametrize("action", [action.name for action in ACTIONS])
@given(data=st.data())
def test_every_action_changes_the_request_whole_or_not_at_all(staff, action, data):
    spec = ACTIONS_BY_NAME[action]
    role = data.draw(st.sampled_from(roles_for(spec)), label="role")
    # A social worker sees only requests assigned to them, so never a new one.
    state = data.draw(st.sampled_from(STATES if role == COORDINATOR else STATES[1:]), label="state")
    request = request_in(state, staff, urgent=data.draw(st.booleans()), accepted=data.draw(st.booleans()))
    base = valid_data(action, request, staff, data.draw)
    sent = data.draw(s.spoiled(base, field_names(action), values=action_values(staff)), label="sent")
    user = staff.coordinator if role == COORDINATOR else staff.worker
    client = logged_in(user)
    detail_url = reverse("requests:inspect", args=[request.pk])
    expected = _form_for(spec, request, user, as_posted(sent))
    allowed_now = spec.state_allows(request)
    before, before_counts = snapshot(request), counts(request)

    response = client.post(reverse("requests:action", args=[request.pk, action]), sent)

    assert response.status_code == 302 and response["Location"] == detail_url
    (message,) = list(get_messages(response.wsgi_request))
    assert (message.level_tag == "success") == (allowed_now and expected.is_valid()), message.message
    if message.level_tag == "success":
        assert f"wykonano dla zgłoszenia {request.reference}" in message.message
        entries = log_entries(request).order_by("-pk")
        assert entries.count() == before_counts[0] + 1
        assert entries.first().action == f"intake.{action}"
        return
    assert message.level_tag == "error"
    assert snapshot(request) == before, "a refused action changed the request"
    assert counts(request) == before_counts, "a refused action left a log entry, note or e-mail behind"
    if not allowed_now:
        assert message.message == "Ta czynność nie jest możliwa w obecnym stanie zgłoszenia."
        return
    assert message.message.startswith("Nie zapisano czynności: ")
    for _name, polish in s.assert_polish(expected.errors.as_data()):
        assert polish in message.message
    # The page the refusal leads to shows again what was typed, to correct rather than retype.
    page = BeautifulSoup(client.get(detail_url).content.decode(), "html.parser")
    for field in expected:
        typed = s.last(sent, field.html_name)
        if typed is not None and isinstance(field.field.widget, (forms.TextInput, forms.Textarea)):
            node = page.find(["input", "textarea"], attrs={"name": field.html_name})
            value = node.get_text() if node.name == "textarea" else node.get("value", "")
            assert s.representable(value.removeprefix("\n")) == s.representable(typed), field.html_name


@given(action=st.sampled_from(["schedule", "interview_done"]), date=any_date, time=any_time)
@example(action="schedule", date="0001-01-01", time="00:00")  # the first minutes of year 1 are not a UTC time
def test_any_date_a_picker_sends_is_saved_or_refused_with_a_reason(staff, action, date, time):
    state = Status.ASSIGNED if action == "schedule" else Status.INTERVIEW_SCHEDULED
    request = request_in(state, staff)
    before = snapshot(request)
    client = logged_in(staff.worker)
    sent = {f"{action}-date": date, f"{action}-time": time, f"{action}-place": "W domu rodziny"}

    response = client.post(reverse("requests:action", args=[request.pk, action]), sent)

    assert response.status_code == 302
    (message,) = list(get_messages(response.wsgi_request))
    if message.level_tag == "error":
        assert snapshot(request) == before
        assert message.message.startswith("Nie zapisano czynności: Data")
    else:
        request.refresh_from_db()
        assert request.status != before["status"]
        # The timeline shows the date back as a readable page.
        assert client.get(reverse("requests:inspect", args=[request.pk])).status_code == 200


names = st.one_of(s.posted_value, st.just("Szukana"), st.builds(lambda a, b: f"{a}Szukana{b}", s.text(3), s.text(3)))


@given(role=st.sampled_from([COORDINATOR, WORKER]), name=st.one_of(names, st.lists(names, min_size=2, max_size=3)))
@example(role=WORKER, name="Szu\x00kana")
def test_finding_by_name_never_breaks_and_shows_only_what_the_user_may_see(staff, role, name):
    if not HelpRequest.objects.filter(contact_name="Ewa Szukana").exists():
        request_in(Status.ASSIGNED, staff, name="Ewa Szukana")
        request_in(Status.NEW, staff, name="Ewa Szukana-Inna")
    user = staff.coordinator if role == COORDINATOR else staff.worker
    requests = HelpRequest.objects.all() if role == COORDINATOR else HelpRequest.objects.filter(assigned_to=user)
    visible = dict(requests.values_list("reference", "contact_name"))
    client = logged_in(user)

    response = client.post(reverse("requests:find_by_name"), {"name": name})

    assert response.status_code == 200  # a page, never a redirect: the name stays out of every URL
    page = BeautifulSoup(response.content.decode(), "html.parser")
    shown = page.find("input", attrs={"name": "name"}).get("value", "")
    assert shown == s.as_search_text(s.last({"name": name}, "name") or "", 120)
    found = {link.get_text() for link in page.select("table.listing a")}
    assert found <= set(visible)
    # Databases fold the case of ASCII letters alike; beyond ASCII, SQLite does not.
    if len(shown) >= 2 and shown.isascii():
        assert found == {ref for ref, person in visible.items() if shown.lower() in person.lower()}


def add_form_values(staff):
    return st.one_of(
        s.posted_value,
        st.sampled_from(
            [str(staff.locality.pk), "phone", "online", "in_person", "institution", "school", "yes", "care"]
        ),
    )


ADD_FORM = {
    "channel": "phone",
    "child_in_danger": "on",
    "requester_type": "other_family",
    "locality": "LOCALITY",
    "address": "ul. Leśna 2",
    "foster_care": "unknown",
    "description": "Sąsiadka dzwoniła: dzieci same w domu.",
    "anonymous": "on",
}
ADD_FORM_FIELDS = [
    *ADD_FORM,
    "is_urgent",
    "institution_type",
    "institution_name",
    "postal_code",
    "children_count",
    "children_ages",
    "difficulty_areas",
    "contact_name",
    "contact_phone",
    "contact_email",
    "best_time_to_call",
]


@given(data=st.data())
def test_registering_a_phone_request_saves_it_whole_or_says_why_not(staff, data):
    base = dict(ADD_FORM, locality=str(staff.locality.pk))
    sent = data.draw(s.spoiled(base, ADD_FORM_FIELDS, values=add_form_values(staff)))
    client = logged_in(staff.coordinator)
    requests, notifications, entries = HelpRequest.objects.count(), Notification.objects.count(), all_log_entries()

    response = client.post(reverse("requests:add"), sent)

    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        saved = HelpRequest.objects.latest("pk")
        assert HelpRequest.objects.count() == requests + 1
        assert saved.reference and saved.interview_deadline is not None
        assert saved.address == (s.last(sent, "address") or "").strip()
        return
    assert (HelpRequest.objects.count(), Notification.objects.count(), all_log_entries()) == (
        requests,
        notifications,
        entries,
    ), "a refused request left something behind"
    (message,) = list(get_messages(response.wsgi_request))
    assert message.level_tag == "error" and "z powodu błędów" in message.message
    form = response.context["form"]
    page = BeautifulSoup(response.content.decode(), "html.parser")
    page_text = s.squash(page.get_text(" "))
    for _name, polish in s.assert_polish(form.errors.as_data()):
        assert s.squash(polish) in page_text
    for field in form:
        typed = s.last(sent, field.html_name)
        if typed is not None and isinstance(field.field.widget, (forms.TextInput, forms.Textarea)):
            node = page.find(["input", "textarea"], attrs={"name": field.html_name})
            value = node.get_text() if node.name == "textarea" else node.get("value", "")
            assert s.representable(value.removeprefix("\n")) == s.representable(typed), field.html_name


filter_values = st.one_of(
    s.posted_value,
    st.sampled_from([*Status.values, "true", "false", "unknown", "1", "2", "reference", "-interview_deadline"]),
)
list_params = st.dictionaries(
    st.sampled_from(["status", "is_urgent", "locality", "assigned_to", "overdue", "q", "ordering"]),
    st.one_of(filter_values, st.lists(filter_values, min_size=2, max_size=3)),
    max_size=5,
)


@given(role=st.sampled_from([COORDINATOR, WORKER]), params=list_params)
def test_any_list_filter_or_search_shows_a_listing_of_visible_requests_only(staff, role, params):
    if not HelpRequest.objects.exists():
        request_in(Status.ASSIGNED, staff)
        request_in(Status.NEW, staff)
    user = staff.coordinator if role == COORDINATOR else staff.worker
    visible = set(
        HelpRequest.objects.values_list("reference", flat=True)
        if role == COORDINATOR
        else HelpRequest.objects.filter(assigned_to=user).values_list("reference", flat=True)
    )
    everything = set(HelpRequest.objects.values_list("reference", flat=True))

    response = logged_in(user).get(reverse("requests:index"), params)

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    listed = {ref for ref in everything if ref in page.get_text()}
    assert listed <= visible
    assert "Zgłoszenia" in page.title.get_text()
