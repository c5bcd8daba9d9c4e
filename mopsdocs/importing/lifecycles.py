"""A lifecycle skeleton drafted from a status picklist: Salesforce LeadStatus, or a HubSpot
`lifecyclestage` / `hs_lead_status` property.

Stages come in the picklist's sort order (the default status first), each with its platform
value in `values`; `progress` transitions join them in that order. The converted status
(`IsConverted`; HubSpot's `customer`) is terminal. Statuses sorted after it (Salesforce's
"Closed - Not Converted", HubSpot's "Evangelist") are detours reached from the last open stage;
whether each is an end, and what kind of move leads there, are decisions. With no converted
status, whether the last stage is an end is one. Every stage's owner is a decision, written
`owner: []` so that the key is in view and `check` asks for it (SPEC004, "name at least one
party").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import specs
from ..exports import HubspotProperty, LeadStatus
from .draft import Draft, Ids, decide, header
from .yaml_text import spec_text

# HubSpot properties that are status picklists: property name -> (lifecycle id, name)
HUBSPOT_PICKLISTS = {
    "lifecyclestage": ("contact", "Contact lifecycle"),
    "hs_lead_status": ("lead-status", "Lead status"),
}
HUBSPOT_CONVERTED = "customer"  # lifecyclestage's converted value
TERMINAL_QUESTION = "true if records end here"
TYPE_QUESTION = "disqualify, recycle or progress"


@dataclass(frozen=True)
class Status:
    """One picklist value, whichever platform it came from."""

    label: str
    value: str  # what `values.<platform>` holds
    order: int | None
    converted: bool
    default: bool


def picklists(
    lead_statuses: Sequence[LeadStatus], properties: Sequence[HubspotProperty]
) -> list[tuple[str, str, str, list[Status], tuple[str, ...]]]:
    """(lifecycle id, name, platform, statuses, sources) for every picklist read."""
    out: list[tuple[str, str, str, list[Status], tuple[str, ...]]] = []
    by_file: dict[str, list[LeadStatus]] = {}
    for row in lead_statuses:
        by_file.setdefault(row.at.path, []).append(row)
    for path, rows in by_file.items():
        statuses = [Status(r.label, r.label, r.sort_order, bool(r.converted), bool(r.default)) for r in rows if r.label]
        out.append(("lead", "Lead lifecycle", "salesforce", statuses, (path,)))
    for prop in properties:
        if prop.name not in HUBSPOT_PICKLISTS:
            continue
        lid, name = HUBSPOT_PICKLISTS[prop.name]
        statuses = [
            Status(o.label, o.value, o.display_order, o.value == HUBSPOT_CONVERTED, False)
            for o in prop.options
            if not o.hidden and o.label
        ]
        out.append((lid, name, "hubspot", statuses, (prop.at.path,)))
    return out


def draft_lifecycles(
    lead_statuses: Sequence[LeadStatus],
    properties: Sequence[HubspotProperty],
    existing: dict[str, specs.LifecycleSpec],
) -> tuple[list[Draft], list[str]]:
    drafts: list[Draft] = []
    not_drafted: list[str] = []
    ids = Ids(existing)
    for wanted, name, platform, statuses, sources in picklists(lead_statuses, properties):
        if not statuses:
            not_drafted.append(f"lifecycle from {sources[0]}: the picklist has no values")
            continue
        if wanted in existing:
            not_drafted.append(f"lifecycle '{wanted}' from {sources[0]}: already specified")
            continue
        lid = ids.new(wanted if wanted not in ids.taken else f"{wanted}-{platform}", "lifecycle")
        drafts.append(_lifecycle(lid, name, platform, _ordered(statuses), sources))
    return drafts, not_drafted


def _ordered(statuses: list[Status]) -> list[Status]:
    """Sort order (missing orders last, ties as listed), the default status first, no repeats."""
    ranked = sorted(enumerate(statuses), key=lambda p: (p[1].order is None, p[1].order or 0, p[0]))
    unique: list[Status] = []
    seen: set[str] = set()
    for _, status in ranked:
        if status.label.casefold() not in seen:
            seen.add(status.label.casefold())
            unique.append(status)
    default = next((s for s in unique if s.default), None)
    return [default, *(s for s in unique if s is not default)] if default else unique


def _lifecycle(lid: str, name: str, platform: str, statuses: list[Status], sources: tuple[str, ...]) -> Draft:
    ids = Ids()
    stage_ids = [ids.new(s.label, "stage") for s in statuses]
    converted = next((i for i, s in enumerate(statuses) if s.converted and i > 0), None)
    end = converted if converted is not None else len(statuses) - 1
    stages: list[dict[str, Any]] = []
    transitions: list[dict[str, Any]] = []
    counted = "the stage" if len(statuses) == 1 else f"each of the {len(statuses)} stages"
    decisions = [f"owner of {counted}: who works records there"]
    for i, (sid, status) in enumerate(zip(stage_ids, statuses)):
        stage: dict[str, Any] = {"id": sid, "name": status.label}
        if i == 0:
            stage["initial"] = True
        if i == converted:
            stage["terminal"] = True
        elif i > end or (converted is None and i == end):
            stage["terminal"] = decide(TERMINAL_QUESTION)
            decisions.append(f"stage '{sid}': whether records end there (terminal)")
        if i > end:
            stage["path"] = "detour"
        stage["owner"] = []
        stage["values"] = {platform: status.value}
        stages.append(stage)
        if 0 < i <= end:
            transitions.append({"from": stage_ids[i - 1], "to": sid})
        elif i > end:
            source = stage_ids[max(end - 1, 0)]
            transitions.append({"from": source, "to": sid, "type": decide(TYPE_QUESTION)})
            decisions.append(f"the move from '{source}' into '{sid}': its type (and from where)")
    data = {"kind": "lifecycle", "id": lid, "name": name, "stages": stages, "transitions": transitions}
    return Draft(
        f"lifecycles/{lid}.yaml",
        "lifecycle",
        f"lifecycle '{lid}'",
        spec_text(data, header(sources, decisions)),
        sources,
        tuple(decisions),
    )
