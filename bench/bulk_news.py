"""Thousands of published news items under the demo's news index, for the benchmark.

Run with the database in DATABASE_URL after `load_demo_content` (test settings, as
bench/stack.py's set-up does): `python -m bench.bulk_news 3000`. Pages are added
through treebeard like the admin does, with a first revision each, so they are
ordinary published pages.
"""

import datetime
import os
import sys


def add_news(count):
    from django.db import transaction

    from home.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.live().first()
    today = datetime.date(2026, 11, 1)
    with transaction.atomic():
        for number in range(count):
            item = NewsPage(
                title=f"Wiadomość z ośrodka nr {number + 1}",
                slug=f"wiadomosc-{number + 1}",
                date=today - datetime.timedelta(days=number // 3),
                intro="Krótka informacja dla rodzin z gminy: terminy dyżurów, spotkania i zmiany w pracy ośrodka.",
                body=[("text", "<p>Zapraszamy rodziny na spotkanie informacyjne w sali ośrodka.</p>")],
            )
            index.add_child(instance=item)
            item.save_revision().publish()
    return index.get_children().count()


def main(argv=None):
    count = int((argv or sys.argv[1:] or ["3000"])[0])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    print(f"news items now: {add_news(count)}")


if __name__ == "__main__":
    main()
