"""Reading the platforms' values: dates as they write them, booleans, whole numbers, text.

Marketo writes `2015-11-18T15:25:35Z+0000` (a Z and an offset) in the asset API and
`2020-02-05T01:02:23.000t+0000` (a lower-case t) in the user service; HubSpot's v4 API writes
ISO 8601, its legacy v3 API epoch milliseconds; Salesforce's Data Loader ISO 8601 and its
reports the user's locale (`11/18/2015`). Anything else is None: a date the audit cannot read
is a date it does not judge by.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<frac>\.\d+)?[tT]?)?"
    r"\s*(?P<zulu>[zZ])?\s*(?P<offset>[+-]\d{2}:?\d{2})?"
)
_SLASHED = re.compile(
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"  # a US report's 11/18/2015, 11/18/2015 3:25 PM
    r"(?:,?\s+(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ap>[AaPp][Mm])?)?"
)
_TRUE = frozenset({"true", "1", "yes", "y", "on", "t", "x", "checked"})
_FALSE = frozenset({"false", "0", "no", "n", "off", "f", "", "unchecked"})


def to_datetime(value: Any) -> datetime | None:
    """A platform's date or time as an aware UTC datetime, or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit() and len(text) >= 10:
        return _epoch(float(text))
    match = _ISO.fullmatch(text)
    if match:
        return _from_iso(match)
    match = _SLASHED.fullmatch(text)
    if match:
        return _from_slashed(match)
    return None


def to_date(value: Any) -> date | None:
    """A calendar date (`StartDate`): the date part of what `to_datetime` reads."""
    if isinstance(value, str):
        text = value.strip()
        match = _ISO.fullmatch(text)
        if match and not match["time"]:
            try:
                return date.fromisoformat(match["date"])
            except ValueError:
                return None
    when = to_datetime(value)
    return when.date() if when else None


def _epoch(number: float) -> datetime | None:
    seconds = number / 1000 if number > 100_000_000_000 else number  # milliseconds, or seconds
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _from_iso(match: re.Match[str]) -> datetime | None:
    clock = match["time"] or "00:00:00"
    if len(clock) == 5:
        clock += ":00"
    try:
        when = datetime.fromisoformat(f"{match['date']}T{clock}")
    except ValueError:
        return None
    if match["frac"]:
        when = when.replace(microsecond=int(float(match["frac"]) * 1_000_000) % 1_000_000)
    offset = match["offset"]
    if offset:  # `Z+0000`: the offset is the precise part
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        if minutes >= 24 * 60:
            return None
        return when.replace(tzinfo=timezone(sign * timedelta(minutes=minutes))).astimezone(UTC)
    return when.replace(tzinfo=UTC)


def _from_slashed(match: re.Match[str]) -> datetime | None:
    hour = int(match["h"] or 0)
    if match["ap"]:
        hour = hour % 12 + (12 if match["ap"].lower() == "pm" else 0)
    try:
        return datetime(int(match["y"]), int(match["m"]), int(match["d"]), hour, int(match["mi"] or 0), tzinfo=UTC)
    except ValueError:
        return None


def to_bool(value: Any) -> bool | None:
    """A platform's boolean (`true`, `1`, `TRUE`, `Yes`, ...), None when it is neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE and word:
            return False
    return None


def to_int(value: Any) -> int | None:
    """A whole number (`10`, `"10"`, `10.0`), None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if number.is_integer() and abs(number) < 1e15 else None
    return None


def to_text(value: Any) -> str:
    """Text as written, blanks around it removed; numbers as their digits; missing is ""."""
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
