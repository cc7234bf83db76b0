"""`load_demo_content` builds the whole demo centre, once, with the facts the field requires.

The demo is built once for this module: each test runs in a savepoint of that build's
transaction, so what a test changes (a second run, an editor's edit) is undone after
it. A build takes seconds (the Ukrainian and English pages through wagtail-localize
about half of them); building it for every test would cost the suite minutes. Tests
that need an empty database are in test_demo_command.py.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import CentreProfile, CentreSettings, EmergencyNumber, StaffContact
from home.tests.demo_paths import DEMO_PATHS
from home.tests.html import soup, text_of
from intake.deadlines import add_working_days, closed_days, interview_deadline
from intake.models import OPEN_STATUSES, Channel, HelpRequest, Outcome, RequestLogEntry, Status

pytestmark = pytest.mark.django_db


def load(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        **{f"pages in {code}": Page.objects.filter(locale__language_code=code).count() for code in ("pl", "uk", "en")},
        "centre profiles": CentreProfile.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "numbers": EmergencyNumber.objects.count(),
        "contacts": StaffContact.objects.count(),
        "users": get_user_model().objects.count(),
        "settings": CentreSettings.objects.count(),
        "requests": HelpRequest.objects.count(),
        "request log entries": RequestLogEntry.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The output of the build this module's tests share (rolled back after the module)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def page_text(client, path):
    return text_of(soup(client.get(path)).find("main"))


def test_every_demo_path_is_published(client, demo):
    for path in DEMO_PATHS:
        assert client.get(path).status_code == 200, path
    assert Site.objects.get(is_default_site=True).root_page.specific.__class__.__name__ == "HomePage"


def test_running_twice_changes_nothing_and_duplicates_nothing(demo):
    before = counts()
    output = load()
    assert counts() == before
    assert "utworzono 0" in output
    assert "Tłumaczenia (uk, en): utworzono 0, już istniało 40." in output


def test_an_editors_change_survives_a_second_run(client, demo):
    page = Page.objects.get(url_path="/home/prawa-dziecka/").specific
    page.title = "Prawa dziecka – poprawione"
    page.save_revision().publish()
    load()
    assert text_of(soup(client.get("/prawa-dziecka/")).find("h1")) == "Prawa dziecka – poprawione"


def test_it_prints_how_to_log_in(demo):
    assert "http://127.0.0.1:8000/admin/" in demo
    assert "admin" in demo and "demo-gops-2026" in demo
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("demo-gops-2026")


def test_demo_staff_accounts_have_their_roles(demo):
    users = get_user_model().objects
    assert users.get(username="koordynator").groups.filter(name="Koordynatorzy").exists()
    assert users.get(username="redaktor").groups.filter(name="Redaktorzy").exists()
    worker = users.get(username="pracownik1")
    assert worker.groups.filter(name="Pracownicy socjalni").exists()
    assert set(worker.social_worker_profile.localities.values_list("name", flat=True)) == {
        "Przykładowo",
        "Dębnik",
        "Górki Małe",
    }
    assert worker.check_password("demo-gops-2026")
    assert "koordynator" in demo


def test_family_assistant_page_states_the_current_cap_and_consent(client, demo):
    text = page_text(client, "/asystent-rodziny/")
    assert "15 rodzin" in text
    assert "20 rodzin" not in text
    assert "zgod" in text.lower() and "sąd" in text.lower()


def test_help_path_gives_the_interview_deadlines(client, demo):
    text = page_text(client, "/jak-uzyskac-pomoc/")
    assert "14 dni roboczych" in text and "2 dni roboczych" in text
    assert "112" in text


def test_rights_of_the_child_lists_eleven_rights(client, demo):
    doc = soup(client.get("/prawa-dziecka/"))
    longest_list = max(doc.select("main ol, main ul"), key=lambda node: len(node.find_all("li")))
    assert len(longest_list.find_all("li")) == 11


def test_support_page_lists_seven_forms_of_support(client, demo):
    doc = soup(client.get("/zakres-wsparcia/"))
    assert any(len(node.find_all("li")) == 7 for node in doc.select("main ol, main ul"))


def test_emergency_numbers_are_current(client, demo):
    numbers = set(EmergencyNumber.objects.values_list("number", flat=True))
    assert {"112", "800 120 002", "116 111", "800 12 12 12"} <= numbers
    assert "800 70 2222" not in numbers
    footer = text_of(soup(client.get("/kontakt/")).find("footer"))
    assert "800 120 002" in footer


def test_news_index_has_at_least_three_items_newest_first(client, demo):
    doc = soup(client.get("/aktualnosci/"))
    dates = [time["datetime"] for time in doc.select(".card time")]
    assert len(dates) >= 3
    assert dates == sorted(dates, reverse=True)


def test_header_links_easy_to_read_and_sign_language(client, demo):
    header = soup(client.get("/")).find("header")
    assert header.find("a", href="/tekst-latwy-do-czytania/") is not None
    assert header.find("a", href="/informacje-w-pjm/") is not None


def test_search_finds_the_family_assistant(client, demo):
    doc = soup(client.get("/szukaj/", {"q": "asystent"}))
    titles = [text_of(a) for a in doc.select(".card__title a")]
    assert any("Asystent rodziny" in title for title in titles)


def test_data_protection_page_names_the_officer_and_rights(client, demo):
    text = page_text(client, "/ochrona-danych/")
    assert "iod@gops.example.pl" in text
    for word in ("sprostowania", "usunięcia", "ograniczenia", "sprzeciwu", "Prezesa Urzędu Ochrony Danych"):
        assert word in text, word


def test_home_and_help_pages_lead_to_the_request_form(client, demo):
    help_box = soup(client.get("/")).select_one(".help-box a")
    assert help_box["href"] == "/popros-o-pomoc/"
    for path in ("/asystent-rodziny/", "/jak-uzyskac-pomoc/"):
        assert soup(client.get(path)).select_one("main a[href='/popros-o-pomoc/']") is not None, path
    form = soup(client.get("/popros-o-pomoc/"))
    assert form.find("a", href="/popros-o-pomoc/krok/kto/") is not None


def test_pages_about_getting_help_offer_the_quick_exit(client, demo):
    assert soup(client.get("/jak-uzyskac-pomoc/")).select_one("[data-quick-exit] a[href='/wyjdz/']") is not None
    assert soup(client.get("/kontakt/")).select_one("[data-quick-exit]") is None


def test_requests_in_every_state_a_coordinator_meets(demo):
    requests = list(HelpRequest.objects.select_related("assigned_to"))
    today = timezone.localdate()
    soon = add_working_days(today, 2, closed_days())
    open_ = [r for r in requests if r.status in OPEN_STATUSES]
    worker = lambda r: r.assigned_to.get_username() if r.assigned_to else None  # noqa: E731

    assert any(r.status == Status.NEW and r.assigned_to is None for r in open_)
    assert any(r.status == Status.ASSIGNED and worker(r) == "pracownik1" for r in open_)
    assert any(r.status == Status.ASSIGNED and worker(r) == "pracownik2" for r in open_)
    assert any(r.status == Status.INTERVIEW_SCHEDULED and r.interview_at > timezone.now() for r in open_)
    assert any(r.status == Status.INTERVIEW_DONE for r in open_)
    assert any(r.interview_deadline < today for r in open_), "overdue"
    assert any(today <= r.interview_deadline <= soon and not r.is_urgent for r in open_), "due within two working days"
    assert any(r.is_urgent for r in open_)
    assert any(r.channel == Channel.PHONE for r in requests)
    assert {r.outcome for r in requests if r.status == Status.CLOSED} == set(Outcome.values)
    duplicate = next(r for r in requests if r.outcome == Outcome.DUPLICATE)
    assert HelpRequest.objects.filter(reference=duplicate.duplicate_of).exists()
    # One sent in Ukrainian that needs an interpreter, waiting for a coordinator; the rest Polish.
    ukrainian = [r for r in requests if r.language == "uk"]
    assert len(ukrainian) == 1 and ukrainian[0].needs_interpreter and ukrainian[0].status == Status.NEW
    assert all(r.language == "pl" and not r.needs_interpreter for r in requests if r not in ukrainian)


def test_demo_requests_are_plainly_fictional_and_made_as_real_ones_are(demo):
    requests = list(HelpRequest.objects.all())
    assert len(requests) >= 12
    for request in requests:
        assert request.description.startswith("[DEMO] Zgłoszenie przykładowe"), request.contact_name
        assert re.fullmatch(r"500 000 0\d\d", request.contact_phone), request.contact_phone
        assert request.received_at <= timezone.now()
        # The deadline is the one the intake's own rule gives for the day it was received.
        assert request.interview_deadline == interview_deadline(request.received_at, request.is_urgent)
        actions = set(RequestLogEntry.objects.for_instance(request).values_list("action", flat=True))
        if request.assigned_to_id:
            assert "intake.assign" in actions
        if request.status == Status.CLOSED:
            assert "intake.close" in actions
        if request.interview_done_at:
            assert {"intake.schedule", "intake.interview_done"} <= actions
    assert "Anna Przykładowa" in {r.contact_name for r in requests}
    assert "Zgłoszenia (demo): utworzono" in demo


def test_a_fresh_demo_builds_every_translation_without_a_warning(demo):
    # 11 pages, 4 staff contacts, 4 emergency numbers and the centre's name and hours, in uk and en.
    assert "Tłumaczenia (uk, en): utworzono 40, już istniało 0." in demo
    assert "Uwaga" not in demo


def test_an_editors_change_to_a_translation_survives_a_second_run(client, demo):
    page = Page.objects.get(locale__language_code="uk", url_path__endswith="/prava-dytyny/").specific
    page.title = "Права дитини – виправлено"
    page.save_revision().publish()
    load()
    assert text_of(soup(client.get("/uk/prava-dytyny/")).find("h1")) == "Права дитини – виправлено"


def test_a_polish_page_changed_by_an_editor_is_not_translated_from_the_demos_text(client, demo):
    # A centre that loaded the demo before it had translations, and edited a Polish page:
    # the next run translates the untouched pages and leaves this one to the editors.
    polish = Page.objects.get(url_path="/home/prawa-dziecka/").specific
    for translation in polish.get_translations():
        translation.delete()
    TranslationSource.objects.filter(object_id=polish.translation_key).delete()
    polish.intro = "Każde dziecko ma prawa. Ten tekst napisał redaktor."
    polish.save_revision().publish()
    output = load()
    assert "uk /prawa-dziecka/: tekst polski się zmienił" in output
    assert not polish.get_translations().exists()
    assert client.get("/uk/prava-dytyny/").status_code == 404
    assert client.get("/uk/pidtrymka/").status_code == 200
