"""The shared cache: Redis on servers, a folder on one machine (README, "Configuration").

Every process on every app server must agree on what is cached here (whole pages and
their version, the request form's limits), so nothing of it lives in one process's
memory. On servers it is Django's own Redis backend. Redis can go away (a restart, a
network blip); the portal must then keep serving pages and accepting requests, so
while Redis cannot be reached a read is a miss and a write is dropped, and counters
raise SharedCacheUnavailable for their callers to decide (intake/ratelimit.py fails
open; `add` answers False, so a counter's first hit ends in `incr` too). After a failure the backend does not try Redis again for RETRY_AFTER seconds,
so an outage costs one short timeout per process, not one per cache call.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 2.0


class SharedCacheUnavailable(Exception):
    """The shared cache cannot be reached: a counter could not be read or changed."""


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that answers "not cached" while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _call(self, method, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback()
        try:
            return method(*args, **kwargs)
        except UNREACHABLE as error:
            with self._lock:
                if time.monotonic() >= self._down_until:
                    # Keys name pages and hashed counters, never people: the error alone is logged.
                    logger.warning("shared cache unreachable (%s); serving without it", type(error).__name__)
                self._down_until = time.monotonic() + RETRY_AFTER
            return fallback()

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, lambda: None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, lambda: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, lambda: False, key, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, lambda: False, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, _unavailable, key, delta, version)

    def delete(self, key, version=None):
        return self._call(super().delete, lambda: False, key, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, lambda: None, keys, version)

    def clear(self):
        return self._call(super().clear, lambda: False)


def _unavailable():
    raise SharedCacheUnavailable
