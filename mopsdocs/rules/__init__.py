"""The rules: every diagnostic code, and the cross-reference checks over the whole project.

A rule is one small unit: a code, a one-line title, a docstring that becomes its entry on the
rule catalogue page, and (for cross-reference rules) a `check(project)` generator registered with
`registry.rule`. Schema-level codes (YAML*, SPEC*, ...) are raised by the loader and validator;
`schema` declares them so that severities, docs and the catalogue have a single source.

Importing this package imports every family below, in catalogue order: a missing family is an
ImportError, not a quietly smaller catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..project import Project
from ..rule_catalogue import RULES, Rule
from .registry import CHECKS

# Importing a family registers its codes: this order is the catalogue's.
# isort: off
from . import schema, references, team, lifecycle, raci, naming, program, channel, scoring  # noqa: F401
from . import stack  # noqa: F401  (v2) the martech stack, issue 18
from . import backlog  # noqa: F401  (v2) BL codes come after CH, SCORE and STACK
from ..audit import rules as _audit_rules  # noqa: F401  (v2) DRIFT and AUDIT: declared here, run by `audit` only
# isort: on


def load_all() -> dict[str, Rule]:
    """The whole catalogue, by code, in catalogue order."""
    return RULES


def run_checks(project: Project) -> Iterator[Diagnostic]:
    """Every cross-reference check, in catalogue order."""
    for code in RULES:
        check = CHECKS.get(code)
        if check is not None:
            yield from check(project)


__all__ = ["RULES", "Rule", "load_all", "run_checks"]
