#!/usr/bin/env python
"""Fault and load tests: a request, once its reference is shown, is never lost.

    make faults
    .venv/bin/python bench/faults.py [--databases sqlite,postgresql] [--cases 1,2,3,4,5] [--keep]

For each case it starts the real stack on loopback, on free ports, in a temporary
directory: gunicorn with the production settings (2 workers x 4 threads, gthread),
the django-tasks database worker, a local SMTP server, and SQLite or a PostgreSQL
server of its own. Clients walk the real form over HTTP like browsers behind a
TLS-terminating proxy. Cases:

1. load: 50 concurrent clients send 500 requests through every step;
2. the mail server is down while 100 requests arrive, then comes back;
3. the task worker is SIGKILLed while an e-mail is inside the SMTP DATA exchange;
4. PostgreSQL is stopped while clients are half-way through the form, then started;
5. two app servers, as two machines (each its own gunicorn, var folder and task
   worker) on one PostgreSQL and one Redis, with nginx in front of both (deploy/):
   content changed through one is new on the other and through nginx, limits and
   lock-outs hold on both, each e-mail goes once, an applicant may alternate between
   them, and Redis may stop for 10 s under load.

Each check prints PASS or FAIL with its reason; the last line is "N passed, N failed"
and the exit code is non-zero when anything failed. Every process started here is
stopped at the end, also after Ctrl+C. Nothing an applicant would type is printed.
"""

import argparse
import itertools
import json
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import stack
from bench.client import admin_password_step
from bench.intake_client import CHECK, STEPS, Browser, walk
from bench.nginx import Nginx
from bench.report import Report, Section, percentile

LOAD_CLIENTS, LOAD_REQUESTS = 50, 500
MAIL_DOWN_CLIENTS, MAIL_DOWN_REQUESTS = 20, 100
KILL_CLIENTS, KILL_REQUESTS = 10, 20
KILL_AFTER_MESSAGES = 8  # let some e-mails go out normally before the crash
SLOW_SMTP_SECONDS = 0.3  # the mail server's pause inside DATA, so the kill lands mid-send
CLAIM_TIMEOUT_SECONDS = 30  # shortened from 600 so the run sees a stale claim taken again
OUTAGE_CLIENTS = 20
OUTAGE_SECONDS = 8
THINK_SECONDS = 0.3  # a person reads each step; keeps clients mid-way when the database stops
RESTART_DELAY_SECONDS = 2  # like systemd's RestartSec
# Case 5, two app servers. The limits are the production defaults (README, "Configuration").
LIMIT_PER_ADDRESS, LIMIT_PER_EMAIL = 5, 3
# Pages of the demo centre that show what every page shows (menu, centre's phone, helplines),
# and a page whose title is published anew, with its section that lists it.
EVERY_PAGE = ["/", "/asystent-rodziny/", "/aktualnosci/", "/kontakt/"]
CHANGED_PAGE, ITS_SECTION = "/asystent-rodziny/zadania/", "/asystent-rodziny/"
MENU_PAGE = "/asystent-rodziny/"
VISIBLE_WITHIN_SECONDS = 5  # how long a change is watched for after the first request missed it
LOCKED_ACCOUNT, DEMO_PASSWORD = "redaktor", "demo-gops-2026"
REDIS_CLIENTS = 20
REDIS_DOWN_SECONDS = 10
REDIS_LOAD_BEFORE_SECONDS, REDIS_LOAD_AFTER_SECONDS = 4, 4  # after: past the cache's 2 s retry pause
TEXT_ANSWERS = (
    "address",
    "postal_code",
    "children_ages",
    "description",
    "contact_name",
    "contact_phone",
    "contact_email",
    "best_time_to_call",
)


class Case(Section):
    """The checks of one case on one database."""

    def __init__(self, report, database, case):
        super().__init__(report, f"{case} [{database}]")
        self.database = database


class Run:
    """What the cases share: the results, one temporary directory, the built static files, databases."""

    def __init__(self, results, keep):
        self.results = results
        self.keep = keep
        self.dir = Path(tempfile.mkdtemp(prefix="gops-faults-"))
        self.static_root = self.dir / "static"
        self.media_root = self.dir / "media"
        self.databases = {}
        self.postgres = None
        self.stacks = 0
        self.last_stack_dir = None

    def prepare(self, kind):
        if kind == "postgresql" and self.postgres is None:
            self.postgres = stack.PostgresServer().init().start()
            self.results.say(f"PostgreSQL {self.postgres.version} started on 127.0.0.1:{self.postgres.port}")
        started = time.monotonic()
        self.databases[kind] = stack.Databases(kind, self.dir, self.media_root, self.postgres).prepare_template()
        self.results.say(f"{kind}: migrated and loaded the demo centre in {time.monotonic() - started:.1f} s")

    @contextmanager
    def stack(self, kind, label, smtp_running=True, **settings):
        """A fresh database cloned from the template, an SMTP sink, gunicorn and the worker."""
        self.stacks += 1
        work_dir = self.dir / f"{self.stacks:02d}-{kind}-{label}"
        work_dir.mkdir()
        self.last_stack_dir = work_dir
        smtp = stack.SmtpSink(work_dir)
        database_url = self.databases[kind].new(label.replace("-", "_"))
        portal = stack.Portal(work_dir, database_url, self.static_root, self.media_root, smtp.port, **settings)
        try:
            if smtp_running:
                smtp.start()
            portal.start_web()
            portal.start_worker()
            yield portal, smtp
        finally:
            portal.stop()
            smtp.stop()

    @contextmanager
    def two_servers(self, kind, label):
        """Two app machines on one database and one Redis, nginx with both in its upstream, one mail server."""
        self.stacks += 1
        work_dir = self.dir / f"{self.stacks:02d}-{kind}-{label}"
        work_dir.mkdir()
        self.last_stack_dir = work_dir
        redis = stack.RedisServer(work_dir)
        smtp = stack.SmtpSink(work_dir)
        database_url = self.databases[kind].new(label.replace("-", "_"))
        shared = {
            # One deployment: the same key on every machine (sessions, the limits' hashed keys, Message-IDs).
            "SECRET_KEY": secrets.token_urlsafe(50),
            "REDIS_URL": redis.url,
            "TRUSTED_PROXY_COUNT": 1,
            "INTAKE_RATE_LIMIT_PER_ADDRESS": LIMIT_PER_ADDRESS,
            "INTAKE_RATE_LIMIT_PER_EMAIL": LIMIT_PER_EMAIL,
        }
        portals = []
        for name in ("A", "B"):
            (work_dir / name).mkdir()
            portals.append(
                stack.Portal(
                    work_dir / name, database_url, self.static_root, self.media_root, smtp.port, name=name, **shared
                )
            )
        nginx = Nginx(work_dir, [portal.port for portal in portals], self.media_root, access_log=True)
        for portal in portals:
            portal.env["PORTAL_NGINX_PURGE_URL"] = nginx.purge_url
        cluster = Cluster(*portals, nginx=nginx, redis=redis, smtp=smtp)
        try:
            redis.start()
            smtp.start()
            nginx.start()
            for portal in portals:
                portal.start_web()
                portal.start_worker()
            yield cluster
        finally:
            for portal in portals:
                portal.stop()
            nginx.stop()
            smtp.stop()
            redis.stop()

    def clean_up(self, failed):
        stack.stop_everything()
        if self.postgres:
            self.postgres.remove()
        if self.keep or failed:
            self.results.say(f"Logs and databases kept in {self.dir}")
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


# --- clients and what they saw -------------------------------------------------------------


def run_clients(base_url, count, concurrency, **walk_options):
    """`count` walks through the form, `concurrency` at a time; returns them and the wall time."""
    pool = ThreadPoolExecutor(max_workers=concurrency)
    started = time.monotonic()
    try:
        futures = [pool.submit(walk, base_url, number, **walk_options) for number in range(1, count + 1)]
        walks = [future.result() for future in futures]
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return walks, time.monotonic() - started


def exchanges_of(walks):
    return [exchange for one in walks for exchange in one.exchanges]


def references(walks):
    return [one.reference for one in walks if one.reference]


def errors_of(walks):
    errors = Counter(one.error for one in walks if one.error)
    return "; ".join(f"{error} (x{n})" for error, n in errors.most_common(3))


def status_summary(exchanges):
    return ", ".join(f"{status}: {n}" for status, n in sorted(Counter(e.status for e in exchanges).items()))


def describe_load(exchanges, elapsed, walks):
    latencies = sorted(e.seconds for e in exchanges)
    completed = len(references(walks))
    return (
        f"{len(exchanges)} HTTP requests in {elapsed:.1f} s = {len(exchanges) / elapsed:.0f} req/s; "
        f"{completed} requests completed = {completed / elapsed:.1f} intakes/s; "
        f"latency p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
    )


# --- checks shared by the cases ------------------------------------------------------------


def check_all_confirmed(out, walks, expected, name="every client got a reference"):
    errors = errors_of(walks)
    confirmed = len(references(walks))
    out.check(name, confirmed == expected, f"{confirmed}/{expected}" + (f"; {errors}" if errors else ""))


def check_stored_once(out, walks, snapshot):
    """Every reference a client saw is in the database exactly once, and nothing else is."""
    confirmed = references(walks)
    stored = Counter(request["reference"] for request in snapshot["requests"])
    missing_or_repeated = [reference for reference in confirmed if stored[reference] != 1]
    unseen = set(stored) - set(confirmed)
    out.check(
        "each confirmed reference stored exactly once",
        not missing_or_repeated and len(set(confirmed)) == len(confirmed),
        f"{len(confirmed)} confirmed, {len(stored)} in the database, {len(missing_or_repeated)} missing or repeated",
    )
    out.check("no request stored that no client was shown", not unseen, f"{len(unseen)} unseen")


def check_whole_requests(out, snapshot):
    """Nothing half-saved: a reference, a deadline and all its e-mails for every request."""
    partial = [
        request
        for request in snapshot["requests"]
        if not request["reference"]
        or not request["has_deadline"]
        or request["notifications"] != request["expected_notifications"]
    ]
    out.check(
        "every stored request is whole (reference, deadline, its e-mails)",
        not partial,
        f"{len(snapshot['requests'])} requests, {len(snapshot['notifications'])} e-mails in the outbox, "
        f"{len(partial)} incomplete",
    )


def mail_report(snapshot, messages):
    """The outbox against what the SMTP server took, matched by Message-ID."""
    received = Counter(message["message_id"] for message in messages)
    recipients = {}
    for message in messages:
        recipients.setdefault(message["message_id"], set()).update(message["rcpt_tos"])
    outbox = {n["message_id"]: n for n in snapshot["notifications"]}
    return {
        "not sent": [n for n in snapshot["notifications"] if n["status"] != "sent"],
        "never received": [n for n in snapshot["notifications"] if received[n["message_id"]] == 0],
        "duplicates": {mid: count for mid, count in received.items() if count > 1},
        "unknown": [mid for mid in received if mid not in outbox],
        "wrong recipient": [
            mid for mid, to in recipients.items() if mid in outbox and to != {outbox[mid]["recipient"]}
        ],
    }


def check_mail_exactly_once(out, snapshot, messages, name="every e-mail delivered exactly once"):
    report = mail_report(snapshot, messages)
    problems = {key: len(found) for key, found in report.items() if found}
    out.check(
        name,
        not problems,
        f"{len(snapshot['notifications'])} e-mails in the outbox, {len(messages)} received by SMTP"
        + "".join(f", {key}: {n}" for key, n in problems.items()),
    )


def wait_for_messages(smtp, expected, timeout):
    """Until the SMTP server has `expected` messages, then a moment more for any stray copy."""
    try:
        stack.wait_until(lambda: len(smtp.messages()) >= expected, timeout, interval=0.2, what="e-mails received")
    except TimeoutError:
        return False
    time.sleep(1)
    return True


def logs_mention(portal, *phrases):
    text = portal.logs()
    return {phrase: text.count(phrase) for phrase in phrases if phrase in text}


# --- the cases -----------------------------------------------------------------------------


def case_load(run, out):
    with run.stack(out.database, "load") as (portal, smtp):
        walks, elapsed = run_clients(portal.base_url, LOAD_REQUESTS, LOAD_CLIENTS)
        exchanges = exchanges_of(walks)
        out.say(f"{LOAD_CLIENTS} clients, {LOAD_REQUESTS} requests: {describe_load(exchanges, elapsed, walks)}")
        check_all_confirmed(out, walks, LOAD_REQUESTS)
        out.check("no 5xx answer", all(e.status < 500 for e in exchanges), status_summary(exchanges))

        mail_started = time.monotonic()
        expected = len(portal.snapshot()["notifications"])
        drained = wait_for_messages(smtp, expected, timeout=300)
        out.say(
            f"the worker had sent every e-mail {time.monotonic() - mail_started:.1f} s after the last request"
            if drained
            else "the worker had not sent every e-mail within 300 s"
        )
        snapshot = portal.snapshot()
        check_stored_once(out, walks, snapshot)
        check_whole_requests(out, snapshot)
        locked = sum(e.mentions_locked_database for e in exchanges)
        in_logs = logs_mention(portal, "database is locked", "Traceback", "Internal Server Error", "on_commit()")
        out.check(
            'no "database is locked" or server error anywhere',
            not locked and not in_logs,
            f"answers: {locked}, logs: {in_logs or 'clean'}",
        )
        check_mail_exactly_once(out, snapshot, smtp.messages(), "the worker sent every e-mail exactly once")


def case_mail_down(run, out):
    with run.stack(out.database, "mail-down", smtp_running=False) as (portal, smtp):
        walks, elapsed = run_clients(portal.base_url, MAIL_DOWN_REQUESTS, MAIL_DOWN_CLIENTS)
        out.say(f"{len(references(walks))} requests sent in {elapsed:.1f} s with nothing listening on the SMTP port")
        check_all_confirmed(out, walks, MAIL_DOWN_REQUESTS, "every client got a reference while mail is down")
        portal.wait_for_tasks()
        snapshot = portal.snapshot()
        check_stored_once(out, walks, snapshot)
        statuses = Counter(n["status"] for n in snapshot["notifications"])
        tried = min((n["attempts"] for n in snapshot["notifications"]), default=0)
        out.check(
            "every e-mail waits in the outbox",
            set(statuses) == {"pending"},
            f"{dict(statuses)}; the worker tried each {tried}x and left it pending (it does not retry by itself)",
        )

        smtp.start()
        cron = portal.manage("send_pending_notifications")
        out.say(f"mail server back; send_pending_notifications (cron): {cron.stdout.strip() or cron.stderr[-300:]}")
        wait_for_messages(smtp, len(snapshot["notifications"]), timeout=60)
        check_mail_exactly_once(
            out, portal.snapshot(), smtp.messages(), "after it comes back every e-mail is delivered exactly once"
        )
        before = len(smtp.messages())
        again = portal.manage("send_pending_notifications")
        time.sleep(1)
        out.check(
            "a second cron run sends nothing again",
            again.stdout.strip().startswith("sent: 0,") and len(smtp.messages()) == before,
            again.stdout.strip(),
        )


def case_worker_killed(run, out):
    settings = {"INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS": CLAIM_TIMEOUT_SECONDS}
    with run.stack(out.database, "worker-killed", **settings) as (portal, smtp):
        smtp.set_delay(SLOW_SMTP_SECONDS)
        walks, _elapsed = run_clients(portal.base_url, KILL_REQUESTS, KILL_CLIENTS)
        check_all_confirmed(out, walks, KILL_REQUESTS)

        def mid_send():
            return len(smtp.messages()) >= KILL_AFTER_MESSAGES and smtp.unanswered()

        stack.wait_until(mid_send, 120, interval=0.01, what="an e-mail inside DATA")
        portal.worker.kill()
        killed_at = time.monotonic()
        in_flight = {message["message_id"] for message in smtp.unanswered()}
        out.say(
            f"SIGKILL to the worker after {len(smtp.messages())} e-mails, while the mail server held "
            f"{len(in_flight)} inside DATA (taken, 250 not yet answered)"
        )
        snapshot = portal.snapshot()
        claimed = [n for n in snapshot["notifications"] if n["status"] == "sending"]
        out.check(
            "the e-mail in flight stays claimed in the outbox, not lost",
            len(claimed) == len(in_flight) == 1 and claimed[0]["message_id"] in in_flight,
            f"{len(claimed)} claimed ('sending'), {len(in_flight)} in flight",
        )

        smtp.set_delay(0)
        portal.start_worker()
        out.say("worker started again (as systemd's Restart=always would)")
        portal.wait_for_tasks()
        running = portal.snapshot()["tasks"].get("RUNNING", 0)
        out.say(
            f"django_tasks_db leaves the killed task RUNNING ({running} such task): "
            "the outbox claim, not the task queue, brings that e-mail back"
        )
        early = portal.manage("send_pending_notifications")
        age = time.monotonic() - killed_at
        received = Counter(message["message_id"] for message in smtp.messages())
        out.check(
            "a claim younger than the timeout is left alone",
            age < CLAIM_TIMEOUT_SECONDS and all(received[mid] == 1 for mid in in_flight),
            f"cron {age:.0f} s after the kill (timeout {CLAIM_TIMEOUT_SECONDS} s): {early.stdout.strip()}",
        )

        time.sleep(max(0.0, CLAIM_TIMEOUT_SECONDS + 1 - (time.monotonic() - killed_at)))
        late = portal.manage("send_pending_notifications")
        out.say(f"cron after the claim timed out: {late.stdout.strip()}")
        time.sleep(1)
        snapshot = portal.snapshot()
        report = mail_report(snapshot, smtp.messages())
        out.check(
            "nothing lost: every e-mail sent and received",
            not report["not sent"] and not report["never received"] and not report["unknown"],
            f"{len(snapshot['notifications'])} e-mails, not sent: {len(report['not sent'])}, "
            f"never received: {len(report['never received'])}",
        )
        duplicates = report["duplicates"]
        out.check(
            "at most one extra copy per e-mail in flight at the kill, same Message-ID",
            len(duplicates) <= len(in_flight) and all(mid in in_flight and n == 2 for mid, n in duplicates.items()),
            f"in flight: {len(in_flight)}, received twice: {len(duplicates)}"
            + "".join(f" ({mid} x{n})" for mid, n in duplicates.items()),
        )
        out.say(
            "guarantee: at least once. An e-mail the mail server took just before its sender died goes again "
            "after the claim timeout, with the same Message-ID; every other e-mail exactly once."
        )


def case_database_down(run, out):
    with run.stack(out.database, "db-down") as (portal, smtp):
        web_processes = [portal.web.pid, *portal.web.children()]
        steps_done = Counter()
        lock = threading.Lock()

        def on_step(number, slug):
            with lock:
                steps_done[number] += 1

        def all_mid_way():
            with lock:
                return sum(1 for n in steps_done.values() if n >= 2) == OUTAGE_CLIENTS

        supervisor = WorkerSupervisor(portal, out)
        supervisor.start()
        pool = ThreadPoolExecutor(max_workers=OUTAGE_CLIENTS)
        try:
            options = {"retry_unavailable_for": 120, "think": THINK_SECONDS, "on_step": on_step}
            futures = [pool.submit(walk, portal.base_url, n, **options) for n in range(1, OUTAGE_CLIENTS + 1)]
            stack.wait_until(all_mid_way, 120, interval=0.05, what="every client past step two")
            with lock:
                progress = dict(sorted(Counter(steps_done.values()).items()))
            run.postgres.stop("fast")
            down_at = time.monotonic()
            out.say(f"PostgreSQL stopped (pg_ctl -m fast); clients by steps done: {progress}")
            time.sleep(OUTAGE_SECONDS)
            run.postgres.start()
            up_at = time.monotonic()
            out.say(f"PostgreSQL started again after {up_at - down_at:.1f} s")
            walks = [future.result() for future in futures]
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            supervisor.stop()
        pool.shutdown()

        exchanges = exchanges_of(walks)
        errors = [e for e in exchanges if e.status >= 500]
        unavailable = [e for e in errors if e.status == 503]
        proper = [e for e in unavailable if e.unavailable_page and e.retry_after]
        recovered_after = min(
            (e.finished_at - up_at for e in exchanges if e.finished_at > up_at and e.status < 500), default=float("nan")
        )
        out.say(
            f"answers: {status_summary(exchanges)}; first good answer {recovered_after:.1f} s after the restart; "
            f"db_worker restarted {supervisor.restarts} times"
        )
        out.check("the outage reached the clients", unavailable, f"{len(unavailable)} answers were 503")
        out.check(
            "every error was the Polish 503 page with Retry-After (no 500)",
            len(proper) == len(errors),
            f"{len(errors)} errors, {len(proper)} proper 503 pages",
        )
        check_all_confirmed(out, walks, OUTAGE_CLIENTS, "every client finished and got a reference after the restart")
        still = [portal.web.pid, *portal.web.children()]
        out.check(
            "the site recovered by itself (same gunicorn processes)",
            still == web_processes and portal.web.alive,
            f"pids before {web_processes}, after {still}",
        )
        in_logs = logs_mention(portal, "Internal Server Error")
        out.check('no "Internal Server Error" in the server log', not in_logs, str(in_logs or "clean"))

        if not portal.worker.alive:
            portal.start_worker()
        portal.wait_for_tasks()
        cron = portal.manage("send_pending_notifications")
        out.say(f"send_pending_notifications (cron) after the outage: {cron.stdout.strip()}")
        snapshot = portal.snapshot()
        check_stored_once(out, walks, snapshot)
        check_whole_requests(out, snapshot)
        wait_for_messages(smtp, len(snapshot["notifications"]), timeout=60)
        check_mail_exactly_once(out, portal.snapshot(), smtp.messages())


class WorkerSupervisor(threading.Thread):
    """Start the task worker again when it exits, as systemd (Restart=always) does in production."""

    def __init__(self, portal, out):
        super().__init__(daemon=True)
        self.portal, self.out = portal, out
        self.restarts = 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(0.2):
            worker = self.portal.worker
            if worker.alive:
                continue
            self.out.say(
                f"db_worker exited with code {worker.returncode} (database unreachable); "
                f"starting it again in {RESTART_DELAY_SECONDS} s, as systemd would"
            )
            worker.stop()
            if self.stopping.wait(RESTART_DELAY_SECONDS):
                return
            self.portal.start_worker()
            self.restarts += 1

    def stop(self):
        self.stopping.set()
        self.join(timeout=10)


# --- case 5: two app servers -----------------------------------------------------------------


class Cluster:
    """Two app servers, the nginx in front of them, Redis, the mail server; every walk sent so far."""

    def __init__(self, a, b, *, nginx, redis, smtp):
        self.a, self.b, self.nginx, self.redis, self.smtp = a, b, nginx, redis, smtp
        self.walks = []
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    @property
    def both(self):
        return [self.a.base_url, self.b.base_url]

    def number(self):
        """A new applicant: its own walk number, so its own e-mail address (intake_client.answers_for)."""
        with self._lock:
            return next(self._numbers)

    @staticmethod
    def address(number):
        """An address of its own for applicant `number`, as nginx would pass it on (X-Forwarded-For)."""
        return f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"

    def walk(self, base_url, number=None, forwarded_for=None, **options):
        number = number or self.number()
        result = walk(base_url, number, forwarded_for=forwarded_for or self.address(number), **options)
        with self._lock:
            self.walks.append(result)
        return result

    def server_name(self, host_port):
        return {f"127.0.0.1:{self.a.port}": "A", f"127.0.0.1:{self.b.port}": "B"}.get(host_port, host_port)

    def logs(self):
        return self.a.logs() + self.b.logs()


def get_page(base_url, path):
    """One anonymous GET, as a resident reading the site: (status, text, seconds)."""
    browser = Browser(base_url)
    response = browser.get(path)
    return response.status, response.text, browser.exchanges[-1].seconds


MAIN_NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)
FOOTER = re.compile(r'<footer class="site-footer">.*?</footer>', re.S)


def shows_change(change, html):
    """Whether a page shows the change the command reported: its text, or the menu link's new state.

    What the footer of every page shows (the centre's phone, the helplines) must also be
    gone from it in its old form: a page whose parts are kept apart must not mix old and new.
    """
    if "link" in change:
        nav = MAIN_NAV.search(html)
        return nav is not None and (f'href="{change["link"]}"' in nav.group(0)) == change["in_menu"]
    if change["shows"] not in html:
        return False
    footer = FOOTER.search(html)
    return not change.get("instead_of") or (footer is not None and change["instead_of"] not in footer.group(0))


def warm(cluster, paths):
    """Ask every server for the pages, and nginx, so that each holds them as they are now.

    A change that only a fresh render shows would otherwise pass by luck. Each server
    runs several processes: ask it several times.
    """
    for path in paths:
        for base_url, times in ((cluster.a.base_url, 4), (cluster.b.base_url, 4), (cluster.nginx.url, 2)):
            for _ in range(times):
                status, _text, _seconds = get_page(base_url, path)
                if status != 200:
                    raise RuntimeError(f"GET {path} answered {status} before the change")


def watch(cluster, change, paths, ended):
    """After the command: the first request to each page on A, B and through nginx, then until all show it."""
    sites = {"A": cluster.a.base_url, "B": cluster.b.base_url, "nginx": cluster.nginx.url}
    first, visible_after = {}, {}
    log_from = len(cluster.nginx.access_records())
    for site, base_url in sites.items():
        first[site] = [shows_change(change, get_page(base_url, path)[1]) for path in paths]
        if all(first[site]):
            visible_after[site] = time.monotonic() - ended
    # Which app server nginx asked for each page after the purge (MISS), from its access log.
    upstreams = [
        (uri, cache, cluster.server_name(upstream))
        for uri, _status, cache, upstream in cluster.nginx.access_records()[log_from:]
        if uri in paths
    ]
    give_up = time.monotonic() + VISIBLE_WITHIN_SECONDS
    while len(visible_after) < len(sites) and time.monotonic() < give_up:
        time.sleep(0.2)
        for site, base_url in sites.items():
            if site not in visible_after and all(shows_change(change, get_page(base_url, p)[1]) for p in paths):
                visible_after[site] = time.monotonic() - ended
    return first, visible_after, upstreams


def describe_visibility(site, first, visible_after):
    seen = sum(first[site])
    text = f"{site}: {seen}/{len(first[site])} pages new at the first request"
    if site in visible_after:
        return text + f", all new {visible_after[site]:.2f} s after the command ended"
    return text + f", still not all new {VISIBLE_WITHIN_SECONDS} s later"


def check_content_changes(cluster, out):
    changes = [
        ("a page published", ("page", CHANGED_PAGE), [CHANGED_PAGE, ITS_SECTION]),
        ("a changed menu", ("menu", MENU_PAGE), EVERY_PAGE),
        ("a changed setting (centre's phone)", ("setting",), EVERY_PAGE),
        ("a changed emergency number", ("emergency",), EVERY_PAGE),
    ]
    for name, arguments, paths in changes:
        warm(cluster, paths)
        started = time.monotonic()
        result = cluster.a.run_module("bench.content_change", *arguments)
        ended = time.monotonic()
        if result.returncode != 0:
            raise RuntimeError(f"content_change {arguments[0]} failed: {result.stderr[-1000:]}")
        change = json.loads(result.stdout)
        out.say(f"through A: {change['changed']} (command {ended - started:.1f} s); watching {', '.join(paths)}")
        first, visible_after, upstreams = watch(cluster, change, paths, ended)
        out.say("; ".join(describe_visibility(site, first, visible_after) for site in ("A", "B", "nginx")))
        asked = ", ".join(f"{uri} {cache} from {server}" for uri, cache, server in upstreams)
        out.say(f"nginx after the purge: {asked or 'no request reached its log'}")
        out.check(
            f"{name} on A: new on B at the next request",
            all(first["B"]),
            describe_visibility("B", first, visible_after),
        )
        out.check(
            f"{name} on A: new through nginx at the next request",
            all(first["nginx"]),
            describe_visibility("nginx", first, visible_after),
        )


def deadline_of(snapshot, reference):
    return next((request["deadline"] for request in snapshot["requests"] if request["reference"] == reference), None)


def check_closed_day(cluster, out):
    before = cluster.walk(cluster.b.base_url, keep_pages=True)
    if not before.reference:
        raise RuntimeError(f"a request through B was not confirmed: {before.error}")
    old_deadline = deadline_of(cluster.a.snapshot(), before.reference)
    # The deadline day itself closed: a request received today must now get the next working day.
    result = cluster.a.run_module("bench.content_change", "closed-day", old_deadline)
    if result.returncode != 0:
        raise RuntimeError(f"content_change closed-day failed: {result.stderr[-1000:]}")
    change = json.loads(result.stdout)
    after = cluster.walk(cluster.b.base_url, keep_pages=True)
    stored = deadline_of(cluster.a.snapshot(), after.reference)
    shown = change["shows"] in after.pages.get("confirmation", "")
    out.say(
        f"through B before: deadline {old_deadline}; through A: {change['changed']}; "
        f"A now counts {change['deadline']} ({change['shows']})"
    )
    out.check(
        "a closed day saved on A gives the right deadline to a request sent through B",
        after.reference and stored == change["deadline"] != old_deadline and shown,
        f"through B after: stored {stored}, confirmation page shows it: {'yes' if shown else 'no'}"
        + (f"; {after.error}" if after.error else ""),
    )


def outcome(one):
    return "sent" if one.reference else "refused (429)" if one.refused else f"failed: {one.error}"


def check_address_limit(cluster, out):
    """Seven requests from one address, A and B in turn: five within the limit, then refused on both."""
    address = cluster.address(cluster.number())
    servers = [("A", cluster.a.base_url), ("B", cluster.b.base_url)] * 4
    walks = [(name, cluster.walk(url, forwarded_for=address)) for name, url in servers[: LIMIT_PER_ADDRESS + 2]]
    answers = ", ".join(f"{n}. {name} {outcome(one)}" for n, (name, one) in enumerate(walks, 1))
    out.say(f"one address, {len(walks)} requests within the hour (limit {LIMIT_PER_ADDRESS}): {answers}")
    out.check(
        f"the {LIMIT_PER_ADDRESS + 1}th request from one address within the hour is refused "
        "whichever server receives it",
        all(one.reference for _name, one in walks[:LIMIT_PER_ADDRESS])
        and all(one.refused for _name, one in walks[LIMIT_PER_ADDRESS:])
        and {name for name, _one in walks[LIMIT_PER_ADDRESS:]} == {"A", "B"},
        answers,
    )
    return address


def log_in_attempt(base_url, address, password):
    """The password step of the admin's log-in form from one address: (status, page text)."""
    page, answer = admin_password_step(Browser(base_url, forwarded_for=address), LOCKED_ACCOUNT, password)
    shown = answer or page
    return shown.status, shown.text


LOCKED_PAGE = "Logowanie wstrzymane"  # the Polish page of portal/accounts/lockout.py


def check_lockout(cluster, out):
    address = cluster.address(cluster.number())
    servers = [("A", cluster.a.base_url), ("B", cluster.b.base_url)]
    wrong = [(name, *log_in_attempt(url, address, "not-the-password-1")) for name, url in (servers * 3)[:5]]
    right = [(name, *log_in_attempt(url, address, DEMO_PASSWORD)) for name, url in servers]
    elsewhere = log_in_attempt(cluster.b.base_url, cluster.address(cluster.number()), DEMO_PASSWORD)

    def said(answers):
        return ", ".join(
            f"{name} {status}{' locked page' if LOCKED_PAGE in text else ''}" for name, status, text in answers
        )

    out.say(f"5 wrong passwords for {LOCKED_ACCOUNT!r} from one address: {said(wrong)}")
    out.check(
        "after 5 wrong passwords (A and B in turn) the right password is refused on A and on B",
        all(status == 429 and LOCKED_PAGE in text for _name, status, text in right),
        f"right password: {said(right)}",
    )
    out.check(
        "the account stays locked from another address too",
        elsewhere[0] == 429 and LOCKED_PAGE in elsewhere[1],
        said([("B", *elsewhere)]),
    )


SUMMARY_ROW = re.compile(r'<div class="summary__row"><dt>(.*?)</dt><dd>(.*?)</dd></div>', re.S)


def check_alternating_applicant(cluster, out):
    """One applicant whose every request goes to the other server, as a load balancer without sticky sessions."""
    number = cluster.number()
    alternating = cluster.walk(cluster.both, number, keep_pages=True)
    # The same answers on one server, stopped before sending: what the check page should list.
    one_server = walk(cluster.a.base_url, number, forwarded_for=cluster.address(number), keep_pages=True, send=False)
    rows = SUMMARY_ROW.findall(alternating.pages.get("check", ""))
    expected = SUMMARY_ROW.findall(one_server.pages.get("check", ""))
    texts = [value for answers in alternating.answers.values() for key, value in answers.items() if key in TEXT_ANSWERS]
    missing = [value for value in texts if not any(value in answer for _question, answer in rows)]
    servers = Counter(cluster.server_name(exchange.server) for exchange in alternating.exchanges)
    out.say(
        f"one applicant's {len(alternating.exchanges)} requests: "
        + ", ".join(f"{name} {n}" for name, n in sorted(servers.items()))
    )
    out.check(
        "an applicant alternating between A and B keeps every answer",
        alternating.reference and len(rows) >= len(texts) and rows == expected and not missing,
        f"check page: {len(rows)} answers listed, as on one server: {'yes' if rows == expected else 'no'}, "
        f"typed answers missing: {len(missing)}" + (f"; {alternating.error}" if alternating.error else ""),
    )
    return alternating


def check_one_reference(cluster, out, alternating):
    snapshot = cluster.a.snapshot()
    email = alternating.answers.get("kontakt", {}).get("contact_email")
    stored = sum(1 for request in snapshot["requests"] if request["reference"] == alternating.reference)
    receipts = sum(1 for n in snapshot["notifications"] if n["kind"] == "receipt" and n["recipient"] == email)
    out.check(
        "... and gets exactly one reference",
        alternating.reference and stored == 1 and receipts == 1,
        f"reference stored {stored}x, receipts to the applicant's address: {receipts}",
    )


class PageReader(threading.Thread):
    """Reads public pages from one place in a loop, recording (time, status, seconds) per request."""

    def __init__(self, name, base_url, stop):
        super().__init__(daemon=True)
        self.name, self.base_url, self.stop = name, base_url, stop
        self.answers = []

    def run(self):
        for path in itertools.cycle(EVERY_PAGE + [CHANGED_PAGE]):
            if self.stop.is_set():
                return
            try:
                status, _text, seconds = get_page(self.base_url, path)
            except OSError:
                status, seconds = 0, 0.0
            self.answers.append((time.monotonic(), status, seconds))
            time.sleep(0.05)


def phase_of(moment, down_at, up_at):
    return "before" if moment < down_at else "during" if moment < up_at else "after"


def check_redis_outage(cluster, out, limited_address):
    stop = threading.Event()
    readers = [
        PageReader(name, url, stop)
        for name, url in (("nginx", cluster.nginx.url), ("A", cluster.a.base_url), ("B", cluster.b.base_url))
    ]
    load = []

    def client(index):
        # Half start on A, half on B; every request then goes to the other server.
        servers = cluster.both if index % 2 else cluster.both[::-1]
        while not stop.is_set():
            load.append(cluster.walk(servers, think=THINK_SECONDS))

    # The address refused before: it answers every step now and sends once Redis is away,
    # when its request is not counted (fail open).
    at_last_step, redis_away = threading.Event(), threading.Event()

    def hold_before_sending(number, slug):
        if slug == STEPS[-1]:
            at_last_step.set()
            redis_away.wait(120)

    for reader in readers:
        reader.start()
    pool = ThreadPoolExecutor(max_workers=REDIS_CLIENTS + 1)
    try:
        started = time.monotonic()
        futures = [pool.submit(client, index) for index in range(REDIS_CLIENTS)]
        held = pool.submit(cluster.walk, cluster.both, forwarded_for=limited_address, on_step=hold_before_sending)
        at_last_step.wait(120)
        time.sleep(max(0.0, REDIS_LOAD_BEFORE_SECONDS - (time.monotonic() - started)))
        cluster.redis.stop()
        down_at = time.monotonic()
        redis_away.set()
        out.say(f"redis-server stopped with {REDIS_CLIENTS} clients walking through A and B in turn")
        time.sleep(max(0.0, REDIS_DOWN_SECONDS - (time.monotonic() - down_at)))
        cluster.redis.start()
        up_at = time.monotonic()
        out.say(f"redis-server started again after {up_at - down_at:.1f} s (empty: it keeps nothing on disk)")
        time.sleep(REDIS_LOAD_AFTER_SECONDS)
        stop.set()
        during = held.result()
        for future in futures:
            future.result()
    except BaseException:
        stop.set()
        redis_away.set()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=30)
    pool.shutdown()

    # Pages, by place and phase.
    figures, bad = [], []
    for reader in readers:
        by_phase = {}
        for moment, status, seconds in reader.answers:
            by_phase.setdefault(phase_of(moment, down_at, up_at), []).append((status, seconds))
            if status != 200:
                bad.append((reader.name, status))
        parts = []
        for phase in ("before", "during", "after"):
            answers = by_phase.get(phase, [])
            latencies = sorted(seconds for _status, seconds in answers)
            parts.append(
                f"{phase} {sum(s == 200 for s, _ in answers)}/{len(answers)} (p50 "
                f"{percentile(latencies, 0.5) * 1000:.0f} ms, max {max(latencies, default=0) * 1000:.0f} ms)"
            )
        figures.append(f"{reader.name}: " + ", ".join(parts))
    out.say("pages 200 / read: " + "; ".join(figures))
    during_reads = sum(1 for reader in readers for moment, _s, _l in reader.answers if down_at <= moment < up_at)
    out.check(
        "pages answered 200 throughout the Redis outage (directly and through nginx)",
        not bad and during_reads > 0,
        f"{sum(len(r.answers) for r in readers)} pages read, {during_reads} while Redis was away, "
        f"{len(bad)} not 200" + (f" ({Counter(bad).most_common(3)})" if bad else ""),
    )

    exchanges = exchanges_of(load)
    sent_during = [
        e
        for e in exchanges
        if e.method == "POST" and e.path == CHECK and e.status == 302 and down_at <= e.finished_at < up_at
    ]
    elapsed = max(w.finished_at for w in load) - min(w.started_at for w in load) if load else 0.0
    latency = {}
    for exchange in exchanges:
        latency.setdefault(phase_of(exchange.finished_at, down_at, up_at), []).append(exchange.seconds)
    latencies = ", ".join(
        f"{phase} p50 {percentile(sorted(latency[phase]), 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(sorted(latency[phase]), 0.99) * 1000:.0f} ms"
        for phase in ("before", "during", "after")
        if phase in latency
    )
    out.say(
        f"{len(load)} requests sent by {REDIS_CLIENTS} clients in {elapsed:.0f} s, "
        f"{len(sent_during)} of them while Redis was away; answers: {status_summary(exchanges)}; "
        f"each HTTP request {latencies}"
    )
    check_all_confirmed(out, load, len(load), "every client got a reference, during the outage too")
    out.check("requests were accepted while Redis was away", sent_during, f"{len(sent_during)} sent")
    out.check(
        "no 5xx answer during the Redis outage", all(e.status < 500 for e in exchanges), status_summary(exchanges)
    )

    last = during.exchanges[-1] if during.exchanges else None
    in_outage = last is not None and down_at <= last.finished_at < up_at
    out.check(
        "while Redis is away the limits fail open: the refused address is accepted again",
        during.reference and in_outage,
        f"its next request: {outcome(during)}, {'while Redis was away' if in_outage else 'NOT while Redis was away'}",
    )
    after = [cluster.walk(url, forwarded_for=limited_address) for url in (cluster.both * 4)[: LIMIT_PER_ADDRESS + 1]]
    answers = ", ".join(f"{n}. {outcome(one)}" for n, one in enumerate(after, 1))
    out.check(
        f"after Redis is back counting starts again: {LIMIT_PER_ADDRESS} accepted, the next refused",
        all(one.reference for one in after[:LIMIT_PER_ADDRESS]) and after[LIMIT_PER_ADDRESS].refused,
        f"the same address: {answers}",
    )
    logs = cluster.logs()
    out.say(
        f'in the servers\' logs: "shared cache unreachable" {logs.count("shared cache unreachable")}x, '
        f'"request limit per address not checked" {logs.count("request limit per address not checked")}x'
    )


def case_two_servers(run, out):
    with run.two_servers(out.database, "two-servers") as cluster:
        out.say(
            f"A on :{cluster.a.port}, B on :{cluster.b.port}, nginx on :{cluster.nginx.port} with both "
            f"upstream, Redis on :{cluster.redis.port}, one PostgreSQL database; a task worker on each"
        )
        check_content_changes(cluster, out)
        check_closed_day(cluster, out)
        limited_address = check_address_limit(cluster, out)
        check_lockout(cluster, out)
        alternating = check_alternating_applicant(cluster, out)
        check_one_reference(cluster, out, alternating)
        check_redis_outage(cluster, out, limited_address)

        mail_started = time.monotonic()
        expected = len(cluster.a.snapshot()["notifications"])
        drained = wait_for_messages(cluster.smtp, expected, timeout=180)
        out.say(
            f"the workers had sent every e-mail {time.monotonic() - mail_started:.1f} s after the last request"
            if drained
            else "the workers had not sent every e-mail within 180 s"
        )
        snapshot = cluster.a.snapshot()
        check_stored_once(out, cluster.walks, snapshot)
        check_whole_requests(out, snapshot)
        workers = snapshot["task_workers"]
        out.check(
            "both task workers took tasks",
            {"A-1", "B-1"} <= set(workers),
            ", ".join(f"{worker}: {n}" for worker, n in sorted(workers.items())) or "no task finished",
        )
        check_mail_exactly_once(
            out, snapshot, cluster.smtp.messages(), "each e-mail sent once with both task workers running"
        )
        logs = cluster.logs()
        in_logs = {phrase: logs.count(phrase) for phrase in ("Internal Server Error", "Traceback") if phrase in logs}
        out.check("no server error in either server's log", not in_logs, str(in_logs or "clean"))


CASES = {
    "1": ("1 load", case_load, ("sqlite", "postgresql"), ""),
    "2": ("2 mail down", case_mail_down, ("sqlite", "postgresql"), ""),
    "3": ("3 worker killed", case_worker_killed, ("sqlite", "postgresql"), ""),
    "4": ("4 database down", case_database_down, ("postgresql",), "SQLite has no server to stop"),
    "5": ("5 two app servers", case_two_servers, ("postgresql",), "two machines share a database server"),
}


def run_case(run, kind, number):
    case, function, kinds, why = CASES[number]
    if kind not in kinds:
        run.results.say(f"\n== [{kind}] case {case}: PostgreSQL only ({why})")
        return
    run.results.say(f"\n== [{kind}] case {case}")
    out = Case(run.results, kind, case)
    started, failed_before = time.monotonic(), run.results.failed
    try:
        function(run, out)
    except KeyboardInterrupt:
        raise
    except Exception as error:
        out.check("case ran to the end", False, f"{type(error).__name__}: {error}")
    if run.results.failed > failed_before:
        show_log_tails(run.results, run.last_stack_dir)
    out.say(f"({time.monotonic() - started:.0f} s)")


def show_log_tails(results, work_dir, lines=15):
    """The end of each server log, for a failure seen where the temporary directory is gone (CI).

    The app logs references and paths only, never what an applicant typed.
    """
    for log in sorted(Path(work_dir).rglob("*.log")) if work_dir else []:
        if log.name == "access.log":  # nginx's record of URIs: long, and the errors are in the others
            continue
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        if not tail:
            continue
        results.say(f"  --- last {len(tail)} lines of {log.relative_to(work_dir)}")
        for line in tail:
            results.say(f"  | {line}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case numbers")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, databases)")
    args = parser.parse_args(argv)

    stack.interrupt_on_termination()
    results = Report()
    run = Run(results, args.keep)
    started = time.monotonic()
    results.say(f"gunicorn: {stack.WEB_WORKERS} workers x {stack.WEB_THREADS} threads (gthread), production settings")
    try:
        stack.collect_static(run.static_root, run.dir / "collectstatic.log")
        for kind in args.databases.split(","):
            run.prepare(kind)
            for number in args.cases.split(","):
                run_case(run, kind, number)
    except KeyboardInterrupt:
        results.check("run", "run finished", False, "interrupted")
    except Exception as error:
        results.check("run", "stack set up", False, f"{type(error).__name__}: {error}")
    finally:
        run.clean_up(failed=results.failed > 0)
    results.say(f"\n{results.table()}\n\nTotal time {time.monotonic() - started:.0f} s")
    results.say(results.summary())
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
