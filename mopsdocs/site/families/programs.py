"""Pages `programs/` (the catalogue and the dependency graph) and `programs/<id>/` (one program).

The view-models here are resolved, plain data: names instead of ids, page paths for links, the
review status on the as-of date. The templates (`programs_index.md.j2`, `program.md.j2`) only
lay them out and escape them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ... import durations, specs
from ...i18n import N_, SOURCE_LANGUAGE, Words
from ...program_model import (
    ReviewStatus,
    automations,
    dependencies,
    dependents,
    program_triggers,
    review_history,
    review_status,
)
from ...project import Project
from ...scoring_model import models_of_program
from ..context import SiteContext
from ..diagram import KIND_LABELS
from ..nav import SECTION_LIMIT
from ..pages import PROGRAMS_INDEX, Page, lifecycle_path, party_path, program_path, scoring_path
from ..program_graph import STATUS_LABELS, program_dot

NAV = (N_("Programs"),)
# Catalogue order: the contract's category order (related programs side by side), then name.
CATEGORY_ORDER = tuple(specs.Category.__args__)  # type: ignore[attr-defined]
# Category ids are spec vocabulary: pages show these words for them (translated where shown).
CATEGORY_LABELS = {
    "data-normalization": N_("Data normalisation"),
    "deduplication": N_("Deduplication"),
    "list-import": N_("List import"),
    "lead-scoring": N_("Lead scoring"),
    "lifecycle": N_("Lifecycle"),
    "routing": N_("Routing"),
    "crm-sync": N_("CRM sync"),
    "bounce-management": N_("Bounce management"),
    "preference-center": N_("Preference centre"),
    "privacy-compliance": N_("Privacy compliance"),
    "alerts": N_("Alerts"),
    "enrichment": N_("Enrichment"),
    "other": N_("Other"),
}
TRIGGER_LABELS = {
    "trigger": N_("Trigger campaign"),
    "batch": N_("Batch"),
    "scheduled": N_("Scheduled"),
    "manual": N_("Manual"),
}


@dataclass(frozen=True)
class PartyRef:
    id: str
    name: str
    kind: str | None  # team, role, person; None when the id is unknown (REF001)
    path: str | None  # its people page, when that page exists


@dataclass(frozen=True)
class ProgramRef:
    id: str
    name: str
    status: str
    path: str
    status_label: str  # the status in words, in the site's language


@dataclass(frozen=True)
class AutomationRef:
    lifecycle_name: str
    from_name: str
    to_name: str
    type: str
    path: str | None  # the lifecycle page, when it exists
    anchor: str  # the section of the stage the move leaves
    type_label: str  # the transition type in words, in the site's language


@dataclass(frozen=True)
class TriggerRow:
    label: str  # "Batch", "Trigger campaign", ...
    type: str
    schedule: str | None
    description: str | None


@dataclass(frozen=True)
class ReviewRow:
    on: str
    by: PartyRef | None
    notes: str | None


@dataclass(frozen=True)
class ProgramView:
    program: specs.ProgramSpec
    path: str
    category_label: str
    trigger_label: str
    owner: PartyRef  # the first of `owners`
    review: ReviewStatus
    every_words: str
    history: tuple[ReviewRow, ...]
    depends_on: tuple[ProgramRef, ...]
    dependents: tuple[ProgramRef, ...]
    automates: tuple[AutomationRef, ...]
    extras: tuple[tuple[str, str], ...]
    source: str  # spec file, relative to the project root
    edit_url: str | None
    scoring: tuple[tuple[str, str | None], ...] = ()  # (name, page) of the scoring models it runs
    owners: tuple[PartyRef, ...] = ()  # an either-of owner: any one of these ("SDR or BDR")
    triggers: tuple[TriggerRow, ...] = ()  # its `trigger`, or each of its `triggers`
    status_label: str = ""  # its status in words, in the site's language


def pages(project: Project, site: SiteContext) -> list[Page]:
    links = Links.of(project)  # per project, not per program: a catalogue of n programs is not n² work
    views = [view(project, site, pid, links) for pid in sorted(project.programs)]
    views.sort(key=lambda v: (CATEGORY_ORDER.index(v.program.category), v.program.name.casefold(), v.program.id))
    out = [index_page(project, site, views)]
    # spec_path: the plugin points the page's edit button at the program's spec file
    by_category = len(views) > SECTION_LIMIT  # too many for one section of the navigation
    section = _nav(site.words)
    english = site.language == SOURCE_LANGUAGE  # else the platform's findings are marked lang="en"
    for v in views:
        nav: tuple[str, ...] = section
        order = 1
        if by_category:
            nav, order = (*section, v.category_label), 1 + CATEGORY_ORDER.index(v.program.category)
        out.append(
            Page(
                v.path,
                v.program.name,
                "program.md.j2",
                {"p": v, "as_of": project.today().isoformat(), "spec_path": v.source, "english": english},
                nav=nav,
                order=order,
            )
        )
    return out


def index_page(project: Project, site: SiteContext, views: list[ProgramView]) -> Page:
    counts = {s: sum(1 for v in views if v.program.status == s) for s in ("active", "paused", "draft", "retired")}
    overdue = sum(1 for v in views if v.review.overdue)
    diagram, dot = None, None
    if views:
        dot = program_dot(project, lambda pid: _graph_href(site, pid), site.words)
        # SVG drawn by Graphviz from DOT whose every value was escaped (site.program_graph): markup by construction
        diagram = Markup(site.svg(dot)) if site.render_svg is not None else None  # noqa: S704
    context = {
        "programs": views,
        "counts": counts,
        "overdue": overdue,
        # the same counts written as numbers of the site's language ("1 234" in French)
        "shown": {k: site.words.number(n) for k, n in {**counts, "total": len(views), "overdue": overdue}.items()},
        "as_of": project.today().isoformat(),
        "diagram": diagram,
        "dot": dot,
        "renderer": site.renderer_name,
    }
    title = site.words.gettext("Programs")
    return Page(PROGRAMS_INDEX, title, "programs_index.md.j2", context, nav=_nav(site.words), order=0)


def _nav(words: Words) -> tuple[str, ...]:
    return tuple(words.gettext(section) for section in NAV)


def _graph_href(site: SiteContext, program_id: str) -> str:
    """A node's link, relative to the catalogue's URL. Raw SVG is not rewritten by MkDocs, so
    this is the final URL: `programs/` -> `<id>/`, or `programs/index.html` -> `<id>.html`."""
    directory_urls = getattr(site, "use_directory_urls", True)  # older SiteContexts: MkDocs' default
    return f"{program_id}/" if directory_urls else f"{program_id}.html"


@dataclass(frozen=True)
class Links:
    """What every program page reads from the whole project: who depends on each program, and the
    lifecycle transitions each automates."""

    dependents: dict[str, list[str]]
    automations: dict[str, list[tuple[specs.LifecycleSpec, specs.Transition]]]

    @classmethod
    def of(cls, project: Project) -> Links:
        return cls(dependents(project), automations(project))


def view(project: Project, site: SiteContext, pid: str, links: Links | None = None) -> ProgramView:
    links = links or Links.of(project)
    words = site.words
    p = project.programs[pid]
    status = review_status(project, p)
    source = project.loc(p).path
    triggers = tuple(
        TriggerRow(words.gettext(TRIGGER_LABELS[t.type]), t.type, t.schedule, t.description)
        for t in program_triggers(p)
    )
    owners = tuple(party(project, site, pid) for pid in specs.owner_ids(p.owner))
    return ProgramView(
        program=p,
        path=program_path(pid),
        category_label=words.gettext(CATEGORY_LABELS[p.category]),
        trigger_label=" + ".join(t.label for t in triggers) if triggers else words.gettext("Not documented"),
        owner=owners[0],
        owners=owners,
        triggers=triggers,
        status_label=words.gettext(STATUS_LABELS[p.status]),
        review=status,
        every_words=durations.describe(status.every, words=words),
        history=tuple(
            ReviewRow(e.on or "", party(project, site, e.by) if e.by else None, getattr(e, "notes", None))
            for e in review_history(p)
        ),
        depends_on=tuple(_ref(project, d, words) for d in dependencies(project, p)),
        dependents=tuple(_ref(project, d, words) for d in links.dependents[pid]),
        automates=tuple(_automation(project, site, lc, t) for lc, t in links.automations.get(pid, [])),
        extras=tuple((k, _extra_value(v)) for k, v in sorted(p.extras.items())),
        source=source,
        edit_url=site.edit_url(source),
        scoring=tuple(
            (project.scorings[mid].name, scoring_path(mid) if site.has_family("scoring") else None)
            for mid in models_of_program(project, pid)
        ),
    )


def party(project: Project, site: SiteContext, party_id: str) -> PartyRef:
    found = project.parties.get(party_id)
    path = party_path(party_id) if found is not None and site.has_family("people") else None
    return PartyRef(party_id, found.name if found is not None else party_id, project.party_kind(party_id), path)


def _ref(project: Project, pid: str, words: Words) -> ProgramRef:
    p = project.programs[pid]
    return ProgramRef(pid, p.name, p.status, program_path(pid), words.gettext(STATUS_LABELS[p.status]))


def _automation(project: Project, site: SiteContext, lc: specs.LifecycleSpec, t: specs.Transition) -> AutomationRef:
    stages = project.stages.get(lc.id, {})

    def name(stage_id: str) -> str:
        return stages[stage_id].name if stage_id in stages else stage_id

    words = site.words
    path = lifecycle_path(lc.id) if site.has_family("lifecycle") else None
    to = name(t.to) if t.to is not None else words.gettext("any stage")
    kind = words.gettext(KIND_LABELS[t.type])
    return AutomationRef(lc.name, name(t.from_), to, t.type, path, f"stage-{t.from_}", kind)


def _extra_value(value: Any) -> str:
    """An `x-` value as one line of text: scalars as written, lists and mappings as JSON."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
