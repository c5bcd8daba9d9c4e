"""Durations as the spec writes them: `<int><unit>`, unit `m`, `h`, `d` or `w` (`30m`, `24h`, `2d`, `1w`).

One parser for everyone (SLAs, review cadences), so `check`, the site and exports agree on what
`36h` means. The schema already rejects malformed values (SPEC004); `parse` still returns None
for them, so callers never crash on a value that slipped past validation.
"""

from __future__ import annotations

import datetime as _dt
import math
import re

_DURATION = re.compile(r"^([0-9]{1,6})([mhdw])$")
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_UNIT_WORDS = {"m": ("minute", "minutes"), "h": ("hour", "hours"), "d": ("day", "days"), "w": ("week", "weeks")}


def parse(value: object) -> _dt.timedelta | None:
    """`'2d'` -> timedelta(days=2); None for anything that is not a duration."""
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    return _dt.timedelta(seconds=int(match.group(1)) * _UNIT_SECONDS[match.group(2)])


def whole_days(value: object) -> int | None:
    """A duration in calendar days, rounded up: cadences are checked against dates, not times."""
    delta = parse(value)
    if delta is None:
        return None
    return math.ceil(delta.total_seconds() / 86400)


def describe(value: object) -> str:
    """`'2d'` -> `'2 days'`, `'1w'` -> `'1 week'`; anything else is returned as written."""
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        return "" if value is None else str(value)
    count = int(match.group(1))
    one, many = _UNIT_WORDS[match.group(2)]
    return f"{count} {one if count == 1 else many}"


__all__ = ["describe", "parse", "whole_days"]
