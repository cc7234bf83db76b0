"""A throw-away Redis server on a free loopback port, for tests of the shared cache.

Debian's redis-server (`make test` installs it). It keeps nothing on disk, so stopping
it loses everything, as a restarted Redis without persistence would.
"""

import shutil
import socket
import subprocess
import time

import pytest


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, port):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.fail("Debian's redis-server is needed for this test: `make test` installs it.")
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()
