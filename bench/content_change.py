"""Change published content as an editor in the admin would, on the machine whose settings it runs with.

    python -m bench.content_change page /asystent-rodziny/zadania/   # publish a new title
    python -m bench.content_change menu /asystent-rodziny/           # show or hide it in the menu
    python -m bench.content_change setting                           # the centre's phone
    python -m bench.content_change emergency                         # an emergency number
    python -m bench.content_change closed-day 2026-03-02             # an extra closed day
    python -m bench.content_change serve                             # one command a line from stdin

Run with one app server's environment (stack.Portal.run_module), so the change is
made "through" that server: its database, shared cache, var folder and nginx purge
URL. It saves through the models as the admin's views do (a page revision published,
a setting or snippet saved, a closed day created), so every signal the app listens to
fires. Prints one JSON object: what changed, the text the public pages must now show
and, for what every page's footer shows, the text it replaced. Nothing in it is
personal: page titles, the centre's phone, helplines, dates.

`serve` keeps one process, as an app server's worker stays up between an editor's
clicks: each line from stdin (`page /aktualnosci/piknik-rodzinny/`) is done and answered
with one JSON line that adds when the change started and ended (`time.time()`, so the
caller can tell how long after the start a page showed it). `neighbours /path/` answers
with the addresses Wagtail's tree relates to a page (benchmark: what a purge may name).
"""

import json
import os
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _site():
    from wagtail.models import Site

    return Site.objects.select_related("root_page").get(is_default_site=True)


def _page_at(path):
    """The live page at a public path of the default site (e.g. /asystent-rodziny/)."""
    from wagtail.models import Page

    root = _site().root_page
    return Page.objects.get(url_path=root.url_path + path.lstrip("/")).specific


def _digits(count):
    return "".join(secrets.choice("0123456789") for _ in range(count))


def publish_page(path):
    page = _page_at(path)
    before = page.title
    page.title = f"{before.split(' (wersja ')[0]} (wersja {_digits(4)})"
    page.save_revision().publish()
    return {"changed": f"page {path}: title {before!r} -> {page.title!r}", "shows": page.title}


def toggle_menu(path):
    page = _page_at(path)
    page.show_in_menus = not page.show_in_menus
    page.save_revision().publish()
    state = "shown in" if page.show_in_menus else "hidden from"
    return {"changed": f"page {path} {state} the menu", "link": path, "in_menu": page.show_in_menus}


def centre_phone():
    from home.models import CentreSettings

    settings = CentreSettings.for_site(_site())
    before = settings.phone
    digits = _digits(7)
    settings.phone = f"58 {digits[:3]} {digits[3:5]} {digits[5:]}"
    settings.full_clean()
    settings.save()
    return {
        "changed": f"centre's phone {before!r} -> {settings.phone!r}",
        "shows": settings.phone,
        "instead_of": before,
    }


def emergency_number():
    from wagtail.models import Locale

    from home.models import EmergencyNumber

    # The last helpline as the Polish pages watched list it (each number has its Ukrainian
    # and English translations too): 112 stays 112, even in a throw-away database.
    number = EmergencyNumber.objects.filter(locale=Locale.get_default()).order_by("-sort_order", "-name").first()
    before = number.number
    digits = _digits(6)
    number.number = f"800 {digits[:3]} {digits[3:]}"
    number.full_clean()
    number.save()
    return {
        "changed": f"emergency number {number.name!r}: {before!r} -> {number.number!r}",
        "shows": number.number,
        "instead_of": before,
    }


def closed_day(iso_date):
    """A closed day, and the deadline a request received now gets with it (as the confirmation page shows it)."""
    import datetime

    from django.utils import timezone

    from intake.dates import by_date
    from intake.deadlines import interview_deadline
    from intake.models import ClosedDay

    day = datetime.date.fromisoformat(iso_date)
    ClosedDay.objects.create(date=day, reason="Dzień wolny (test awarii)")
    deadline = interview_deadline(timezone.now(), urgent=False)
    # In the confirmation's own words: "do poniedziałku, 21 grudnia 2026 r.".
    shown = by_date(deadline, "pl")
    return {"changed": f"closed day {day.isoformat()} saved", "deadline": deadline.isoformat(), "shows": shown}


def neighbours(path):
    """What Wagtail relates to the page at `path`: its addresses, its live ancestors' and translations',
    the live pages that link to it (the reference index), and how many live pages the site has."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page = _page_at(path)

    def addresses(pages):
        return sorted({url for url in (p.get_full_url() for p in pages) if url})

    page_type = ContentType.objects.get_for_model(Page)
    sources = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    linking = Page.objects.live().filter(pk__in=[int(pk) for pk in sources.values_list("object_id", flat=True)])
    return {
        "page": page.get_full_url(),
        "ancestors": addresses(page.get_ancestors().live().filter(depth__gte=2)),
        "translations": addresses(page.get_translations().live()),
        "linking": addresses(linking),
        "live_pages": Page.objects.live().filter(depth__gte=2).count(),
    }


KINDS = {
    "page": publish_page,
    "menu": toggle_menu,
    "setting": centre_phone,
    "emergency": emergency_number,
    "closed-day": closed_day,
    "neighbours": neighbours,
}


def serve():
    for line in sys.stdin:
        if not line.strip():
            continue
        kind, *arguments = line.split()
        started = time.time()
        result = KINDS[kind](*arguments)
        answer = {"kind": kind, "started": started, "finished": time.time(), **result}
        print(json.dumps(answer, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    kind, *arguments = sys.argv[1:]
    if kind == "serve":
        serve()
    else:
        json.dump({"kind": kind, **KINDS[kind](*arguments)}, sys.stdout, ensure_ascii=False)
