"""A real portal for the browser tests: gunicorn serving the demo content, and Debian's Chromium.

The server runs in its own process with its own database (SQLite file, or a
separate PostgreSQL database when DATABASE_URL points at PostgreSQL), so the
browser sees exactly what a resident would after `make run`.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import dj_database_url
import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# Flags for a sandbox without network or GPU: no background connections to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
# The narrowest screen WCAG 1.4.10 (reflow) asks for: 1280 px at 400 % zoom, or a small phone.
NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}

DEMO_ADMIN = ("admin", "demo-gops-2026")
# Where "leave this page" goes in the tests; the browser answers it itself (no network here).
NEUTRAL_SITE = "https://neutral.example/"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _browser_database_url(tmp_dir):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp_dir / 'browser.sqlite3'}"
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_browser"
    admin_conninfo = dict(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
    )
    with psycopg.connect(**{k: v for k, v in admin_conninfo.items() if v}, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def _wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the portal server stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the portal did not answer at {url} within {timeout} s")


@pytest.fixture(scope="session")
def portal_server(tmp_path_factory):
    """The running portal: `url`, and `manage(*args)` to run a management command on its database."""
    tmp_dir = tmp_path_factory.mktemp("portal")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": _browser_database_url(tmp_dir),
        "MEDIA_ROOT": str(tmp_dir / "media"),
        # The server's workers share their own cache folder, as the processes of one machine do.
        "CACHE_DIR": str(tmp_dir / "cache"),
        "PYTHONUNBUFFERED": "1",
        # The browser fills the form faster than a person and from one address.
        "INTAKE_MIN_FILL_SECONDS": "1",
        "INTAKE_RATE_LIMIT_PER_ADDRESS": "1000",
        "INTAKE_QUICK_EXIT_URL": NEUTRAL_SITE,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo_content"], cwd=ROOT, env=env, check=True, capture_output=True)

    port = _free_port()
    # The site at the address the browser uses, as a centre's Site has its own host name:
    # the page cache keeps and purges pages by their Site's address (home/page_cache.py).
    # Saved, not updated: Wagtail forgets the sites' addresses it keeps in the cache on save.
    point_site = (
        "from wagtail.models import Site; site = Site.objects.get(is_default_site=True); "
        f"site.hostname, site.port = '127.0.0.1', {port}; site.save()"
    )
    subprocess.run([*manage, "shell", "-c", point_site], cwd=ROOT, env=env, check=True, capture_output=True)
    log = open(tmp_dir / "server.log", "w")  # noqa: SIM115 (the server writes to it until the session ends)
    server = subprocess.Popen(
        # No control socket: gunicorn 27 otherwise shares one per user between all its servers.
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"

    def run_manage(*args):
        return subprocess.run([*manage, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)

    try:
        _wait_for(url + "/", server)
        yield SimpleNamespace(url=url, manage=run_manage)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def portal_url(portal_server):
    return portal_server.url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed for the browser tests: `make test` installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Reported to Python as they happen, so that none is lost when a page navigates away.
_REPORT_CSP = """
document.addEventListener("securitypolicyviolation", (event) => window.reportCspViolation({
    directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample,
    source: event.sourceFile, page: document.location.pathname,
}));
"""


def _known(violation):
    # Draftail, the admin's rich-text editor, injects <style> elements for the hint in an
    # empty paragraph and for nested list numbering. The policy blocks them; the numbering
    # comes from static/css/admin.css instead, and the hint is simply not shown.
    return violation["directive"] == "style-src-elem" and violation["sample"].startswith(
        (".Draftail-block--", ".public-DraftStyleDefault-depth", "\n.public-DraftStyleDefault-depth")
    )


@pytest.fixture
def new_context(browser):
    """Browser contexts that fail the test if any page breaks the Content Security Policy."""
    contexts, seen = [], []

    def make(**options):
        context = browser.new_context(**options)
        context.expose_function("reportCspViolation", lambda violation: seen.append(violation))
        context.add_init_script(_REPORT_CSP)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    unexpected = [violation for violation in seen if not _known(violation)]
    assert unexpected == [], "Content Security Policy violations: " + repr(unexpected)


@pytest.fixture
def phone_page(new_context):
    return new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True).new_page()


@pytest.fixture
def narrow_page(new_context):
    return new_context(viewport=NARROW, device_scale_factor=1, is_mobile=True, has_touch=True).new_page()


@pytest.fixture
def desktop_page(new_context):
    return new_context(viewport=DESKTOP).new_page()


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
