"""Applicants going through the request form, as browsers behind the TLS proxy would (bench/client.py).

`walk` is one applicant: every step shown and answered, the check page, sending, the
confirmation. The fault cases run many walks from threads, each with its own
behaviour (thinking, retrying after a 503, stopping half-way); `load` keeps a number of
applicants walking again and again for a while, for the benchmark's figures.

The answers are invented and are never printed: only paths, statuses and references.
"""

import itertools
import re
import threading
import time
from dataclasses import dataclass, field

from bench.client import HOST, Browser, hidden_value  # noqa: F401  (HOST: the stack's public host)

START = "/popros-o-pomoc/"
CHECK = START + "sprawdz/"
CONFIRMATION = START + "potwierdzenie/"
STEPS = ["kto", "rodzina", "trudnosci", "bezpieczenstwo", "kontakt"]

REFERENCE = re.compile(r"data-reference>\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*<")
LOCALITY_SELECT = re.compile(r'<select[^>]*name="locality"[^>]*>(.*?)</select>', re.S)
OPTION_VALUE = re.compile(r'<option value="(\d+)"')


def step_path(slug):
    return f"{START}krok/{slug}/"


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
    """Fill in and send the whole form once; the result holds the reference shown on the confirmation page.

    base_url: one app server, or a list that takes the requests in turn (Browser).
    retry_unavailable_for: for how many seconds a 503 is answered by trying the same
    request again, as a person would reload after "try again in a few minutes".
    think: seconds a person spends on a step before sending it.
    on_step(number, slug) is called after each step is accepted.
    forwarded_for: the address the applicant comes from (X-Forwarded-For).
    send=False stops at the check page, with nothing sent.
    """
    browser = Browser(base_url, forwarded_for=forwarded_for)
    result = WalkResult(number, started_at=time.monotonic())
    try:
        result.reference = walk_steps(
            browser, number, retry_unavailable_for, retry_wait, think, on_step, result if keep_pages else None, send
        )
    except (WalkError, OSError) as error:
        result.error = f"{type(error).__name__}: {error}"
    finally:
        browser.close()
    result.finished_at = time.monotonic()
    result.exchanges = browser.exchanges
    return result


def walk_steps(browser, number, retry_for, retry_wait, think, on_step, kept=None, submit=True):
    """Every step of one request through `browser` (bench/client.py or a test client): the reference shown."""

    def send(method, path, form=None, expect=(200,)):
        if think and form is not None:
            time.sleep(think)
        give_up_at = None
        while True:
            response = browser.request(method, path, form)
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


@dataclass
class Load:
    """What `load` saw. The rate counts what was answered inside the window, when every applicant was busy."""

    references: list = field(default_factory=list)  # every reference shown, in the window or after it
    errors: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    latencies: list = field(default_factory=list)  # seconds per HTTP request answered in the window
    window: float = 0.0  # seconds
    requests_in_window: int = 0  # HTTP requests answered in the window
    seconds: float = 0.0  # until the last walk begun in the window finished

    @property
    def requests(self):
        return sum(self.statuses.values())

    @property
    def requests_per_walk(self):
        return self.requests / len(self.references) if self.references else 0.0

    @property
    def requests_per_second(self):
        return self.requests_in_window / self.window if self.window else 0.0

    @property
    def walks_per_second(self):
        """Whole requests a second: the window's HTTP requests in whole walks' worth."""
        return self.requests_per_second / self.requests_per_walk if self.requests_per_walk else 0.0


def load(base_url, clients=50, seconds=10.0, numbers=None):
    """`clients` applicants walk the form again and again for `seconds`; a walk begun by then is finished.

    numbers: where applicant numbers (and so e-mail addresses) come from, to go on across runs.
    """
    numbers = numbers or itertools.count(1)
    result = Load(window=seconds)
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + seconds

    def applicant():
        while time.monotonic() < deadline:
            with lock:
                number = next(numbers)
            one = walk(base_url, number)
            with lock:
                if one.reference:
                    result.references.append(one.reference)
                else:
                    result.errors.append(one.error)
                for exchange in one.exchanges:
                    result.statuses[exchange.status] = result.statuses.get(exchange.status, 0) + 1
                    if exchange.finished_at <= deadline:
                        result.requests_in_window += 1
                        result.latencies.append(exchange.seconds)

    threads = [threading.Thread(target=applicant, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result
