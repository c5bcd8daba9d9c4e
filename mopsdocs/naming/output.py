"""`names check` reports: text for people, JSON as in the contract, CSV for fixing in a spreadsheet.

Each writer streams: a million names never sit in memory. Valid names cost the writers next to
nothing (text prints only the failures; JSON writes a prepared line), so the fast path stays fast.
Text output escapes anything unprintable in a name, so a name cannot drive the terminal.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from .readings import Verdict
from .sources import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VERDICT_COLUMNS = ("valid", "problems", "suggestion")


@dataclass
class Summary:
    checked: int = 0
    valid: int = 0
    skipped: int = 0
    retired: int = 0  # valid names that use a retired code (NAME006)

    @property
    def invalid(self) -> int:
        return self.checked - self.valid

    def rate(self) -> str:
        return f"{100 * self.valid / self.checked:.1f}%" if self.checked else "n/a"


def printable(text: str) -> str:
    """Unprintable characters as escapes (\\x1b, \\u200b), the rest as is."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


SHOWN_LENGTH = 120  # text output shows longer names cut, with their length


def shown_name(name: str, quote: str = "") -> str:
    """A name for the text report: whole when short, else its start and its length (shown once)."""
    if len(name) <= SHOWN_LENGTH:
        return f"{quote}{printable(name)}{quote}"
    return f"{quote}{printable(name[: SHOWN_LENGTH - 20])}...{quote} ({len(name):,} characters, shortened)"


def problem_line(field: str | None, message: str) -> str:
    return f"{field}: {message}" if field else message


class TextWriter:
    wants_valid = False  # valid names are only counted

    def __init__(self, out: TextIO, convention: str, template: str) -> None:
        self.out = out
        self.convention, self.template = convention, template

    def begin(self, table: Table) -> None:
        pass

    def valid(self, table: Table, name: str, line: int, row: list[str] | None) -> None:
        pass

    def skipped(self, table: Table, line: int, row: list[str] | None) -> None:
        pass

    def invalid(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None:
        lines = [f"{table.label}:{line}: {shown_name(verdict.name, quote=chr(39))}"]
        lines += [f"    {printable(problem_line(p.field, p.message))}" for p in verdict.problems]
        if verdict.suggestion is not None:
            lines.append(f"    suggestion: {shown_name(verdict.suggestion)}")
        self.out.write("\n".join(lines) + "\n")

    def retired(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None:
        lines = [f"{table.label}:{line}: {shown_name(verdict.name, quote=chr(39))} conforms, with a retired code"]
        lines += [f"    warning[NAME006]: {printable(problem_line(p.field, p.message))}" for p in verdict.warnings]
        if verdict.suggestion is not None:
            lines.append(f"    suggestion: {shown_name(verdict.suggestion)}")
        self.out.write("\n".join(lines) + "\n")

    def end(self, summary: Summary) -> None:
        if not summary.checked:
            text = f"No names to check against '{self.convention}'."
        else:
            names = "name" if summary.checked == 1 else "names"
            text = (
                f"Checked {summary.checked:,} {names} against '{self.convention}' ({self.template}): "
                f"{summary.valid:,} valid, {summary.invalid:,} invalid; {summary.rate()} conform."
            )
            if summary.retired:
                text += f" {summary.retired:,} valid name(s) use a retired code."
        if summary.skipped:
            text += f" {summary.skipped:,} empty line(s) or row(s) skipped."
        self.out.write(printable(text) + "\n")


class JsonWriter:
    """The contract's `names check --format json`, written one result per line as it goes."""

    def __init__(self, out: TextIO, convention: str, template: str) -> None:
        self.out = out
        self.first = True
        out.write('{"convention": ' + _json(convention) + ', "results": [')

    def begin(self, table: Table) -> None:
        pass

    def _result(self, body: str) -> None:
        self.out.write(("\n  " if self.first else ",\n  ") + body)
        self.first = False

    def valid(self, table: Table, name: str, line: int, row: list[str] | None) -> None:
        self._result('{"name": ' + _json(name) + ', "valid": true, "problems": []}')

    def skipped(self, table: Table, line: int, row: list[str] | None) -> None:
        pass

    def invalid(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None:
        result: dict[str, object] = {
            "name": verdict.name,
            "valid": False,
            "problems": [{"field": p.field, "message": p.message} for p in verdict.problems],
        }
        if verdict.suggestion is not None:
            result["suggestion"] = verdict.suggestion
        self._result(_json(result))

    def retired(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None:
        result: dict[str, object] = {
            "name": verdict.name,
            "valid": True,
            "problems": [],
            "warnings": [{"code": "NAME006", "field": p.field, "message": p.message} for p in verdict.warnings],
        }
        if verdict.suggestion is not None:
            result["suggestion"] = verdict.suggestion
        self._result(_json(result))

    def end(self, summary: Summary) -> None:
        totals = {"checked": summary.checked, "valid": summary.valid, "invalid": summary.invalid}
        if summary.retired:
            totals["retired"] = summary.retired
        self.out.write(("\n" if not self.first else "") + '], "summary": ' + _json(totals) + "}\n")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class CsvWriter:
    """The input rows with `valid`, `problems` and `suggestion` added, in the input's own dialect
    (delimiter, line ends, byte-order mark), so the file reopens as it came in."""

    def __init__(self, out: TextIO, convention: str, template: str, tables: Sequence[Table]) -> None:
        self.out = out
        self.several = len(tables) > 1
        first = tables[0]
        self.text = out
        if first.bom:
            self.text.write("\ufeff")
        self.writer = csv.writer(self.text, delimiter=first.delimiter, lineterminator="\r\n" if first.crlf else "\n")
        self.header: list[str] | None = None
        self.width = 0

    def begin(self, table: Table) -> None:
        columns = list(table.header) if table.header is not None else ["name"]
        if self.header is None:
            self.width = len(columns)
            added = [
                c if c.casefold() not in {h.casefold() for h in columns} else f"naming_{c}" for c in VERDICT_COLUMNS
            ]
            self.header = columns
            self._write((["file"] if self.several else []) + columns + added)
        elif columns != self.header:
            from .sources import InputProblem

            raise InputProblem(
                f"{table.label} has other columns than the first file: "
                "CSV output needs the same columns in every file; check them one at a time"
            )

    def _row(self, table: Table, row: list[str], verdict: list[str]) -> None:
        cells = row[: self.width] + [""] * (self.width - len(row))
        self._write(([table.label] if self.several else []) + cells + verdict)

    def valid(self, table: Table, name: str, line: int, row: list[str] | None) -> None:
        self._row(table, row if row is not None else [name], ["yes", "", ""])

    def skipped(self, table: Table, line: int, row: list[str] | None) -> None:
        self._row(table, row if row is not None else [""], ["", "", ""])

    def invalid(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None:
        problems = "; ".join(problem_line(p.field, p.message) for p in verdict.problems)
        self._row(table, row if row is not None else [verdict.name], ["no", problems, verdict.suggestion or ""])

    def retired(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None:
        warnings = "; ".join("warning NAME006: " + problem_line(p.field, p.message) for p in verdict.warnings)
        self._row(table, row if row is not None else [verdict.name], ["yes", warnings, verdict.suggestion or ""])

    def _write(self, cells: list[str]) -> None:
        self.writer.writerow([defuse(c) for c in cells])

    def end(self, summary: Summary) -> None:
        self.text.flush()


def defuse(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection): a leading ' when needed."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class Progress:
    """'checked 120,000 names...' on standard error, for runs longer than a second, when standard
    error is a terminal (the command decides); rewritten in place, and wiped at the end."""

    DELAY = 1.0  # seconds before the first line: short runs show nothing
    INTERVAL = 0.25

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.clock = stream, clock
        self.start = clock()
        self.last = self.start
        self.width = 0

    def __call__(self, count: int) -> None:
        now = self.clock()
        if now - self.start < self.DELAY or (self.width and now - self.last < self.INTERVAL):
            return
        self.last = now
        text = f"mopsdocs: checked {count:,} names..."
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def done(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
