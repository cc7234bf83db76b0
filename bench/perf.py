"""make bench: how cheap the portal's pages are, against baselines measured in the same run.

Starts everything on loopback in a temporary directory: the portal under gunicorn with
the production settings (2 sync workers), the same gunicorn serving a one-view Django
app that answers each address with the portal's own bytes (bench/constant_app.py),
nginx with the deployment's configuration (deploy/nginx/) in front of the portal, and
the same nginx serving those bytes as files. Loads the demo centre plus thousands of
news items, runs wrk against each target alternating with its baseline, checks that
the caches never show anything stale or personal, and prints every figure with its
target and a final `N passed, N failed`. The machine's speed drifts 20-30 % between
runs, so every target is a ratio to a baseline measured minutes apart in this run.

Also runs, when their modules are present: the intake's completed requests per second
on SQLite and PostgreSQL (bench/intake_load.py), the admin with 1,000 and 100,000 requests
(bench/admin_scale.py) and Lighthouse (bench/lighthouse.py).
"""

import argparse
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench import intake_load, wrk
from bench.results import percentile
from bench.stack import (
    ROOT,
    Databases,
    ManagedProcess,
    Portal,
    PostgresServer,
    clean_environment,
    collect_static,
    free_port,
    migrate_with_demo_content,
    stop_everything,
    wait_until,
)

# One page of each kind a resident reads; the news item is one of the generated ones.
LOAD_PAGES = ["/", "/asystent-rodziny/zadania/", "/aktualnosci/", "/aktualnosci/wiadomosc-1/"]
CHECK_PAGES = [*LOAD_PAGES, "/asystent-rodziny/", "/kontakt/", "/deklaracja-dostepnosci/", "/popros-o-pomoc/"]
CONNECTIONS = (10, 50)
HEADERS = ("X-Forwarded-Proto: https",)  # as the TLS proxy in front says

# The official Wagtail demo site cannot be fetched here (it is not on any package
# registry), so its home page is represented by what the issue measured on this kind of
# machine: about 24 requests/s while a constant Django response of 35 KB did 2,100-2,800.
# This run measures the same 35 KB constant response, and "the demo's home page" is
# 24/2,450 of its rate: the recorded figure scaled by this machine's speed today.
DEMO_REQUESTS_PER_SECOND, DEMO_CONSTANT_35KB = 24, 2450
DEMO_SIZED = "/demo-sized/"


class Report:
    def __init__(self):
        self.rows = []

    def say(self, text=""):
        print(text, flush=True)

    def check(self, group, name, passed, figure="", target=""):
        self.rows.append((group, name, figure, target, bool(passed)))
        self.say(f"  {'PASS' if passed else 'FAIL'}  {name}: {figure}" + (f" (target {target})" if target else ""))
        return passed

    def table(self):
        widths = [max(len(str(row[i])) for row in self.rows) for i in range(4)] if self.rows else [0] * 4
        lines = [f"{'':4}  {'target':<{widths[1]}}  {'figure':<{widths[2]}}  {'needed':<{widths[3]}}"]
        group = None
        for row_group, name, figure, target, passed in self.rows:
            if row_group != group:
                lines.append(f"-- {row_group}")
                group = row_group
            lines.append(
                f"{'PASS' if passed else 'FAIL':4}  {name:<{widths[1]}}  {figure:<{widths[2]}}  {target:<{widths[3]}}"
            )
        return "\n".join(lines)

    @property
    def passed(self):
        return sum(row[4] for row in self.rows)

    @property
    def failed(self):
        return sum(not row[4] for row in self.rows)


def get(url, headers=None, method="GET"):
    """(status, headers, body) of one request, following nothing."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **(headers or {})}, method=method)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def answers(url):
    try:
        return get(url)[0] == 200
    except OSError:
        return False


class Bench:
    def __init__(self, args):
        self.args = args
        self.report = Report()
        self.dir = Path(tempfile.mkdtemp(prefix="bench-"))
        self.static_root = self.dir / "static"
        self.media_root = self.dir / "media"
        self.bodies = self.dir / "bodies"
        self.media_root.mkdir()

    def say(self, text=""):
        self.report.say(text)

    # --- set-up ---------------------------------------------------------------------------

    def prepare_database(self):
        database_url = f"sqlite:///{self.dir / 'portal.sqlite3'}"
        started = time.monotonic()
        migrate_with_demo_content(database_url, self.media_root, self.dir / "setup.log")
        env = clean_environment(
            DJANGO_SETTINGS_MODULE="portal.settings.test",
            DATABASE_URL=database_url,
            MEDIA_ROOT=self.media_root,
            PORTAL_VAR_DIR=self.dir / "setup-var",
        )
        subprocess.run(
            [sys.executable, "-m", "bench.bulk_news", str(self.args.news)],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.say(f"  demo centre + {self.args.news} news items in {time.monotonic() - started:.0f} s")
        return database_url

    def portal(self, database_url, name, **settings):
        portal = Portal(self.dir / name, database_url, self.static_root, self.media_root, free_port(), **settings)
        (self.dir / name).mkdir(exist_ok=True)
        return portal

    def save_bodies(self, base_url):
        """The portal's pages as the constant app and nginx will serve them, and the demo-sized one."""
        demo_sized = self.bodies / DEMO_SIZED.strip("/") / "index.html"
        demo_sized.parent.mkdir(parents=True, exist_ok=True)
        demo_sized.write_bytes(b"<!DOCTYPE html><title>35 KB</title>" + b"x" * (35 * 1024))
        for path in LOAD_PAGES:
            status, _headers, body = get(base_url + path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            target = self.bodies / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)

    def constant_app(self):
        port = free_port()
        env = clean_environment(CONSTANT_BODY_DIR=self.bodies)
        argv = [sys.executable, "-m", "gunicorn", "bench.constant_app", "--bind", f"127.0.0.1:{port}"]
        argv += ["--workers", "2", "--no-control-socket", "--error-logfile", "-"]
        process = ManagedProcess("constant app", argv, env, self.dir / "constant.log").start()
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/"), 30, what="the constant app")
        return process, f"http://127.0.0.1:{port}"

    # --- measuring ------------------------------------------------------------------------

    def load(self, url, connections):
        return wrk.run(url, connections, self.args.seconds, headers=HEADERS)

    def compare(self, group, label, subject_url, baseline_url, least_ratio, connections, p99_factor=None):
        """wrk on the subject and its baseline, alternating (baseline, subject, baseline, subject)."""
        subject_runs, baseline_runs = [], []
        for _round in range(self.args.rounds):
            baseline_runs.append(self.load(baseline_url, connections))
            subject_runs.append(self.load(subject_url, connections))
        subject = max(subject_runs, key=lambda run: run.requests_per_second)
        baseline = max(baseline_runs, key=lambda run: run.requests_per_second)
        ratio = subject.requests_per_second / baseline.requests_per_second if baseline.requests_per_second else 0
        figure = (
            f"{subject.requests_per_second:,.0f} vs {baseline.requests_per_second:,.0f} req/s = {ratio:.0%}; "
            f"p50 {subject.p50_ms:.1f}/{baseline.p50_ms:.1f} ms, p99 {subject.p99_ms:.1f}/{baseline.p99_ms:.1f} ms"
        )
        errors = (
            "" if subject.clean else f"; {subject.bad_responses} bad answers, {subject.socket_errors} socket errors"
        )
        self.report.check(
            group,
            f"{label} c={connections}",
            ratio >= least_ratio and subject.clean,
            figure + errors,
            f">= {least_ratio:.0%}",
        )
        if p99_factor:
            limit = p99_factor * baseline.p99_ms
            self.report.check(
                group,
                f"{label} c={connections} p99",
                subject.p99_ms <= limit,
                f"{subject.p99_ms:.1f} ms vs {baseline.p99_ms:.1f} ms",
                f"<= {p99_factor:g}x",
            )
        return subject, baseline

    # --- the targets ----------------------------------------------------------------------

    def page_cache_targets(self, portal_url, constant_url):
        self.say("\n== Public pages from the page cache vs the constant Django response (same gunicorn)")
        for path in LOAD_PAGES:
            get(portal_url + path)  # kept from now on
            for connections in CONNECTIONS:
                self.compare(
                    "page cache on",
                    path,
                    portal_url + path,
                    constant_url + path,
                    0.70,
                    connections,
                    p99_factor=2 if connections == 50 else None,
                )

    def uncached_targets(self, uncached_url, constant_url):
        self.say("\n== The same pages rendered every time (page cache off) vs the demo site's home page")
        calibration = self.load(constant_url + DEMO_SIZED, 50)
        demo = DEMO_REQUESTS_PER_SECOND * calibration.requests_per_second / DEMO_CONSTANT_35KB
        self.say(
            f"   a constant 35 KB response: {calibration.requests_per_second:,.0f} req/s here "
            f"({DEMO_CONSTANT_35KB:,} in the issue's run), so the demo's home page ~ {demo:.0f} req/s today"
        )
        for path in LOAD_PAGES:
            run = self.load(uncached_url + path, 50)
            self.report.check(
                "page cache off",
                f"{path} c=50",
                run.requests_per_second >= 10 * demo and run.clean,
                f"{run.requests_per_second:,.0f} req/s = {run.requests_per_second / demo:.1f}x the demo's ~{demo:.0f}; "
                f"p50 {run.p50_ms:.1f} ms, p99 {run.p99_ms:.1f} ms",
                ">= 10x",
            )

    def nginx_targets(self, nginx):
        self.say("\n== Behind nginx (deploy/nginx/) vs nginx serving the same page as a file")
        for path in LOAD_PAGES:
            get(nginx.url + path)
            for connections in CONNECTIONS:
                self.compare("behind nginx", path, nginx.url + path, nginx.static_url + path, 0.50, connections)

    def correctness_checks(self, portal, nginx):
        """Nothing stale, nothing personal: through the page cache and through nginx."""
        self.say("\n== The caches stay correct")
        group = "correct caches"
        sites = {"gunicorn": portal.base_url, "nginx": nginx.url}

        def warm(path):
            for url in sites.values():
                get(url + path)
                get(url + path)

        def shows(path, text):
            return {name: text.encode() in get(url + path)[2] for name, url in sites.items()}

        def change(code):
            result = portal.manage("shell", "-c", code)
            if result.returncode != 0:
                raise RuntimeError(f"change failed: {result.stderr[-1500:]}")
            return result.stdout.strip()

        warm("/aktualnosci/")
        _status, headers, _ = get(nginx.url + "/aktualnosci/")
        self.report.check(
            group,
            "a warm page comes from nginx's cache",
            headers.get("X-Cache-Status") == "HIT",
            headers.get("X-Cache-Status", "-"),
        )
        _status, headers, _ = get(portal.base_url + "/aktualnosci/")
        self.report.check(
            group,
            "a warm page comes from the page cache",
            headers.get("X-Page-Cache") == "hit",
            headers.get("X-Page-Cache", "-"),
        )

        # As the admin does it: a draft, then its revision published. Timed inside the
        # process, so that starting Django for `manage.py shell` is not counted.
        publish_seconds, slug = (
            change(
                "import time; from home.models import NewsIndexPage, NewsPage; "
                "index = NewsIndexPage.objects.live().first(); "
                "item = NewsPage(title='Zebranie rodziców w piątek', slug='zebranie-rodzicow', intro='Zapraszamy.', body=[('text', '<p>Zapraszamy.</p>')], live=False); "
                "started = time.monotonic(); index.add_child(instance=item); item.save_revision().publish(); "
                "print(time.monotonic() - started, item.url)"
            )
            .splitlines()[-1]
            .split()
        )
        self.report.check(
            group,
            "a published news item shows on the next request",
            all(shows("/aktualnosci/", "Zebranie rodziców w piątek").values()),
            f"{shows('/aktualnosci/', 'Zebranie rodziców w piątek')}; publishing, with the purge of every address, took {float(publish_seconds):.1f} s",
        )
        warm(slug)
        change("from home.models import NewsPage; NewsPage.objects.get(slug='zebranie-rodzicow').unpublish()")
        gone = {name: get(url + slug)[0] for name, url in sites.items()}
        self.report.check(
            group, "an unpublished page is gone on the next request", set(gone.values()) == {404}, str(gone)
        )
        warm("/")
        change(
            "from home.models import EmergencyNumber; n = EmergencyNumber.objects.order_by('pk').first(); n.name = 'Telefon sprawdzony dzisiaj'; n.save()"
        )
        self.report.check(
            group,
            "a changed snippet shows on the next request",
            all(shows("/", "Telefon sprawdzony dzisiaj").values()),
            str(shows("/", "Telefon sprawdzony dzisiaj")),
        )
        warm("/kontakt/")
        change(
            "from wagtail.models import Site; from home.models import CentreSettings; c = CentreSettings.for_site(Site.objects.get(is_default_site=True)); c.phone = '58 765 43 21'; c.save()"
        )
        self.report.check(
            group,
            "a changed setting shows on the next request",
            all(shows("/kontakt/", "58 765 43 21").values()),
            str(shows("/kontakt/", "58 765 43 21")),
        )

        _s, headers, _body = get(nginx.url + "/", headers={"Cookie": "sessionid=someone-logged-in"})
        self.report.check(
            group,
            "a request with a session never comes from nginx's cache",
            headers.get("X-Cache-Status") == "BYPASS",
            headers.get("X-Cache-Status", "-"),
        )
        _s, headers, _body = get(portal.base_url + "/", headers={"Cookie": "sessionid=someone-logged-in"})
        self.report.check(
            group,
            "a request with a session never comes from the page cache",
            "X-Page-Cache" not in headers,
            headers.get("X-Page-Cache", "not from the cache"),
        )
        step = "/popros-o-pomoc/krok/kto/"
        answers = [get(nginx.url + step) for _ in range(2)]
        tokens = [re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1) for _s, _h, body in answers]
        statuses = [headers.get("X-Cache-Status", "-") for _s, headers, _b in answers]
        self.report.check(
            group,
            "a form step (CSRF token) is never kept",
            "HIT" not in statuses and tokens[0] != tokens[1],
            f"nginx {statuses}, two different tokens: {tokens[0] != tokens[1]}",
        )
        answers = [get(nginx.url + "/admin/login/") for _ in range(2)]
        self.report.check(
            group,
            "the admin (and its preview) never comes from a cache",
            all("X-Cache-Status" not in headers for _s, headers, _b in answers),
            "no cache status on /admin/",
        )

    def intake_targets(self):
        self.say(f"\n== Whole requests through the form: {self.args.intakes} requests, 50 clients at a time")
        self.say("   every step shown and sent, the check page, the confirmation; 2 sync workers")
        postgres = None
        try:
            for kind in ("sqlite", "postgresql"):
                if kind == "postgresql":
                    postgres = PostgresServer().init().start()
                databases = Databases(kind, self.dir, self.media_root, postgres).prepare_template()
                portal = self.portal(databases.new("intake"), f"intake-{kind}")
                portal.start_web(workers=2, threads=1, worker_class="sync", access_log=False)
                try:
                    load = intake_load.run(portal.base_url, self.args.intakes, 50)
                    stored = portal.snapshot()["requests"]
                finally:
                    portal.stop()
                rate = len(load.references) / load.seconds
                latencies = sorted(load.latencies)
                server_errors = sum(count for status, count in load.statuses.items() if status >= 500)
                # None lost: every client got a reference, and each reference is stored once.
                stored_references = sorted(row["reference"] for row in stored)
                whole = (
                    len(load.references) == self.args.intakes
                    and not load.errors
                    and server_errors == 0
                    and sorted(load.references) == stored_references
                )
                figure = (
                    f"{rate:.1f}/s; {len(stored_references)}/{self.args.intakes} stored once, {server_errors} 5xx; "
                    f"{load.requests / load.seconds:.0f} HTTP req/s, p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
                    f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms"
                ) + (f"; {load.errors[:3]}" if load.errors else "")
                self.say(f"   {kind}: {figure}")
                if kind == "sqlite":
                    self.report.check(
                        "intake",
                        "SQLite: completed requests per second",
                        whole and rate >= 50,
                        figure,
                        ">= 50/s, none lost",
                    )
                else:
                    # The issue asks for this figure printed; what must hold is that nothing is lost.
                    self.report.check(
                        "intake", "PostgreSQL: completed requests per second", whole, figure, "printed; none lost"
                    )
        finally:
            if postgres is not None:
                postgres.remove()

    # --- the run --------------------------------------------------------------------------

    def run(self):
        self.say(f"== Preparing in {self.dir}")
        collect_static(self.static_root, self.dir / "setup.log")
        database_url = self.prepare_database()

        cached = self.portal(database_url, "cached")
        uncached = self.portal(database_url, "uncached", PAGE_CACHE_SECONDS=0)

        from bench.nginx import Nginx

        nginx = Nginx(self.dir, cached.port, self.media_root, self.bodies)
        cached.env["PORTAL_NGINX_PURGE_URL"] = nginx.purge_url
        # Page URLs (and so the purges) carry the host the clients use.
        cached.manage(
            "shell",
            "-c",
            "from wagtail.models import Site; Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port=80)",
        )

        cached.start_web(workers=2, threads=1, worker_class="sync")
        uncached.start_web(workers=2, threads=1, worker_class="sync")
        self.save_bodies(cached.base_url)
        _constant, constant_url = self.constant_app()
        nginx.start()

        self.page_cache_targets(cached.base_url, constant_url)
        self.uncached_targets(uncached.base_url, constant_url)
        uncached.stop()
        self.nginx_targets(nginx)
        self.correctness_checks(cached, nginx)
        if "intake" not in self.args.skip:
            self.intake_targets()
        if "lighthouse" not in self.args.skip:
            self.lighthouse(nginx.url)
        if "admin" not in self.args.skip:
            self.admin_scale()

    def lighthouse(self, url):
        try:
            from bench import lighthouse
        except ImportError:
            self.report.check("phone", "Lighthouse", False, "bench/lighthouse.py is missing")
            return
        self.say("\n== A phone's first load and Lighthouse (through nginx)")
        for result in lighthouse.measure(url):
            for check in result.get("checks", []):
                self.report.check(
                    "phone",
                    f"{result['path']} {check['name']}",
                    check["passed"],
                    str(check["value"]),
                    str(check["target"]),
                )

    def admin_scale(self):
        try:
            from bench import admin_scale
        except ImportError:
            self.report.check("admin", "admin with 100,000 requests", False, "bench/admin_scale.py is missing")
            return
        self.say("\n== The admin with 1,000 and 100,000 requests")
        for name, passed, figure, target in admin_scale.targets(self.dir / "admin", say=self.say):
            self.report.check("admin", name, passed, figure, target)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternating rounds per comparison (the best of each counts)"
    )
    parser.add_argument("--news", type=int, default=3000, help="generated news items")
    parser.add_argument("--intakes", type=int, default=1500, help="whole requests sent through the form")
    parser.add_argument("--skip", nargs="*", default=[], choices=["intake", "lighthouse", "admin"])
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: make bench installs it (Debian's {tool} package)")

    def interrupted(signum, frame):
        stop_everything()
        sys.exit(130)

    signal.signal(signal.SIGTERM, interrupted)
    bench = Bench(args)
    started = time.monotonic()
    try:
        bench.run()
    except Exception as error:  # report what was measured, and the failure
        bench.report.check("run", "the benchmark ran to the end", False, f"{type(error).__name__}: {error}")
    finally:
        stop_everything()
    report = bench.report
    report.say(
        f"\n== Figures (whole run {time.monotonic() - started:.0f} s, load average {Path('/proc/loadavg').read_text().split()[0]})"
    )
    report.say(report.table())
    if args.keep or report.failed:
        report.say(f"\nLogs kept in {bench.dir}")
    else:
        shutil.rmtree(bench.dir, ignore_errors=True)
    report.say(f"\n{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
