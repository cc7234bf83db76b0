"""Every admin URL of the requests, for every role: who gets it, who is refused, who must log in."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from intake import workflow
from intake.models import HelpRequest
from intake.tests.factories import HelpRequestFactory, make_social_worker
from intake.views.request_detail import ACTIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    editor = User.objects.create_user("redaktor", "r@gops.example.pl", "x" * 12)
    editor.groups.add(Group.objects.get(name="Redaktorzy"))
    worker = make_social_worker("pracownik1")
    other = make_social_worker("pracownik2")
    mine, theirs = HelpRequestFactory(), HelpRequestFactory()
    workflow.assign(mine, worker, coordinator)
    workflow.assign(theirs, other, coordinator)
    return {"coordinator": coordinator, "editor": editor, "worker": worker, "mine": mine, "theirs": theirs}


def object_urls(request):
    return {
        "inspect": reverse("requests:inspect", args=[request.pk]),
        "history": reverse("requests:history", args=[request.pk]),
        "edit": reverse("requests:edit", args=[request.pk]),
    }


def list_urls():
    return {
        "index": reverse("requests:index"),
        "export": reverse("requests:index") + "?export=csv",
        "add": reverse("requests:add"),
        "find": reverse("requests:find_by_name"),
    }


def action_url(request, name):
    return reverse("requests:action", args=[request.pk, name])


def refused(response):
    # Wagtail answers a missing permission with a redirect to the dashboard; a hidden object is a 404.
    return response.status_code in (403, 404) or (
        response.status_code == 302 and not response["Location"].startswith("/admin/requests/")
    )


def snapshot(request):
    return HelpRequest.objects.values("status", "is_urgent", "assigned_to", "outcome").get(pk=request.pk)


def test_anonymous_users_are_sent_to_log_in(client, world):
    urls = [*list_urls().values(), *object_urls(world["mine"]).values()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url
    for action in ACTIONS:
        response = client.post(action_url(world["mine"], action.name))
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), action.name


def test_coordinator_gets_every_page(client, world):
    client.force_login(world["coordinator"])
    for name, url in [*list_urls().items(), *object_urls(world["theirs"]).items()]:
        assert client.get(url).status_code == 200, name
    listing = client.get(list_urls()["index"]).content.decode()
    assert world["mine"].reference in listing and world["theirs"].reference in listing


def test_editor_is_refused_everywhere(client, world):
    client.force_login(world["editor"])
    before = snapshot(world["mine"])
    for name, url in [*list_urls().items(), *object_urls(world["mine"]).items()]:
        assert refused(client.get(url)), name
    for action in ACTIONS:
        assert refused(client.post(action_url(world["mine"], action.name))), action.name
    assert snapshot(world["mine"]) == before
    # ...while their own work is open to them.
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200
    assert "Zgłoszenia" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_social_worker_own_request(client, world):
    client.force_login(world["worker"])
    listing = client.get(list_urls()["index"]).content.decode()
    assert world["mine"].reference in listing and world["theirs"].reference not in listing
    assert client.get(list_urls()["find"]).status_code == 200
    assert client.get(object_urls(world["mine"])["inspect"]).status_code == 200
    # Their request's timeline is on its detail page; the generic history screen is for coordinators.
    assert refused(client.get(object_urls(world["mine"])["history"]))
    for name in ("export", "add"):
        assert refused(client.get(list_urls()[name])), name
    assert refused(client.get(object_urls(world["mine"])["edit"]))
    for name in ("assign", "reopen"):  # coordinator actions
        assert refused(client.post(action_url(world["mine"], name), {"assign-worker": world["worker"].pk})), name


def test_social_worker_other_request_is_invisible(client, world):
    client.force_login(world["worker"])
    before = snapshot(world["theirs"])
    for name, url in object_urls(world["theirs"]).items():
        assert refused(client.get(url)), name
    assert client.get(object_urls(world["theirs"])["inspect"]).status_code == 404
    for action in ACTIONS:
        assert client.post(action_url(world["theirs"], action.name)).status_code == 404, action.name
    assert snapshot(world["theirs"]) == before
