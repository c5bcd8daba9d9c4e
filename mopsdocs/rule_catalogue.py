"""The rule catalogue: every diagnostic code, its default severity, its title and its documentation.

A code is declared once: by `declare` for the codes the loader and validator raise (YAML*, SPEC*,
...), by `rules.registry.rule` for the cross-reference rules. Severities (`Project.diag`), the
`rules:` setting, SARIF output and the rule catalogue page all read `RULES`; importing
`mopsdocs.rules` fills it, in catalogue order.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from .diagnostics import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str
    doc: str


RULES: dict[str, Rule] = {}


def declare(code: str, severity: str, title: str, doc: str = "") -> None:
    """Add `code` to the catalogue; `doc` is its entry on the rule catalogue page."""
    RULES[code] = Rule(code, Severity(severity), title, inspect.cleandoc(doc))


__all__ = ["RULES", "Rule", "declare"]
