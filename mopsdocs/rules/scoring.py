"""SCORE001-005: scoring models whose thresholds can be reached, on purpose, by documented rules.

Unknown ids (the model's `program`, a rule's `score`, a threshold's score ids, its lifecycle and
stages) are REF001's. What a threshold takes to reach comes from `mopsdocs.scoring_model`, shared
with the scoring pages.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import specs
from ..diagnostics import Diagnostic
from ..project import Project
from ..scoring_model import describe_set, reach, shortfalls, transition_of
from .registry import rule


def _analysable(project: Project, model: specs.ScoringSpec, threshold: specs.Threshold) -> bool:
    """No rule was cut out by validation and every score id is known: the analysis is the truth."""
    if project.had_error(model, "rules") or project.had_error(threshold):
        return False
    known = project.scores.get(model.id, {})
    return all(s in known for s in (*threshold.all, *threshold.any))


def _models(project: Project) -> Iterator[specs.ScoringSpec]:
    for mid in sorted(project.scorings):
        yield project.scorings[mid]


@rule("SCORE001", "error", "a threshold drives a transition its lifecycle does not have")
def check_transitions(project: Project) -> Iterator[Diagnostic]:
    """
    A threshold's `transition` names a lifecycle and two of its stages, but the lifecycle has no
    transition between them: the lifecycle page would not show what moves records, and the
    program that promotes them does something the lifecycle does not document. (An unknown
    lifecycle or stage is REF001.)

    Fix: add the transition to the lifecycle, or correct `from` and `to`. Example:
    `specs/scoring.yaml:15:17: error[SCORE001]: threshold 'sql' drives mql -> engaged, which is not a transition of lifecycle 'lead'`
    """
    for model in _models(project):
        for th in model.thresholds:
            t = th.transition
            if t is None or project.had_error(th, "transition") or t.lifecycle not in project.lifecycles:
                continue
            stages = project.stages.get(t.lifecycle, {})
            if t.from_ not in stages or t.to not in stages or transition_of(project, th) is not None:
                continue
            lc = project.lifecycles[t.lifecycle]
            out = sorted({tr.to for tr in lc.transitions if tr.from_ == t.from_ and tr.to is not None})
            hint = (
                f"'{t.from_}' moves to {', '.join(repr(s) for s in out)}; add the transition to the lifecycle"
                if out
                else f"'{t.from_}' has no transitions; add one to '{t.to}' in the lifecycle"
            )
            yield project.diag(
                "SCORE001",
                f"threshold '{th.id}' drives {t.from_} -> {t.to}, which is not a transition of lifecycle '{lc.id}'",
                t,
                hint=hint,
            )


@rule("SCORE002", "warning", "a threshold no combination of rules can reach")
def check_unreachable(project: Project) -> Iterator[Diagnostic]:
    """
    Starting from 0, no combination of the model's rules takes the scores to this threshold:
    records never get there, so the transition it drives never happens. Rules with a `limit`
    count at most `limit.times` times; rules without one may repeat; rules with zero or negative
    points never help (a fit threshold with only negative fit rules is out of reach).

    Fix: add or raise positive rules for the score, lift a limit, or lower the bar. Example:
    `specs/scoring.yaml:20:10: warning[SCORE002]: threshold 'short' cannot be reached: its rules add at most 45 to 'fit' (bar 46)`
    """
    for model in _models(project):
        for th in model.thresholds:
            if not _analysable(project, model, th) or reach(model, th).reachable:
                continue
            short = shortfalls(model, th)
            detail = "; ".join(f"its rules add at most {most} to '{s}' (bar {bar})" for s, bar, most in short)
            hint = "add positive rules for the score, lift a `limit`, or lower the bar"
            yield project.diag("SCORE002", f"threshold '{th.id}' cannot be reached: {detail}", th, "id", hint=hint)


@rule("SCORE003", "warning", "one action reaches a threshold that is not a fast track")
def check_one_action(project: Project) -> Iterator[Diagnostic]:
    """
    A single rule firing once (or no action at all: every score starts at 0) reaches a threshold
    not marked `fast_track: true`. A threshold usually means "enough evidence": one form fill
    that makes an MQL sends sales leads that are not ready.

    Fix: raise the bar or lower the points; when one action is meant to be enough (a demo
    request), say so with `fast_track: true`. Example:
    `specs/scoring.yaml:12:9: warning[SCORE003]: one action reaches threshold 'mql': demo ×1`
    """
    for model in _models(project):
        for th in model.thresholds:
            if th.fast_track or not _analysable(project, model, th):
                continue
            r = reach(model, th)
            if r.at_start:
                message = f"threshold '{th.id}' is reached with no action (every score starts at 0)"
                hint = "give it a bar above 0 under `all:` or `any:`"
            elif r.one_action:
                message = f"one action reaches threshold '{th.id}': " + " or ".join(describe_set(s) for s in r.sets)
                hint = (
                    "raise the bar or lower the points, or set `fast_track: true` if one action is meant to be enough"
                )
            else:
                continue
            yield project.diag("SCORE003", message, th, "id", hint=hint)


@rule("SCORE004", "warning", "a rule without a token in a model that requires tokens")
def check_tokens(project: Project) -> Iterator[Diagnostic]:
    """
    The model says `tokens: required` (point values live in program tokens, so a change is made in
    one place and the documentation names it), but a rule has no `token`.

    Fix: add the program token that holds the rule's points, e.g. `token: "{{my.pricing}}"`.
    Example:
    `specs/scoring.yaml:11:9: warning[SCORE004]: rule 'pricing' has no token, but scoring model 'lead-score' requires tokens`
    """
    for model in _models(project):
        if model.tokens != "required":
            continue
        for r in model.rules:
            if r.token is None or not r.token.strip():
                yield project.diag(
                    "SCORE004",
                    f"rule '{r.id}' has no token, but scoring model '{model.id}' requires tokens",
                    r,
                    "id",
                    hint=f'add the program token that holds its points, e.g. `token: "{{{{my.{r.id}}}}}"`',
                )


@rule("SCORE005", "warning", "a decaying score without a floor")
def check_decay_floor(project: Project) -> Iterator[Diagnostic]:
    """
    A score decays (`decay.points` below 0) but has no `floor`: an idle record keeps losing
    points, below zero, and then needs more activity than a new one to reach a threshold.

    Fix: add `floor:` (usually 0). Example:
    `specs/scoring.yaml:8:12: warning[SCORE005]: score 'behaviour' decays by 5 every 30d without a floor`
    """
    for model in _models(project):
        for score in model.scores:
            d = score.decay
            if d is None or d.points >= 0 or d.floor is not None or project.had_error(score, "decay"):
                continue
            yield project.diag(
                "SCORE005",
                f"score '{score.id}' decays by {-d.points} every {d.every} without a floor",
                score,
                "decay",
                hint="add `floor: 0` so the decay stops at zero",
            )
