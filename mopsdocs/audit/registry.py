"""`@audit_rule(code, severity, title)`: an audit rule over `Audit`, declared in the catalogue.

Like `rules.registry.rule`, the docstring is the rule's page; unlike it, the check takes the
audit (specs and exports), so `check`, which reads specs only, never runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from ..rule_catalogue import declare

if TYPE_CHECKING:
    from .context import Audit

AuditCheck = Callable[["Audit"], Iterable[Diagnostic]]

AUDIT_CHECKS: dict[str, AuditCheck] = {}


def audit_rule(code: str, severity: str, title: str) -> Callable[[AuditCheck], AuditCheck]:
    def register(fn: AuditCheck) -> AuditCheck:
        declare(code, severity, title, fn.__doc__ or "")
        AUDIT_CHECKS[code] = fn
        return fn

    return register


__all__ = ["AUDIT_CHECKS", "AuditCheck", "audit_rule"]
