"""Diagnostics as data: what every stage of the pipeline reports, and nothing about printing.

A `Diagnostic` always has a location (path relative to the project root, 1-based line and
column). Formatters in `mopsdocs.report` turn a list of them into text, JSON, SARIF, ...
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> Diagnostic:
        return Diagnostic(self.code, severity, self.message, self.location, self.hint)


@dataclass
class Report:
    """All diagnostics of one run, plus how many spec files were read."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    unparsed: set[str] = field(default_factory=set)  # files a syntax error cut short: listed first

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    def sorted(self) -> list[Diagnostic]:
        """By place, files cut short by a syntax error first: their error explains what is not said."""
        return sorted(self.diagnostics, key=lambda d: (d.location.path not in self.unparsed, *d.sort_key()))


def did_you_mean(
    word: str,
    candidates: Iterable[str],
    *,
    names: Mapping[str, str] | None = None,
    avoid: Collection[str] = (),
) -> str | None:
    """A 'did you mean' hint for a misspelt key, kind or id, or None when nothing is close.

    With `names` (id -> human name) an id is also found by its name and the name's initialisms
    (`sdr-manager` finds "Sales Development Manager", written `sd-manager`); the hint then shows
    the name. Ids in `avoid` (people who have left) are suggested only when nothing else is close.
    """
    pool = sorted(set(candidates))
    if not pool:
        return None
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return f"did you mean '{lowered[word.lower()]}'?"
    if names is None and not avoid:
        close = difflib.get_close_matches(word, pool, n=1, cutoff=_CUTOFF)
        return f"did you mean '{close[0]}'?" if close else None
    target = _normal(word)
    best: tuple[bool, float, bool] | None = None
    choice = ""
    for candidate in pool:
        by_id = _ratio(target, _normal(candidate))
        by_name = max((_ratio(target, f) for f in _name_forms((names or {}).get(candidate, ""))), default=0.0)
        score = max(by_id, by_name)
        if score < _CUTOFF:
            continue
        rank = (candidate not in avoid, score, by_id >= by_name)
        if best is None or rank > best:
            best, choice = rank, candidate
    if best is None:
        return None
    name = (names or {}).get(choice)
    if name and not best[2] and _normal(name) != _normal(choice):
        return f"did you mean '{choice}', named \"{name}\"?"
    return f"did you mean '{choice}'?"


_CUTOFF = 0.6


def _normal(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio() if b else 0.0


def _name_forms(name: str) -> list[str]:
    """A name as an id might write it: `sales-development-manager`, `sdm`, `sd-manager`, `sales-dm`..."""
    words = re.findall(r"[a-z0-9]+", name.lower())[:8]
    forms = set()
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            initials = "".join(w[0] for w in words[i:j])
            forms.add("-".join([*words[:i], initials, *words[j:]]))
    forms.add("-".join(words))
    return sorted(forms)
