"""Urgent requests read as urgent, in Polish words, on the list, the request's page and the dashboard.

The list's "Pilne" column was Wagtail's boolean column: a green tick for urgent, a red
cross for normal (red reads as the alarming one), heard as "True"/"False" in English.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from intake.tests.factories import HelpRequestFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def words(node):
    return " ".join(node.get_text(" ").split())


def visible_words(node):
    """The text a sighted reader sees: without screen-reader-only parts."""
    node = BeautifulSoup(str(node), "html.parser")
    for hidden in node.select(".w-sr-only"):
        hidden.decompose()
    return words(node)


def test_the_list_says_urgent_in_words_and_nothing_alarming_for_the_rest(client, coordinator):
    urgent = HelpRequestFactory(child_in_danger=True)
    normal = HelpRequestFactory()
    client.force_login(coordinator)
    cells = urgency_cells_by_reference(client)
    assert visible_words(cells[urgent.reference]) == "Pilne"
    assert words(cells[urgent.reference]) == "Pilne"
    # Nothing to see for a normal request; a screen reader hears it is not urgent.
    assert visible_words(cells[normal.reference]) in ("", "—")
    assert words(cells[normal.reference]).endswith("niepilne")
    for cell in cells.values():
        assert cell.select("svg") == [] or all(svg.get("aria-hidden") == "true" for svg in cell.select("svg"))
        assert "True" not in words(cell) and "False" not in words(cell)


def urgency_cells_by_reference(client):
    listing = page(client, reverse("requests:index"))
    headers = [words(th) for th in listing.select("table.listing thead th")]
    column = headers.index("Pilne")
    reference_column = headers.index("Numer zgłoszenia")
    cells = {}
    for row in listing.select("table.listing tbody tr"):
        cells_of_row = row.find_all("td")
        reference = cells_of_row[reference_column].find("a").get_text(strip=True)
        cells[reference] = cells_of_row[column]
    return cells


def details(client, help_request):
    detail = page(client, reverse("requests:inspect", args=[help_request.pk]))
    content = detail.find(id="request-content").find_parent("section")
    return {words(dt): words(dt.find_next_sibling("dd")) for dt in content.select("dt")}


def test_the_request_page_answers_yes_or_no_in_polish(client, coordinator):
    urgent = HelpRequestFactory(child_in_danger=True, wants_receipt=False)
    client.force_login(coordinator)
    shown = details(client, urgent)
    assert shown["Pilne"] == "Tak"
    assert shown["Dziecko jest teraz w niebezpieczeństwie"] == "Tak"
    assert shown["Chce potwierdzenia e-mailem"] == "Nie"
    # Nothing Python or English leaks through for fields left empty either.
    for label, value in shown.items():
        assert value not in ("True", "False", "None", "[]", ""), label


def test_the_request_page_lists_difficulties_by_name(client, coordinator):
    help_request = HelpRequestFactory(difficulty_areas=["housing", "money"])
    client.force_login(coordinator)
    assert details(client, help_request)["Trudności"] == "Mieszkanie, Pieniądze i sprawy socjalne"


def test_the_dashboard_marks_urgent_requests_in_words(client, coordinator):
    urgent = HelpRequestFactory(child_in_danger=True)
    normal = HelpRequestFactory()
    client.force_login(coordinator)
    panel = page(client, reverse("wagtailadmin_home")).select_one("[data-requests-panel='unassigned']")
    rows = {words(row.find("a")): words(row) for row in panel.select("tbody tr")}
    assert "pilne" in rows[urgent.reference].lower()
    assert "pilne" not in rows[normal.reference].lower()


def test_active_yes_no_filters_say_tak_or_nie(client, coordinator):
    HelpRequestFactory(child_in_danger=True)
    client.force_login(coordinator)
    listing = page(client, reverse("requests:index") + "?is_urgent=true&overdue=false")
    chips = sorted(words(chip) for chip in listing.select(".w-active-filters .w-pill__content"))
    assert chips == ["Pilne: Tak", "Po terminie: Nie"]


def test_the_request_settings_lists_say_tak_or_nie(client, coordinator):
    from intake.tests.factories import LocalityFactory, make_social_worker

    LocalityFactory(name="Dębnik", is_active=False)
    make_social_worker("pracownik1", accepts=True)
    client.force_login(coordinator)
    localities = page(client, "/admin/snippets/intake/locality/")
    assert [words(row.find_all("td")[-1]) for row in localities.select("table.listing tbody tr")] == ["Nie"]
    profiles = page(client, "/admin/snippets/intake/socialworkerprofile/")
    assert [words(row.find_all("td")[-1]) for row in profiles.select("table.listing tbody tr")] == ["Tak"]
