"""Closing as a duplicate looks the other reference up among the requests the user may see.

Otherwise the answer tells a social worker whether a reference exists anywhere in the
centre: one they may not see was accepted, or answered differently from a made-up one.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from intake.models import Status
from intake.tests.factories import HelpRequestFactory, make_social_worker
from intake.tests.test_request_detail import act, people  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

MADE_UP = "AAAA-AAAA"


def assigned(worker):
    return HelpRequestFactory(assigned_to=worker, status=Status.ASSIGNED)


def close_as_duplicate(client, help_request, reference):
    """What the user sees after trying: the message, the field's error and its kept value."""
    response = act(client, help_request, "close", {"close-outcome": "duplicate", "close-duplicate_of": reference})
    page = BeautifulSoup(client.get(response["Location"]).content.decode(), "html.parser")
    help_request.refresh_from_db()
    error = page.find(id="id_close-duplicate_of_error")
    messages = [" ".join(m.get_text().split()) for m in page.select(".messages li")]
    field = page.find("input", attrs={"name": "close-duplicate_of"})
    return {
        "status": help_request.status,
        "duplicate_of": help_request.duplicate_of,
        "error": " ".join(error.get_text().split()) if error else None,
        "messages": [m.replace(reference, "<ref>") for m in messages],
        "kept": field.get("value", "").replace(reference, "<ref>") if field else None,
    }


def test_a_reference_the_worker_may_not_see_is_answered_as_one_that_does_not_exist(client, people):  # noqa: F811
    own = assigned(people["worker"])
    someone_elses = assigned(make_social_worker("pracownik3"))
    unassigned = HelpRequestFactory()
    client.force_login(people["worker"])

    made_up = close_as_duplicate(client, own, MADE_UP)
    assert made_up["status"] == Status.ASSIGNED and made_up["duplicate_of"] == ""
    assert made_up["error"] == "Nie ma zgłoszenia o tym numerze."
    for other in (someone_elses, unassigned):
        assert close_as_duplicate(client, own, other.reference) == made_up
    # Typed in another case and without the dash: still the same answer.
    assert close_as_duplicate(client, own, someone_elses.reference.lower().replace("-", "")) == made_up


def test_the_worker_may_point_at_their_own_other_request(client, people):  # noqa: F811
    own, also_own = assigned(people["worker"]), assigned(people["worker"])
    client.force_login(people["worker"])
    close_as_duplicate(client, own, also_own.reference)
    assert own.status == Status.CLOSED and own.duplicate_of == also_own.reference


def test_a_coordinator_may_point_at_any_request(client, people):  # noqa: F811
    own = assigned(people["worker"])
    someone_elses = assigned(people["other"])
    client.force_login(people["coordinator"])
    close_as_duplicate(client, own, someone_elses.reference)
    assert own.status == Status.CLOSED and own.duplicate_of == someone_elses.reference


def test_the_detail_page_still_offers_closing_as_a_duplicate(client, people):  # noqa: F811
    own = assigned(people["worker"])
    client.force_login(people["worker"])
    page = client.get(reverse("requests:inspect", args=[own.pk])).content.decode()
    assert 'name="close-duplicate_of"' in page
