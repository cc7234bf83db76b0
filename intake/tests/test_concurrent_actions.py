"""Two members of staff act on one request at the same moment: one wins, the other is told why.

On PostgreSQL, with real concurrent transactions: each action locks the request's row
and checks the workflow's rule again once it holds the lock (intake/workflow.py).
"""

import threading

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from intake import workflow
from intake.models import HelpRequest, RequestLogEntry, Status
from intake.tests.factories import HelpRequestFactory, make_social_worker

pytestmark = [
    # serialized_rollback: the groups made by migrations are back for the tests after this one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs row locks between connections: PostgreSQL (CI runs the suite on it too)",
    ),
]


def test_a_reassign_and_a_close_sent_at_once(settings):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    worker, other = make_social_worker("pracownik1"), make_social_worker("pracownik2")
    request = HelpRequestFactory()
    workflow.assign(request, worker, coordinator)

    sent = {
        "reassign": (coordinator, "assign", {"assign-worker": other.pk}),
        "close": (worker, "close", {"close-outcome": "unreachable"}),
    }
    # Both pages were loaded while the request was still assigned and open: each form is valid.
    clients = {}
    for name, (user, _action, _data) in sent.items():
        clients[name] = Client()
        clients[name].force_login(user)
        assert clients[name].get(reverse("requests:inspect", args=[request.pk])).status_code == 200

    answers = {}
    ready = threading.Barrier(3)

    def send(name):
        _user, action, data = sent[name]
        try:
            ready.wait()
            answers[name] = clients[name].post(reverse("requests:action", args=[request.pk, action]), data, follow=True)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(name,)) for name in sent]
    # This transaction holds the row while both actions start, so that they really meet at its lock.
    with transaction.atomic():
        HelpRequest.objects.select_for_update().get(pk=request.pk)
        for thread in threads:
            thread.start()
        ready.wait()
        for _ in range(50):
            if _waiting_for_the_lock() >= 2:
                break
            threading.Event().wait(0.1)
        assert _waiting_for_the_lock() == 2
    for thread in threads:
        thread.join(timeout=30)

    request.refresh_from_db()
    # What each of them read at the top of the request's page after sending.
    said = {
        name: [m.get_text(" ", strip=True) for m in BeautifulSoup(answer.content, "html.parser").select(".messages li")]
        for name, answer in answers.items()
    }
    done = {name for name, messages in said.items() if any("wykonano" in message for message in messages)}
    refused = {name for name, messages in said.items() if any("Nie zapisano" in message for message in messages)}
    assert len(done) == 1 and len(refused) == 1 and done | refused == set(sent), said
    log = list(RequestLogEntry.objects.for_instance(request).order_by("pk").values_list("action", flat=True))
    if done == {"reassign"}:
        # The worker's close came second: the request is no longer theirs.
        assert request.status == Status.ASSIGNED and request.assigned_to == other
        assert log == ["intake.assign", "intake.assign"]
        assert any("nie jest już przypisane do Ciebie" in message for message in said["close"]), said
    else:
        # The coordinator's reassign came second: a closed request cannot be assigned.
        assert request.status == Status.CLOSED and request.assigned_to == worker
        assert log == ["intake.assign", "intake.close"]
        assert any("nie jest możliwa" in message for message in said["reassign"]), said


def _waiting_for_the_lock():
    with connection.cursor() as cursor:
        # Within a transaction PostgreSQL keeps answering from its first look at the activity.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return cursor.fetchone()[0]
