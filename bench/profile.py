"""Where a request's time goes inside Django: cProfile over pages and walks through the form.

    python -m bench.profile page:/ page:/aktualnosci/ walk route:/asystent-rodziny/ [--repeat 50]

Run with an app server's settings (stack.Portal.run_module), on its database and shared
cache: `page:PATH` asks for one public page `--repeat` times as a visitor without a
session (after a few requests to warm up), `walk` sends whole requests through the form
(`--repeat` divided by 10 of them) as bench/intake_client.py does, through Django's test
client with the CSRF checks on. No HTTP server is involved: what gunicorn and the socket
add is what make bench's CPU figures show beyond these.

For each it prints the milliseconds per request (per whole request for `walk`), the
queries per request, the share of the time spent in each part of the code (by where
the functions are: the database driver, Django's ORM, templates, Wagtail, the
project...) and the time below each stage of a request (STAGES).

`route:PATH` times Wagtail's own routing alone, without the profiler: finding the site
for the request and the page at PATH (Site.find_for_request, Page.route_for_request),
what every page drawn and every step of the form pays before any view or template runs.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (name, where the function's file is): the first that matches names the part.
AREAS = [
    ("database driver (running queries)", ("sqlite3", "psycopg", "<method 'execute'", "<method 'fetch")),
    ("Django ORM (building queries, making objects)", ("django/db/",)),
    ("Django templates", ("django/template", "django/templatetags")),
    ("Django forms", ("django/forms",)),
    ("Django sessions and auth", ("django/contrib/sessions", "django/contrib/auth")),
    ("Django cache (shared cache: files or Redis)", ("django/core/cache", "redis/", "portal/cache.py", "pickle")),
    ("Django middleware and request handling", ("django/middleware", "django/core/handlers", "django/http")),
    ("Django URLs and i18n", ("django/urls", "django/utils/translation", "django/conf/urls")),
    ("Django utilities", ("django/utils",)),
    ("Django test client", ("django/test",)),
    ("Wagtail", ("wagtail/", "modelcluster", "treebeard", "taggit", "modelsearch")),
    ("django-csp, whitenoise, axes, django-otp", ("csp/", "whitenoise", "axes/", "django_otp")),
    ("the project (portal, home, intake)", ("/portal/", "/home/", "/intake/")),
    ("Python: regular expressions", ("<method 'sub'", "<method 'match'", "<method 'search'", "re/", "sre_")),
    ("Python: everything else", ("",)),
]


# Stages a request goes through, by the function that does each (file's end, name): the
# time below it, which includes what it calls (so stages may contain one another).
STAGES = [
    ("Wagtail: finding the page (Page.route_for_request)", "wagtail/models/pages.py", "route_for_request"),
    ("  the site for the request (Site.find_for_request)", "wagtail/models/sites.py", "find_for_request"),
    ("Wagtail: view restrictions (Page.get_view_restrictions)", "wagtail/models/pages.py", "get_view_restrictions"),
    ("Wagtail: specific objects (routing, menus, listings)", "wagtail/models/specific.py", "specific"),
    ("the page's get_context", "home/models/pages.py", "get_context"),
    ("the request form's view", "intake/models/page.py", "serve"),
    ("templates (the whole rendering)", "django/template/response.py", "rendered_content"),
    ("  the frame's fragments ({% wagtailcache %})", "wagtail/templatetags/wagtail_cache.py", "render"),
    ("  the frame: menu", "home/frame.py", "menu"),
    ("  the frame: centre's settings", "home/frame.py", "centre"),
    ("  the frame: linked pages", "home/frame.py", "links"),
    ("  the frame: emergency numbers", "home/frame.py", "numbers"),
    ("  form fields through the form renderer", "django/forms/renderers.py", "render"),
    ("sessions: reading", "django/contrib/sessions/backends/db.py", "load"),
    ("sessions: saving", "django/contrib/sessions/backends/db.py", "save"),
    ("CSRF check", "django/middleware/csrf.py", "process_view"),
    ("shared cache: get_many", "django/core/cache/backends/base.py", "get_many"),
    ("shared cache: get_many (Redis)", "django/core/cache/backends/redis.py", "get_many"),
    ("Content-Security-Policy header", "csp/middleware.py", "process_response"),
    ("gzip (portal/compression.py)", "portal/compression.py", "process_response"),
    ("ORM: compiling SQL", "django/db/models/sql/compiler.py", "as_sql"),
    ("ORM: running SQL", "django/db/models/sql/compiler.py", "execute_sql"),
]


def area(function):
    filename, _line, name = function
    where = f"{filename}:{name}" if filename != "~" else name
    for label, needles in AREAS:
        if any(needle in where for needle in needles):
            return label
    return AREAS[-1][0]


class TestBrowser:
    """What bench/intake_client.py's walk needs of a browser, over Django's test client.

    One client for every walk (a new one would load the middleware again, WhiteNoise's
    list of static files included); each walk starts without cookies, as a new applicant.
    """

    def __init__(self):
        from django.test import Client

        self.client = Client(enforce_csrf_checks=True, HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")

    def new_applicant(self):
        self.client.cookies.clear()
        return self

    def request(self, method, path, form=None, referer_path=None):
        if method == "GET":
            answer = self.client.get(path)
        else:
            origin = f"https://{HOST}"
            answer = self.client.post(path, form, HTTP_ORIGIN=origin, HTTP_REFERER=origin + (referer_path or path))
        location = answer.get("Location", "")
        return SimpleNamespace(status=answer.status_code, text=answer.content.decode(), location=location)


HOST = "localhost"


def scenario(name, repeat):
    """A function doing one unit of work, and how many units."""
    from django.test import Client

    if name == "walk":
        from bench.intake_client import walk_steps

        numbers = iter(range(1, 1_000_000))
        browser = TestBrowser()

        def one_walk():
            reference = walk_steps(browser.new_applicant(), next(numbers), 0, 0, 0, None)
            assert reference, "the walk got no reference"

        return one_walk, max(1, repeat // 10)
    path = name.removeprefix("page:")
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")

    def one_page():
        answer = client.get(path)
        assert answer.status_code == 200, (path, answer.status_code)

    return one_page, repeat


def measure_routing(path, repeat):
    """Milliseconds Wagtail spends finding the site and the page, median of 5 rounds of `repeat`."""
    import statistics

    from django.conf import settings
    from django.test import RequestFactory
    from django.urls import resolve
    from django.utils import translation
    from wagtail.models import Page, Site

    factory = RequestFactory(HTTP_HOST=HOST)
    # The language the page is served in, as LocaleMiddleware takes it from the address.
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        page_path = resolve(path).args[0]  # what Wagtail's serve view is given: the address without /uk/

    def site_only():
        Site.find_for_request(factory.get(path))

    def site_and_page():
        request = factory.get(path)
        with translation.override(language):
            assert Page.route_for_request(request, page_path) is not None, path

    def median_ms(work):
        for _ in range(20):
            work()
        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(repeat):
                work()
            rounds.append((time.perf_counter() - started) / repeat * 1000)
        return statistics.median(rounds)

    site, both = median_ms(site_only), median_ms(site_and_page)
    print(
        f"\n== route:{path}: Wagtail's routing alone {both:.2f} ms a request "
        f"(the site {site:.2f} ms, the page {both - site:.2f} ms), before any view or template"
    )


def measure(name, repeat):
    if name.startswith("route:"):
        return measure_routing(name.removeprefix("route:"), repeat)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    work, count = scenario(name, repeat)
    for _ in range(3):
        work()
    with CaptureQueriesContext(connection) as captured:
        work()
    queries = len(captured)  # now: a new connection starts a new log
    started = time.perf_counter()
    for _ in range(count):
        work()
    plain = (time.perf_counter() - started) / count
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        work()
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # every function's own time
    shares = {}
    for function, (_cc, _nc, own, _cumulative, callers) in stats.stats.items():
        if function[0] == "~" and callers and not function[2].startswith(("<method 'execute'", "<method 'fetch")):
            # A built-in (getattr, isinstance, str.join...) counts for the code that called it.
            for caller, edge in callers.items():
                shares[area(caller)] = shares.get(area(caller), 0.0) + edge[2]
        else:
            shares[area(function)] = shares.get(area(function), 0.0) + own
    unit = "whole request" if name == "walk" else "request"
    print(
        f"\n== {name}: {plain * 1000:.1f} ms per {unit} ({queries} queries), {count} measured; "
        f"{total / count * 1000:.1f} ms under the profiler, in these parts:"
    )
    for label, seconds in sorted(shares.items(), key=lambda item: -item[1]):
        if seconds / total >= 0.01:
            print(f"   {seconds / total:5.0%}  {label}")
    print(f"   stages (time below each, ms per {unit} under the profiler, share of the profiled time):")
    for label, ending, name in STAGES:
        matched = {key for key in stats.stats if key[2] == name and key[0].endswith(ending)}
        # What one such function spends in another (Django's RedisCache.get_many in its client's) counts once.
        below = sum(
            stats.stats[key][3] - sum(edge[3] for caller, edge in stats.stats[key][4].items() if caller in matched)
            for key in matched
        )
        if below / total >= 0.005:
            print(f"   {below / count * 1000:8.2f} ms {below / total:4.0%}  {label}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="+", help="page:/path/ or walk")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    for name in args.scenarios:
        measure(name, args.repeat)


if __name__ == "__main__":
    main()
