"""Date fields: formats built of YYYY, YY, MM, DD and N (quarter), matched only when the date exists.

The matcher encodes existence in the expression itself (30-day months, February, leap years), so a
name like `{date}_{name}` with a free-text name can never be split around an impossible date.
`YY` years are read as 20YY. Everything about dates that a person reads lives here too: why a
date is not valid ("month 13 does not exist") and how to rewrite one written another way.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from . import regex as rx
from .regex import Rx

PARTS = ("YYYY", "YY", "MM", "DD", "N")
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


class DateFormatProblem(ValueError):
    pass


@dataclass(frozen=True)
class DateFormat:
    source: str
    tokens: tuple[tuple[bool, str], ...]  # (is a part, text): parts as in PARTS, and literal text, in order
    fiscal: bool = False  # YYYY, YY and N are the fiscal year and quarter

    @property
    def parts(self) -> set[str]:
        return {t for is_part, t in self.tokens if is_part}

    @property
    def width(self) -> int:
        return sum(_WIDTH[t] if is_part else len(t) for is_part, t in self.tokens)

    def cased(self, case: str | None) -> DateFormat:
        """The same format with its literal text in upper or lower case (a field's `case`)."""
        if case not in ("upper", "lower"):
            return self
        change = str.upper if case == "upper" else str.lower
        return DateFormat(self.source, tuple((p, t if p else change(t)) for p, t in self.tokens), self.fiscal)


_WIDTH = {"YYYY": 4, "YY": 2, "MM": 2, "DD": 2, "N": 1}


def parse_format(source: str, fiscal: bool = False) -> DateFormat:
    """The format's parts and literals. Text in single quotes is literal (`'FY'YY' - Q'N`), so
    that letters of the parts' names can be written; `''` is a quote."""
    tokens: list[tuple[bool, str]] = []

    def literal(text: str) -> None:
        if tokens and not tokens[-1][0]:
            tokens[-1] = (False, tokens[-1][1] + text)
        else:
            tokens.append((False, text))

    i = 0
    while i < len(source):
        if source[i] == "'":
            end = source.find("'", i + 1)
            if end < 0:
                raise DateFormatProblem(f"the format '{source}' opens a quote at character {i + 1} and never closes it")
            literal(source[i + 1 : end] if end > i + 1 else "'")
            i = end + 1
            continue
        for part in PARTS:
            if source.startswith(part, i):
                seen = {t for p, t in tokens if p}
                if part in seen or (part in ("YYYY", "YY") and {"YYYY", "YY"} & seen):
                    raise DateFormatProblem(f"the format '{source}' has the year, month, day or quarter twice")
                tokens.append((True, part))
                i += len(part)
                break
        else:
            literal(source[i])
            i += 1
    parts = {t for p, t in tokens if p}
    if not parts:
        raise DateFormatProblem(f"the format '{source}' has no date part: build it of YYYY, YY, MM, DD and N")
    if "N" in parts and {"MM", "DD"} & parts:
        raise DateFormatProblem(f"the format '{source}' has a quarter (N) and a month or day: use one or the other")
    if fiscal and "DD" in parts:
        raise DateFormatProblem(
            f"the format '{source}' has a day (DD): a fiscal date is a fiscal year, quarter or month, without a day"
        )
    if fiscal and not {"YYYY", "YY"} & parts:
        raise DateFormatProblem(f"the format '{source}' has no year: a fiscal date needs YYYY or YY")
    return DateFormat(source, tuple(tokens), fiscal)


# --------------------------------------------------------------------------- matching

_D = rx.char_class(rx.DIGITS)
_LEAP_YYYY = Rx(
    "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)",
    "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)",
)
_LEAP_YY = Rx("(?:0[048]|[2468][048]|[13579][26])", "(?:0[048]|[2468][048]|[13579][26])")


def _months(*numbers: int) -> Rx:
    return rx.alternation([rx.literal(f"{m:02d}") for m in numbers])


def date_rx(fmt: DateFormat, case_sensitive: bool = True) -> Rx:
    """Exactly the existing dates written in `fmt`."""
    parts = fmt.parts
    plain = {
        "YYYY": rx.int_range(1, 9999, 4),
        "YY": rx.repeat(_D, 2, 2),
        "N": rx.char_class([(49, 52)]),
        "MM": rx.int_range(1, 12, 2),
        "DD": rx.int_range(1, 31, 2),
    }
    if not {"MM", "DD"} <= parts:
        return _render(fmt, plain, case_sensitive)
    variants = [
        {"MM": _months(1, 3, 5, 7, 8, 10, 12), "DD": rx.int_range(1, 31, 2)},
        {"MM": _months(4, 6, 9, 11), "DD": rx.int_range(1, 30, 2)},
        {"MM": rx.literal("02"), "DD": rx.int_range(1, 28, 2)},
        {"MM": rx.literal("02"), "DD": rx.literal("29"), "YYYY": _LEAP_YYYY, "YY": _LEAP_YY},
    ]
    return rx.alternation([_render(fmt, {**plain, **v}, case_sensitive) for v in variants])


@lru_cache(maxsize=256)
def _shape_matcher(fmt: DateFormat, case_sensitive: bool) -> re.Pattern[str]:
    return re.compile(shape_rx(fmt, case_sensitive).py)


def shape_rx(fmt: DateFormat, case_sensitive: bool = True) -> Rx:
    """Digits in the right places, existing or not (to tell 'wrong form' from 'no such date')."""
    digits = {p: rx.named(p.lower(), rx.repeat(_D, w, w)) for p, w in _WIDTH.items()}
    return _render(fmt, digits, case_sensitive)


def _render(fmt: DateFormat, parts: dict[str, Rx], case_sensitive: bool) -> Rx:
    return rx.concat(parts[t] if is_part else rx.literal(t, case_sensitive) for is_part, t in fmt.tokens)


# --------------------------------------------------------------------------- explaining


@dataclass(frozen=True)
class DateValue:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None


def problems_in(text: str, fmt: DateFormat, case_sensitive: bool = True) -> list[str] | None:
    """Why a date written in the right form does not exist; None when it is not in the form at all."""
    m = _shape_matcher(fmt, case_sensitive).fullmatch(text)
    if m is None:
        return None
    got = {k: int(v) for k, v in m.groupdict().items() if v is not None}
    year = got.get("yyyy", 2000 + got["yy"] if "yy" in got else None)
    out = []
    if "yyyy" in got and got["yyyy"] == 0:
        out.append("year 0000 does not exist")
    if "n" in got and not 1 <= got["n"] <= 4:
        out.append(f"quarter {got['n']} does not exist")
    month = got.get("mm")
    if month is not None and not 1 <= month <= 12:
        out.append(f"month {month:02d} does not exist")
        month = None
    day = got.get("dd")
    if day is not None:
        if not 1 <= day <= 31:
            out.append(f"day {day:02d} does not exist")
        elif month is not None:
            longest = calendar.monthrange(year if year else 2000, month)[1]
            if day > longest:
                where = f"{calendar.month_name[month]} {year}" if year else calendar.month_name[month]
                if month == 2 and day == 29 and year:
                    out.append(f"{year} is not a leap year: February {year} has 28 days")
                else:
                    out.append(f"day {day} does not exist in {where}")
    return out


def render(value: DateValue, fmt: DateFormat, fiscal_start: tuple[int, int] = (1, 1)) -> str | None:
    """`value` written in `fmt`, or None when it lacks a part the format needs. A fiscal format
    writes the fiscal year and quarter of a calendar date (a quarter given as such is taken as a
    fiscal quarter already)."""
    if fmt.fiscal and value.year and value.month:
        fiscal_year, fiscal_quarter = fiscal_of(value.year, value.month, value.day or fiscal_start[1], fiscal_start)
        value = DateValue(fiscal_year, value.month, value.day, value.quarter or fiscal_quarter)
    quarter = value.quarter or ((value.month - 1) // 3 + 1 if value.month else None)
    pieces = {
        "YYYY": f"{value.year:04d}" if value.year else None,
        "YY": f"{value.year % 100:02d}" if value.year else None,
        "MM": f"{value.month:02d}" if value.month else None,
        "DD": f"{value.day:02d}" if value.day else None,
        "N": str(quarter) if quarter else None,
    }
    out = []
    for is_part, token in fmt.tokens:
        if is_part:
            piece = pieces[token]
            if piece is None:
                return None
            out.append(piece)
        else:
            out.append(token)
    return "".join(out)


def fiscal_of(year: int, month: int, day: int, start: tuple[int, int]) -> tuple[int, int]:
    """The fiscal year and quarter of a calendar day. A fiscal year is named for the calendar year
    it ends in: starting on 02-01, FY2026 runs from 2025-02-01 to 2026-01-31 (starting on 01-01,
    fiscal and calendar years are the same)."""
    first_year = year if (month, day) >= start else year - 1  # the calendar year the fiscal year starts in
    months = (year * 12 + month) - (first_year * 12 + start[0]) - (1 if day < start[1] else 0)
    return (first_year if start == (1, 1) else first_year + 1), months // 3 + 1


_SEP = r"[-/._ ]"
_LOOSE = [  # one separator kind per date, or none at all with fixed widths: '2021-12' is never 2021-1-2
    re.compile(rf"(?P<y>\d{{4}})(?P<s>{_SEP})(?P<m>\d{{1,2}})(?P=s)(?P<d>\d{{1,2}})"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    re.compile(rf"(?P<y>\d{{4}}){_SEP}(?P<m>\d{{1,2}})"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})"),
    re.compile(rf"(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}})"),
    re.compile(rf"(?P<mn>[A-Za-z]{{3,9}})\.?{_SEP}?(?P<y>\d{{4}}|\d{{2}})"),
    re.compile(rf"(?P<y>\d{{4}}){_SEP}?(?P<mn>[A-Za-z]{{3,9}})"),
    re.compile(rf"(?P<y>\d{{4}}){_SEP}?[Qq](?P<q>[1-4])"),
    re.compile(rf"[Qq](?P<q>[1-4]){_SEP}?(?P<y>\d{{4}}|\d{{2}})"),
]


def read_loosely(text: str) -> DateValue | None:
    """A date written some other common way ('Dec 2021', '2021/12', 'Q4 2021', '2021-12-01')."""
    for pattern in _LOOSE:
        m = pattern.fullmatch(text.strip())
        if m is None:
            continue
        g = m.groupdict()
        year = int(g["y"]) if g.get("y") else None
        if year is not None and year < 100:
            year += 2000
        month = int(g["m"]) if g.get("m") else MONTHS.get((g.get("mn") or "").lower())
        if g.get("mn") and month is None:
            continue
        day = int(g["d"]) if g.get("d") else None
        quarter = int(g["q"]) if g.get("q") else None
        if not _exists(year, month, day):
            continue
        return DateValue(year, month, day, quarter)
    return None


def _exists(year: int | None, month: int | None, day: int | None) -> bool:
    if year is not None and not 1 <= year <= 9999:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        return month is not None and 1 <= day <= calendar.monthrange(year or 2000, month)[1]
    return True
