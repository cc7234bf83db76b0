#!/usr/bin/env python
"""Fault and load tests: a request, once its reference is shown, is never lost.

    make faults
    .venv/bin/python bench/faults.py [--databases sqlite,postgresql] [--cases 1,2,3,4] [--keep]

For each case it starts the real stack on loopback, on free ports, in a temporary
directory: gunicorn with the production settings (2 workers x 4 threads, gthread),
the django-tasks database worker, a local SMTP server, and SQLite or a PostgreSQL
server of its own. Clients walk the real form over HTTP like browsers behind a
TLS-terminating proxy. Cases:

1. load: 50 concurrent clients send 500 requests through every step;
2. the mail server is down while 100 requests arrive, then comes back;
3. the task worker is SIGKILLed while an e-mail is inside the SMTP DATA exchange;
4. PostgreSQL is stopped while clients are half-way through the form, then started.

Each check prints PASS or FAIL with its reason; the last line is "N passed, N failed"
and the exit code is non-zero when anything failed. Every process started here is
stopped at the end, also after Ctrl+C. Nothing an applicant would type is printed.
"""

import argparse
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

from bench import stack  # noqa: E402
from bench.intake_client import walk  # noqa: E402
from bench.results import Results, percentile  # noqa: E402

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
        "wrong recipient": [mid for mid, to in recipients.items() if mid in outbox and to != {outbox[mid]["recipient"]}],
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
        out.say(f"the worker had sent every e-mail {time.monotonic() - mail_started:.1f} s after the last request"
                if drained else "the worker had not sent every e-mail within 300 s")
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
        recovered_after = min((e.finished_at - up_at for e in exchanges if e.finished_at > up_at and e.status < 500),
                              default=float("nan"))
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


CASES = {
    "1": ("1 load", case_load, ("sqlite", "postgresql")),
    "2": ("2 mail down", case_mail_down, ("sqlite", "postgresql")),
    "3": ("3 worker killed", case_worker_killed, ("sqlite", "postgresql")),
    "4": ("4 database down", case_database_down, ("postgresql",)),  # SQLite has no server to stop
}


def run_case(run, kind, number):
    case, function, kinds = CASES[number]
    if kind not in kinds:
        run.results.say(f"\n== [{kind}] case {case}: PostgreSQL only (SQLite has no server to stop)")
        return
    run.results.say(f"\n== [{kind}] case {case}")
    out = run.results.for_case(kind, case)
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
    for log in sorted(Path(work_dir).glob("*.log")) if work_dir else []:
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        if not tail:
            continue
        results.say(f"  --- last {len(tail)} lines of {log.name}")
        for line in tail:
            results.say(f"  | {line}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case numbers")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, databases)")
    args = parser.parse_args(argv)

    stack.interrupt_on_termination()
    results = Results()
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
        results.check("-", "-", "run finished", False, "interrupted")
    except Exception as error:
        results.check("-", "-", "stack set up", False, f"{type(error).__name__}: {error}")
    finally:
        run.clean_up(failed=results.failed > 0)
    results.say(f"\n{results.table()}\n\nTotal time {time.monotonic() - started:.0f} s")
    results.say(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
