"""Wherever a deadline is written, it reads as Polish: "do piątku, 4 grudnia 2026 r.".

The confirmation page said "najpóźniej do Piątek, 4 grudnia 2026" (Django's weekday
name, nominative and capitalised, after "do"), the e-mails "do 4 grudnia 2026".
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from intake import workflow
from intake.models import HelpRequest, Notification, NotificationKind
from intake.notifications import render
from intake.tests.factories import HelpRequestFactory, make_social_worker
from intake.tests.walk import PAGE, answers, fill_steps, send

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2026, 12, 4)
# In the e-mails as written; on the pages read with whitespace collapsed (the no-break
# space before "r." becomes a space).
BY_FRIDAY = "do piątku, 4 grudnia 2026\u00a0r."
BY_FRIDAY_READ = "do piątku, 4 grudnia 2026 r."


def with_deadline(help_request, day=FRIDAY):
    HelpRequest.objects.filter(pk=help_request.pk).update(interview_deadline=day)
    help_request.refresh_from_db()
    return help_request


def text(response):
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


@pytest.mark.parametrize(
    "danger, sentence",
    [
        (
            "no",
            f"Pracownik socjalny skontaktuje się z tobą i odwiedzi rodzinę najpóźniej {BY_FRIDAY_READ}, w ciągu 14 dni roboczych.",
        ),
        ("yes", f"Pracownik socjalny skontaktuje się z rodziną najpóźniej {BY_FRIDAY_READ}, w ciągu 2 dni roboczych."),
    ],
)
def test_the_confirmation_page(client, intake_page, locality, danger, sentence):
    fill_steps(client, answers(locality, bezpieczenstwo={"child_in_danger": danger}))
    send(client)
    with_deadline(HelpRequest.objects.get())
    assert sentence in text(client.get(PAGE + "potwierdzenie/"))


@pytest.mark.parametrize(
    "kind, urgent, sentence",
    [
        (NotificationKind.RECEIPT, False, f"Pracownik socjalny skontaktuje się z tobą {BY_FRIDAY}\n"),
        (
            NotificationKind.RECEIPT,
            True,
            f"Zgłoszenie jest pilne: pracownik socjalny skontaktuje się z rodziną {BY_FRIDAY}\n",
        ),
        (NotificationKind.NEW_REQUEST, False, f"Termin wywiadu: {BY_FRIDAY}\n"),
        (NotificationKind.ASSIGNED, False, f"Termin wywiadu: {BY_FRIDAY}\n"),
        (NotificationKind.URGENT, True, f"Wywiad musi się odbyć najpóźniej {BY_FRIDAY}\n"),
        (NotificationKind.REMINDER, False, f": {BY_FRIDAY}\n"),
    ],
)
def test_the_emails(kind, urgent, sentence):
    help_request = with_deadline(HelpRequestFactory(child_in_danger=urgent))
    _subject, body = render(Notification(help_request=help_request, kind=kind, recipient="k@gops.example.pl"))
    assert sentence in body, body
    assert "r.." not in body


def test_the_staff_screens(client, coordinator):
    help_request = with_deadline(HelpRequestFactory(contact_name="Ewa Szukana"), datetime.date(2026, 12, 2))
    by_wednesday = "do środy, 2 grudnia 2026 r."
    client.force_login(coordinator)
    listing = BeautifulSoup(client.get(reverse("requests:index")).content.decode(), "html.parser")
    assert by_wednesday in " ".join(listing.select_one("table.listing tbody").get_text(" ").split())
    detail = text(client.get(reverse("requests:inspect", args=[help_request.pk])))
    assert f"Termin wywiadu {by_wednesday}" in detail
    assert "Środa" not in detail
    found = client.post(reverse("requests:find_by_name"), {"name": "Szukana"})
    assert by_wednesday in text(found)


def test_the_dashboard(client, coordinator):
    worker = make_social_worker("pracownik1")
    help_request = with_deadline(HelpRequestFactory(), datetime.date(2026, 12, 2))
    workflow.assign(help_request, worker, coordinator)
    client.force_login(coordinator)
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content.decode(), "html.parser")
    panels = " ".join(" ".join(panel.get_text(" ").split()) for panel in page.select("[data-requests-panel]"))
    assert "do środy, 2 grudnia 2026 r." in panels
    client.force_login(worker)
    mine = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content.decode(), "html.parser")
    assert "do środy, 2 grudnia 2026 r." in " ".join(
        mine.select_one("[data-requests-panel='mine']").get_text(" ").split()
    )
