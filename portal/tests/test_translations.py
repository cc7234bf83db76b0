"""The site speaks Polish: a complete catalogue, and an admin in Polish."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["home", "intake", "portal", "templates", "static"]
CATALOGUE = ROOT / "locale" / "pl" / "LC_MESSAGES" / "django.po"


def test_polish_catalogue_has_no_untranslated_or_fuzzy_entries():
    catalogue = polib.pofile(str(CATALOGUE))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    plural_gaps = [e.msgid for e in catalogue if e.msgid_plural and not all(e.msgstr_plural.values())]
    assert plural_gaps == []


def test_every_translatable_string_in_the_code_is_in_the_catalogue(tmp_path, monkeypatch):
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is needed for this check: `make test` installs it (Debian package gettext).")
    # makemessages writes next to the nearest locale folder it knows, which would be the
    # project's own: run it on a copy of the sources instead.
    for name in SOURCE_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command(
            "makemessages",
            locale=["pl"],
            no_location=True,
            verbosity=0,
        )
    in_code = {e.msgid for e in polib.pofile(str(tmp_path / "locale" / "pl" / "LC_MESSAGES" / "django.po"))}
    in_catalogue = {e.msgid for e in polib.pofile(str(CATALOGUE)) if not e.obsolete}
    assert sorted(in_code - in_catalogue) == [], "run `make makemessages` and translate the new entries"


@pytest.mark.django_db
def test_admin_login_speaks_polish(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Zaloguj się" in response.content.decode()
    assert 'lang="pl"' in response.content.decode()
