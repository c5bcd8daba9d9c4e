"""`lifecycle/<id>/`: the diagram, the stage table, a section per stage, the transitions.

The view-model is plain data: strings from the specs (escaped by the template's filters), paths
of other generated pages (turned into relative links by the template), and the diagram as
finished SVG markup (`Markup`: built from escaped DOT by Graphviz, never from raw spec text).
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from ... import durations, specs
from ...project import Project
from ..context import SiteContext
from ..diagram import lifecycle_dot
from ..lifecycle_view import LifecycleView, StageView, TransitionView, lifecycle_view, party_name
from ..pages import Page, lifecycle_path, party_path, program_path, scoring_path, threshold_anchor
from .raci import extra_label

TEMPLATE = "lifecycle.md.j2"
NAV = ("Lifecycles",)
# Material's navigation bar is hidden on lifecycle pages (front matter): the stage and transition
# tables need the width of a laptop screen; the table of contents (one entry per stage) stays
HIDE = ("navigation",)


def pages(project: Project, site: SiteContext) -> list[Page]:
    out = []
    for lc_id in sorted(project.lifecycles):
        lc = project.lifecycles[lc_id]
        out.append(
            Page(
                path=lifecycle_path(lc.id),
                title=lc.name,
                template=TEMPLATE,
                context=lifecycle_context(project, site, lc),
                nav=NAV,
            )
        )
    return out


def lifecycle_context(project: Project, site: SiteContext, lc: specs.LifecycleSpec) -> dict[str, Any]:
    view = lifecycle_view(project, lc)
    platforms = sorted({p for s in view.stages for p in s.stage.values})
    source = project.document_of(lc).path
    return {
        "lifecycle": {"id": lc.id, "name": lc.name, "description": lc.description, "extras": extras(lc)},
        # SVG drawn by Graphviz from DOT whose every value was escaped (site.diagram): markup by construction
        "diagram": Markup(site.svg(lifecycle_dot(project, lc))) if view.stages else None,  # noqa: S704
        "diagram_alt": diagram_alt(view),
        "legend": {"edges": list(view.kinds), "looks": list(view.looks)},
        "platforms": platforms,
        "stages": [_stage(project, site, view, s, platforms) for s in view.stages],
        "transitions": [_transition(project, site, view, t) for t in view.transitions],
        "teams": [name for _, name in view.teams],
        "source": source,
        "source_url": site.edit_url(source),
        "spec_path": source,  # the plugin points the page's edit button at this file
        "hide": HIDE,
        "with_reasons": any(s.stage.reasons or s.stage.reason_required for s in view.stages),
    }


def anchor(stage_id: str) -> str:
    """The section anchor of a stage (the diagram links here): `stage-<id>`, safe by construction."""
    return "stage-" + re.sub(r"[^a-z0-9_-]", "-", stage_id.lower())


def extras(entity: specs.Spec) -> list[dict[str, str]]:
    """`x-` keys as key, label ("Turnaround" for `x-turnaround`) and text, sorted by key;
    structured values as compact JSON."""
    out = []
    for key in sorted(entity.extras):
        value = entity.extras[key]
        text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
        out.append({"key": key, "label": extra_label(key), "value": text})
    return out


def _party(project: Project, site: SiteContext, party_id: specs.Owner | None) -> Any:
    """A party's name and page; an either-of owner is a list of them (shown "SDR or BDR")."""
    if party_id is None:
        return None
    if not isinstance(party_id, str):
        return [_party(project, site, pid) for pid in party_id]
    linked = site.has_family("people") and party_id in project.parties
    return {"id": party_id, "name": party_name(project, party_id), "path": party_path(party_id) if linked else None}


def _program(project: Project, site: SiteContext, program_id: str | None) -> dict[str, Any] | None:
    if program_id is None:
        return None
    program = project.programs.get(program_id)
    linked = program is not None and site.has_family("programs")
    return {
        "id": program_id,
        "name": program.name if program else program_id,
        "path": program_path(program_id) if linked else None,
    }


def _stage_ref(view: LifecycleView, stage_id: str | None) -> dict[str, str | None]:
    """A stage to link to; None (an override's target left out) is "any stage", not linked."""
    if stage_id is None:
        return {"id": None, "name": "any stage", "anchor": None}
    return {"id": stage_id, "name": view.stage(stage_id).stage.name, "anchor": anchor(stage_id)}


def value_text(value: specs.PlatformValue) -> str:
    """A platform value as one line: the status, then the platform's other fields
    (`Recycle (queue: Recycle Queue, reason field: Recycle_Reason__c)`)."""
    if isinstance(value, str):
        return value
    rest = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in value.items() if k != "status")
    status = value.get("status", "")
    return f"{status} ({rest})" if status and rest else status or rest


def _reason(reason: specs.Reason) -> dict[str, Any]:
    return {
        "code": reason.code,
        "name": reason.name,
        "description": reason.description,
        "values": " · ".join(f"{p}: {v}" for p, v in sorted(reason.values.items())),
    }


def _stage(
    project: Project, site: SiteContext, view: LifecycleView, s: StageView, platforms: list[str]
) -> dict[str, Any]:
    st = s.stage
    return {
        "id": st.id,
        "name": st.name,
        "anchor": anchor(st.id),
        "owner": _party(project, site, st.owner),
        "team": s.team_name,
        "sla": durations.shown(st.sla, project.settings.business_calendar()),
        "initial": st.initial,
        "terminal": st.terminal,
        "path": st.path,
        "definition": st.definition,
        "description": st.description,
        "entry": list(st.entry),
        "exit": list(st.exit),
        "platform_values": [value_text(st.values[p]) if p in st.values else "" for p in platforms],
        "value_pairs": [{"platform": p, "value": value_text(st.values[p])} for p in platforms if p in st.values],
        "reason_required": st.reason_required,
        "reason_codes": ", ".join(r.code for r in st.reasons),
        "reasons": [_reason(r) for r in st.reasons],
        "incoming": [_transition(project, site, view, t) for t in view.incoming(st.id)],
        "outgoing": [_transition(project, site, view, t) for t in view.outgoing(st.id)],
        "extras": extras(st),
    }


def _transition(project: Project, site: SiteContext, view: LifecycleView, t: TransitionView) -> dict[str, Any]:
    tr = t.transition
    return {
        "from_stage": _stage_ref(view, tr.from_),
        "to_stage": _stage_ref(view, tr.to),
        "type": tr.type,
        "after": tr.after,
        "reasons": list(tr.reasons),
        "when": tr.when,
        "description": tr.description,
        "owner": _party(project, site, tr.owner),
        "sla": durations.shown(t.sla, project.settings.business_calendar()),
        "handoff": t.handoff,
        "automated_by": _program(project, site, tr.automated_by),
        "thresholds": _thresholds(project, site, tr),
        "extras": extras(tr),
    }


def _thresholds(project: Project, site: SiteContext, tr: specs.Transition) -> list[dict[str, Any]]:
    """The scoring thresholds that drive this transition, linked to their scoring pages."""
    out = []
    for mid in sorted(project.scorings):
        for th in project.scorings[mid].thresholds:
            t = th.transition
            if (
                t is not None
                and (t.from_, t.to) == (tr.from_, tr.to)
                and any(tr is x for x in _of(project, t.lifecycle))
            ):
                path = scoring_path(mid) if site.has_family("scoring") else None
                out.append({"name": th.name, "path": path, "anchor": threshold_anchor(th.id)})
    return out


def _of(project: Project, lifecycle_id: str) -> list[specs.Transition]:
    lc = project.lifecycles.get(lifecycle_id)
    return list(lc.transitions) if lc is not None else []


def diagram_alt(view: LifecycleView) -> str:
    """The diagram in words (its text alternative): main path, detours, lanes."""
    main = [s.stage.name for s in view.stages if s.main]
    detours = [s.stage.name for s in view.stages if not s.main]
    text = f"Diagram of {view.lifecycle.name}: {len(view.stages)} stages, {len(view.transitions)} transitions"
    if main:
        text += ". Main path: " + " → ".join(main)
    if detours:
        text += ". Detours: " + ", ".join(detours)
    if view.teams:
        text += ". Swimlanes by owner team: " + ", ".join(name for _, name in view.teams)
    return text + ". Each stage links to its section below."
