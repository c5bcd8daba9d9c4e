"""`scoring/<id>/`: a scoring model's scores, its rules by score, each threshold with the few
smallest sets of actions that reach it and the lifecycle transition it drives.

The facts (reachability, smallest sets) come from `mopsdocs.scoring_model`, the same functions
the SCORE rules use; the template only lays them out.
"""

from __future__ import annotations

from functools import reduce
from typing import Any

from ... import durations, specs
from ...i18n import N_, Words
from ...project import Project
from ...scoring_model import Reach, describe_set, in_score_order, reach, transition_of
from ..context import SiteContext
from ..pages import Page, lifecycle_path, program_path, scoring_path, threshold_anchor
from .lifecycle import anchor, extras

TEMPLATE = "scoring.md.j2"
NAV = (N_("Scoring"),)


def pages(project: Project, site: SiteContext) -> list[Page]:
    out = []
    nav = tuple(site.words.gettext(section) for section in NAV)
    for mid in sorted(project.scorings):
        model = project.scorings[mid]
        out.append(Page(scoring_path(mid), model.name, TEMPLATE, scoring_context(project, site, model), nav=nav))
    return out


def _limit(r: specs.ScoringRule, words: Words, cal: durations.Calendar = durations.DEFAULT_CALENDAR) -> str:
    if r.limit is None:
        return words.gettext("no limit")
    times = r.limit.times
    if r.limit.per:
        period = durations.describe(r.limit.per, cal, words)
        if times == 1:
            return words.gettext("once per %(period)s", period=period)
        return words.ngettext("%(num)s time per %(period)s", "%(num)s times per %(period)s", times, period=period)
    if times == 1:
        return words.gettext("once ever")
    return words.ngettext("%(num)s time ever", "%(num)s times ever", times)


def _decay(score: specs.Score, words: Words, cal: durations.Calendar = durations.DEFAULT_CALENDAR) -> str | None:
    d = score.decay
    if d is None:
        return None
    values = {"points": f"{d.points:+d}", "period": durations.describe(d.every, cal, words)}
    if d.floor is not None:
        return words.gettext("%(points)s every %(period)s, never below %(floor)s", floor=d.floor, **values)
    return words.gettext("%(points)s every %(period)s, no floor", **values)


def _bars(model: specs.ScoringSpec, th: specs.Threshold, names: dict[str, str], words: Words) -> str:
    def both(first: str, then: str) -> str:
        return words.gettext("%(first)s and %(then)s", first=first, then=then)

    def either(first: str, then: str) -> str:
        return words.gettext("%(first)s or %(then)s", first=first, then=then)

    every_bar = [f"{names.get(s, s)} ≥ {bar}" for s, bar in in_score_order(model, th.all).items()]
    any_bar = [f"{names.get(s, s)} ≥ {bar}" for s, bar in in_score_order(model, th.any).items()]
    if every_bar and any_bar:
        return words.gettext("%(every)s; and %(any)s", every=reduce(both, every_bar), any=reduce(either, any_bar))
    if every_bar or any_bar:
        return reduce(both, every_bar) if every_bar else reduce(either, any_bar)
    return words.gettext("no bar")


def _verdict(r: Reach, th: specs.Threshold, words: Words) -> str:
    if not r.reachable:
        return words.gettext("unreachable: no combination of the rules reaches it")
    if r.at_start:
        return words.gettext("reached with no action: every score starts at 0")
    if r.one_action:
        if th.fast_track:
            return words.gettext("one action reaches it (a fast track, on purpose)")
        return words.gettext("one action reaches it")
    return words.ngettext("at least %(num)s action", "at least %(num)s actions", r.firings or 0)


def _threshold(project: Project, site: SiteContext, model: specs.ScoringSpec, th: specs.Threshold) -> dict[str, Any]:
    words = site.words
    names = {s.id: s.name for s in model.scores}
    r = reach(model, th)
    verdict = _verdict(r, th, words)
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
        "bars": _bars(model, th, names, words),
        "description": th.description,
        "fast_track": th.fast_track,
        "reachable": r.reachable,
        "verdict": verdict,
        "sets": [describe_set(s) for s in r.sets] if r.reachable and not r.at_start else [],
        "transition": transition,
        "extras": extras(th),
    }


def scoring_context(project: Project, site: SiteContext, model: specs.ScoringSpec) -> dict[str, Any]:
    words = site.words
    score_ids = {s.id for s in model.scores}
    scores = [
        {
            "id": s.id,
            "name": s.name,
            "fields": [{"platform": k, "value": v} for k, v in sorted(s.field.items())],
            "decay": _decay(s, words, project.settings.business_calendar()),
            "description": s.description,
            "rules": [_rule(r, words) for r in model.rules if r.score == s.id],
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
        "orphans": [_rule(r, words) for r in model.rules if r.score not in score_ids],
        "thresholds": [_threshold(project, site, model, th) for th in model.thresholds],
        "extras": extras(model),
        "source": source,
        "source_url": site.edit_url(source),
        "spec_path": source,
    }


def _rule(r: specs.ScoringRule, words: Words) -> dict[str, Any]:
    return {"id": r.id, "points": f"{r.points:+d}", "when": r.when, "token": r.token, "limit": _limit(r, words)}
