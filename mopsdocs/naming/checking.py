"""`names check` in one function: every name through the fast matcher, explanations for failures.

Names are taken a block at a time: the block's failing names are explained together (in other
processes too, once a run has shown it has many: explaining is the costly part, and each name's
explanation depends on that name alone), then the block is reported in file order, so the report
is the same whichever process explained what."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Protocol

from .compiler import CompiledConvention
from .explain import explain, retired_problems
from .output import Summary
from .readings import Verdict
from .sources import Row, Table

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


class Writer(Protocol):
    def begin(self, table: Table) -> None: ...
    def valid(self, table: Table, name: str, line: int, row: list[str] | None) -> None: ...
    def skipped(self, table: Table, line: int, row: list[str] | None) -> None: ...
    def invalid(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None: ...
    def retired(self, table: Table, verdict: Verdict, line: int, row: list[str] | None) -> None: ...
    def end(self, summary: Summary) -> None: ...


PROGRESS_EVERY = 1024  # names between two calls of `progress`; also the block size
VERDICT_MEMORY = 50_000  # explanations kept for names that come again (exports repeat them)
PARALLEL_AFTER = 2_000  # names explained before other processes start (a pre-commit run never does)
MAX_JOBS = 8


def default_jobs() -> int:
    """One process per core this process may use, at most MAX_JOBS."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


def check_tables(
    conv: CompiledConvention,
    tables: Sequence[Table],
    writer: Writer,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> Summary:
    """Check every name of every table; `progress`, if given, hears the count of names so far
    every PROGRESS_EVERY names (the command shows it on a terminal). With `jobs` above 1, a run
    with more than PARALLEL_AFTER names to explain explains the rest in that many processes."""
    with ExitStack() as stack:
        explainer = _Explainer(conv, jobs, stack)
        return _check(conv, tables, writer, progress, explainer)


def _check(
    conv: CompiledConvention,
    tables: Sequence[Table],
    writer: Writer,
    progress: Callable[[int], None] | None,
    explainer: _Explainer,
) -> Summary:
    summary = Summary()
    # the fast path: one compiled expression per name (with cross-field rules, their check too)
    matches = conv.matcher.fullmatch if conv.plain else (lambda n: True if conv.is_valid(n) else None)
    current = conv.current.fullmatch if conv.current is not None else None  # and without retired codes
    explained = explainer.explained
    for table in tables:
        writer.begin(table)
        report_valid = writer.valid if getattr(writer, "wants_valid", True) else None
        checked = valid = skipped = 0
        for block in _blocks(table.rows):
            if progress is not None:
                progress(summary.checked + summary.skipped + checked + skipped)
            conforms = [name is not None and matches(name) is not None for name, _, _ in block]
            explainer.explain([name for (name, _, _), ok in zip(block, conforms) if name is not None and not ok])
            for (name, line, row), ok in zip(block, conforms):
                if name is None:
                    skipped += 1
                    writer.skipped(table, line, row)
                    continue
                checked += 1
                if ok:
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
                else:
                    writer.invalid(table, explained[name], line, row)
        summary.checked += checked
        summary.valid += valid
        summary.skipped += skipped
    writer.end(summary)
    return summary


def _blocks(rows: Iterable[Row]) -> Iterator[list[Row]]:
    """The rows, PROGRESS_EVERY at a time (a million names never sit in memory)."""
    block: list[Row] = []
    for row in rows:
        block.append(row)
        if len(block) == PROGRESS_EVERY:
            yield block
            block = []
    if block:
        yield block


class _Explainer:
    """The explanations of a run's failing names, each worked out once (a name that comes again
    is looked up), here or, for a run with many, in a pool of `jobs` processes."""

    def __init__(self, conv: CompiledConvention, jobs: int, stack: ExitStack) -> None:
        self.conv, self.jobs, self.stack = conv, jobs, stack
        self.explained: dict[str, Verdict] = {}
        self.count = 0  # names explained so far
        self.pool: ProcessPoolExecutor | None = None

    def explain(self, names: list[str]) -> None:
        todo = list(dict.fromkeys(n for n in names if n not in self.explained))
        if not todo:
            return
        if len(self.explained) + len(todo) > VERDICT_MEMORY:
            self.explained.clear()  # the block's own names are all explained again below
            todo = list(dict.fromkeys(names))
        if self.pool is None and self.jobs > 1 and self.count + len(todo) > PARALLEL_AFTER:
            self.pool = self.stack.enter_context(_pool(self.conv, self.jobs))
        if self.pool is not None:
            verdicts = list(self.pool.map(_explain_here, todo, chunksize=max(1, len(todo) // (4 * self.jobs))))
        else:
            verdicts = [explain(self.conv, name) for name in todo]
        self.explained.update(zip(todo, verdicts))
        self.count += len(todo)


def _pool(conv: CompiledConvention, jobs: int) -> ProcessPoolExecutor:
    # fork where it is safe (Linux): the workers start at once, with the convention and what the
    # explainer has learnt so far; elsewhere they start afresh and are sent the convention. A
    # worker that dies (killed, out of memory) makes `map` raise rather than wait for ever.
    # Imported here: they cost 50 ms, which a short run (a pre-commit hook's) does not pay.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(conv,))


_worker_convention: CompiledConvention | None = None


def _start_worker(conv: CompiledConvention) -> None:
    global _worker_convention
    _worker_convention = conv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the command's to handle, once


def _explain_here(name: str) -> Verdict:
    assert _worker_convention is not None
    return explain(_worker_convention, name)
