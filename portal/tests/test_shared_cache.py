"""The shared cache: one for every process and server, and a site that keeps working without it."""

import logging
import time

import pytest
from django.test import RequestFactory

from portal.cache import ResilientRedisCache, SharedCacheUnavailable
from portal.tests.redis_server import free_port
from portal.tests.test_settings import run_python

pytestmark = pytest.mark.django_db


def redis_cache(url):
    return ResilientRedisCache(url, {"OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}})


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_no_settings_keep_the_cache_in_one_process(module):
    code = f"import portal.settings.{module} as s; print(s.CACHES['default']['BACKEND'])"
    result = run_python(code, SECRET_KEY="x" * 50, ALLOWED_HOSTS="gops.example.pl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.filebased.FileBasedCache"


def test_redis_url_selects_djangos_redis_backend():
    code = "import portal.settings.production as s; c = s.CACHES['default']; print(c['BACKEND'], c['LOCATION'])"
    result = run_python(code, SECRET_KEY="x" * 50, ALLOWED_HOSTS="gops.example.pl", REDIS_URL="redis://10.0.0.5:6379/2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["portal.cache.ResilientRedisCache", "redis://10.0.0.5:6379/2"]


def test_what_one_process_counts_another_sees(settings, tmp_path):
    """Two processes on one machine, with the default file cache: the form's limit is shared."""
    settings.INTAKE_RATE_LIMIT_PER_ADDRESS = (3, 3600)
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings.test'; django.setup();"
        "from django.conf import settings; settings.INTAKE_RATE_LIMIT_PER_ADDRESS = (3, 3600);"
        "from django.test import RequestFactory; from intake import ratelimit;"
        "print(ratelimit.allow(RequestFactory().post('/', REMOTE_ADDR='203.0.113.7')))"
    )
    env = {"CACHE_DIR": str(tmp_path / "cache"), "SECRET_KEY": "x" * 50}
    answers = [run_python(code, **env).stdout.strip() for _ in range(4)]
    assert answers == ["True", "True", "True", "False"]


def test_two_app_servers_count_together_on_redis(redis_server, settings, monkeypatch):
    """Each server has its own connection to Redis; the sixth request is refused on either."""
    from intake import ratelimit

    settings.INTAKE_RATE_LIMIT_PER_ADDRESS = (5, 3600)
    servers = [redis_cache(redis_server.url), redis_cache(redis_server.url)]
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
    answers = []
    for number in range(7):
        monkeypatch.setattr(ratelimit, "cache", servers[number % 2])
        answers.append(ratelimit.allow(request))
    assert answers == [True] * 5 + [False] * 2


def test_with_redis_away_reads_miss_writes_drop_and_counters_say_so(caplog):
    cache = redis_cache(f"redis://127.0.0.1:{free_port()}/0")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        assert cache.get("page", "missing") == "missing"
        cache.set("page", "bytes")
        assert cache.get_or_set("version", "v1") == "v1"
        assert cache.add("counter", 1) is False
        with pytest.raises(SharedCacheUnavailable):
            cache.incr("counter")
        cache.delete("page")
    # One short timeout, then no more tries for a while: not one wait per call.
    assert time.monotonic() - started < 1.0
    assert [record.getMessage() for record in caplog.records] == [
        "shared cache unreachable (ConnectionError); serving without it"
    ]


def test_redis_back_after_an_outage_is_used_again(redis_server, monkeypatch):
    from portal import cache as shared

    monkeypatch.setattr(shared, "RETRY_AFTER", 0.2)
    cache = redis_cache(redis_server.url)
    cache.set("key", "before")
    redis_server.stop()
    assert cache.get("key", "miss") == "miss"
    redis_server.start()
    time.sleep(0.3)
    cache.set("key", "after")
    assert cache.get("key") == "after"


def test_request_limits_fail_open_while_redis_is_away(settings, caplog):
    from intake import ratelimit

    settings.INTAKE_RATE_LIMIT_PER_ADDRESS = (1, 3600)
    away = redis_cache(f"redis://127.0.0.1:{free_port()}/0")
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    with pytest.MonkeyPatch.context() as patch, caplog.at_level(logging.WARNING):
        patch.setattr(ratelimit, "cache", away)
        assert [ratelimit.allow(request, email="rodzina@example.pl") for _ in range(3)] == [True] * 3
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "not checked" in logged
    assert "203.0.113.9" not in logged and "rodzina@example.pl" not in logged
