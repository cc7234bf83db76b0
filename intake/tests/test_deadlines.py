"""Interview deadlines in working days: weekends, Polish holidays (24 December too) and closed days skipped."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from intake.deadlines import add_working_days, interview_deadline, is_working_day, working_days_between
from intake.models import ClosedDay

D = datetime.date
WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.mark.parametrize(
    ("received", "count", "expected"),
    [
        (D(2026, 11, 23), 2, D(2026, 11, 25)),  # Monday: Tuesday, Wednesday
        (D(2026, 11, 27), 2, D(2026, 12, 1)),  # Friday: Monday, Tuesday
        (D(2026, 11, 28), 2, D(2026, 12, 1)),  # Saturday: counting starts on Monday
        (D(2026, 12, 22), 2, D(2026, 12, 28)),  # 24, 25, 26 December are holidays
        (D(2026, 12, 23), 1, D(2026, 12, 28)),  # Christmas Eve is a public holiday from 2025
        (D(2026, 11, 10), 1, D(2026, 11, 12)),  # 11 November
        (D(2026, 4, 3), 1, D(2026, 4, 7)),  # Good Friday receipt, Easter Monday skipped
        (D(2026, 6, 3), 1, D(2026, 6, 5)),  # Corpus Christi 2026-06-04
        (D(2026, 11, 23), 14, D(2026, 12, 11)),
        (D(2026, 12, 18), 14, D(2027, 1, 13)),  # across Christmas, New Year and Epiphany
    ],
)
def test_add_working_days(received, count, expected):
    assert add_working_days(received, count) == expected


def test_24_december_is_not_a_working_day():
    assert not is_working_day(D(2025, 12, 24))
    assert not is_working_day(D(2026, 12, 24))
    assert is_working_day(D(2026, 12, 23))


def test_working_days_between_counts_both_ways():
    assert working_days_between(D(2026, 11, 23), D(2026, 11, 25)) == 2
    assert working_days_between(D(2026, 11, 25), D(2026, 11, 23)) == -2
    assert working_days_between(D(2026, 11, 27), D(2026, 11, 30)) == 1


@pytest.mark.django_db
def test_extra_closed_days_entered_by_staff_are_skipped():
    received = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=WARSAW)
    assert interview_deadline(received, urgent=True) == D(2026, 11, 25)
    ClosedDay.objects.create(date=D(2026, 11, 24), reason="Dzień wolny za święto w sobotę")
    assert interview_deadline(received, urgent=True) == D(2026, 11, 26)


@pytest.mark.django_db
def test_a_closed_day_saved_by_another_server_counts_at_once():
    """Another app server saves or removes a closed day; nothing in this process is told."""
    received = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=WARSAW)
    assert interview_deadline(received, urgent=True) == D(2026, 12, 3)
    # Written as another process would: no model method of this one runs.
    ClosedDay.objects.bulk_create([ClosedDay(date=D(2026, 12, 2))])
    assert interview_deadline(received, urgent=True) == D(2026, 12, 4)
    ClosedDay.objects.filter(date=D(2026, 12, 2)).delete()
    assert interview_deadline(received, urgent=True) == D(2026, 12, 3)


@pytest.mark.django_db
def test_receipt_late_in_the_evening_counts_by_the_polish_date():
    # 23:30 in Warsaw on Friday is still Friday, although it is 22:30 UTC.
    received = datetime.datetime(2026, 11, 27, 22, 30, tzinfo=datetime.UTC)
    assert interview_deadline(received, urgent=False) == D(2026, 12, 17)
    # 23:30 UTC on Friday is already Saturday in Warsaw: counting starts on Monday.
    assert interview_deadline(received.replace(hour=23, minute=30), urgent=True) == D(2026, 12, 1)


def test_working_days_between_agrees_with_counting_day_by_day():
    # It is computed, not walked, so that a request open for years costs nothing on the
    # list; this keeps the arithmetic honest across weekends, holidays and closed days.
    import random

    rng = random.Random(2026)
    for _case in range(500):
        start = D(2019, 1, 1) + datetime.timedelta(days=rng.randrange(3000))
        end = start + datetime.timedelta(days=rng.randrange(-700, 700))
        closed = frozenset(start + datetime.timedelta(days=rng.randrange(-20, 20)) for _ in range(rng.randrange(4)))
        low, high = min(start, end), max(start, end)
        walked = sum(is_working_day(low + datetime.timedelta(days=n), closed) for n in range(1, (high - low).days + 1))
        assert working_days_between(start, end, closed) == (walked if end >= start else -walked)
