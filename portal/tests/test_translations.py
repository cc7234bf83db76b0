"""The site speaks Polish and Ukrainian: complete catalogues that match the code, and an admin in Polish."""

import contextlib
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["home", "intake", "portal", "templates", "static"]
LOCALES = ["pl", "uk"]

# What a translation must carry over from its msgid: %-placeholders (named or not; no
# space flag, so "50% discount" is not one), brace placeholders and HTML tags.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0+ ]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0+]*\d*(?:\.\d+)?[sdifrx]|\{[^{}\s]*\}|<[^<>]+>")


def catalogue_path(locale):
    return ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"


def read_catalogue(locale):
    path = catalogue_path(locale)
    # polib reads a path that does not exist as the text of a catalogue: say what is missing.
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make makemessages` and translate it"
    return polib.pofile(str(path))


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(locale):
    catalogue = read_catalogue(locale)
    assert catalogue.metadata["Language"] == locale
    assert not catalogue.metadata_is_fuzzy
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    # Every form the language's plural rule asks for (Polish and Ukrainian: three), each filled.
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata["Plural-Forms"]).group(1))
    plural_gaps = [
        e.msgid
        for e in catalogue
        if e.msgid_plural and [bool(e.msgstr_plural.get(i)) for i in range(nplurals)] != [True] * nplurals
    ]
    assert plural_gaps == []


@pytest.mark.parametrize("locale", LOCALES)
def test_each_message_is_in_the_catalogue_once(locale):
    """A message twice (two merged branches that both added it) makes gettext's msgmerge refuse the file."""
    keys = [(entry.msgctxt, entry.msgid) for entry in read_catalogue(locale) if not entry.obsolete]
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


@pytest.fixture(scope="module")
def catalogues_from_the_code(tmp_path_factory):
    """What `make makemessages` would write today, for each locale, on a copy of the sources."""
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is needed for this check: `make test` installs it (Debian package gettext).")
    # makemessages writes next to the nearest locale folder it knows, which would be the
    # project's own: run it on a copy of the sources instead.
    copy = tmp_path_factory.mktemp("sources")
    for name in SOURCE_DIRS:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    with contextlib.chdir(copy), override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=LOCALES, no_location=True, verbosity=0)
    return {locale: polib.pofile(str(copy / "locale" / locale / "LC_MESSAGES" / "django.po")) for locale in LOCALES}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_translatable_string_in_the_code_is_in_the_catalogue(locale, catalogues_from_the_code):
    in_code = {e.msgid for e in catalogues_from_the_code[locale]}
    in_catalogue = {e.msgid for e in read_catalogue(locale) if not e.obsolete}
    assert sorted(in_code - in_catalogue) == [], "run `make makemessages` and translate the new entries"


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_the_placeholders_and_tags_of_their_msgid(locale):
    mismatches = []
    for entry in read_catalogue(locale):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            # Every form may stand for many numbers (Ukrainian form 0 is 1, 21, 31...):
            # each one carries everything the English forms carry.
            expected = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            translations = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        else:
            expected = placeholders(entry.msgid)
            translations = [entry.msgstr]
        for msgstr in translations:
            if msgstr and placeholders(msgstr) != expected:
                mismatches.append((entry.msgid, sorted(expected), sorted(placeholders(msgstr))))
    assert mismatches == []


def test_the_placeholder_check_sees_a_dropped_or_renamed_placeholder():
    assert placeholders("Your request %(reference)s") != placeholders("Ваше звернення")
    assert placeholders("Your request %(reference)s") != placeholders("Ваше звернення %(referencja)s")
    assert placeholders("Page %s of {total}") == placeholders("Сторінка %s з {total}")
    assert placeholders("<strong>Urgent</strong> 100% sure") == placeholders("<strong>Терміново</strong>")


@pytest.mark.parametrize(
    "count, expected",
    [
        (1, "Залишився 1 робочий день"),
        (3, "Залишилося 3 робочі дні"),
        (5, "Залишилося 5 робочих днів"),
        (12, "Залишилося 12 робочих днів"),
        (21, "Залишився 21 робочий день"),
        (22, "Залишилося 22 робочі дні"),
        (111, "Залишилося 111 робочих днів"),
    ],
)
def test_ukrainian_plurals_follow_the_number(count, expected):
    # Django's own Ukrainian catalogue counts four forms; ours counts three, and each
    # catalogue must keep its own rule (needs the compiled catalogue: `make messages`).
    with translation.override("uk"):
        text = translation.ngettext("%(days)s working day left", "%(days)s working days left", count)
    assert text % {"days": count} == expected


@pytest.mark.django_db
def test_pages_under_uk_speak_ukrainian(client):
    page = client.get("/uk/szukaj/", {"q": "zzzyxx"}).content.decode()
    assert '<html lang="uk"' in page
    assert "Перейти до основного вмісту" in page
    assert "За запитом «zzzyxx» нічого не знайдено." in page


@pytest.mark.django_db
def test_admin_login_speaks_polish(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Zaloguj się" in response.content.decode()
    assert 'lang="pl"' in response.content.decode()
