"""Business-time arithmetic (`mopsdocs.durations`) against a minute-by-minute reference."""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from mopsdocs import durations
from mopsdocs.durations import Calendar

BASE = _dt.date(2026, 1, 5)  # a Monday; holidays fall in the three weeks from here
DAY = 1440


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    workdays = draw(st.frozensets(st.integers(0, 6), min_size=2))
    start = draw(st.integers(0, 40)) * 30
    end = draw(st.integers(start // 30 + 4, 48)) * 30  # at least 2 hours a day
    offsets = draw(st.lists(st.integers(0, 20), max_size=4))
    holidays = tuple(BASE + _dt.timedelta(days=o) for o in offsets)
    return Calendar("UTC", workdays, start, end, holidays)


def reference(calendar: Calendar, minutes: int) -> tuple[int, int]:
    """(shortest, longest) span of `minutes` of work over every start minute, by counting minutes."""
    first = BASE.toordinal() - 7
    days = 7 + 28 + 7 * 10  # starts in the first five weeks; room for their ends
    holidays = {d.toordinal() for d in calendar.holidays}
    hours = [calendar.start <= m < calendar.end for m in range(DAY)]
    off = [False] * DAY
    works = [(d - 1) % 7 in calendar.workdays and d not in holidays for d in range(first, first + days)]
    working = [w for work in works for w in (hours if work else off)]
    done = [0, *itertools.accumulate(working)]  # done[e] - done[t]: work in minutes [t, e)
    spans = [bisect.bisect_left(done, done[t] + minutes, lo=t) - t for t in range(35 * DAY)]
    return min(spans), max(spans)


@settings(max_examples=40, deadline=None)
@given(calendars(), st.integers(0, 16), st.sampled_from(["bh", "bd"]))
def test_bounds_match_minute_by_minute(calendar: Calendar, count: int, unit: str) -> None:
    value = f"{count if unit == 'bh' else count % 4}{unit}"
    minutes = durations.business_minutes(value, calendar)
    assert minutes is not None
    shortest, longest = reference(calendar, minutes)
    assert durations.bounds(value, calendar) == (_dt.timedelta(minutes=shortest), _dt.timedelta(minutes=longest))


def test_the_contract_example() -> None:
    cal = durations.DEFAULT_CALENDAR
    assert durations.describe("24bh", cal) == "24 business hours: up to 5 calendar days"
    assert durations.bounds("24bh", cal) == (_dt.timedelta(days=2, hours=8), _dt.timedelta(days=5))
    assert durations.describe("4bh", cal) == "4 business hours: up to 2 calendar days and 20 hours"
    assert durations.describe("5bd", cal) == "5 business days: up to 7 calendar days"
    assert durations.describe("24bh") == "24 business hours"  # no calendar: named only
    assert durations.describe("36h", cal) == "36 hours"


def test_holidays_lengthen_the_bound() -> None:
    cal = Calendar(holidays=(_dt.date(2026, 12, 25), _dt.date(2027, 1, 1)))  # both Fridays
    assert durations.bounds("24bh", cal) == (_dt.timedelta(days=2, hours=8), _dt.timedelta(days=6))


def test_large_values_stay_fast() -> None:
    assert durations.bounds("999999bd") == (_dt.timedelta(days=1399996, hours=8), _dt.timedelta(days=1399999))


def test_compare() -> None:
    one = durations.compare("24bh", "72h")
    assert one is not None and one.order == 1 and one.by_bounds
    assert one.note() == " (compared by calendar bounds: 24bh is up to 5 calendar days)"
    same = durations.compare("1bd", "8bh")
    assert same is not None and same.order == 0 and not same.by_bounds and same.note() == ""
    plain = durations.compare("1d", "24h")
    assert plain is not None and plain.order == 0 and not plain.by_bounds
    assert durations.compare("4bh", "4bhx") is None


def test_parse_and_whole_days() -> None:
    assert durations.parse("5bd") == _dt.timedelta(days=7)
    assert durations.whole_days("4bh") == 3
    assert durations.parse("5BD") is None and durations.parse("2.5bh") is None and durations.parse("bh") is None
