"""A client that goes through the request form as a browser behind the TLS proxy would.

Production sends Secure cookies and redirects plain HTTP to HTTPS, so every request
says it came through the proxy (`X-Forwarded-Proto: https`), carries an Origin and
Referer on the public host for CSRF, and the cookies are kept here by hand (stdlib
cookie jars never send Secure cookies over http). One TCP connection per request, as
a proxy without keep-alive to the app server would do. Given several app servers, a
browser sends its requests to each in turn with the same cookies, as a load balancer
without sticky sessions would; given an address, it says it came from there
(`X-Forwarded-For`, as nginx adds it).

The answers are invented and are never printed: only paths, statuses and references.
"""

import http.client
import re
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

HOST = "localhost"  # the public host name the proxy passes on (in ALLOWED_HOSTS)
START = "/popros-o-pomoc/"
CHECK = START + "sprawdz/"
CONFIRMATION = START + "potwierdzenie/"
STEPS = ["kto", "rodzina", "trudnosci", "bezpieczenstwo", "kontakt"]
# What makes an answer the site's own Polish 503 page (templates/503.html).
UNAVAILABLE_PAGE = ("<h1>Strona chwilowo nie działa</h1>", 'href="tel:112"')

REFERENCE = re.compile(r"data-reference>\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*<")
LOCALITY_SELECT = re.compile(r'<select[^>]*name="locality"[^>]*>(.*?)</select>', re.S)
OPTION_VALUE = re.compile(r'<option value="(\d+)"')


def step_path(slug):
    return f"{START}krok/{slug}/"


def hidden_value(html, name):
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    value = re.search(r'value="([^"]*)"', tag.group(0)) if tag else None
    return value.group(1) if value else None


def answers_for(slug, page, number):
    """Valid answers to one step (see intake/tests/walk.py); the locality comes from the page's list."""
    if slug == "kto":
        return {"requester_type": "own_family"}
    if slug == "rodzina":
        select = LOCALITY_SELECT.search(page)
        options = OPTION_VALUE.findall(select.group(1)) if select else []
        if not options:
            raise WalkError("the family step offers no locality")
        return {
            "locality": options[number % len(options)],
            "address": "ul. Polna 3",
            "postal_code": "84-100",
            "children_count": "2",
            "children_ages": "4 i 9 lat",
            "foster_care": "no",
        }
    if slug == "trudnosci":
        return {"difficulty_areas": ["care", "money"], "description": "Trudno nam z rachunkami."}
    if slug == "bezpieczenstwo":
        return {"child_in_danger": "no"}
    if slug == "kontakt":
        return {
            "contact_name": "Osoba Testowa",
            "contact_phone": "600 100 200",
            "contact_email": f"wnioskodawca{number}@example.com",
            "best_time_to_call": "po 15:00",
            "wants_receipt": "on",
        }
    raise WalkError(f"unknown step {slug}")


class WalkError(Exception):
    pass


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


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def location(self):
        target = urlsplit(self.headers.get("Location", ""))
        return target.path + (f"?{target.query}" if target.query else "")


class Browser:
    """Cookies, CSRF headers and the proxy's X-Forwarded-Proto; records every exchange.

    base_url: one app server, or several (a list), which then take the requests in turn.
    forwarded_for: the client's address as the proxy in front would pass it on.
    """

    def __init__(self, base_url, timeout=60, forwarded_for=None):
        targets = [base_url] if isinstance(base_url, str) else list(base_url)
        self.addresses = [(urlsplit(url).hostname, urlsplit(url).port) for url in targets]
        self.turn = 0
        self.timeout = timeout
        self.forwarded_for = forwarded_for
        self.cookies = {}
        self.exchanges = []

    @property
    def address(self):
        """The app server the next request goes to."""
        return self.addresses[self.turn % len(self.addresses)]

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, form, referer_path=None):
        return self.request("POST", path, form, referer_path)

    def request(self, method, path, form=None, referer_path=None, headers=None):
        extra = headers or {}
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "User-Agent": "gops-faults/1",
            "Accept-Language": "pl",
            "Connection": "close",
        }
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{referer_path or path}"
        headers.update(extra)
        address = self.address
        self.turn += 1
        started = time.monotonic()
        connection = http.client.HTTPConnection(*address, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read().decode("utf-8", errors="replace"))
        finally:
            connection.close()
        finished = time.monotonic()
        self._keep_cookies(response.headers)
        self.exchanges.append(
            Exchange(
                method,
                path.split("?")[0],
                response.status,
                finished - started,
                finished,
                retry_after=response.headers.get("Retry-After"),
                unavailable_page=response.status == 503 and all(part in response.text for part in UNAVAILABLE_PAGE),
                mentions_locked_database="database is locked" in response.text,
                server=f"{address[0]}:{address[1]}",
            )
        )
        return response

    def _keep_cookies(self, headers):
        for header in headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or (morsel.value == "" and morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


@dataclass
class WalkResult:
    number: int
    reference: str | None = None
    error: str | None = None
    exchanges: list = field(default_factory=list)
    started_at: float = 0.0
    finished_at: float = 0.0
    # With keep_pages: the check page and the confirmation page as served, and the answers
    # sent per step (all invented; compared by the script, never printed).
    pages: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)

    @property
    def refused(self):
        """The request form said "too many requests from here" (HTTP 429) when it was sent."""
        last = self.exchanges[-1] if self.exchanges else None
        return last is not None and last.method == "POST" and last.path == CHECK and last.status == 429


def walk(
    base_url,
    number,
    *,
    retry_unavailable_for=0.0,
    retry_wait=0.5,
    think=0.0,
    on_step=None,
    forwarded_for=None,
    keep_pages=False,
    send=True,
):
    """Fill in and send the whole form once; returns the reference shown on the confirmation page.

    base_url: one app server, or a list that takes the requests in turn (Browser).
    retry_unavailable_for: for how many seconds a 503 is answered by trying the same
    request again, as a person would reload after "try again in a few minutes".
    on_step(number, slug) is called after each step is accepted.
    forwarded_for: the address the applicant comes from (X-Forwarded-For).
    send=False stops at the check page, with nothing sent.
    """
    browser = Browser(base_url, forwarded_for=forwarded_for)
    result = WalkResult(number, started_at=time.monotonic())
    try:
        result.reference = _walk(
            browser, number, retry_unavailable_for, retry_wait, think, on_step, result if keep_pages else None, send
        )
    except (WalkError, OSError) as error:
        result.error = f"{type(error).__name__}: {error}"
    result.finished_at = time.monotonic()
    result.exchanges = browser.exchanges
    return result


def _walk(browser, number, retry_for, retry_wait, think, on_step, kept=None, submit=True):
    def send(method, path, form=None, referer=None, expect=(200,)):
        give_up_at = None
        while True:
            response = browser.request(method, path, form, referer)
            if response.status in expect:
                return response
            if response.status == 503 and retry_for:
                give_up_at = give_up_at or time.monotonic() + retry_for
                if time.monotonic() < give_up_at:
                    time.sleep(retry_wait)
                    continue
            raise WalkError(f"{method} {path.split('?')[0]} answered {response.status}")

    send("GET", START)
    path = step_path(STEPS[0])
    for slug in STEPS:
        if path != step_path(slug):
            raise WalkError(f"expected step {slug}, was sent to {path}")
        page = send("GET", path).text
        answers = answers_for(slug, page, number)
        if kept is not None:
            kept.answers[slug] = answers
        form = {"csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"), **answers}
        if think:
            time.sleep(think)
        path = send("POST", path, form, expect=(302,)).location
        if on_step:
            on_step(number, slug)
    if path != CHECK:
        raise WalkError(f"after the last step was sent to {path}, not the check page")
    page = send("GET", CHECK).text
    if kept is not None:
        kept.pages["check"] = page
    if not submit:
        return None
    form = {
        "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
        "token": hidden_value(page, "token"),
        "privacy_acknowledged": "on",
        "website": "",
    }
    if think:
        time.sleep(think)
    path = send("POST", CHECK, form, expect=(302,)).location
    if path != CONFIRMATION:
        raise WalkError(f"sending led to {path}, not the confirmation page")
    page = send("GET", CONFIRMATION).text
    if kept is not None:
        kept.pages["confirmation"] = page
    found = REFERENCE.search(page)
    if not found:
        raise WalkError("the confirmation page shows no reference")
    return found.group(1)
