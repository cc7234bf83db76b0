"""How django-axes names a log-in attempt in the logs: a keyed hash of the username only.

The username, the address and the browser of a staff member are personal data; a
keyed hash still lets an administrator match repeated failures of one account
(`client_str(username)` in a shell gives the same value) without writing who it is.
"""

import hashlib
import hmac

from django.conf import settings


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
