"""Deadlines in sentences: "do piątku, 4 grudnia 2026\u00a0r.", each weekday and month in its proper form."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from intake.dates import by_date

# 7-13 December 2026 is Monday to Sunday.
WEEK = [datetime.date(2026, 12, 7) + datetime.timedelta(days=n) for n in range(7)]
# The 4th of each month of 2026.
MONTHS = [datetime.date(2026, month, 4) for month in range(1, 13)]


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "pl",
            [
                "do poniedziałku, 7 grudnia 2026\u00a0r.",
                "do wtorku, 8 grudnia 2026\u00a0r.",
                "do środy, 9 grudnia 2026\u00a0r.",
                "do czwartku, 10 grudnia 2026\u00a0r.",
                "do piątku, 11 grudnia 2026\u00a0r.",
                "do soboty, 12 grudnia 2026\u00a0r.",
                "do niedzieli, 13 grudnia 2026\u00a0r.",
            ],
        ),
        (
            "uk",
            [
                "до понеділка, 7 грудня 2026\u00a0р.",
                "до вівторка, 8 грудня 2026\u00a0р.",
                "до середи, 9 грудня 2026\u00a0р.",
                "до четверга, 10 грудня 2026\u00a0р.",
                "до п’ятниці, 11 грудня 2026\u00a0р.",
                "до суботи, 12 грудня 2026\u00a0р.",
                "до неділі, 13 грудня 2026\u00a0р.",
            ],
        ),
        (
            "en",
            [
                "by Monday, 7 December 2026",
                "by Tuesday, 8 December 2026",
                "by Wednesday, 9 December 2026",
                "by Thursday, 10 December 2026",
                "by Friday, 11 December 2026",
                "by Saturday, 12 December 2026",
                "by Sunday, 13 December 2026",
            ],
        ),
    ],
)
def test_each_weekday(language, expected):
    assert [by_date(day, language) for day in WEEK] == expected


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "pl",
            "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
        ),
        ("uk", "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"),
        ("en", "January February March April May June July August September October November December"),
    ],
)
def test_each_month(language, expected):
    months = [by_date(day, language).split(", ")[1].split()[1] for day in MONTHS]
    assert months == expected.split()


def test_the_active_language_is_used():
    friday = datetime.date(2026, 12, 4)
    template = Template("{% load intake_dates %}{{ day|by_date }}")
    written = {}
    for language in ("pl", "uk", "en", "en-gb"):
        with translation.override(language):
            written[language] = template.render(Context({"day": friday}))
    assert written == {
        "pl": "do piątku, 4 grudnia 2026\u00a0r.",
        "uk": "до п’ятниці, 4 грудня 2026\u00a0р.",
        "en": "by Friday, 4 December 2026",
        "en-gb": "by Friday, 4 December 2026",
    }


def test_the_year_mark_stays_on_the_years_line():
    # A no-break space: "r." never starts a line on its own.
    assert by_date(datetime.date(2026, 12, 4), "pl").endswith("2026\u00a0r.")
    assert by_date(datetime.date(2026, 12, 4), "uk").endswith("2026\u00a0р.")


def test_no_date_writes_nothing():
    assert Template("{% load intake_dates %}[{{ day|by_date }}]").render(Context({"day": None})) == "[]"
