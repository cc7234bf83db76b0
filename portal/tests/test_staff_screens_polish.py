"""Every staff screen we own speaks Polish: no English sentence, no English around a Polish noun.

Checked against the catalogues (portal/tests/english.py): a text counts as English
when it has two words in a row that occur in the English source strings of Django,
Wagtail or the project and in none of their Polish translations, or when all its
words are such words. Each page must also have plenty of recognised Polish words,
and the same check must catch the admin of a user who chose English: it cannot pass
on an empty page or with an empty word list.
"""

import csv
import datetime
import io
import re
from pathlib import Path

import openpyxl
import polib
import pytest
import wagtail
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from intake import workflow
from intake.models import ClosedDay, Locality, SocialWorkerProfile
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker
from portal import wagtail_wording
from portal.tests.english import english_on, is_english, polish_words
from portal.tests.test_second_factor_errors import code_at

pytestmark = pytest.mark.django_db

PASSWORD = "haslo-koordynatora-123"
# A screen of the admin, frame and menus included, has well over this many Polish words.
POLISH_WORDS_AT_LEAST = 40


@pytest.fixture
def coordinator(db):
    user = User.objects.create_user("koordynator", "k@gops.example.pl", PASSWORD)
    user.groups.add(Group.objects.get(name="Koordynatorzy"))
    return user


def assert_polish(response, name):
    assert response.status_code == 200, name
    html = response.content.decode()
    assert english_on(html) == [], name
    assert polish_words(html) >= POLISH_WORDS_AT_LEAST, name


def requests_screens(client, coordinator):
    """(name, response) for each requests screen, empty first, then with requests in every state."""
    client.force_login(coordinator)
    yield "empty list", client.get(reverse("requests:index"))
    yield "empty dashboard", client.get(reverse("wagtailadmin_home"))

    worker = make_social_worker("pracownik1", LocalityFactory(name="Dębnik"))
    urgent = HelpRequestFactory(child_in_danger=True, contact_name="Ewa Szukana")
    late = HelpRequestFactory(received_at=timezone.now() - datetime.timedelta(days=40))
    workflow.assign(late, worker, coordinator)
    workflow.add_note(late, "Rodzina prosi o telefon po 15.", coordinator)

    yield "list", client.get(reverse("requests:index"))
    yield "list, nothing found", client.get(reverse("requests:index"), {"q": "ZZZZ-ZZZZ"})
    yield "list, filter empties it", client.get(reverse("requests:index"), {"status": "closed"})
    yield "list, yes/no filters", client.get(reverse("requests:index"), {"is_urgent": "true", "overdue": "false"})
    yield "request's page", client.get(reverse("requests:inspect", args=[urgent.pk]))
    yield "request's history", client.get(reverse("requests:history", args=[late.pk]))
    yield "dashboard", client.get(reverse("wagtailadmin_home"))
    yield "add a request", client.get(reverse("requests:add"))
    yield "add a request, refused", client.post(reverse("requests:add"), {})
    yield "find by name", client.get(reverse("requests:find_by_name"))
    yield "find by name, found", client.post(reverse("requests:find_by_name"), {"name": "Szukana"})
    yield "find by name, none", client.post(reverse("requests:find_by_name"), {"name": "Nikt Taki"})

    client.force_login(worker)
    yield "social worker's dashboard", client.get(reverse("wagtailadmin_home"))
    yield "social worker's list", client.get(reverse("requests:index"))
    yield "social worker's request page", client.get(reverse("requests:inspect", args=[late.pk]))


def test_the_requests_screens(client, coordinator):
    for name, response in requests_screens(client, coordinator):
        assert_polish(response, name)


def test_the_request_settings_screens(client, coordinator):
    client.force_login(coordinator)
    models = {"locality": Locality, "closedday": ClosedDay, "socialworkerprofile": SocialWorkerProfile}
    for name in models:
        assert_polish(client.get(f"/admin/snippets/intake/{name}/"), f"{name}: empty list")
    make_social_worker("pracownik1", LocalityFactory(name="Dębnik"))
    ClosedDay.objects.create(date=datetime.date(2026, 12, 31), reason="Inwentaryzacja")
    for name, model in models.items():
        assert_polish(client.get(f"/admin/snippets/intake/{name}/"), f"{name}: list")
        assert_polish(client.get(f"/admin/snippets/intake/{name}/add/"), f"{name}: add")
        assert_polish(client.post(f"/admin/snippets/intake/{name}/add/", {}), f"{name}: add, refused")
        edit = f"/admin/snippets/intake/{name}/edit/{model.objects.first().pk}/"
        assert_polish(client.get(edit), f"{name}: edit")


def test_the_exports_headings(client, coordinator):
    HelpRequestFactory()
    client.force_login(coordinator)

    def content(response):
        assert response.status_code == 200
        return b"".join(response.streaming_content) if response.streaming else response.content

    csv_headings = next(
        csv.reader(io.StringIO(content(client.get(reverse("requests:index"), {"export": "csv"})).decode("utf-8-sig")))
    )
    sheet = openpyxl.load_workbook(
        io.BytesIO(content(client.get(reverse("requests:index"), {"export": "xlsx"})))
    ).active
    xlsx_headings = [cell.value for cell in sheet[1]]
    assert csv_headings == xlsx_headings and len(csv_headings) >= 10
    assert [heading for heading in csv_headings if is_english(heading)] == []


def test_the_two_step_log_in_screens(client, coordinator):
    client.post("/admin/login/", {"username": "koordynator", "password": PASSWORD})
    assert_polish(client.get("/admin/second-factor/set-up/"), "set-up")
    assert_polish(client.post("/admin/second-factor/set-up/", {"token": "000000"}), "set-up, wrong code")
    device = TOTPDevice.objects.get(user=coordinator)
    device.throttle_reset()
    assert_polish(client.post("/admin/second-factor/set-up/", {"token": code_at(device)}), "backup codes")
    client.post("/admin/logout/")
    client.post("/admin/login/", {"username": "koordynator", "password": PASSWORD})
    assert_polish(client.get("/admin/second-factor/verify/"), "verify")
    assert_polish(client.post("/admin/second-factor/verify/", {"token": ""}), "verify, no code")


def test_the_check_catches_english(client, coordinator):
    # The same list for someone who chose English in their account: the check must see it.
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(coordinator)
    found = english_on(client.get(reverse("requests:index")).content.decode())
    assert "There are no help requests to display. Why not" in found
    assert is_english("There are no zgłoszenia to display. Why not")
    assert is_english("Redo")
    assert is_english("Pilne: True")
    assert not is_english("Zgłoszenia – na razie brak.")
    assert not is_english("Anna Przykładowa, Dębnik, K3X7-NRKF")
    assert not is_english("Przykładowo")


def test_every_wagtail_string_the_project_translates_is_still_wagtails():
    sources = set()
    for path in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        sources.update(entry.msgid for entry in polib.pofile(str(path)))
    ours = [wagtail_wording.VISIT_LIVE_PAGE, *wagtail_wording.MISSING_FROM_WAGTAILS_POLISH]
    assert [msgid for msgid in ours if msgid not in sources] == []
    # And each is in our catalogue, translated without straight double quotes outside markup.
    catalogue = polib.pofile(str(Path(__file__).resolve().parents[2] / "locale/pl/LC_MESSAGES/django.po"))
    for msgid in ours:
        entry = catalogue.find(msgid)
        assert entry is not None and entry.msgstr, msgid
        assert '"' not in re.sub(r"<[^>]+>", "", entry.msgstr), msgid


def test_a_reference_that_happens_to_spell_an_english_word_is_not_english():
    # References are random letters (intake/references.py): "WERE-R7P3" is a reference, not "were".
    assert not is_english("WERE-R7P3")
    assert not is_english("Zgłoszenie WERE-R7P3, Dębnik")
    assert is_english("were there")
