"""The cross-reference rules' registry: `@rule(code, severity, title)` over `check(project)`.

The decorator declares the code in the rule catalogue (the function's docstring is its doc) and
records the check; `rules.run_checks` runs the checks in catalogue order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..diagnostics import Diagnostic
from ..project import Project
from ..rule_catalogue import declare

Check = Callable[[Project], Iterable[Diagnostic]]

CHECKS: dict[str, Check] = {}


def rule(code: str, severity: str, title: str) -> Callable[[Check], Check]:
    """Register `check(project)` as the implementation of `code`; its docstring is the rule's doc."""

    def register(fn: Check) -> Check:
        declare(code, severity, title, fn.__doc__ or "")
        CHECKS[code] = fn
        return fn

    return register


__all__ = ["CHECKS", "Check", "rule"]
