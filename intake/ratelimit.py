"""Limits on how many requests one address or one e-mail can send, to keep floods out.

Counters live in the shared cache (portal/cache.py), so every app process and every
app server counts together, under a keyed hash: neither the IP address nor the e-mail
is stored. When the shared cache cannot be reached the limits fail open: a family in
crisis must be able to send its request, and the honeypot, the minimum fill time and
reCAPTCHA (when on) still stand in front of the form (README, "Configuration").
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

from portal.cache import SharedCacheUnavailable
from portal.clients import client_address

logger = logging.getLogger(__name__)


def _key(kind, value):
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"intake-rate:{kind}:{digest}"


def _hit(kind, value, limit, window):
    key = _key(kind, value)
    try:
        if cache.add(key, 1, timeout=window):
            return True
        try:
            return cache.incr(key) <= limit
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
            return True
    except SharedCacheUnavailable:
        logger.warning("request limit per %s not checked: the shared cache is unreachable", kind)
        return True


def allow(request, email=None):
    """Count one submission; False when the address or the e-mail is over its limit."""
    limit, window = settings.INTAKE_RATE_LIMIT_PER_ADDRESS
    allowed = _hit("address", client_address(request), limit, window)
    if email:
        limit, window = settings.INTAKE_RATE_LIMIT_PER_EMAIL
        allowed = _hit("email", email.strip().lower(), limit, window) and allowed
    return allowed
