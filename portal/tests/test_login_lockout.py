"""Wrong passwords count per account and per address; another account's log-in wipes neither.

Everything goes through the real log-in form, and a successful log-in finishes with the
second factor (a backup code, as a code from the app can be used only once a minute).
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.accounts.devices import new_backup_codes
from portal.tests.test_staff_login import PASSWORD, log_in

pytestmark = pytest.mark.django_db

WRONG = "zle-haslo-123456"
OFFICE = "198.51.100.20"
ELSEWHERE = "203.0.113.9"


def staff(username, group):
    user = User.objects.create_user(username, f"{username}@gops.example.pl", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    TOTPDevice.objects.create(user=user, name="aplikacja", confirmed=True)
    return user, new_backup_codes(user)


@pytest.fixture
def coordinator():
    return staff("koordynator", "Koordynatorzy")


@pytest.fixture
def editor():
    return staff("redaktor", "Redaktorzy")


def from_address(address):
    return Client(REMOTE_ADDR=address)


def full_log_in(client, username, code, next_url="/admin/"):
    """Password, then a backup code; True when the admin opens."""
    if log_in(client, username, PASSWORD, next_url).status_code != 302:
        return False
    client.post("/admin/second-factor/verify/", {"token": code})
    return client.get(next_url).status_code == 200


def test_a_colleagues_log_in_does_not_wipe_the_wrong_passwords_of_another_account(coordinator, editor):
    # The audit's sequence: four wrong passwords for koordynator, then redaktor logs in
    # from the same computer, again and again. The fifth wrong password locks koordynator.
    _editor, codes = editor
    browser = from_address(OFFICE)
    for _attempt in range(4):
        assert log_in(browser, "koordynator", WRONG).status_code == 200
    assert full_log_in(browser, "redaktor", codes[0], "/admin/pages/")
    browser.post("/admin/logout/")

    locked = log_in(browser, "koordynator", WRONG)
    assert locked.status_code == 429
    assert "Logowanie wstrzymane" in locked.content.decode()
    # The right password does not open the account while the lock lasts, from anywhere.
    assert log_in(from_address(OFFICE), "koordynator").status_code == 429
    assert log_in(from_address(ELSEWHERE), "koordynator").status_code == 429
    # The colleague at the same address is not locked out by someone else's account.
    assert full_log_in(from_address(OFFICE), "redaktor", codes[1], "/admin/pages/")


def test_the_audits_thirteen_wrong_passwords_are_stopped_at_the_fifth(coordinator, editor):
    _editor, codes = editor
    browser = from_address(OFFICE)
    answers = []
    for round_ in range(3):
        answers += [log_in(browser, "koordynator", WRONG).status_code for _attempt in range(4)]
        full_log_in(browser, "redaktor", codes[round_], "/admin/pages/")
        browser.post("/admin/logout/")
    answers.append(log_in(browser, "koordynator", WRONG).status_code)
    assert answers[:4] == [200] * 4
    assert set(answers[4:]) == {429}
    assert log_in(browser, "koordynator").status_code == 429


def test_ones_own_log_in_clears_ones_own_typing_mistakes(coordinator):
    _coordinator, codes = coordinator
    browser = from_address(OFFICE)
    for _attempt in range(4):
        assert log_in(browser, "koordynator", WRONG).status_code == 200
    assert full_log_in(browser, "koordynator", codes[0], "/admin/requests/")
    browser.post("/admin/logout/")
    # A fresh count: four more mistakes, and the right password still works.
    for _attempt in range(4):
        assert log_in(browser, "koordynator", WRONG).status_code == 200
    assert full_log_in(browser, "koordynator", codes[1], "/admin/requests/")


def test_a_log_in_does_not_clear_wrong_passwords_typed_for_the_account_elsewhere(coordinator):
    _coordinator, codes = coordinator
    guesser = from_address(ELSEWHERE)
    for _attempt in range(4):
        assert log_in(guesser, "koordynator", WRONG).status_code == 200
    # The coordinator logs in at the office meanwhile: the guesses made elsewhere still count.
    assert full_log_in(from_address(OFFICE), "koordynator", codes[0], "/admin/requests/")
    assert log_in(guesser, "koordynator", WRONG).status_code == 429


def test_many_accounts_tried_from_one_address_lock_the_address(coordinator):
    limit = settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    per_account = settings.AXES_FAILURE_LIMIT - 1
    assert limit > settings.AXES_FAILURE_LIMIT
    sprayer = from_address(ELSEWHERE)
    answers = []
    for n in range(limit):
        # No account gets enough wrong passwords to lock it by itself.
        answers.append(log_in(sprayer, f"konto{n // per_account}", WRONG).status_code)
    assert answers[:-1] == [200] * (limit - 1)
    assert answers[-1] == 429
    # From that address not even a right password is checked now...
    assert log_in(from_address(ELSEWHERE), "koordynator").status_code == 429
    # ...while the account itself is not locked: from the office it opens.
    _coordinator, codes = coordinator
    assert full_log_in(from_address(OFFICE), "koordynator", codes[0], "/admin/requests/")


def test_the_count_is_kept_in_the_database_so_every_app_server_agrees(coordinator):
    from axes.models import AccessAttempt

    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(from_address(OFFICE), "koordynator", WRONG)
    assert AccessAttempt.objects.filter(username="koordynator").count() == 1
    # Another browser (another server process, as far as the count is concerned) goes on counting.
    assert log_in(from_address(OFFICE), "koordynator", WRONG).status_code == 429
