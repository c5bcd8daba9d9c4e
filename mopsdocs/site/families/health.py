"""`health/`: every error and warning of the specs, each linked to where it is.

Each diagnostic links to the generated page of the spec it is in (when there is one), to the
file at that line in the repository and to its edit view (when `repo_url`/`edit_uri` are set).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote as url_quote

from ... import specs
from ...diagnostics import Diagnostic
from ...project import Project
from ..context import SiteContext
from ..pages import HEALTH, Page, lifecycle_path, program_path, raci_path
from .reference import RULES

TEMPLATE = "health.md.j2"
ORDER = 1000  # the last entry of the generated section


def pages(project: Project, site: SiteContext) -> list[Page]:
    report = site.report
    pages_by_file = _pages_by_file(project, site)
    items = [_item(d, site, pages_by_file) for d in report.sorted()]
    context = {
        "errors": report.errors,
        "warnings": report.warnings,
        "files": report.files,
        "as_of": project.today().isoformat(),
        "diagnostics": items,
        "audit": _audit(project, site),
        "rules_page": RULES if project.settings.reference_pages else None,
    }
    return [Page(path=HEALTH, title="Health", template=TEMPLATE, context=context, order=ORDER)]


def _item(d: Diagnostic, site: SiteContext, pages_by_file: dict[str, list[tuple[int, str]]]) -> dict[str, Any]:
    loc = d.location
    edit = site.edit_url(url_quote(loc.path, safe="/"))
    view = None
    if edit and "/edit/" in edit:  # GitHub, GitLab, Gitea: .../edit/<branch>/ -> .../blob/<branch>/
        view = edit.replace("/edit/", "/blob/", 1) + f"#L{loc.line}"
    return {
        "severity": d.severity.value,
        "code": d.code,
        "message": d.message,
        "hint": d.hint,
        "where": str(loc),
        "view_url": view,
        "edit_url": edit,
        "page": _page_for(pages_by_file.get(loc.path, []), loc.line),
    }


def _audit(project: Project, site: SiteContext) -> list[dict[str, Any]]:
    """The playbook's mini-audit of operational programs: problems newest first, then what passed."""
    from ...program_model import audit

    linked = site.has_family("programs")
    return [
        {
            "question": f.title,
            "ok": f.ok,
            "message": f.message,
            "code": f.code,
            "where": str(f.location) if f.location else None,
            "since": f.since.isoformat() if f.since else None,
            "programs": [
                {
                    "id": pid,
                    "name": project.programs[pid].name if pid in project.programs else pid,
                    "path": program_path(pid) if linked and pid in project.programs else None,
                }
                for pid in f.programs
            ],
        }
        for f in audit(project)
    ]


def _page_for(candidates: list[tuple[int, str]], line: int) -> str | None:
    """The page of the last document starting at or before `line` (a file may hold several)."""
    found = None
    for start, path in candidates:
        if start <= line:
            found = path
    return found


def _pages_by_file(project: Project, site: SiteContext) -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for doc, spec in project.documents:
        path = _page_of(project, site, spec)
        if path is not None:
            out.setdefault(doc.path, []).append((doc.locate(()).line, path))
    for entries in out.values():
        entries.sort()
    return out


def _page_of(project: Project, site: SiteContext, spec: specs.Spec) -> str | None:
    # Only entities that made it into the project have pages (a duplicate id is left out).
    if isinstance(spec, specs.LifecycleSpec) and project.lifecycles.get(spec.id) is spec:
        return lifecycle_path(spec.id)
    if isinstance(spec, specs.RaciSpec) and site.has_family("raci") and project.racis.get(spec.id) is spec:
        return raci_path(spec.id)
    if isinstance(spec, specs.ProgramSpec) and site.has_family("programs") and project.programs.get(spec.id) is spec:
        return program_path(spec.id)
    return None
