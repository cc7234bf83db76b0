"""A throw-away Redis server on a free loopback port, for tests of the shared cache.

Debian's redis-server (`make test` installs it), started by the same class the fault
script uses (bench/stack.py). It keeps nothing on disk, so stopping it loses
everything, as a restarted Redis without persistence would.
"""

import shutil

import pytest

from bench.stack import RedisServer, free_port  # noqa: F401  (free_port: for tests that need a closed port)


@pytest.fixture
def redis_server(tmp_path):
    if not shutil.which("redis-server"):
        pytest.fail("Debian's redis-server is needed for this test: `make test` installs it.")
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
