"""`scoring/<id>/`: a scoring model's scores, its rules by score, each threshold with the few
smallest sets of actions that reach it and the lifecycle transition it drives.

The facts (reachability, smallest sets) come from `mopsdocs.scoring_model`, the same functions
the SCORE rules use; the template only lays them out.
"""

from __future__ import annotations

from typing import Any

from ... import durations, specs
from ...project import Project
from ...scoring_model import describe_set, in_score_order, reach, transition_of
from ..context import SiteContext
from ..pages import Page, lifecycle_path, program_path, scoring_path, threshold_anchor
from .lifecycle import anchor, extras

TEMPLATE = "scoring.md.j2"
NAV = ("Scoring",)


def pages(project: Project, site: SiteContext) -> list[Page]:
    out = []
    for mid in sorted(project.scorings):
        model = project.scorings[mid]
        out.append(Page(scoring_path(mid), model.name, TEMPLATE, scoring_context(project, site, model), nav=NAV))
    return out


def _limit(r: specs.ScoringRule, cal: durations.Calendar = durations.DEFAULT_CALENDAR) -> str:
    if r.limit is None:
        return "no limit"
    times = "once" if r.limit.times == 1 else f"{r.limit.times} times"
    return f"{times} per {durations.describe(r.limit.per, cal)}" if r.limit.per else f"{times} ever"


def _decay(score: specs.Score, cal: durations.Calendar = durations.DEFAULT_CALENDAR) -> str | None:
    d = score.decay
    if d is None:
        return None
    text = f"{d.points:+d} every {durations.describe(d.every, cal)}"
    return text + (f", never below {d.floor}" if d.floor is not None else ", no floor")


def _bars(model: specs.ScoringSpec, th: specs.Threshold, names: dict[str, str]) -> str:
    parts = []
    if th.all:
        every = in_score_order(model, th.all)
        parts.append(" and ".join(f"{names.get(s, s)} ≥ {bar}" for s, bar in every.items()))
    if th.any:
        one_of = in_score_order(model, th.any)
        parts.append(" or ".join(f"{names.get(s, s)} ≥ {bar}" for s, bar in one_of.items()))
    return "; and ".join(parts) or "no bar"


def _threshold(project: Project, site: SiteContext, model: specs.ScoringSpec, th: specs.Threshold) -> dict[str, Any]:
    names = {s.id: s.name for s in model.scores}
    r = reach(model, th)
    if not r.reachable:
        verdict = "unreachable: no combination of the rules reaches it"
    elif r.at_start:
        verdict = "reached with no action: every score starts at 0"
    elif r.one_action:
        verdict = "one action reaches it" + (" (a fast track, on purpose)" if th.fast_track else "")
    else:
        verdict = f"at least {r.firings} actions"
    transition = None
    t = th.transition
    if t is not None:
        lc = project.lifecycles.get(t.lifecycle)
        stages = project.stages.get(t.lifecycle, {})
        linked = lc is not None and site.has_family("lifecycle")
        transition = {
            "lifecycle": lc.name if lc else t.lifecycle,
            "from": stages[t.from_].name if t.from_ in stages else t.from_,
            "to": stages[t.to].name if t.to in stages else t.to,
            "path": lifecycle_path(t.lifecycle) if linked else None,
            "anchor": anchor(t.from_),
            "exists": transition_of(project, th) is not None,
        }
    return {
        "id": th.id,
        "name": th.name,
        "anchor": threshold_anchor(th.id),
        "bars": _bars(model, th, names),
        "description": th.description,
        "fast_track": th.fast_track,
        "reachable": r.reachable,
        "verdict": verdict,
        "sets": [describe_set(s) for s in r.sets] if r.reachable and not r.at_start else [],
        "transition": transition,
        "extras": extras(th),
    }


def scoring_context(project: Project, site: SiteContext, model: specs.ScoringSpec) -> dict[str, Any]:
    score_ids = {s.id for s in model.scores}
    scores = [
        {
            "id": s.id,
            "name": s.name,
            "fields": [{"platform": k, "value": v} for k, v in sorted(s.field.items())],
            "decay": _decay(s, project.settings.business_calendar()),
            "description": s.description,
            "rules": [_rule(r) for r in model.rules if r.score == s.id],
            "extras": extras(s),
        }
        for s in model.scores
    ]
    program = None
    if model.program is not None:
        found = project.programs.get(model.program)
        program = {
            "name": found.name if found else model.program,
            "path": program_path(model.program) if found is not None and site.has_family("programs") else None,
        }
    source = project.document_of(model).path
    return {
        "model": {"id": model.id, "name": model.name, "description": model.description, "tokens": model.tokens},
        "program": program,
        "scores": scores,
        "orphans": [_rule(r) for r in model.rules if r.score not in score_ids],
        "thresholds": [_threshold(project, site, model, th) for th in model.thresholds],
        "extras": extras(model),
        "source": source,
        "source_url": site.edit_url(source),
        "spec_path": source,
    }


def _rule(r: specs.ScoringRule) -> dict[str, Any]:
    return {"id": r.id, "points": f"{r.points:+d}", "when": r.when, "token": r.token, "limit": _limit(r)}
