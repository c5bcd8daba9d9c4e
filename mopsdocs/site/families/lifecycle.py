"""`lifecycle/<id>/`: the diagram, the stage table, a section per stage, the transitions.

The view-model is plain data: strings from the specs (escaped by the template's filters), paths
of other generated pages (turned into relative links by the template), and the diagram as
finished SVG markup (`Markup`: built from escaped DOT by Graphviz, never from raw spec text).
Words computed here (transition types and stage paths as words, SLAs in words, the diagram's text
alternative) are in the site's language (`site.words`); ids and spec values stay as written.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from ... import durations, specs
from ...i18n import ENGLISH, N_, Words
from ...project import Project
from ..context import SiteContext
from ..diagram import KIND_LABELS, lifecycle_dot
from ..lifecycle_view import LifecycleView, StageView, TransitionView, lifecycle_view, party_name
from ..pages import Page, lifecycle_path, party_path, program_path, scoring_path, threshold_anchor
from .raci import extra_label

TEMPLATE = "lifecycle.md.j2"
NAV = (N_("Lifecycles"),)  # translated where the pages are made
# Material's navigation bar is hidden on lifecycle pages (front matter): the stage and transition
# tables need the width of a laptop screen; the table of contents (one entry per stage) stays
HIDE = ("navigation",)
# a stage's `path` (spec vocabulary) as the word the stage table shows
PATH_LABELS = {"main": N_("main"), "detour": N_("detour")}


def pages(project: Project, site: SiteContext) -> list[Page]:
    out = []
    nav = tuple(site.words.gettext(section) for section in NAV)
    for lc_id in sorted(project.lifecycles):
        lc = project.lifecycles[lc_id]
        out.append(
            Page(
                path=lifecycle_path(lc.id),
                title=lc.name,
                template=TEMPLATE,
                context=lifecycle_context(project, site, lc),
                nav=nav,
            )
        )
    return out


def lifecycle_context(project: Project, site: SiteContext, lc: specs.LifecycleSpec) -> dict[str, Any]:
    words = site.words
    view = lifecycle_view(project, lc, words)
    platforms = sorted({p for s in view.stages for p in s.stage.values})
    source = project.document_of(lc).path
    return {
        "lifecycle": {"id": lc.id, "name": lc.name, "description": lc.description, "extras": extras(lc)},
        # SVG drawn by Graphviz from DOT whose every value was escaped (site.diagram): markup by construction
        "diagram": Markup(site.svg(lifecycle_dot(project, lc, words))) if view.stages else None,  # noqa: S704
        "diagram_alt": diagram_alt(view, words),
        "diagram_label": words.gettext("%(name)s diagram", name=lc.name),  # the SVG's own title too
        "legend": {"edges": list(view.kinds), "looks": list(view.looks)},
        "kind_labels": {kind: words.gettext(label) for kind, label in KIND_LABELS.items()},
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
    name = party_name(project, party_id, site.words)
    return {"id": party_id, "name": name, "path": party_path(party_id) if linked else None}


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


def _stage_ref(view: LifecycleView, stage_id: str | None, words: Words) -> dict[str, str | None]:
    """A stage to link to; None (an override's target left out) is "any stage", not linked."""
    if stage_id is None:
        return {"id": None, "name": words.gettext("any stage"), "anchor": None}
    return {"id": stage_id, "name": view.stage(stage_id).stage.name, "anchor": anchor(stage_id)}


# The platform fields the contract names, as words; any other key is the team's own, shown as written.
PLATFORM_FIELD_WORDS = {"queue": N_("queue"), "reason_field": N_("reason field")}


def value_text(value: specs.PlatformValue, words: Words = ENGLISH) -> str:
    """A platform value as one line: the status, then the platform's other fields
    (`Recycle (queue: Recycle Queue, reason field: Recycle_Reason__c)`)."""
    if isinstance(value, str):
        return value

    def key(k: str) -> str:
        return words.gettext(PLATFORM_FIELD_WORDS[k]) if k in PLATFORM_FIELD_WORDS else k.replace("_", " ")

    rest = ", ".join(f"{key(k)}: {v}" for k, v in value.items() if k != "status")
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
    words = site.words
    return {
        "id": st.id,
        "name": st.name,
        "anchor": anchor(st.id),
        "owner": _party(project, site, st.owner),
        "team": s.team_name,
        "sla": durations.shown(st.sla, project.settings.business_calendar(), words),
        "initial": st.initial,
        "terminal": st.terminal,
        "path": st.path,
        "path_label": words.gettext(PATH_LABELS[st.path]) if st.path in PATH_LABELS else st.path,
        "definition": st.definition,
        "description": st.description,
        "entry": list(st.entry),
        "exit": list(st.exit),
        "platform_values": [value_text(st.values[p], words) if p in st.values else "" for p in platforms],
        "value_pairs": [{"platform": p, "value": value_text(st.values[p], words)} for p in platforms if p in st.values],
        "reason_required": st.reason_required,
        "reason_codes": ", ".join(r.code for r in st.reasons),
        "reasons": [_reason(r) for r in st.reasons],
        "incoming": [_transition(project, site, view, t) for t in view.incoming(st.id)],
        "outgoing": [_transition(project, site, view, t) for t in view.outgoing(st.id)],
        "extras": extras(st),
    }


def _transition(project: Project, site: SiteContext, view: LifecycleView, t: TransitionView) -> dict[str, Any]:
    tr = t.transition
    words = site.words
    return {
        "from_stage": _stage_ref(view, tr.from_, words),
        "to_stage": _stage_ref(view, tr.to, words),
        "type": tr.type,
        "type_label": words.gettext(KIND_LABELS[tr.type]) if tr.type in KIND_LABELS else tr.type,
        "after": tr.after,
        "reasons": list(tr.reasons),
        "when": tr.when,
        "description": tr.description,
        "owner": _party(project, site, tr.owner),
        "sla": durations.shown(t.sla, project.settings.business_calendar(), words),
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


def diagram_alt(view: LifecycleView, words: Words) -> str:
    """The diagram in words (its text alternative): main path, detours, lanes; one sentence each."""
    main = [s.stage.name for s in view.stages if s.main]
    detours = [s.stage.name for s in view.stages if not s.main]
    sentences = [
        words.gettext(
            "Diagram of %(lifecycle)s: %(stages)s, %(transitions)s",
            lifecycle=view.lifecycle.name,
            stages=words.ngettext("%(num)s stage", "%(num)s stages", len(view.stages)),
            transitions=words.ngettext("%(num)s transition", "%(num)s transitions", len(view.transitions)),
        )
    ]
    if main:
        sentences.append(words.gettext("Main path: %(stages)s", stages=" → ".join(main)))
    if detours:
        sentences.append(words.gettext("Detours: %(stages)s", stages=", ".join(detours)))
    if view.teams:
        teams = ", ".join(name for _, name in view.teams)
        sentences.append(words.gettext("Swimlanes by owner team: %(teams)s", teams=teams))
    sentences.append(words.gettext("Each stage links to its section below."))
    return ". ".join(sentences)
