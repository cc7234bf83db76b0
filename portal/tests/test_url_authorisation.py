"""Every URL the project registers, opened by every role: who gets in, who is refused, who must log in.

The URLs come from the resolver itself, so a view added later is swept too; a URL
name that no rule below covers fails the test until someone decides who may open
it. On top of the status, no page may show a request to someone who may not see
it: its reference and the applicant's name are looked for in every response.
"""

import re
from fnmatch import fnmatch

import pytest
from django.contrib.auth.models import Group, User
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Collection, Locale, Site, Task, Workflow
from wagtail_factories import DocumentFactory, ImageFactory

from home.models import CentreProfile
from home.tests.factories import EmergencyNumberFactory, StaffContactFactory
from intake import workflow
from intake.models import ClosedDay, SocialWorkerProfile
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "editor", "worker", "coordinator")

# What a role gets. LOGIN: sent to the admin log-in. REFUSED: 403, 404, or Wagtail's
# redirect to the dashboard with "no permission". OPEN: the page itself (200), or a
# redirect within the admin (a view that forwards, e.g. to a form). SAFE: anything but
# a server error or a log-in prompt, for Wagtail's own screens, whose permissions
# Wagtail checks; the leak check below still applies to them.
LOGIN, REFUSED, OPEN, SAFE, PUBLIC = "login", "refused", "open", "safe", "public"
# Wagtail's /admin/failwhale/ raises on purpose, to test error reporting; staff only.
DELIBERATE_ERROR = "deliberate error"


def outcome(response):
    status = response.status_code
    location = response.get("Location", "")
    if status == 302 and location.startswith("/admin/login/"):
        return LOGIN
    if status in (403, 404) or (status == 302 and location.split("?")[0] in ("/admin/", "/")):
        # Wagtail answers "no permission" with a redirect to the dashboard and a message.
        return REFUSED
    if status == 200 or (status == 302 and location.startswith("/admin/")):
        return OPEN
    return f"status {status} {location}".strip()


def meets(expected, response):
    got = outcome(response)
    if expected == DELIBERATE_ERROR:
        return response.status_code == 500
    if response.status_code >= 500:
        return False
    if expected == SAFE:
        return got != LOGIN
    if expected == PUBLIC:
        return got != LOGIN and response.status_code in (200, 301, 302, 400, 404, 405)
    return got == expected


# Our own URLs, one by one: (name, anonymous, editor, social worker (another's request), coordinator).
OURS = {
    "requests:index": (LOGIN, REFUSED, OPEN, OPEN),
    "requests:index_results": (LOGIN, REFUSED, OPEN, OPEN),
    "requests:add": (LOGIN, REFUSED, REFUSED, OPEN),
    "requests:inspect": (LOGIN, REFUSED, REFUSED, OPEN),
    "requests:edit": (LOGIN, REFUSED, REFUSED, OPEN),
    "requests:history": (LOGIN, REFUSED, REFUSED, OPEN),
    "requests:history_results": (LOGIN, REFUSED, REFUSED, OPEN),
    "requests:usage": (LOGIN, REFUSED, REFUSED, OPEN),
    # Requests are never deleted through the admin: retention anonymises them.
    "requests:delete": (LOGIN, REFUSED, REFUSED, REFUSED),
    "requests:find_by_name": (LOGIN, REFUSED, OPEN, OPEN),
    # Actions are POST-only; the POST sweep below checks them for every role.
    "requests:action": (LOGIN, "status 405", "status 405", "status 405"),
    # Localities and workers' profiles are used by requests: coordinators change them, never delete.
    "wagtailsnippets_intake_locality:delete": (LOGIN, REFUSED, REFUSED, REFUSED),
    "wagtailsnippets_intake_socialworkerprofile:delete": (LOGIN, REFUSED, REFUSED, REFUSED),
    "wagtailsnippets_intake_*": (LOGIN, REFUSED, REFUSED, OPEN),
    "wagtailsnippetchoosers_intake_*": (LOGIN, REFUSED, REFUSED, OPEN),
    # Already confirmed in these sessions: sent on to the dashboard.
    "accounts_verify": (LOGIN, REFUSED, REFUSED, REFUSED),
    "accounts_setup": (LOGIN, OPEN, OPEN, OPEN),
    "accounts_backup_codes": (LOGIN, "status 405", "status 405", "status 405"),
    # Which pages lack a translation: for those who edit pages.
    "translation_status*": (LOGIN, OPEN, REFUSED, REFUSED),
    # The public site and what every visitor needs to log in.
    "wagtail_serve": (PUBLIC,) * 4,
    "search": (PUBLIC,) * 4,
    "sitemap": (PUBLIC,) * 4,
    "robots_txt": (PUBLIC,) * 4,
    "quick_exit": (PUBLIC,) * 4,
    "wagtaildocs_serve": (PUBLIC,) * 4,
    "wagtaildocs_authenticate_with_password": (PUBLIC,) * 4,
    "wagtailcore_authenticate_with_password": (PUBLIC,) * 4,
    "wagtailcore_login": (PUBLIC,) * 4,
    "wagtailadmin_login": (PUBLIC,) * 4,
    # Log-out is a POST; opening it is refused (though Wagtail drops the cookie).
    "wagtailadmin_logout": (LOGIN, "status 405", "status 405", "status 405"),
    "wagtailadmin_password_reset*": (PUBLIC,) * 4,
    "wagtailadmin_javascript_catalog": (PUBLIC,) * 4,
    "wagtailadmin_sprite": (PUBLIC,) * 4,
    "wagtailadmin_error_test": (LOGIN, DELIBERATE_ERROR, DELIBERATE_ERROR, DELIBERATE_ERROR),
}
# Wagtail's own admin screens: Wagtail checks their permissions; we check that they
# all ask for a log-in and never show a request to the wrong person.
WAGTAILS = (LOGIN, SAFE, SAFE, SAFE)
WAGTAIL_PREFIXES = (
    "wagtailadmin_*",
    "wagtail_bulk_action",
    "wagtailimages*",
    "wagtaildocs*",
    "wagtailusers_*",
    "wagtailsnippets:*",
    "wagtailsnippets_home_*",
    "wagtailsnippetchoosers_home_*",
    "wagtailsettings:*",
    "wagtaillocales:*",
    "wagtailsites:*",
    "wagtailredirects:*",
    "wagtail_localize:*",
    "wagtailsearch*",
    "wagtailadmin_api:*",
    "<unnamed admin/*",  # Wagtail's own "not found" inside the admin
)


def expectation(name):
    for pattern, expected in OURS.items():
        if fnmatch(name, pattern):
            return dict(zip(ROLES, expected, strict=True))
    if any(fnmatch(name, pattern) for pattern in WAGTAIL_PREFIXES):
        return dict(zip(ROLES, WAGTAILS, strict=True))
    return None


def registered_urls():
    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                yield prefix + str(pattern.pattern), name or f"<unnamed {prefix}{pattern.pattern}>"

    return list(walk(get_resolver().url_patterns))


@pytest.fixture
def world(home_page, intake_page):
    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12, first_name="Kasia")
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    editor = User.objects.create_user("redaktor", "r@gops.example.pl", "x" * 12)
    editor.groups.add(Group.objects.get(name="Redaktorzy"))
    worker = make_social_worker("pracownik1")
    other = make_social_worker("pracownik2")
    locality = LocalityFactory(name="Dębnik")
    mine = HelpRequestFactory(locality=locality, contact_name="Marta Mojaznacznik")
    theirs = HelpRequestFactory(locality=locality, contact_name="Teresa Cudzaznacznik")
    workflow.assign(mine, worker, coordinator)
    workflow.assign(theirs, other, coordinator)
    workflow.add_note(theirs, "Notatka-cudza-znacznik", other)
    ClosedDay.objects.create(date="2026-12-31", reason="Sylwester")
    home_page.save_revision(user=editor)
    return {
        "users": {"editor": editor, "worker": worker, "coordinator": coordinator},
        "mine": mine,
        "theirs": theirs,
        "ids": {
            "request": theirs.pk,
            "page": home_page.pk,
            "revision": home_page.latest_revision_id,
            "image": ImageFactory().pk,
            "document": DocumentFactory().pk,
            "user": worker.pk,
            "group": Group.objects.get(name="Redaktorzy").pk,
            "site": Site.objects.get(is_default_site=True).pk,
            "locale": Locale.objects.first().pk,
            "collection": Collection.get_first_root_node().pk,
            "workflow": (Workflow.objects.first() or Workflow.objects.create(name="W")).pk,
            "task": (Task.objects.first() or Task.objects.create(name="T")).pk,
            "home.staffcontact": StaffContactFactory().pk,
            "home.emergencynumber": EmergencyNumberFactory().pk,
            "home.centreprofile": CentreProfile.objects.create(
                site=Site.objects.get(is_default_site=True), locale=Locale.get_default(), name="GOPS", short_name="GOPS"
            ).pk,
            "intake.locality": locality.pk,
            "intake.closedday": ClosedDay.objects.first().pk,
            "intake.socialworkerprofile": SocialWorkerProfile.objects.get(user=worker).pk,
        },
    }


def _id_for(name, parameter, ids):
    if name.startswith("requests:"):
        return ids["request"]
    model = re.match(r"wagtailsnippet(?:s|choosers)_(\w+?)_(\w+):", name)
    if model:
        return ids[f"{model.group(1)}.{model.group(2)}"]
    if "revision" in parameter:
        return ids["revision"]
    for key, fragment in (
        ("page", "page"),
        ("image", "image"),
        ("document", "doc"),
        ("user", "users_users"),
        ("group", "groups"),
        ("site", "sites"),
        ("locale", "locales"),
        ("collection", "collection"),
        ("task", "task"),
        ("workflow", "workflow"),
    ):
        if fragment in name or fragment in parameter:
            return ids[key]
    return ids["page"] if parameter in ("pk", "page_id", "parent_page_id", "destination_id") else 1


SLUGS = {
    "action": "note",
    "action_name": "publish",
    "content_type_app_name": "home",
    "content_type_model_name": "newspage",
    "app_label": "home",
    "model_name": "staffcontact",
    "app_name": "home",
    "filter_spec": "original",
    "uidb64": "MQ",
    "token": "set-password",
}


def concrete(path, name, ids):
    """A real URL for a pattern: every parameter filled with an existing object's id."""
    if name == "wagtail_serve":
        return "/"
    if name == "wagtaildocs_serve":
        return f"/documents/{ids['document']}/plik.pdf"
    if name == "wagtailadmin_pages:revisions_compare":
        return f"/admin/pages/{ids['page']}/revisions/compare/earliest...latest/"
    if name.startswith("wagtailsettings:"):
        path = path.replace("<slug:app_name>/<slug:model_name>", "home/centresettings")
    if name == "wagtailadmin_editing_sessions:ping":
        return f"/admin/editing-sessions/ping/wagtailcore/page/{ids['page']}/1/"
    if name == "wagtail_bulk_action":
        return "/admin/bulk/wagtailcore/page/delete/"
    if ".*" in path:
        return "/admin/nie-ma-takiej-strony/"

    def fill(match):
        converter, parameter = match.group(1), match.group(2)
        if converter in ("int", "str") and (converter == "int" or parameter.endswith(("pk", "id"))):
            return str(_id_for(name, parameter, ids))
        return SLUGS.get(parameter, "x")

    url = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: fill(m) if m.group(1) else SLUGS.get(m.group(2), "x"), path)
    url = url.replace("^", "").replace("$", "")
    return "/" + url


def client_for(role, client_factory, users):
    client = client_factory(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(users[role])
    return client


def leaks(role, body, world):
    """Personal data of a request this role may not see, found in a response."""
    hidden = {
        "editor": [world["mine"], world["theirs"]],
        "worker": [world["theirs"]],
    }.get(role, [])
    markers = [value for request in hidden for value in (request.reference, request.contact_name)]
    if role in ("editor", "worker"):
        markers.append("Notatka-cudza-znacznik")
    return [marker for marker in markers if marker in body]


def test_every_url_has_a_rule():
    names = sorted({name for _path, name in registered_urls() if expectation(name) is None})
    assert names == [], "Decide who may open these URLs and add them to OURS: " + ", ".join(names)


def test_every_url_for_every_role(world):
    from django.test import Client

    problems = []
    clients = {role: client_for(role, Client, world["users"]) for role in ROLES}
    for path, name in registered_urls():
        expected = expectation(name)
        url = concrete(path, name, world["ids"])
        for role in ROLES:
            response = clients[role].get(url)
            if not meets(expected[role], response):
                problems.append(f"{role:11} {url} ({name}): expected {expected[role]}, got {outcome(response)}")
            body = (
                response.content.decode(errors="replace")
                if response.get("Content-Type", "").startswith(("text/", "application/json"))
                else ""
            )
            found = leaks(role, body, world)
            if found:
                problems.append(f"{role:11} {url} ({name}): shows {found}")
            if name == "wagtailadmin_logout":
                # Wagtail drops the session cookie even when it refuses the GET: log back in.
                clients[role] = client_for(role, Client, world["users"])

    assert problems == [], "\n".join(problems)


def test_request_actions_for_every_role(world):
    from django.test import Client

    from intake.views.request_detail import ACTIONS
    from intake.workflow import COORDINATOR, RULES

    problems = []
    theirs = world["theirs"]
    back_to_request = f"/admin/requests/inspect/{theirs.pk}/"
    expected = {"anonymous": LOGIN, "editor": REFUSED, "worker": REFUSED}
    for role in ROLES:
        client = client_for(role, Client, world["users"])
        for action in ACTIONS:
            response = client.post(f"/admin/requests/action/{theirs.pk}/{action.name}/", {})
            got = outcome(response)
            if role == "coordinator" and COORDINATOR not in RULES[action.name].roles:
                ok = got == REFUSED  # only the assigned worker accepts a request
            elif role == "coordinator":
                ok = response.status_code == 302 and response["Location"] == back_to_request
            else:
                ok = got == expected[role]
            if not ok:
                problems.append(f"{role} {action.name}: got {got}")
    assert problems == [], "\n".join(problems)
