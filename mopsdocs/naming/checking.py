"""`names check` in one function: every name through the fast matcher, explanations for failures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .compiler import CompiledConvention
from .explain import explain
from .output import Summary
from .readings import Verdict
from .sources import Table


class Writer(Protocol):
    def begin(self, table: Table) -> None: ...
    def valid(self, table: Table, name: str, line: int, row: list[str] | None) -> None: ...
    def skipped(self, table: Table, line: int, row: list[str] | None) -> None: ...
    def invalid(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None: ...
    def end(self, summary: Summary) -> None: ...


def check_tables(conv: CompiledConvention, tables: Sequence[Table], writer: Writer) -> Summary:
    summary = Summary()
    matches = conv.matcher.fullmatch  # the fast path: one compiled expression per name
    for table in tables:
        writer.begin(table)
        report_valid = writer.valid if getattr(writer, "wants_valid", True) else None
        checked = valid = skipped = 0
        for name, line, row in table.rows:
            if name is None:
                skipped += 1
                writer.skipped(table, line, row)
                continue
            checked += 1
            if matches(name) is not None:
                valid += 1
                if report_valid is not None:
                    report_valid(table, name, line, row)
            else:  # only failures pay for an explanation
                writer.invalid(table, explain(conv, name), line, row)
        summary.checked += checked
        summary.valid += valid
        summary.skipped += skipped
    writer.end(summary)
    return summary
