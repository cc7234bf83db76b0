"""The interview deadline, in working days (DOMAIN.md: regulation Dz.U. 2021 poz. 893, § 3).

The day the centre learns of the need is not counted; counting starts the next
day and skips Saturdays, Sundays, Polish public holidays (the `holidays` package,
24 December included from 2025) and any extra closed days staff have entered.
"""

import datetime
from functools import lru_cache

import holidays
from django.utils import timezone

STANDARD_WORKING_DAYS = 14
URGENT_WORKING_DAYS = 2


@lru_cache(maxsize=32)
def _public_holidays(year):
    return frozenset(holidays.Poland(years=year))


def is_working_day(day, closed_days=frozenset()):
    return day.weekday() < 5 and day not in _public_holidays(day.year) and day not in closed_days


def add_working_days(start, count, closed_days=frozenset()):
    """The date `count` working days after `start` (which itself is not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, closed_days):
            remaining -= 1
    return day


def _weekdays_after(start, end):
    """Monday-to-Friday days after `start` up to and including `end` (end >= start)."""
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday() + 1  # weekday of the first counted day, before wrapping
    return weeks * 5 + sum(1 for offset in range(rest) if (first + offset) % 7 < 5)


def working_days_between(start, end, closed_days=frozenset()):
    """Working days after `start` up to and including `end`; negative when `end` is earlier.

    Counted, not walked day by day: the request list shows this for every open request on
    a page, and a request left open for years would otherwise cost a loop over every day.
    """
    if end < start:
        return -working_days_between(end, start, closed_days)
    holidays_between = set()
    for year in range(start.year, end.year + 1):
        holidays_between.update(_public_holidays(year))
    days_off = {day for day in holidays_between.union(closed_days) if start < day <= end and day.weekday() < 5}
    return _weekdays_after(start, end) - len(days_off)


def closed_days():
    """Staff-entered closed days, read from the database each time.

    Every app process and server must count the same deadline the moment a closed day is
    saved, and the table holds a few rows a year: one small query is cheaper than keeping
    a copy anywhere in step with it.
    """
    from intake.models import ClosedDay

    return frozenset(ClosedDay.objects.values_list("date", flat=True))


def interview_deadline(received_at, urgent):
    """The last day for the interview of a request received at `received_at`."""
    received_on = timezone.localdate(received_at)
    count = URGENT_WORKING_DAYS if urgent else STANDARD_WORKING_DAYS
    return add_working_days(received_on, count, closed_days())


def working_days_left(deadline, today=None, closed=None):
    """Working days from today to the deadline: positive to go, 0 on the day, negative when overdue."""
    today = today or timezone.localdate()
    return working_days_between(today, deadline, closed_days() if closed is None else closed)
