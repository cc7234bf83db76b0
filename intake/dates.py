"""A deadline written into a sentence: "do piątku, 4 grudnia 2026 r.".

Polish and Ukrainian put the weekday and the month after "do"/"до" in the genitive
("do piątku", "4 grudnia"), which Django's date formats cannot write: its weekday
names are in the nominative ("Piątek", capitalised). This module writes the whole
phrase, preposition included, in the active language, so each language can put it
where its grammar wants it in the sentence ("najpóźniej do piątku…", "by Friday…
at the latest").
"""

from dataclasses import dataclass

from django.utils import translation

# "r."/"р." (year) is joined to the year by a no-break space: a line never starts with it.


@dataclass(frozen=True)
class _Forms:
    # "{weekday}, {day} {month} {year}" with the words each preposition needs.
    by: str
    weekdays: tuple  # Monday first, as date.weekday() counts
    months: tuple  # January first


_FORMS = {
    "pl": _Forms(
        by="do {weekday}, {day} {month} {year}\u00a0r.",
        weekdays=("poniedziałku", "wtorku", "środy", "czwartku", "piątku", "soboty", "niedzieli"),
        months=(
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ),
    ),
    "uk": _Forms(
        by="до {weekday}, {day} {month} {year}\u00a0р.",
        weekdays=("понеділка", "вівторка", "середи", "четверга", "п’ятниці", "суботи", "неділі"),
        months=(
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ),
    ),
    "en": _Forms(
        by="by {weekday}, {day} {month} {year}",
        weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        months=(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
    ),
}
# The msgids, and so the sentences around the date when no catalogue has them, are English.
_FALLBACK = "en"


def _forms(language):
    code = (language or translation.get_language() or _FALLBACK).lower().split("-")[0].split("_")[0]
    return _FORMS.get(code, _FORMS[_FALLBACK])


def by_date(day, language=None):
    """ "do piątku, 4 grudnia 2026 r." in Polish; the active language unless one is given."""
    forms = _forms(language)
    return forms.by.format(
        weekday=forms.weekdays[day.weekday()], day=day.day, month=forms.months[day.month - 1], year=day.year
    )
