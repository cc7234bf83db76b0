"""The staff member's authenticator app (TOTP) and their one-time backup codes."""

import time
from base64 import b32encode

import segno
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "aplikacja"
BACKUP_DEVICE_NAME = "kody zapasowe"
# How far back a refused app code is recognised as one the app really showed (see code_expired).
EXPIRED_CODE_WINDOW_SECONDS = 15 * 60


def confirmed_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user):
    """The app being set up: the same secret until it is confirmed, so a reload shows the same code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_for_typing(device):
    """The secret in groups of four, for people who type it instead of scanning."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    # Inline SVG: no image request, nothing for the Content Security Policy to allow.
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


@transaction.atomic
def confirm_app(device):
    """Make a confirmed app the only one, and issue fresh backup codes. Returns the codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    backup = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    return codes


def remove_all(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def normalise(token):
    return "".join(token.split()).lower()


def device_for_code(user, token):
    """The device a code belongs to: six digits come from the app, anything else is a backup code.

    Keeping them apart means a backup code never counts as a wrong app code
    (each device slows down its own guessing: django-otp's throttling).
    """
    model = TOTPDevice if len(token) == 6 and token.isdigit() else StaticDevice
    return model.objects.filter(user=user, confirmed=True).first()


def throttled_until(device):
    """When the device checks a code again, if it is waiting after wrong codes (1 s, 2 s, 4 s...)."""
    if device is None:
        return None
    allowed, details = device.verify_is_allowed()
    return None if allowed else (details or {}).get("locked_until")


def code_expired(device, token):
    """Whether a refused app code is one the app showed earlier: too old, or already used.

    Only to word the refusal ("expired" rather than "not correct"): the code is refused
    either way, and counts towards the wait after wrong codes.
    """
    if not isinstance(device, TOTPDevice) or not token.isdigit():
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = time.time()
    for steps_back in range(EXPIRED_CODE_WINDOW_SECONDS // device.step + 1):
        totp.time = now - steps_back * device.step
        if totp.token() == int(token):
            return True
    return False
