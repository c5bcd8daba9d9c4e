"""`names check` in one function: every name through the fast matcher, explanations for failures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from .compiler import CompiledConvention
from .explain import explain, retired_problems
from .output import Summary
from .readings import Verdict
from .sources import Table


class Writer(Protocol):
    def begin(self, table: Table) -> None: ...
    def valid(self, table: Table, name: str, line: int, row: list[str] | None) -> None: ...
    def skipped(self, table: Table, line: int, row: list[str] | None) -> None: ...
    def invalid(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None: ...
    def retired(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None: ...
    def end(self, summary: Summary) -> None: ...


PROGRESS_EVERY = 1024  # names between two calls of `progress`
VERDICT_MEMORY = 50_000  # explanations kept for names that come again (exports repeat them)


def check_tables(
    conv: CompiledConvention,
    tables: Sequence[Table],
    writer: Writer,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Check every name of every table; `progress`, if given, hears the count of names so far
    every PROGRESS_EVERY names (the command shows it on a terminal)."""
    summary = Summary()
    explained: dict[str, Verdict] = {}
    # the fast path: one compiled expression per name (with cross-field rules, their check too)
    matches = conv.matcher.fullmatch if conv.plain else (lambda n: True if conv.is_valid(n) else None)
    current = conv.current.fullmatch if conv.current is not None else None  # and without retired codes
    for table in tables:
        writer.begin(table)
        report_valid = writer.valid if getattr(writer, "wants_valid", True) else None
        checked = valid = skipped = 0
        for name, line, row in table.rows:
            if progress is not None and not (checked + skipped) % PROGRESS_EVERY:
                progress(summary.checked + summary.skipped + checked + skipped)
            if name is None:
                skipped += 1
                writer.skipped(table, line, row)
                continue
            checked += 1
            if matches(name) is not None:
                valid += 1
                if current is not None and current(name) is None:  # conforms, with a retired code
                    verdict = explained.get(name)
                    if verdict is None:
                        warnings, suggestion = retired_problems(conv, name)
                        verdict = explained[name] = Verdict(name, True, (), suggestion, tuple(warnings))
                    summary.retired += 1
                    writer.retired(table, verdict, line, row)
                elif report_valid is not None:
                    report_valid(table, name, line, row)
            else:  # only failures pay for an explanation, and a name that comes again only once
                verdict = explained.get(name)
                if verdict is None:
                    if len(explained) >= VERDICT_MEMORY:
                        explained.clear()
                    verdict = explained[name] = explain(conv, name)
                writer.invalid(table, verdict, line, row)
        summary.checked += checked
        summary.valid += valid
        summary.skipped += skipped
    writer.end(summary)
    return summary
