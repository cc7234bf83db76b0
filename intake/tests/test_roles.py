"""Who may see which request in the admin: coordinators all, social workers their own, editors none."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from intake import workflow
from intake.tests.factories import HelpRequestFactory, make_social_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    editor = User.objects.create_user("redaktor", "r@gops.example.pl", "x" * 12)
    editor.groups.add(Group.objects.get(name="Redaktorzy"))
    worker = make_social_worker("pracownik1")
    other_worker = make_social_worker("pracownik2")
    mine = HelpRequestFactory()
    theirs = HelpRequestFactory()
    workflow.assign(mine, worker, coordinator)
    workflow.assign(theirs, other_worker, coordinator)
    return {"coordinator": coordinator, "editor": editor, "worker": worker, "mine": mine, "theirs": theirs}


def urls(request):
    return {
        "inspect": reverse("requests:inspect", args=[request.pk]),
        "edit": reverse("requests:edit", args=[request.pk]),
        "history": reverse("requests:history", args=[request.pk]),
    }


def test_coordinator_sees_every_request_and_can_register_one(client, staff):
    client.force_login(staff["coordinator"])
    listing = client.get(reverse("requests:index")).content.decode()
    assert staff["mine"].reference in listing and staff["theirs"].reference in listing
    for request in (staff["mine"], staff["theirs"]):
        for name, url in urls(request).items():
            assert client.get(url).status_code == 200, name
    assert client.get(reverse("requests:add")).status_code == 200


def test_social_worker_sees_only_their_own_requests(client, staff):
    client.force_login(staff["worker"])
    listing = client.get(reverse("requests:index")).content.decode()
    assert staff["mine"].reference in listing
    assert staff["theirs"].reference not in listing
    assert client.get(urls(staff["mine"])["inspect"]).status_code == 200
    for name, url in urls(staff["theirs"]).items():
        # 404 where the page exists for them, a redirect where the role has no such page at all
        assert client.get(url).status_code in (302, 403, 404), name
    assert client.get(urls(staff["theirs"])["inspect"]).status_code == 404
    assert client.get(urls(staff["theirs"])["history"]).status_code == 404
    # Requests are worked through the actions, not the generic edit or add forms.
    assert client.get(urls(staff["mine"])["edit"]).status_code in (302, 403)
    assert client.get(reverse("requests:add")).status_code in (302, 403)


def test_editor_sees_no_requests_but_can_edit_pages(client, staff):
    client.force_login(staff["editor"])
    assert client.get(reverse("requests:index")).status_code in (302, 403)
    assert client.get(urls(staff["mine"])["inspect"]).status_code in (302, 403, 404)
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200
    assert "Zgłoszenia" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_users_get_the_login_page(client, staff):
    for url in [reverse("requests:index"), reverse("requests:add"), *urls(staff["mine"]).values()]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url
