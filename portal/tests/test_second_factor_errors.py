"""A refused code on the two-step log-in screens is shown, in Polish, and read out with the input.

Every member of staff passes these screens at every log-in: a wrong code, an old
code and the wait after wrong codes must say so beside the field, not just reload.
"""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.accounts.devices import EXPIRED_CODE_WINDOW_SECONDS

pytestmark = pytest.mark.django_db

PASSWORD = "haslo-koordynatora-123"
VERIFY = "/admin/second-factor/verify/"
SET_UP = "/admin/second-factor/set-up/"


@pytest.fixture
def coordinator(db):
    user = User.objects.create_user("koordynator", "k@gops.example.pl", PASSWORD)
    user.groups.add(Group.objects.get(name="Koordynatorzy"))
    return user


@pytest.fixture
def device(coordinator):
    return TOTPDevice.objects.create(user=coordinator, name="aplikacja", confirmed=True)


def code_at(device, seconds_ago=0):
    """The code the phone app showed `seconds_ago` seconds ago."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() - seconds_ago
    return f"{totp.token():06d}"


def wrong_code(device):
    # Not a code the app shows now (the server allows one step either side) or showed lately.
    recent = range(-device.step, EXPIRED_CODE_WINDOW_SECONDS + 2 * device.step, device.step)
    shown = {code_at(device, seconds) for seconds in recent}
    return next(code for code in (f"{n:06d}" for n in range(1_000_000)) if code not in shown)


def log_in(client):
    client.post("/admin/login/", {"username": "koordynator", "password": PASSWORD})


def message_read_with_input(response):
    """What a screen reader hears with the code input: the texts its aria-describedby points at.

    Also checks the input is marked invalid and that the message sits where Wagtail's
    log-in styling does not hide it (`.login .login-form .w-field__errors {display: none}`).
    """
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    field = page.find("input", attrs={"name": "token"})
    assert field.get("aria-invalid") == "true"
    described = []
    for element_id in field.get("aria-describedby", "").split():
        element = page.find(id=element_id)
        assert element is not None, f"aria-describedby points at a missing #{element_id}"
        described.append(element)
    errors = [element for element in described if "w-field__errors" in element.get("class", [])]
    assert errors, "the input is not described by its error message"
    for error in errors:
        assert error.find_parent("form", class_="login-form") is None, "Wagtail's log-in CSS hides this message"
    # The error first: it is what the person needs to hear on coming back to the input.
    assert described[0] is errors[0]
    return " ".join(" ".join(element.get_text(" ").split()) for element in errors)


def test_a_wrong_code_is_shown_and_read_with_the_input(client, device):
    log_in(client)
    message = message_read_with_input(client.post(VERIFY, {"token": wrong_code(device)}))
    assert "Ten kod jest nieprawidłowy" in message


def test_an_old_code_is_called_expired(client, device):
    log_in(client)
    message = message_read_with_input(client.post(VERIFY, {"token": code_at(device, seconds_ago=180)}))
    assert "Ten kod już wygasł albo został użyty" in message
    assert "nieprawidłowy" not in message


def test_a_code_already_used_is_called_expired(client, device):
    code = code_at(device)
    log_in(client)
    assert client.post(VERIFY, {"token": code}).status_code == 302
    client.post("/admin/logout/")
    log_in(client)
    message = message_read_with_input(client.post(VERIFY, {"token": code}))
    assert "Ten kod już wygasł albo został użyty" in message


def test_the_wait_after_a_wrong_code_says_how_long(client, device, settings):
    # django-otp waits this many seconds after the first wrong code (doubling after each
    # next one); 30 rather than the usual 1, so the test is not faster than the wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    log_in(client)
    client.post(VERIFY, {"token": wrong_code(device)})
    message = message_read_with_input(client.post(VERIFY, {"token": code_at(device)}))
    assert re.search(r"Poczekaj (29|30) sekund\b", message), message
    assert "nieprawidłowy" not in message


def test_an_empty_code_is_asked_for(client, device):
    log_in(client)
    message = message_read_with_input(client.post(VERIFY, {"token": ""}))
    assert "Wpisz kod" in message


def test_a_wrong_code_while_setting_up_is_shown_and_read_with_the_input(client, coordinator):
    log_in(client)
    client.get(SET_UP)
    pending = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    message = message_read_with_input(client.post(SET_UP, {"token": wrong_code(pending)}))
    assert "Ten kod jest nieprawidłowy" in message


def test_without_an_error_the_input_is_described_by_its_hint_only(client, device):
    log_in(client)
    page = BeautifulSoup(client.get(VERIFY).content.decode(), "html.parser")
    field = page.find("input", attrs={"name": "token"})
    assert field.get("aria-invalid") is None
    hint = " ".join(" ".join(page.find(id=i).get_text(" ").split()) for i in field["aria-describedby"].split()).strip()
    assert hint == "Sześć cyfr z aplikacji w telefonie albo jeden z kodów zapasowych."
