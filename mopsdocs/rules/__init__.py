"""The rule catalogue: every diagnostic code, its default severity and its documentation.

A rule is one small unit: a code, a one-line title, a docstring that becomes its entry on the
rule catalogue page, and (for cross-reference rules) a `check(project)` generator. Schema-level
codes (YAML*, SPEC*, ...) are raised by the loader and validator; they are declared here so that
severities, docs and the catalogue have a single source.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from ..project import Project

Check = Callable[["Project"], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str
    doc: str
    check: Check | None = None


RULES: dict[str, Rule] = {}


def declare(code: str, severity: str, title: str, doc: str = "") -> None:
    RULES[code] = Rule(code, Severity(severity), title, _clean(doc))


def rule(code: str, severity: str, title: str) -> Callable[[Check], Check]:
    """Register `check(project)` as the implementation of `code`; its docstring is the rule's doc."""

    def register(fn: Check) -> Check:
        RULES[code] = Rule(code, Severity(severity), title, _clean(fn.__doc__ or ""), fn)
        return fn

    return register


def _clean(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc)


# the modules whose import registers the rules, in catalogue order
_MODULES = ("schema", "references", "team", "lifecycle", "raci", "naming", "program")


def load_all() -> dict[str, Rule]:
    for name in _MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a rule family not written yet
            if exc.name != f"{__name__}.{name}":
                raise
    return RULES


def run_checks(project: Project) -> Iterator[Diagnostic]:
    for r in load_all().values():
        if r.check is not None:
            yield from r.check(project)
