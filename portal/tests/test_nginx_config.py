"""The nginx shipped in deploy/nginx/ lets large bodies reach only the upload views, and hides its version.

The figures must be the app's own (portal/settings/base.py): the app refines them by
who is signed in, nginx keeps everything bigger from reaching it at all. Read from the
files here; then, when Debian's nginx and its cache-purge module are installed (as
`make bench` installs them), run as bench/nginx.py runs it, in front of a stand-in app.
"""

import re
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.urls import reverse

from bench.nginx import DEPLOY, PURGE_MODULE, Nginx
from portal.middleware import AVATAR_VIEWS, DOCUMENT_UPLOAD_VIEWS, IMAGE_UPLOAD_VIEWS

UNITS = {"": 1, "k": 1024, "m": 1024 * 1024}
LOCATIONS = (DEPLOY / "portal-locations.conf").read_text()


def size(value):
    number, unit = re.fullmatch(r"(\d+)([km]?)", value.lower()).groups()
    return int(number) * UNITS[unit]


def without_comments(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def nginx_limit(path):
    """The body limit nginx applies to `path`: the first regex location that matches, else the default."""
    text = without_comments(LOCATIONS)
    for pattern, block in re.findall(r"location\s+~\s+(\S+)\s*\{(.*?)\n\}", text, re.S):
        if re.search(pattern, path):
            inner = re.search(r"client_max_body_size\s+(\S+);", block)
            if inner:
                return size(inner.group(1))
            break
    outside = re.sub(r"location[^{]*\{.*?\n\}", "", text, flags=re.S)
    return size(re.search(r"client_max_body_size\s+(\S+);", outside).group(1))


def url(view_name):
    return reverse(view_name, args=[7] if view_name.endswith(":edit") else [])


def test_the_version_is_not_shown():
    http_part = without_comments((DEPLOY / "portal-http.conf").read_text())
    assert re.search(r"^\s*server_tokens\s+off;", http_part, re.M)


def test_the_public_limit_everywhere_but_the_admin():
    for path in (
        "/",
        "/popros-o-pomoc/krok/kto/",
        "/popros-o-pomoc/sprawdz/",
        "/szukaj/",
        "/wyjdz/",
        "/documents/1/a.pdf",
    ):
        assert nginx_limit(path) == settings.PUBLIC_MAX_BODY_SIZE, path


def test_large_bodies_only_on_the_upload_views():
    for view_name in DOCUMENT_UPLOAD_VIEWS:
        assert nginx_limit(url(view_name)) == settings.DOCUMENT_UPLOAD_MAX_BODY_SIZE, view_name
    for view_name in IMAGE_UPLOAD_VIEWS | AVATAR_VIEWS:
        assert nginx_limit(url(view_name)) == settings.IMAGE_UPLOAD_MAX_BODY_SIZE, view_name
    for path in ("/admin/", "/admin/login/", "/admin/pages/3/edit/", "/admin/documents/", "/admin/images/7/delete/"):
        assert nginx_limit(path) == settings.STAFF_MAX_BODY_SIZE, path


# --- nginx itself -----------------------------------------------------------------------

needs_nginx = pytest.mark.skipif(
    shutil.which("nginx") is None or not PURGE_MODULE.exists(),
    reason="needs Debian's nginx and libnginx-mod-http-cache-purge (scripts/install_system_packages.sh bench)",
)


class StandIn(BaseHTTPRequestHandler):
    """The app behind nginx: takes any body and records what reached it."""

    received = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        remaining = length
        while remaining:
            remaining -= len(self.rfile.read(min(remaining, 1 << 20)))
        self.received.append((self.path, length))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_GET = do_POST

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    app = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    work = tmp_path_factory.mktemp("nginx")
    nginx = Nginx(work, app.server_port, work / "media", work / "bodies")
    nginx.start()
    try:
        yield nginx
    finally:
        nginx.stop()
        app.shutdown()
        app.server_close()


def post(proxy, path, length, send_body=True):
    """Status line, headers and body of nginx's answer to a POST announcing `length` bytes."""
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=30) as sock:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
        )
        sock.sendall(head.encode())
        if send_body:
            chunk = b"x" * (1 << 20)
            remaining = length
            while remaining:
                remaining -= sock.send(chunk[: min(remaining, len(chunk))])
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.split(": ", 1) for line in lines[1:])
        # Read the answer, not until nginx closes: after a refusal it lingers, waiting for the body.
        while len(body) < int(headers.get("Content-Length", 0)):
            body += sock.recv(65536)
    return int(lines[0].split()[1]), headers, body.decode("utf-8", "replace")


@needs_nginx
def test_nginx_refuses_a_large_body_outside_the_uploads_without_passing_it_on(proxy):
    StandIn.received.clear()
    status, headers, page = post(proxy, "/admin/login/", 50 * 1024 * 1024, send_body=False)
    assert status == 413
    # In Polish, as the app's own page, never nginx's English one.
    assert "Nie udało się przyjąć tylu danych" in page and 'href="tel:112"' in page
    assert headers["Content-Type"].startswith("text/html") and "utf-8" in headers["Content-Type"].lower()
    assert post(proxy, "/popros-o-pomoc/krok/kto/", settings.PUBLIC_MAX_BODY_SIZE + 1, send_body=False)[0] == 413
    assert post(proxy, "/admin/pages/3/edit/", settings.STAFF_MAX_BODY_SIZE + 1, send_body=False)[0] == 413
    assert StandIn.received == []


@needs_nginx
def test_nginx_passes_what_the_app_may_take(proxy):
    StandIn.received.clear()
    assert post(proxy, "/popros-o-pomoc/krok/kto/", settings.PUBLIC_MAX_BODY_SIZE)[0] == 200
    assert post(proxy, "/admin/pages/3/edit/", settings.STAFF_MAX_BODY_SIZE)[0] == 200
    upload = settings.STAFF_MAX_BODY_SIZE + 1024 * 1024
    assert post(proxy, "/admin/documents/multiple/add/", upload)[0] == 200
    assert post(proxy, "/admin/images/chooser/create/", upload)[0] == 200
    assert StandIn.received == [
        ("/popros-o-pomoc/krok/kto/", settings.PUBLIC_MAX_BODY_SIZE),
        ("/admin/pages/3/edit/", settings.STAFF_MAX_BODY_SIZE),
        ("/admin/documents/multiple/add/", upload),
        ("/admin/images/chooser/create/", upload),
    ]


@needs_nginx
def test_nginx_does_not_tell_its_version(proxy):
    for _status, headers, page in (post(proxy, "/", 0), post(proxy, "/admin/login/", 10**9, send_body=False)):
        assert headers["Server"] == "nginx", headers["Server"]
        assert not re.search(r"nginx/\d", page)
