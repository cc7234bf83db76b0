"""The log-in lock-out rule, and how django-axes names a log-in attempt in the logs.

The rule (README, "Security and data protection"), counted over the last
AXES_COOLOFF_TIME in axes' database table, so every app server sees the same counts:

- AXES_FAILURE_LIMIT wrong passwords for one account, from anywhere, lock that account;
- LOGIN_FAILURE_LIMIT_PER_ADDRESS wrong passwords from one address, for any accounts,
  lock that address;
- a correct password clears only the wrong passwords typed for that same account from
  that same address. Not another account's, and not those typed for the account
  elsewhere: axes' own reset (AXES_RESET_ON_SUCCESS with "username" and "ip_address")
  deleted every failure from the address, so logging in to one's own account between
  guesses at a colleague's kept the guessing going for ever.

The username, the address and the browser of a staff member are personal data; the
logs name an attempt by a keyed hash of the username only, which still lets an
administrator match repeated failures of one account (`client_str(username)` in a shell
gives the same value) without writing who it is.
"""

import hashlib
import hmac

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def account_key(username):
    digest = hmac.new(settings.SECRET_KEY.encode(), f"axes:{username or ''}".encode(), hashlib.sha256)
    return digest.hexdigest()[:12]


def client_str(username, ip_address, user_agent, path_info, request):
    return f"account {account_key(username)}"


def locked_out_response(request, original_response=None, credentials=None):
    """The page shown instead of the log-in form while an account is locked (HTTP 429)."""
    from axes.helpers import get_cool_off
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = round(cool_off.total_seconds() / 60) if cool_off else None
    # Rendered at once: django-axes returns it from its middleware, after the view.
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


class LockoutHandler(AxesDatabaseHandler):
    """axes' database handler with the portal's rule (above): separate counts, narrow reset."""

    def get_failures(self, request, credentials=None):
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        account = _total(recent.filter(username=get_client_username(request, credentials)))
        address = _total(recent.filter(ip_address=request.axes_ip_address))
        if address >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            # axes compares one number with AXES_FAILURE_LIMIT: a locked address counts as
            # a locked account, whichever account is tried from it.
            return max(account, get_failure_limit(request, credentials))
        return account

    def reset_user_attempts(self, request, credentials=None):
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        ).delete()
        return count


def _total(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
