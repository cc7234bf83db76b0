"""What an applicant writes stays in the request: never in a log line, an e-mail or a URL.

Every free-text answer carries a marker; the request goes through the whole path
(the form, a mistake on the way, sending, the e-mails, a coordinator finding it by
name, assigning it, a worker's note, an export), and then every log record at
DEBUG level, every e-mail and every URL the server sent is searched for markers.
"""

import logging
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from intake.models import HelpRequest
from intake.tests.factories import make_social_worker
from intake.tests.walk import CHECK, PAGE, answers, send, step_url

pytestmark = pytest.mark.django_db

MARKERS = {
    "contact_name": "Zdzisława Markerowska",
    "contact_phone": "600 987 654",
    "contact_email": "zdzislawa.marker@example.pl",
    "best_time_to_call": "po-godzinie-markerowej",
    "address": "ul. Markerowa 13",
    "children_ages": "wiek-markerowy",
    "description": "Opis-markerowy sytuacji rodziny",
    "institution_name": "Szkoła-Markerowa",
    "note": "Notatka-markerowa pracownika",
    "interpreter_language": "język-markerowy",
}


def marker_fragments():
    # The phone may be normalised when saved: look for its digits too.
    return [*MARKERS.values(), "987654", "987 654", "Markerow", "markerow"]


class Recorder:
    """Everything the server said back: addresses it sent us to, and links and forms in pages."""

    def __init__(self):
        self.urls = []

    def seen(self, response):
        if response.get("Location"):
            self.urls.append(response["Location"])
        if response.get("Content-Type", "").startswith("text/html"):
            self.urls += re.findall(r'(?:href|src|action)="([^"]*)"', response.content.decode())
        return response


def test_an_applicants_words_never_reach_logs_mails_or_urls(
    client, intake_page, locality, caplog, settings, django_capture_on_commit_callbacks
):
    settings.INTAKE_RATE_LIMIT_PER_ADDRESS = (1000, 3600)
    caplog.set_level(logging.DEBUG)
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    worker = make_social_worker("pracownik1")
    seen = Recorder()
    steps = answers(
        locality,
        kto={
            "requester_type": "institution",
            "institution_type": "school",
            "institution_name": MARKERS["institution_name"],
        },
        kontakt={
            "contact_name": MARKERS["contact_name"],
            "contact_phone": MARKERS["contact_phone"],
            "contact_email": MARKERS["contact_email"],
            "best_time_to_call": MARKERS["best_time_to_call"],
            "wants_receipt": "on",
            "interpreter": "language",
            "interpreter_language": MARKERS["interpreter_language"],
        },
    )
    steps["rodzina"].update(address=MARKERS["address"], children_ages=MARKERS["children_ages"])
    steps["trudnosci"]["description"] = MARKERS["description"]

    seen.seen(client.get(PAGE))
    for slug, data in steps.items():
        seen.seen(client.get(step_url(slug)))
        if slug == "kontakt":
            # A mistake on the way: the answers come back in the form, not in the address.
            wrong = seen.seen(
                client.post(step_url(slug), dict(data, contact_email="nie-e-mail " + MARKERS["contact_name"]))
            )
            assert wrong.status_code == 200
        seen.seen(client.post(step_url(slug), data))
    seen.seen(client.get(CHECK))
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails go out after the commit
        seen.seen(send(client))
    seen.seen(client.get(PAGE + "potwierdzenie/"))
    help_request = HelpRequest.objects.get()
    assert help_request.contact_name == MARKERS["contact_name"]
    assert help_request.interpreter_language == MARKERS["interpreter_language"]

    staff = client.__class__()
    staff.force_login(coordinator)
    seen.seen(staff.post("/admin/requests/find/", {"name": MARKERS["contact_name"][:9]}))
    seen.seen(staff.get(f"/admin/requests/inspect/{help_request.pk}/"))
    with django_capture_on_commit_callbacks(execute=True):
        seen.seen(staff.post(f"/admin/requests/action/{help_request.pk}/assign/", {"assign-worker": worker.pk}))
    seen.seen(staff.get("/admin/requests/?export=csv"))
    staff.force_login(worker)
    seen.seen(staff.post(f"/admin/requests/action/{help_request.pk}/note/", {"note-text": MARKERS["note"]}))
    seen.seen(staff.get(f"/admin/requests/inspect/{help_request.pk}/"))

    assert len(mail.outbox) == 3  # receipt, coordinators, assignment
    logged = "\n".join(record.getMessage() + " " + repr(record.args) for record in caplog.records)
    assert caplog.records, "nothing was logged at all: the check would prove nothing"
    for fragment in marker_fragments():
        assert fragment not in logged, f"log: {fragment}"
        for url in seen.urls:
            assert fragment not in url, f"URL {url}"
        for message in mail.outbox:
            headers = {key: value for key, value in message.message().items() if key.lower() != "to"}
            assert fragment not in message.subject + message.body + repr(headers), f"e-mail: {fragment}"
            if message.to != [MARKERS["contact_email"]]:  # the receipt goes to the applicant's own address
                assert fragment not in " ".join(message.to), f"e-mail recipient: {fragment}"
