"""Limits on how many requests one address or one e-mail can send, to keep floods out.

Counters live in the cache under a keyed hash: neither the IP address nor the
e-mail is stored. With several app servers, point the cache at Redis so the
counts are shared.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from portal.clients import client_address


def _key(kind, value):
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"intake-rate:{kind}:{digest}"


def _hit(kind, value, limit, window):
    key = _key(kind, value)
    if cache.add(key, 1, timeout=window):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True


def allow(request, email=None):
    """Count one submission; False when the address or the e-mail is over its limit."""
    limit, window = settings.INTAKE_RATE_LIMIT_PER_ADDRESS
    allowed = _hit("address", client_address(request), limit, window)
    if email:
        limit, window = settings.INTAKE_RATE_LIMIT_PER_EMAIL
        allowed = _hit("email", email.strip().lower(), limit, window) and allowed
    return allowed
