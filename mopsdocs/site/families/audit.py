"""`audit/`: the instance mini-audit answered from the platform exports, and what the platform
says on program, stage and channel pages (`page_platform`, merged in by `site.generate`).

The audit is run once per loaded project (`mopsdocs.audit.run`, as `mopsdocs audit` runs it) and
shared by both. The view-model holds keys, counts and links; every word the page shows is in the
templates (`audit.md.j2`, `_platform.md.j2`), in the site's language, except the findings: those
stay as `mopsdocs audit` prints them (English).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from ... import specs
from ...audit.context import Audit
from ...audit.rules import STATUS_PLATFORMS, compared_lifecycles, platform_statuses, stage_value
from ...audit.run import AuditResult, exports_of, run_audit
from ...diagnostics import Diagnostic
from ...exports.model import Where
from ...i18n import SOURCE_LANGUAGE
from ...project import Project
from ..context import SiteContext
from ..pages import Page, channel_path, lifecycle_path, party_path, program_path
from .health import shown_day

PATH = "audit.md"
TEMPLATE = "audit.md.j2"
ORDER = 990  # just before health/

# The mini-audit, section by section: each question's key (its words are in audit.md.j2), the
# rule codes whose findings answer it, and the export types it needs (any one of them).
SECTIONS: tuple[tuple[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]], ...] = (
    (
        "admin",
        (
            ("leavers", ("AUDIT003",), ("marketo-users",)),
            ("communication-limits", (), ("marketo-campaigns",)),
        ),
    ),
    (
        "channels",
        (
            ("channel-type", ("AUDIT007",), ("marketo-programs",)),
            ("channel-duplicates", ("AUDIT006:channel",), ("marketo-channels",)),
            ("channel-unused", ("AUDIT005",), ("marketo-channels",)),
            ("channel-drift", ("DRIFT005",), ("marketo-channels",)),
        ),
    ),
    (
        "users",
        (
            ("inactive-users", ("AUDIT001",), ("marketo-users",)),
            ("multi-role", ("AUDIT002",), ("marketo-users",)),
            ("unknown-users", ("AUDIT004",), ("marketo-users",)),
        ),
    ),
    (
        "naming",
        (
            ("names", ("DRIFT006",), ("marketo-programs", "marketo-campaigns", "marketo-folders", "names")),
            ("archived", ("AUDIT008",), ("marketo-programs",)),
            ("program-duplicates", ("AUDIT006:program",), ("marketo-programs",)),
            ("stage-values", ("DRIFT003", "DRIFT004"), ("salesforce-lead-status", "hubspot-property")),
        ),
    ),
    (
        "scoring",
        (
            ("scoring-tokens", ("SCORE004",), ()),
            ("scoring-thresholds", ("SCORE001", "SCORE002", "SCORE003", "SCORE005"), ()),
        ),
    ),
    (
        "operational",
        (
            ("required-categories", ("PRG004",), ()),
            ("programs-exist", ("DRIFT001",), ("marketo-programs", "marketo-campaigns", "salesforce-campaigns")),
            ("programs-status", ("DRIFT002",), ("marketo-programs", "marketo-campaigns", "salesforce-campaigns")),
        ),
    ),
)
SPEC_CODES = frozenset({"SCORE001", "SCORE002", "SCORE003", "SCORE004", "SCORE005", "PRG004"})  # check's, from specs

_last: tuple[weakref.ref[Project], AuditResult] | None = None


def audit_of(project: Project) -> AuditResult:
    """The audit of the project's `exports_dir`, run once per loaded project."""
    global _last
    if _last is not None and _last[0]() is project:
        return _last[1]
    result = run_audit(project, exports_of(project))
    _last = (weakref.ref(project), result)
    return result


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    hint: str | None
    where: str
    page: str | None  # the spec page of what it is about, when there is one
    name: str | None  # that page's title


def pages(project: Project, site: SiteContext) -> list[Page]:
    result = audit_of(project)
    links = _links(project, site, result.audit)
    found = [_finding(d, links) for d in result.diagnostics]
    spec_findings = [_finding(d, links) for d in site.report.sorted() if d.code in SPEC_CODES]
    today = project.today()
    words = site.words
    files = [
        {
            "path": f.path,
            "type": f.type,
            "system": f.system or "",
            "records": f.records,
            "records_shown": words.number(f.records),
            "newest": shown_day(f.newest.date(), words) if f.newest else None,
            "age": (today - f.newest.date()).days if f.newest else None,
            "encoding": f.encoding,
            "notes": list(f.notes),
        }
        for f in result.exports.files
    ]
    context = {
        "as_of": shown_day(today, words),
        "exports_dir": project.settings.exports_dir,
        "files": files,
        "unreadable": [f for f in found if f.code == "FILE001"],
        "sections": _sections(result, found, spec_findings),
        "errors": sum(1 for f in found if f.severity == "error"),
        "warnings": sum(1 for f in found if f.severity == "warning"),
        "settings": project.settings.audit,
        "english": words.code == SOURCE_LANGUAGE,
    }
    return [Page(path=PATH, title=words.gettext("Instance audit"), template=TEMPLATE, context=context, order=ORDER)]


def _sections(result: AuditResult, found: list[Finding], spec_findings: list[Finding]) -> list[dict[str, Any]]:
    exports = result.exports
    out = []
    for key, questions in SECTIONS:
        rows = []
        for qkey, codes, needs in questions:
            pool = spec_findings if codes and all(c in SPEC_CODES for c in codes) else found
            items = [f for f in pool if _answers(f, codes)]
            if qkey == "communication-limits":
                items = _unlimited_campaigns(result)
            checked = not needs or any(exports.read(t) for t in needs)
            rows.append(
                {
                    "key": qkey,
                    "codes": sorted({c.split(":")[0] for c in codes}),
                    "needs": list(needs),
                    "checked": checked,
                    "count": len(items),
                    "findings": items if checked else [],
                }
            )
        out.append({"key": key, "questions": rows})
    return out


def _answers(f: Finding, codes: tuple[str, ...]) -> bool:
    for code in codes:
        base, _, kind = code.partition(":")
        if f.code == base and (not kind or f.message.startswith(kind + " ")):
            return True
    return False


def _unlimited_campaigns(result: AuditResult) -> list[Finding]:
    """Active trigger campaigns that ignore communication limits (a fact, not a rule)."""
    return [
        Finding("", "", c.name, None, _where(c.at), None, None)
        for c in result.exports.campaigns
        if c.type == "trigger" and c.active and c.communication_limit is False
    ]


def _where(at: Where) -> str:
    return f"{at.path}:{at.line}:{at.column}"


def _finding(d: Diagnostic, links: Links) -> Finding:
    loc = d.location
    page, name = links.at(loc.path, loc.line)
    return Finding(d.code, d.severity.value, d.message, d.hint, str(loc), page, name)


@dataclass
class Links:
    """Where a finding's subject has a spec page: the entity of the spec document it is in, or
    the person, channel or program an export object matches."""

    spans: dict[str, list[tuple[int, tuple[str, str] | None]]]  # spec file -> (first line, page) per document
    objects: dict[tuple[str, int], tuple[str, str]]  # (export file, line) -> page

    def at(self, path: str, line: int) -> tuple[str | None, str | None]:
        if (path, line) in self.objects:
            return self.objects[(path, line)]
        found: tuple[str, str] | None = None
        for start, target in self.spans.get(path, []):
            if start <= line:
                found = target
        return found if found is not None else (None, None)


def _links(project: Project, site: SiteContext, audit: Audit) -> Links:
    spans: dict[str, list[tuple[int, tuple[str, str] | None]]] = {}
    for doc, spec in project.documents:
        spans.setdefault(doc.path, []).append((doc.locate(()).line, _page_for(project, site, spec)))
    for entries in spans.values():
        entries.sort(key=lambda e: e[0])
    objects: dict[tuple[str, int], tuple[str, str]] = {}
    for user in audit.exports.users:
        person = audit.person_of(user)
        if person is not None and site.has_family("people"):
            objects[(user.at.path, user.at.line)] = (party_path(person.id), person.name)
    for channel in audit.exports.channels:
        spec_channel = audit.spec_channels.get(channel.name.casefold())
        if spec_channel is not None and site.has_family("channels"):
            objects[(channel.at.path, channel.at.line)] = (channel_path(spec_channel.id), spec_channel.name)
    for program in audit.exports.programs:
        documented = audit.documented_asset_names.get(program.name.casefold())
        if documented is not None and site.has_family("programs"):
            objects[(program.at.path, program.at.line)] = (program_path(documented.id), documented.name)
    return Links(spans, objects)


def _page_for(project: Project, site: SiteContext, spec: specs.Spec) -> tuple[str, str] | None:
    if isinstance(spec, specs.ProgramSpec) and project.programs.get(spec.id) is spec and site.has_family("programs"):
        return program_path(spec.id), spec.name
    if isinstance(spec, specs.ChannelSpec) and project.channels.get(spec.id) is spec and site.has_family("channels"):
        return channel_path(spec.id), spec.name
    if isinstance(spec, specs.LifecycleSpec) and project.lifecycles.get(spec.id) is spec:
        return lifecycle_path(spec.id), spec.name
    return None


# --------------------------------------------------------------------------- on other pages


def page_platform(project: Project, site: SiteContext) -> dict[str, dict[str, Any]]:
    """Page path -> `{"platform": ...}` for `_platform.md.j2`: what the exports say about a
    documented program, channel or lifecycle's stages. Nothing when no export speaks of it."""
    if not site.has_family("audit"):
        return {}
    result = audit_of(project)
    audit = result.audit
    if not result.exports.files:
        return {}
    by_file: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_file.setdefault(d.location.path, []).append(d)
    out: dict[str, dict[str, Any]] = {}
    for pid in sorted(project.programs):
        view = _program_view(audit, project.programs[pid], by_file)
        if view is not None:
            out[program_path(pid)] = {"platform": view}
    if result.exports.read("marketo-channels"):
        for cid in sorted(project.channels):
            out[channel_path(cid)] = {"platform": _channel_view(audit, project.channels[cid], by_file)}
    for platform in STATUS_PLATFORMS:
        statuses = platform_statuses(audit, platform)
        if statuses is None:
            continue
        for lifecycle in compared_lifecycles(audit, platform):
            view = out.setdefault(lifecycle_path(lifecycle.id), {"platform": {"kind": "lifecycle", "stages": {}}})
            for stage in lifecycle.stages:
                found = stage_value(stage, platform)
                if found is None:
                    continue
                value = found[0]
                known = statuses.get(value.casefold())
                state = "missing" if known is None else ("defined" if known[0] == value else "case")
                if known is not None and state == "case" and _exact(audit, platform, value):
                    state = "defined"
                view["platform"]["stages"].setdefault(stage.id, []).append(
                    {
                        "platform": platform,
                        "value": value,
                        "state": state,
                        "there": known[0] if known else None,
                        "where": _where(known[1]) if known else None,
                    }
                )
    return out


def _exact(audit: Audit, platform: str, value: str) -> bool:
    if platform == "salesforce":
        return any(value in (s.label, s.api_name) for s in audit.exports.lead_statuses)
    return any(value in (o.label, o.value) for p in audit.exports.hubspot_properties for o in p.options)


def _messages(diags: list[Diagnostic], codes: tuple[str, ...], first: int, last: int | None) -> list[str]:
    return [
        d.message
        for d in diags
        if d.code in codes and d.location.line >= first and (last is None or d.location.line < last)
    ]


def _document_lines(project: Project, spec: specs.Spec) -> tuple[str, int, int | None]:
    doc = project.document_of(spec)
    starts = sorted(d.locate(()).line for d, _ in project.documents if d.path == doc.path)
    first = doc.locate(()).line
    later = [s for s in starts if s > first]
    return doc.path, first, (later[0] if later else None)


def _program_view(
    audit: Audit, program: specs.ProgramSpec, by_file: dict[str, list[Diagnostic]]
) -> dict[str, Any] | None:
    if not program.asset_name:
        return None
    systems = audit.program_systems(program)
    if not systems:
        return None
    rows = []
    for system in systems:
        match = audit.find_asset(program.asset_name, system)
        state = "missing" if match is None else ("found" if match.exact else "case")
        if match is not None and match.asset.active is not None:
            on = match.asset.active
            if (program.status == "active" and not on) or (program.status in ("paused", "retired") and on):
                state = "differs"  # DRIFT002
        rows.append(
            {
                "system": system,
                "state": state,
                "name": match.asset.name if match else None,
                "kind": match.asset.kind if match else None,
                "active": match.asset.active if match else None,
                "where": _where(match.asset.at) if match else None,
            }
        )
    path, first, last = _document_lines(audit.project, program)
    findings = _messages(by_file.get(path, []), ("DRIFT001", "DRIFT002"), first, last)
    return {"kind": "program", "asset_name": program.asset_name, "systems": rows, "findings": findings}


def _channel_view(audit: Audit, channel: specs.ChannelSpec, by_file: dict[str, list[Diagnostic]]) -> dict[str, Any]:
    found = audit.platform_channels.get(channel.name.casefold())
    path, first, last = _document_lines(audit.project, channel)
    findings = _messages(by_file.get(path, []), ("DRIFT005",), first, last)
    if found is not None:
        findings += [
            d.message
            for d in by_file.get(found.at.path, [])
            if d.code in ("DRIFT005", "AUDIT005", "AUDIT006")
            and (d.location.line == found.at.line or any(d.location.line == s.at.line for s in found.statuses))
        ]
    return {
        "kind": "channel",
        "state": "missing" if found is None else ("differs" if findings else "found"),
        "name": found.name if found else None,
        "program_type": found.kind if found else None,
        "where": _where(found.at) if found else None,
        "statuses": [
            {"name": s.name, "step": s.step, "success": s.success}
            for s in (found.statuses if found else ())
            if not (s.step == 0 and s.name.casefold() == "not in program")
        ],
        "findings": findings,
    }
