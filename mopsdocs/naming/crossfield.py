"""Cross-field `rules` of a convention: `after` (a date on or after another) and `allowed_with`
(which codes of a field go with a code of another), compiled once and checked on field values.

A rule applies when both of its fields are in the name (an optional field left out, or a choice
field holding a literal such as `eg` instead of a date, leaves it out). Dates of different
precisions compare as periods: a month is on or after a day within it. `namebuilder.js` has the
same steps (`rulePeriod`, `ruleProblems`); tests run both on the same cases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import dates
from .fields import CompiledField
from .readings import Problem


@dataclass(frozen=True)
class CompiledRule:
    field: str
    after: str | None = None
    allowed_with: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = ()  # other -> code -> allowed


@dataclass(frozen=True)
class RuleProblem:
    message: str
    where: tuple[Any, ...]  # under the rule: ("after",), ("allowed_with", "medium", "cpc", 0)
    key: bool = False
    hint: str | None = None


def compile_rule(spec: Any, fields: Mapping[str, CompiledField]) -> tuple[CompiledRule | None, list[RuleProblem]]:
    """The rule, or None and why it cannot be checked (NAME007)."""
    problems: list[RuleProblem] = []
    known = ", ".join(fields)
    if spec.field not in fields:
        return None, [
            RuleProblem(f"rule: '{spec.field}' is no field of the convention", ("field",), hint=f"fields: {known}")
        ]
    if (spec.after is None) == (spec.allowed_with is None):
        return None, [
            RuleProblem(
                f"rule on '{spec.field}': give `after` or `allowed_with` (one per rule)",
                (),
                key=True,
                hint="e.g. {field: end, after: start}",
            )
        ]
    target = fields[spec.field]
    if spec.after is not None:
        if spec.after not in fields:
            return None, [
                RuleProblem(f"rule: '{spec.after}' is no field of the convention", ("after",), hint=f"fields: {known}")
            ]
        for name, where in ((spec.field, ("field",)), (spec.after, ("after",))):
            if _date_of(fields[name]) is None:
                problems.append(
                    RuleProblem(
                        f"rule: `after` compares dates, and '{name}' is no date field", where, hint="use date fields"
                    )
                )
        return (None if problems else CompiledRule(spec.field, after=spec.after)), problems
    table = []
    for other, by_code in spec.allowed_with.items():
        if other not in fields:
            problems.append(
                RuleProblem(
                    f"rule: '{other}' is no field of the convention",
                    ("allowed_with", other),
                    key=True,
                    hint=f"fields: {known}",
                )
            )
            continue
        entries = []
        for code, allowed in by_code.items():
            bad = _unknown_code(fields[other], code)
            if bad:
                problems.append(RuleProblem(f"rule: {bad}", ("allowed_with", other, code), key=True))
                continue
            for i, value in enumerate(allowed):
                bad = _unknown_code(target, value)
                if bad:
                    problems.append(RuleProblem(f"rule: {bad}", ("allowed_with", other, code, i)))
            entries.append((canonical(fields[other], code), tuple(canonical(target, v) for v in allowed)))
        table.append((other, tuple(entries)))
    return (None if problems else CompiledRule(spec.field, allowed_with=tuple(table))), problems


def _unknown_code(f: CompiledField, code: str) -> str | None:
    codes = [c for alt in _vocabularies_of(f) for c in alt.codes]
    if not codes:
        return f"'{f.name}' is no vocabulary field: `allowed_with` lists codes"
    if canonical(f, code) in codes:
        return None
    shown = ", ".join(codes[:10]) + (", ..." if len(codes) > 10 else "")
    return f"'{code}' is no code of {f.name} ({shown})"


def _vocabularies_of(f: CompiledField) -> list[CompiledField]:
    if f.kind == "choice":
        return [c for c in f.choices if c.kind == "vocabulary"]
    return [f] if f.kind == "vocabulary" else []


def _date_of(f: CompiledField) -> CompiledField | None:
    if f.kind == "date":
        return f
    return next((c for c in f.choices if c.kind == "date"), None)


def canonical(f: CompiledField, value: str) -> str:
    """A code as its vocabulary writes it (a convention that ignores case accepts `wbn` for WBN);
    each code of a multiple value so; other values as they are."""
    for alt in _vocabularies_of(f) or [f]:
        if alt.kind != "vocabulary":
            return value
        parts = value.split(alt.multiple[0]) if alt.multiple else [value]
        mapped = [_code(alt, p) for p in parts]
        if all(m is not None for m in mapped):
            return (alt.multiple[0] if alt.multiple else "").join(m for m in mapped if m is not None)
    return value


def _code(f: CompiledField, value: str) -> str | None:
    if value in f.codes:
        return value
    hits = f.by_lower.get(value.lower())
    return hits[0] if hits else None


_EPOCH = dt.date(1970, 1, 1).toordinal()


def period(f: CompiledField, value: str) -> tuple[int, int] | None:
    """The first and last day a date value stands for (days since 1970-01-01); None when the value
    is no date (a choice's literal)."""
    if f.kind == "choice":
        dated = next((c for c in f.choices if c.kind == "date" and c.accepts(value)), None)
        return period(dated, value) if dated is not None else None
    if f.kind != "date" or f.date_format is None:
        return None
    m = re.fullmatch(dates.shape_rx(f.date_format, f.case_sensitive).py, value)
    if m is None:
        return None
    got = {k: int(v) for k, v in m.groupdict().items() if v is not None}
    year = got.get("yyyy", 2000 + got.get("yy", 0))
    month, day, quarter = got.get("mm"), got.get("dd"), got.get("n")
    start = f.fiscal_start if f.date_format.fiscal else (1, 1)
    shift = 0 if start == (1, 1) else 1  # FY2026 starts in 2025 when the fiscal year does not start on 01-01
    if "yyyy" not in got and "yy" not in got:
        year = 2000  # a format without a year (MM/DD) compares within one year
    if month is not None:
        if f.date_format.fiscal and month >= start[0] and shift:
            year = max(1, year - 1)  # a calendar month of a fiscal year that started the year before
        first = dt.date(year, month, day or 1)
        last = first if day is not None else _add_months(first, 1) - dt.timedelta(days=1)
    else:
        begin = dt.date(max(1, year - shift), start[0], min(start[1], 28))
        q = quarter or 1
        first = _add_months(begin, 3 * (q - 1))
        last = _add_months(begin, 3 * q if quarter else 12) - dt.timedelta(days=1)
    return first.toordinal() - _EPOCH, last.toordinal() - _EPOCH


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, min(day.day, 28))


def rule_problems(
    rules: tuple[CompiledRule, ...], fields: Mapping[str, CompiledField], values: Mapping[str, str]
) -> list[Problem]:
    """What the name's field values (fields left out: absent) break."""
    out = []
    for rule in rules:
        value = values.get(rule.field)
        if not value:
            continue
        if rule.after is not None:
            other = values.get(rule.after)
            if not other:
                continue
            mine, theirs = period(fields[rule.field], value), period(fields[rule.after], other)
            if mine is not None and theirs is not None and mine[1] < theirs[0]:
                out.append(
                    Problem(
                        rule.field,
                        f"'{value}' is before {rule.after} '{other}': {rule.field} must be on or after {rule.after}",
                    )
                )
            continue
        f = fields[rule.field]
        codes = _split(f, canonical(f, value))
        for other_field, table in rule.allowed_with:
            other = values.get(other_field)
            if not other:
                continue
            by_code = dict(table)
            for other_code in _split(fields[other_field], canonical(fields[other_field], other)):
                allowed = by_code.get(other_code)
                if allowed is None:
                    continue  # the rule says nothing about this code
                for code in codes:
                    if code not in allowed:
                        message = f"'{code}' does not go with {other_field} '{other_code}': use {', '.join(allowed)}"
                        out.append(Problem(rule.field, message))
    return list(dict.fromkeys(out))


def _split(f: CompiledField, value: str) -> list[str]:
    multiple = next((alt.multiple for alt in _vocabularies_of(f) if alt.multiple), None)
    return value.split(multiple[0]) if multiple else [value]
