"""Staff log in with a password and a code from their phone; wrong passwords lock the account."""

import base64
import re
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake.tests.factories import HelpRequestFactory

pytestmark = pytest.mark.django_db

PASSWORD = "haslo-koordynatora-123"
REQUESTS = "/admin/requests/"


@pytest.fixture
def coordinator(db):
    user = User.objects.create_user("koordynator", "k@gops.example.pl", PASSWORD)
    user.groups.add(Group.objects.get(name="Koordynatorzy"))
    return user


def code_for(device):
    """The code the phone app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def log_in(client, username="koordynator", password=PASSWORD, next_url=REQUESTS):
    return client.post("/admin/login/", {"username": username, "password": password, "next": next_url})


def secret_on_page(html):
    return re.search(r'class="second-factor-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")


def test_first_log_in_sets_up_the_app_before_anything_else(client, coordinator):
    response = log_in(client)
    assert response.status_code == 302
    # The password alone opens nothing: the requests list sends to the set-up.
    response = client.get(REQUESTS)
    assert response.status_code == 302 and response["Location"].startswith("/admin/second-factor/set-up/")

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Ustaw logowanie dwuetapowe" in html and "<svg" in html
    assert "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    # The key typed by hand is the one in the QR code.
    assert base64.b32decode(secret_on_page(html) + "=" * (-len(secret_on_page(html)) % 8)) == device.bin_key

    done = client.post("/admin/second-factor/set-up/", {"token": code_for(device), "next": REQUESTS})
    html = done.content.decode()
    assert done.status_code == 200 and "kody zapasowe" in html.lower()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert client.get(REQUESTS).status_code == 200


def test_a_wrong_code_does_not_confirm_the_app(client, coordinator):
    log_in(client)
    client.get("/admin/second-factor/set-up/")
    device = TOTPDevice.objects.get(user=coordinator)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/second-factor/set-up/", {"token": wrong})
    assert response.status_code == 200
    assert "Ten kod jest nieprawidłowy" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(REQUESTS).status_code == 302


@pytest.fixture
def enrolled(coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="aplikacja", confirmed=True)
    from portal.accounts.devices import new_backup_codes

    return device, new_backup_codes(coordinator)


def test_each_log_in_asks_for_the_code(client, coordinator, enrolled):
    device, _codes = enrolled
    log_in(client)
    response = client.get(REQUESTS)
    assert response.status_code == 302 and response["Location"].startswith("/admin/second-factor/verify/")
    page = client.get(response["Location"])
    assert "Potwierdź logowanie" in page.content.decode()

    response = client.post("/admin/second-factor/verify/", {"token": code_for(device), "next": REQUESTS})
    assert response.status_code == 302 and response["Location"] == REQUESTS
    assert client.get(REQUESTS).status_code == 200


def test_wrong_codes_are_refused_and_slowed_down(client, coordinator, enrolled):
    device, _codes = enrolled
    log_in(client)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    first = client.post("/admin/second-factor/verify/", {"token": wrong})
    assert "Ten kod jest nieprawidłowy" in first.content.decode()
    # Right after a wrong code even the right one waits (1 s, then 2, 4, 8...): no fast guessing.
    hurried = client.post("/admin/second-factor/verify/", {"token": code_for(device)})
    assert "Poczekaj 1 sekundę" in hurried.content.decode()
    assert client.get(REQUESTS).status_code == 302


def test_a_backup_code_works_once(coordinator, enrolled):
    _device, codes = enrolled
    first = Client()
    log_in(first)
    assert first.post("/admin/second-factor/verify/", {"token": codes[0].upper()}).status_code == 302
    assert first.get(REQUESTS).status_code == 200

    second = Client()
    log_in(second)
    response = second.post("/admin/second-factor/verify/", {"token": codes[0]})
    assert response.status_code == 200 and "Ten kod jest nieprawidłowy" in response.content.decode()
    assert StaticToken.objects.filter(device__user=coordinator).count() == 9


def test_someone_with_the_password_only_cannot_replace_the_app(client, coordinator, enrolled):
    device, _codes = enrolled
    log_in(client)
    response = client.get("/admin/second-factor/set-up/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/second-factor/verify/")
    client.post("/admin/second-factor/set-up/", {"token": "123456"})
    assert list(TOTPDevice.objects.filter(user=coordinator)) == [device]


def test_a_verified_user_can_move_to_a_new_phone(client, coordinator, enrolled):
    old, _codes = enrolled
    log_in(client)
    client.post("/admin/second-factor/verify/", {"token": code_for(old)})
    page = client.get("/admin/second-factor/set-up/")
    assert "Twoja obecna aplikacja działa" in page.content.decode()
    new = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    response = client.post("/admin/second-factor/set-up/", {"token": code_for(new)})
    assert response.status_code == 200
    assert list(TOTPDevice.objects.filter(user=coordinator).values_list("pk", "confirmed")) == [(new.pk, True)]


def test_every_admin_account_needs_the_second_factor(client):
    editor = User.objects.create_user("redaktor", "r@gops.example.pl", PASSWORD)
    editor.groups.add(Group.objects.get(name="Redaktorzy"))
    log_in(client, "redaktor", next_url="/admin/pages/")
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and "/admin/second-factor/set-up/" in response["Location"]


def test_the_next_address_stays_on_this_site(client, coordinator, enrolled):
    device, _codes = enrolled
    log_in(client)
    response = client.post("/admin/second-factor/verify/", {"token": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_reset_command_makes_the_user_set_up_again(client, coordinator, enrolled):
    call_command("reset_second_factor", "koordynator")
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    log_in(client)
    assert "/admin/second-factor/set-up/" in client.get(REQUESTS)["Location"]


def test_a_half_finished_log_in_is_finished_first_even_on_public_pages(client, coordinator, intake_page):
    log_in(client)
    response = client.get("/popros-o-pomoc/")
    assert response.status_code == 302 and "/admin/second-factor/set-up/" in response["Location"]
    # Logging out is always possible, and then the public pages are as for everyone.
    client.post("/admin/logout/")
    assert client.get("/popros-o-pomoc/").status_code == 200


def test_five_wrong_passwords_lock_the_account(client, coordinator, enrolled, settings):
    for _attempt in range(4):
        response = log_in(client, password="zle-haslo-123456")
        assert response.status_code == 200
    locked = log_in(client, password="zle-haslo-123456")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Logowanie wstrzymane" in html and "30 minut" in html
    # ...and the right password does not open it either while the lock lasts.
    assert Client().post("/admin/login/", {"username": "koordynator", "password": PASSWORD}).status_code == 429


def test_the_lock_lifts_after_the_cool_off(client, coordinator, enrolled, settings):
    from datetime import timedelta

    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    for _attempt in range(6):
        log_in(client, password="zle-haslo-123456")
    assert log_in(client).status_code == 429
    time.sleep(1.2)
    response = log_in(client)
    assert response.status_code == 302


def test_a_failed_log_in_writes_no_name_or_address_to_the_log(client, coordinator, caplog):
    caplog.set_level("DEBUG")
    for _attempt in range(6):
        log_in(client, password="zle-haslo-123456")
    text = caplog.text
    assert "koordynator" not in text and "127.0.0.1" not in text
    assert "zle-haslo" not in text
    assert "account " in text  # the keyed hash stands in for the name


def test_the_requests_data_is_not_in_reach_of_a_half_logged_in_user(client, coordinator, enrolled):
    help_request = HelpRequestFactory()
    log_in(client)
    for url in (REQUESTS, f"/admin/requests/inspect/{help_request.pk}/", REQUESTS + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/second-factor/" in response["Location"], url
