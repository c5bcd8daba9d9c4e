"""Running the audit: read the exports, run DRIFT and AUDIT rules, apply the `rules:` policy.

Used by `mopsdocs audit` and by the `audit/` page, so both say the same.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Location, Severity
from ..exports import Exports, read_exports
from ..pipeline import apply_policy
from ..project import Project
from ..rule_catalogue import RULES
from .context import Audit
from .registry import AUDIT_CHECKS


@dataclass
class AuditResult:
    audit: Audit
    diagnostics: list[Diagnostic] = field(default_factory=list)  # FILE001 and the rules', by place

    @property
    def exports(self) -> Exports:
        return self.audit.exports


def exports_of(project: Project, paths: Sequence[Path] = (), progress: Callable[[str], None] | None = None) -> Exports:
    """The given files and folders, or the `exports_dir` setting's folder (none there: nothing).
    Reading the folder, an `exports:` entry that names no file there is a FILE001 at the entry."""
    given = bool(paths)
    if not paths:
        folder = project.root / project.settings.exports_dir
        paths = [folder] if folder.is_dir() else []
    exports = read_exports(paths, root=project.root, settings=project.settings, progress=progress)
    if not given:
        exports.diagnostics.extend(_unmatched_entries(project, exports))
    return exports


def _unmatched_entries(project: Project, exports: Exports) -> list[Diagnostic]:
    seen = [f.path for f in exports.files] + [d.location.path for d in exports.diagnostics]
    out = []
    for i, entry in enumerate(project.settings.exports):
        pattern = entry.path.replace("\\", "/").removeprefix("./")
        if any(p == pattern or fnmatch.fnmatchcase(p, pattern) for p in seen):
            continue
        where = project.config.locate(("exports", i, "path")) if project.config is not None else Location("mkdocs.yml")
        out.append(
            Diagnostic(
                "FILE001",
                Severity.ERROR,
                f"the exports: entry '{entry.path}' names no file that was read",
                where,
                f"check the path: relative to mkdocs.yml; files are read from {project.settings.exports_dir}/",
            )
        )
    return out


def run_audit(project: Project, exports: Exports) -> AuditResult:
    audit = Audit(project, exports)
    found: list[Diagnostic] = list(exports.diagnostics)
    for code in RULES:  # catalogue order
        check = AUDIT_CHECKS.get(code)
        if check is not None:
            found.extend(check(audit))
    kept = apply_policy(found, project.settings)
    return AuditResult(audit, sorted(kept, key=lambda d: d.sort_key()))
