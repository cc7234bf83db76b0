"""The demo centre in three languages, with as many news items as the benchmark asks for.

Run with the database in DATABASE_URL after `load_demo_content` (test settings, as
bench/stack.py's set-up does):

    python -m bench.bulk_news 1000              # 1,000 news items in each of pl, uk, en
    python -m bench.bulk_news 0                 # the translations only
    python -m bench.bulk_news 0 --host 127.0.0.1   # and the site answers as 127.0.0.1

The Ukrainian and English trees are made as an editor makes them, with Wagtail's own
`copy_for_translation` (the home page and every section under it, each then published);
the sections' own sub-pages stay Polish. News items are added in each language under
that language's news index through treebeard, as the admin adds them, with a first
revision each, so they are ordinary published pages; the Ukrainian and English ones are
translations of the Polish ones (the same translation key), as an editor's would be.
Prints one JSON line: the live pages per language.
"""

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LANGUAGES = ("pl", "uk", "en")
# A title per language, so that each tree reads as its own language.
NEWS_TITLES = {
    "pl": "Wiadomość z ośrodka nr {number}",
    "uk": "Новина центру № {number}",
    "en": "News from the centre no. {number}",
}
INTRO = "Krótka informacja dla rodzin z gminy: terminy dyżurów, spotkania i zmiany w pracy ośrodka."
BODY = "<p>Zapraszamy rodziny na spotkanie informacyjne w sali ośrodka.</p>"


def translate_tree(languages):
    """The home page and its sections (the pages in the menu's level) in each other language."""
    from wagtail.models import Locale, Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    sections = [page.specific for page in home.get_children().order_by("path")]
    for code in languages:
        if code == home.locale.language_code:
            continue
        locale = Locale.objects.get(language_code=code)
        for page in (home, *sections):
            if page.get_translation_or_none(locale) is not None:
                continue
            # Copied as a draft under the translated parent (the home page is copied first).
            copy = page.copy_for_translation(locale)
            copy.save_revision().publish()


def add_news(count_per_language, languages):
    from django.db import transaction
    from wagtail.models import Locale

    from home.models import NewsIndexPage, NewsPage

    polish_index = NewsIndexPage.objects.live().get(locale__language_code="pl")
    today = datetime.date(2026, 11, 1)
    with transaction.atomic():
        for code in languages:
            index = (
                polish_index
                if code == "pl"
                else polish_index.get_translation(Locale.objects.get(language_code=code)).specific
            )
            keys = dict(
                NewsPage.objects.filter(locale__language_code="pl", slug__startswith="wiadomosc-").values_list(
                    "slug", "translation_key"
                )
            )
            for number in range(1, count_per_language + 1):
                slug = f"wiadomosc-{number}"
                item = NewsPage(
                    title=NEWS_TITLES[code].format(number=number),
                    slug=slug,
                    locale=index.locale,
                    date=today - datetime.timedelta(days=(number - 1) // 3),
                    intro=INTRO,
                    body=[("text", BODY)],
                )
                if code != "pl" and slug in keys:
                    item.translation_key = keys[slug]  # the Polish item's translation
                index.add_child(instance=item)
                item.save_revision().publish()


def live_pages():
    from django.db.models import Count
    from wagtail.models import Page

    rows = Page.objects.live().filter(depth__gte=2).order_by().values("locale__language_code").annotate(n=Count("pk"))
    return {row["locale__language_code"]: row["n"] for row in rows}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000, help="news items per language")
    parser.add_argument("--host", help="the default site's host name (port 80): pages' and purges' addresses")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    if args.host:
        from wagtail.models import Site

        Site.objects.filter(is_default_site=True).update(hostname=args.host, port=80)
    from django.test import override_settings

    # Nothing is kept anywhere yet (no server has run on this database), so there is
    # nothing to purge; each news item's purge would name every page of the growing
    # listing, minutes of work for thousands of items.
    with override_settings(WAGTAILFRONTENDCACHE={}):
        translate_tree(LANGUAGES)
        if args.count:
            add_news(args.count, LANGUAGES)
    print(json.dumps(live_pages()))


if __name__ == "__main__":
    main()
