"""The benchmark's one HTTP client: a browser behind the TLS proxy.

Production sends Secure cookies and redirects plain HTTP to HTTPS, so every request says
it came through the proxy (`X-Forwarded-Proto: https`), a form carries an Origin and a
Referer on the public host for CSRF, and the cookies are kept here (stdlib cookie jars
never send Secure cookies over http). Given an address, a client says it came from there
(`X-Forwarded-For`, as nginx adds it). Given several app servers, a client sends its
requests to each in turn with the same cookies, as a load balancer without sticky
sessions would.

`compose` writes a request and `read_response` reads an answer (Content-Length, chunked,
or until the server closes), over plain blocking sockets. By default every request has a
connection of its own, as a proxy without keep-alive to the app would open (gunicorn's
sync workers close after each answer anyway); `keep_alive=True` keeps one per server, as
browsers and nginx do, and opens a new one when the server has closed it.

Many applicants at once are threads of this client (bench/intake_client.py's `load`, the
fault cases), not asyncio: the load runs on the same two cores as the server it
measures, and against the same portal 50 threads spent 0.4 ms of client CPU per HTTP
request where 50 asyncio tasks on asyncio's streams spent 0.6 ms (the server about
10 ms), so threads take less from the server and need no second client.

Nothing is printed here: only the callers decide what to show (never what an applicant typed).
"""

import re
import socket
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

HOST = "localhost"  # the public host name the proxy passes on (in ALLOWED_HOSTS)
USER_AGENT = "gops-bench/2"
# What makes an answer the site's own Polish 503 page (templates/503.html).
UNAVAILABLE_PAGE = ("<h1>Strona chwilowo nie działa</h1>", 'href="tel:112"')


class ClosedBeforeAnswer(ConnectionError):
    """The server closed the connection without a byte of answer (a kept-alive one it gave up)."""


# --- the wire, without I/O -------------------------------------------------------------------


class Headers:
    """An answer's header lines, in order, looked up without regard to case."""

    def __init__(self, items):
        self.items = items

    def get(self, name, default=None):
        name = name.lower()
        return next((value for key, value in self.items if key.lower() == name), default)

    def get_all(self, name):
        name = name.lower()
        return [value for key, value in self.items if key.lower() == name]

    def __contains__(self, name):
        return self.get(name) is not None


@dataclass
class Response:
    status: int
    headers: Headers
    body: bytes
    closes: bool = True  # the server closes the connection after it

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self):
        """The path (and query) a redirect leads to."""
        target = urlsplit(self.headers.get("Location", ""))
        return target.path + (f"?{target.query}" if target.query else "")


def compose(method, path, host, *, cookies=None, form=None, referer_path=None, headers=None, keep_alive=False):
    """The bytes of one request as a browser behind the TLS proxy sends it."""
    fields = {
        "Host": host,
        "X-Forwarded-Proto": "https",
        "User-Agent": USER_AGENT,
        "Accept-Language": "pl",
        "Connection": "keep-alive" if keep_alive else "close",
    }
    if cookies:
        fields["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = b""
    if form is not None:
        body = urlencode(form, doseq=True).encode()
        fields["Content-Type"] = "application/x-www-form-urlencoded"
        fields["Origin"] = f"https://{host}"
        fields["Referer"] = f"https://{host}{referer_path or path}"
    if form is not None or method in ("POST", "PUT"):
        fields["Content-Length"] = str(len(body))
    fields.update(headers or {})
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in fields.items())
    return (head + "\r\n").encode("latin-1") + body


def read_response(stream, method):
    """One answer from a buffered binary stream (a socket's makefile("rb"))."""
    status_line = stream.readline(65537)
    if not status_line:
        raise ClosedBeforeAnswer("the server closed the connection without answering")
    version, status = status_line.split(None, 2)[:2]
    status = int(status)
    items = []
    while True:
        line = stream.readline(65537)
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        items.append((name.strip(), value.strip()))
    headers = Headers(items)
    closes = version == b"HTTP/1.0" or headers.get("Connection", "").lower() == "close"
    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        body = b""
    elif "chunked" in headers.get("Transfer-Encoding", "").lower():
        parts = []
        while True:
            size = int(stream.readline(65537).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while stream.readline(65537) not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                break
            parts.append(_exactly(stream, size))
            stream.readline(65537)  # the chunk's CRLF
        body = b"".join(parts)
    elif headers.get("Content-Length") is not None:
        body = _exactly(stream, int(headers.get("Content-Length")))
    else:
        body = stream.read()
        closes = True
    return Response(status, headers, body, closes)


def _exactly(stream, size):
    data = stream.read(size)
    if len(data) < size:
        raise ConnectionError("the answer ended early")
    return data


class Cookies(dict):
    """name -> value, as the server set them (expired ones removed)."""

    def take(self, headers):
        for header in headers.get_all("Set-Cookie"):
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or (morsel.value in ("", '""') and morsel["expires"]):
                    self.pop(name, None)
                else:
                    self[name] = morsel.value


@dataclass
class Exchange:
    """One HTTP request and its answer (no bodies kept: they hold what the applicant typed)."""

    method: str
    path: str
    status: int
    seconds: float
    finished_at: float
    retry_after: str | None = None
    unavailable_page: bool = False  # the Polish 503 page
    mentions_locked_database: bool = False
    server: str = ""  # host:port that answered

    @classmethod
    def of(cls, method, path, response, started, finished, address):
        return cls(
            method,
            path.split("?")[0],
            response.status,
            finished - started,
            finished,
            retry_after=response.headers.get("Retry-After"),
            unavailable_page=response.status == 503 and all(part in response.text for part in UNAVAILABLE_PAGE),
            mentions_locked_database=response.status >= 400 and "database is locked" in response.text,
            server=f"{address[0]}:{address[1]}",
        )


class Browser:
    """Cookies, CSRF headers and the proxy's X-Forwarded-*; records every exchange.

    base_url: one app server, or several (a list), which then take the requests in turn.
    host: the Host header (default the public host name; None: the one in the URL, as the
    benchmark addresses its pages).
    forwarded_for: the client's address as the proxy in front would pass it on.
    keep_alive: keep a connection to each server open between requests.
    record: keep an Exchange for every request (exchanges).
    """

    def __init__(self, base_url, *, host=HOST, timeout=60, forwarded_for=None, keep_alive=False, record=True):
        targets = [base_url] if isinstance(base_url, str) else list(base_url)
        self.addresses = [(urlsplit(url).hostname, urlsplit(url).port or 80) for url in targets]
        self.host = host
        self.turn = 0
        self.timeout = timeout
        self.forwarded_for = forwarded_for
        self.keep_alive = keep_alive
        self.record = record
        self.cookies = Cookies()
        self.exchanges = []
        self.connections = {}

    @property
    def address(self):
        """The app server the next request goes to."""
        return self.addresses[self.turn % len(self.addresses)]

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, form, referer_path=None):
        return self.request("POST", path, form, referer_path)

    def request(self, method, path, form=None, referer_path=None, headers=None):
        address = self.address
        self.turn += 1
        extra = dict(headers or {})
        if self.forwarded_for:
            extra.setdefault("X-Forwarded-For", self.forwarded_for)
        raw = compose(
            method,
            path,
            self.host or f"{address[0]}:{address[1]}",
            cookies=self.cookies,
            form=form,
            referer_path=referer_path,
            headers=extra,
            keep_alive=self.keep_alive,
        )
        started = time.monotonic()
        response = self._exchange(address, raw, method)
        self.cookies.take(response.headers)
        if self.record:
            self.exchanges.append(Exchange.of(method, path, response, started, time.monotonic(), address))
        return response

    def _exchange(self, address, raw, method):
        while True:
            connection = self.connections.pop(address, None)
            reused = connection is not None
            if connection is None:
                sock = socket.create_connection(address, timeout=self.timeout)
                connection = (sock, sock.makefile("rb"))
            sock, stream = connection
            try:
                sock.sendall(raw)
                response = read_response(stream, method)
            except (ClosedBeforeAnswer, ConnectionResetError, BrokenPipeError):
                _close(connection)
                if reused:
                    continue  # the server had given up the kept-alive connection: a new one
                raise
            except BaseException:
                _close(connection)
                raise
            if self.keep_alive and not response.closes:
                self.connections[address] = connection
            else:
                _close(connection)
            return response

    def close(self):
        for connection in self.connections.values():
            _close(connection)
        self.connections.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _close(connection):
    sock, stream = connection
    stream.close()
    sock.close()


def hidden_value(html, name):
    """The value of a form's hidden input (a CSRF token, a one-time token)."""
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    value = re.search(r'value="([^"]*)"', tag.group(0)) if tag else None
    return value.group(1) if value else None


def admin_password_step(browser, username, password):
    """The admin's log-in form, its first step (the password): (the form page, the answer to it).

    The answer is None when the form page itself did not answer 200.
    """
    page = browser.get("/admin/login/")
    if page.status != 200:
        return page, None
    form = {
        "csrfmiddlewaretoken": hidden_value(page.text, "csrfmiddlewaretoken"),
        "username": username,
        "password": password,
        "next": "/admin/",
    }
    return page, browser.post("/admin/login/", form)


def get(url, headers=None, host=None):
    """One anonymous request to a full URL (the Host it names): the Response."""
    parts = urlsplit(url)
    with Browser(f"{parts.scheme}://{parts.netloc}", host=host, record=False) as browser:
        return browser.get(parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
