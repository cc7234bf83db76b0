"""The admin's cost does not grow with the requests: same number of queries for 5 and for 50.

A query per row (a column reading a relation that was not selected, a deadline looking
up closed days, a panel counting row by row) would make the request list, a request's
page, the dashboard or the export slower with every request the centre receives. These
tests count the queries, never time them: timings are for `python -m bench.admin_scale`.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from intake import workflow
from intake.models import HelpRequest, Outcome
from intake.panels import PANEL_SIZE
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(db):
    return make_social_worker("pracownik1")


def add_requests(count, worker, coordinator, start=0):
    """Requests in every state the list shows: new, assigned, overdue, urgent, closed, with notes."""
    localities = [LocalityFactory(name=f"Wieś {n}") for n in range(3)]
    made = []
    for number in range(start, start + count):
        days_ago = 40 if number % 3 == 0 else 0  # every third is overdue
        request = HelpRequestFactory(
            locality=localities[number % 3],
            child_in_danger=number % 4 == 0,
            received_at=timezone.now() - datetime.timedelta(days=days_ago),
        )
        if number % 2 == 0:
            workflow.assign(request, worker, coordinator)
            workflow.add_note(request, "Rozmowa telefoniczna.", worker)
        if number % 5 == 4:
            workflow.close(request, Outcome.SPAM, coordinator)
        made.append(request)
    return made


def pages(detail):
    index = reverse("requests:index")
    return {
        "list": index,
        "list by status": f"{index}?status=assigned",
        "list overdue": f"{index}?overdue=true",
        "list by locality and urgency": f"{index}?locality={detail.locality_id}&is_urgent=true",
        "list second page": f"{index}?p=2",
        "reference search": f"{index}?q={detail.reference.lower()}",
        "request page": reverse("requests:inspect", args=[detail.pk]),
        "dashboard": reverse("wagtailadmin_home"),
    }


def count_queries(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # caches filled (content types, closed days, permissions), as on a running site
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code in (200, 404), (name, response.status_code)  # page 2 may not exist yet
        counts[name] = len(queries)
    return counts


def grow(detail, worker, coordinator):
    """45 more requests, and a longer timeline and more openings for the request whose page is shown."""
    add_requests(45, worker, coordinator, start=5)
    for number in range(5):
        workflow.add_note(detail, f"Notatka {number}.", worker)


def test_the_coordinators_pages_cost_the_same_with_5_and_50_requests(client, coordinator, worker):
    detail = add_requests(5, worker, coordinator)[0]
    client.force_login(coordinator)
    urls = pages(detail)
    urls["export"] = reverse("requests:index") + "?export=csv"
    small = count_queries(client, urls)

    grow(detail, worker, coordinator)
    assert HelpRequest.objects.count() == 50
    assert count_queries(client, urls) == small


def test_the_social_workers_pages_cost_the_same_with_5_and_50_requests(client, coordinator, worker):
    detail = add_requests(5, worker, coordinator)[0]  # the first is assigned to the worker
    client.force_login(worker)
    urls = pages(detail)
    small = count_queries(client, urls)

    grow(detail, worker, coordinator)
    assert count_queries(client, urls) == small


def test_dashboard_panels_list_a_few_and_count_the_rest(client, coordinator):
    for _number in range(PANEL_SIZE + 3):
        HelpRequestFactory()
    client.force_login(coordinator)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = page.split('data-requests-panel="unassigned"', 1)[1].split("</section>", 1)[0]
    assert f"({PANEL_SIZE + 3})" in panel
    assert panel.count("<tr>") - 1 == PANEL_SIZE  # rows besides the heading row


def reads_whole_table(sql, plan):
    scans = [step for step in plan if step.startswith(("SCAN intake_helprequest", "SCAN intake_requestlogentry"))]
    if not scans:
        return False
    if sql.startswith('SELECT COUNT(*) AS "__count" FROM "intake_helprequest"') and " WHERE " not in sql:
        return False
    # Walking an index in the list's own order and stopping after a page is what it is for;
    # a walk that must be sorted afterwards, or one without an index, reads everything.
    walks_one_page = (
        " LIMIT " in sql
        and all("USING INDEX" in step or "USING COVERING INDEX" in step for step in scans)
        and not any("TEMP B-TREE FOR ORDER BY" in step for step in plan)
    )
    return not walks_one_page


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan without statistics is the same for any size")
def test_the_list_and_dashboard_read_requests_through_indexes(client, coordinator, worker):
    """Each query on requests is an index search: none reads the whole table (SQLite's plan).

    SQLite plans the same whatever the table holds (no statistics are gathered), so what
    it does here is what it does at 100,000 requests. A count of every request is the one
    whole read allowed: the list shows how many there are.
    """
    detail = add_requests(6, worker, coordinator)[0]
    plans = {}
    for user in (coordinator, worker):
        client.force_login(user)
        for name, url in pages(detail).items():
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            for query in queries:
                sql = query["sql"]
                if not sql.startswith("SELECT") or not any(
                    table in sql for table in ('"intake_helprequest"', '"intake_requestlogentry"')
                ):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                    plan = [row[-1] for row in cursor.fetchall()]
                if reads_whole_table(sql, plan):
                    plans[f"{user.username} {name}: {sql[:200]}"] = plan
    assert plans == {}, "\n".join(f"{k}\n    {v}" for k, v in plans.items())
