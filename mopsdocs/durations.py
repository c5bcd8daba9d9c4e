"""Durations as the spec writes them: `<int><unit>`, unit `m`, `h`, `d`, `w` or business time `bh`, `bd`.

One parser for everyone (SLAs, review cadences), so `check`, the site and exports agree on what
`36h` means. The schema already rejects malformed values (SPEC004); `parse` still returns None
for them, so callers never crash on a value that slipped past validation.

Business time (`24bh` business hours, `5bd` business days) is counted on a team `Calendar`
(the `calendar` setting): working minutes of work days, outside holidays. A business day is one
working day's hours (`1bd` = `8bh` with 09:00-17:00). How long a business duration takes on the
clock depends on when it starts: `bounds` gives the shortest and the longest calendar time it can
span (the longest is its *calendar bound*: 24bh with Mon-Fri 09:00-17:00 is up to 5 calendar days,
started on a Friday at 17:00). Everything here is pure arithmetic on wall-clock time in the
calendar's time zone (daylight-saving shifts are not counted); no I/O.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import math
import re
from dataclasses import dataclass, field

from .i18n import ENGLISH, Words

_DURATION = re.compile(r"^([0-9]{1,6})(bh|bd|[mhdw])$")
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
BUSINESS_UNITS = ("bh", "bd")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY = 1440  # minutes


@dataclass(frozen=True)
class Calendar:
    """A team's working time: work days (0 = Monday), daily hours in minutes, holidays."""

    timezone: str = "UTC"
    workdays: frozenset[int] = frozenset(range(5))
    start: int = 9 * 60  # minutes after midnight, wall clock
    end: int = 17 * 60
    holidays: tuple[_dt.date, ...] = ()
    _holidays: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.workdays or not 0 <= self.start < self.end <= _DAY:
            raise ValueError("a calendar needs at least one work day and working hours")
        object.__setattr__(self, "_holidays", tuple(sorted({d.toordinal() for d in self.holidays})))

    @property
    def day_minutes(self) -> int:
        return self.end - self.start

    def describe(self, words: Words = ENGLISH) -> str:
        """`Mon-Fri 09:00-17:00 UTC`-like text for pages, weekdays named in the words' language
        (`lun.-ven. 09:00-17:00 UTC`); the time zone is the setting's id, as written."""
        from babel.dates import get_day_names  # only pages describe a calendar: not on `check`'s path

        names = get_day_names("abbreviated", locale=words.code)  # 0 = Monday, like `workdays`
        days = ", ".join(names[d] for d in sorted(self.workdays))
        if sorted(self.workdays) == list(range(min(self.workdays), max(self.workdays) + 1)) and len(self.workdays) > 2:
            days = f"{names[min(self.workdays)]}-{names[max(self.workdays)]}"
        return f"{days} {_clock(self.start)}-{_clock(self.end)} {self.timezone}"

    def working(self, ordinal: int) -> bool:
        """Is the day (a date ordinal) a working day?"""
        if (ordinal - 1) % 7 not in self.workdays:  # ordinal 1 is Monday 0001-01-01
            return False
        i = bisect.bisect_left(self._holidays, ordinal)
        return not (i < len(self._holidays) and self._holidays[i] == ordinal)

    def finish(self, at: int, minutes: int) -> int:
        """The first instant (minutes since day-ordinal 0) by which `minutes` of work are done from `at`."""
        if minutes <= 0:
            return at
        day, minute = divmod(at, _DAY)
        need = minutes
        week = len(self.workdays) * self.day_minutes
        while need > 0:
            if self.working(day):
                begin = max(self.start, minute)
                if begin < self.end:
                    if need <= self.end - begin:
                        return day * _DAY + begin + need
                    need -= self.end - begin
            day, minute = day + 1, 0
            if need > 2 * week:  # skip whole weeks without holidays at once
                i = bisect.bisect_left(self._holidays, day)
                free = (self._holidays[i] - day) // 7 if i < len(self._holidays) else math.inf
                weeks = int(min(need // week - 1, free))
                day, need = day + 7 * weeks, need - weeks * week
        return at  # not reached: the loop ends by returning


DEFAULT_CALENDAR = Calendar()


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _split(value: object) -> tuple[int, str] | None:
    match = _DURATION.match(value) if isinstance(value, str) else None
    return (int(match.group(1)), match.group(2)) if match else None


def is_business(value: object) -> bool:
    """`'24bh'`, `'5bd'`: counted on the team calendar."""
    parts = _split(value)
    return parts is not None and parts[1] in BUSINESS_UNITS


def business_minutes(value: object, calendar: Calendar = DEFAULT_CALENDAR) -> int | None:
    """Working minutes of a business duration (`'2bd'` -> 2 days' hours); None for anything else."""
    parts = _split(value)
    if parts is None or parts[1] not in BUSINESS_UNITS:
        return None
    count, unit = parts
    return count * (60 if unit == "bh" else calendar.day_minutes)


def bounds(value: object, calendar: Calendar = DEFAULT_CALENDAR) -> tuple[_dt.timedelta, _dt.timedelta] | None:
    return _bounds(value, calendar) if isinstance(value, str) else None


@functools.lru_cache(maxsize=1024)
def _bounds(value: str, calendar: Calendar) -> tuple[_dt.timedelta, _dt.timedelta] | None:
    """(shortest, longest) calendar time the duration can span; both the same for `m h d w`.

    The longest is the duration's calendar bound: its worst-case start is a closing time (the
    idle hours that follow all count), its best a opening time. Holidays only lengthen a span, so
    starts in the week before each holiday and in a week after the last one are all that can
    matter (a start a week earlier sees the same weekdays and no more holidays).
    """
    parts = _split(value)
    if parts is None:
        return None
    if parts[1] not in BUSINESS_UNITS:
        fixed = _dt.timedelta(seconds=parts[0] * _UNIT_SECONDS[parts[1]])
        return fixed, fixed
    need = business_minutes(value, calendar) or 0
    if need == 0:
        return _dt.timedelta(0), _dt.timedelta(0)
    after = (calendar._holidays[-1] if calendar._holidays else _dt.date(2001, 1, 1).toordinal()) + 1
    quiet = range(after, after + 7)  # no holiday after `after`
    near = {d for h in calendar._holidays for d in range(h - 8, h + 1)}
    closings = [d * _DAY + calendar.end for d in sorted(near.union(quiet)) if calendar.working(d)]
    openings = [d * _DAY + calendar.start for d in quiet if calendar.working(d)]
    longest = max(calendar.finish(t, need) - t for t in closings)
    shortest = min(calendar.finish(t, need) - t for t in openings)
    return _dt.timedelta(minutes=shortest), _dt.timedelta(minutes=longest)


def parse(value: object, calendar: Calendar = DEFAULT_CALENDAR) -> _dt.timedelta | None:
    """`'2d'` -> timedelta(days=2); a business duration -> its calendar bound; None for non-durations."""
    found = bounds(value, calendar)
    return found[1] if found else None


def whole_days(value: object, calendar: Calendar = DEFAULT_CALENDAR) -> int | None:
    """A duration in calendar days, rounded up (business time: its calendar bound): cadences are dates."""
    delta = parse(value, calendar)
    if delta is None:
        return None
    return math.ceil(delta.total_seconds() / 86400)


def _unit(count: int, unit: str, words: Words) -> str:
    # one message per unit (not "%(num)s %(unit)s"): plurals and word order are the language's
    if unit == "m":
        return words.ngettext("%(num)s minute", "%(num)s minutes", count)
    if unit == "h":
        return words.ngettext("%(num)s hour", "%(num)s hours", count)
    if unit == "d":
        return words.ngettext("%(num)s day", "%(num)s days", count)
    if unit == "w":
        return words.ngettext("%(num)s week", "%(num)s weeks", count)
    if unit == "bh":
        return words.ngettext("%(num)s business hour", "%(num)s business hours", count)
    return words.ngettext("%(num)s business day", "%(num)s business days", count)


def _calendar_unit(count: int, unit: str, words: Words) -> str:
    if unit == "d":
        return words.ngettext("%(num)s calendar day", "%(num)s calendar days", count)
    if unit == "h":
        return words.ngettext("%(num)s calendar hour", "%(num)s calendar hours", count)
    return words.ngettext("%(num)s calendar minute", "%(num)s calendar minutes", count)


def _span(delta: _dt.timedelta, words: Words = ENGLISH) -> str:
    """`5 calendar days`, `2 calendar days and 20 hours`, `18 calendar hours`."""
    days, rest = divmod(int(delta.total_seconds() // 60), _DAY)
    units = [(n, unit) for n, unit in ((days, "d"), (rest // 60, "h"), (rest % 60, "m")) if n]
    if not units:
        return words.gettext("no calendar time")
    (count, unit), *others = units
    text = _calendar_unit(count, unit, words)
    for count, unit in others:
        text = words.gettext("%(first)s and %(then)s", first=text, then=_unit(count, unit, words))
    return text


def describe(value: object, calendar: Calendar | None = None, words: Words = ENGLISH) -> str:
    """`'2d'` -> `'2 days'`, `'1w'` -> `'1 week'`; `'24bh'` -> `'24 business hours: up to 5 calendar days'`.

    Without a calendar a business duration is only named (`'24 business hours'`); anything that
    is not a duration is returned as written.
    """
    parts = _split(value)
    if parts is None:
        return "" if value is None else str(value)
    count, unit = parts
    named = _unit(count, unit, words)
    found = bounds(value, calendar) if calendar is not None and unit in BUSINESS_UNITS else None
    if not found:
        return named
    return words.gettext("%(duration)s: up to %(span)s", duration=named, span=_span(found[1], words))


@dataclass(frozen=True)
class Comparison:
    """How two durations compare: `order` -1 (a is shorter), 0 or 1; `by_bounds` if kinds differ."""

    a: str
    b: str
    order: int
    by_bounds: bool
    a_span: _dt.timedelta
    b_span: _dt.timedelta

    def note(self, calendar: Calendar | None = None) -> str:
        """`' (compared by calendar bounds: 24bh is up to 5 calendar days)'`, or `''` for same kinds."""
        if not self.by_bounds:
            return ""
        business = self.a if is_business(self.a) else self.b
        span = self.a_span if business == self.a else self.b_span
        return f" (compared by calendar bounds: {business} is up to {_span(span)})"


def compare(a: object, b: object, calendar: Calendar = DEFAULT_CALENDAR) -> Comparison | None:
    """Compare two durations as a rule should; None if either is not a duration.

    Same kinds compare exactly: calendar time by length, business time by working minutes (`1bd`
    = one working day's hours). A business and a calendar duration compare by calendar bounds:
    the business one's longest span on `calendar` (`bounds(...)[1]`) against the other; such a
    comparison has `by_bounds` and its `note()` says so, for the rule's message ("compared by
    calendar bounds"). Example: `compare('24bh', '72h').order == 1` (up to 5 days > 3 days).
    """
    if _split(a) is None or _split(b) is None:
        return None
    sa, sb = bounds(a, calendar), bounds(b, calendar)
    assert sa is not None and sb is not None
    if is_business(a) and is_business(b):
        ma, mb = business_minutes(a, calendar) or 0, business_minutes(b, calendar) or 0
        return Comparison(str(a), str(b), (ma > mb) - (ma < mb), False, sa[1], sb[1])
    by_bounds = is_business(a) != is_business(b)
    return Comparison(str(a), str(b), (sa[1] > sb[1]) - (sa[1] < sb[1]), by_bounds, sa[1], sb[1])


def shown(value: str | None, calendar: Calendar = DEFAULT_CALENDAR, words: Words = ENGLISH) -> str | None:
    """A duration as pages show it: business time in both forms (`'24 business hours: up to 5
    calendar days'`), anything else as written (`'24h'`); None stays None."""
    return describe(value, calendar, words) if is_business(value) else value


__all__ = [
    "BUSINESS_UNITS",
    "DEFAULT_CALENDAR",
    "WEEKDAYS",
    "Calendar",
    "Comparison",
    "bounds",
    "business_minutes",
    "compare",
    "describe",
    "is_business",
    "parse",
    "shown",
    "whole_days",
]
