"""LC001-008: the lifecycle is a graph a record can walk from start to a terminal stage."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from .. import specs
from ..diagnostics import Diagnostic
from ..project import Project
from .registry import rule


def _known_transitions(project: Project, lc: specs.LifecycleSpec) -> list[specs.Transition]:
    """Transitions whose ends exist (broken ones are REF001's, not a cascade here)."""
    stages = project.stages.get(lc.id, {})
    return [t for t in lc.transitions if t.from_ in stages and t.to in stages]


def _stages(project: Project, lc: specs.LifecycleSpec) -> list[specs.Stage]:
    table = project.stages.get(lc.id, {})
    return [s for s in lc.stages if table.get(s.id) is s]


def _initial(project: Project, lc: specs.LifecycleSpec) -> specs.Stage | None:
    initial = [s for s in _stages(project, lc) if s.initial]
    return initial[0] if len(initial) == 1 else None


def reachable(project: Project, lc: specs.LifecycleSpec, start: str) -> set[str]:
    succ: dict[str, list[str]] = {}
    for t in _known_transitions(project, lc):
        succ.setdefault(t.from_, []).append(t.to)
    seen, queue = {start}, deque([start])
    while queue:
        for nxt in succ.get(queue.popleft(), []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _lifecycles(project: Project) -> list[specs.LifecycleSpec]:
    return list(project.lifecycles.values())


def incomplete(project: Project, lc: specs.LifecycleSpec) -> bool:
    """A stage or transition was dropped or points nowhere: graph-wide rules would only echo that."""
    stages = project.stages.get(lc.id, {})
    return (
        project.had_error(lc, "stages")
        or project.had_error(lc, "transitions")
        or len(stages) != len(lc.stages)
        or any(t.from_ not in stages or t.to not in stages for t in lc.transitions)
    )


def _complete_lifecycles(project: Project) -> list[specs.LifecycleSpec]:
    return [lc for lc in project.lifecycles.values() if not incomplete(project, lc)]


@rule("LC001", "error", "not exactly one initial stage")
def check_initial(project: Project) -> Iterator[Diagnostic]:
    """
    Every lifecycle has exactly one stage with `initial: true`: the stage a new record enters.

    Fix: mark the first stage of the main path `initial: true`, and no other.
    """
    for lc in _lifecycles(project):
        initial = [s for s in _stages(project, lc) if s.initial]
        if not initial and not incomplete(project, lc):
            yield project.diag(
                "LC001",
                f"lifecycle '{lc.id}' has no initial stage",
                lc,
                "id",
                hint="mark the stage new records enter with `initial: true`",
            )
        for extra in initial[1:]:
            yield project.diag(
                "LC001",
                f"lifecycle '{lc.id}' has more than one initial stage: {', '.join(s.id for s in initial)}",
                extra,
                "initial",
                hint="keep `initial: true` on one stage only",
            )


@rule("LC002", "error", "stage unreachable from the initial stage")
def check_unreachable(project: Project) -> Iterator[Diagnostic]:
    """
    No chain of transitions leads from the initial stage to this stage, so no record can ever be
    in it.

    Fix: add the transition that leads into it, or remove the stage.
    """
    for lc in _complete_lifecycles(project):
        start = _initial(project, lc)
        if start is None:
            continue
        seen = reachable(project, lc, start.id)
        for stage in _stages(project, lc):
            if stage.id not in seen:
                yield project.diag(
                    "LC002",
                    f"stage '{stage.id}' cannot be reached from '{start.id}'",
                    stage,
                    "id",
                    hint=f"add a transition into '{stage.id}'",
                )


@rule("LC003", "error", "non-terminal stage with no outgoing transition")
def check_dead_ends(project: Project) -> Iterator[Diagnostic]:
    """
    Records that enter this stage get stuck: it is not terminal and no transition leaves it.
    "Make sure leads don't get stuck": every stage needs a way out.

    Fix: add a transition out of it, or mark it `terminal: true`.
    """
    for lc in _complete_lifecycles(project):
        leaving = {t.from_ for t in lc.transitions}
        for stage in _stages(project, lc):
            if not stage.terminal and stage.id not in leaving:
                yield project.diag(
                    "LC003",
                    f"stage '{stage.id}' is a dead end: no transition leaves it",
                    stage,
                    "id",
                    hint="add a transition out of it, or mark it `terminal: true`",
                )


@rule("LC004", "warning", "terminal stage with an outgoing progress transition")
def check_terminal_progress(project: Project) -> Iterator[Diagnostic]:
    """
    A terminal stage is an end; a `progress` transition out of it contradicts that. A way back
    (a customer who churns and is re-engaged) is a `reopen` or `recycle` transition.

    Fix: change the transition's `type`, or drop `terminal: true`.
    """
    for lc in _lifecycles(project):
        table = project.stages.get(lc.id, {})
        for t in _known_transitions(project, lc):
            if table[t.from_].terminal and t.type == "progress":
                yield project.diag(
                    "LC004",
                    f"terminal stage '{t.from_}' has a progress transition to '{t.to}'",
                    t,
                    "from",
                    hint="use `type: reopen` or `type: recycle` for a way back",
                )


def _sla_missing_handoffs(project: Project, lc: specs.LifecycleSpec) -> Iterator[tuple[specs.Transition, str, str]]:
    table = project.stages.get(lc.id, {})
    for t in _known_transitions(project, lc):
        src, dst = project.team_of(table[t.from_].owner), project.team_of(table[t.to].owner)
        sla_unknown = project.had_error(t, "sla") or project.had_error(table[t.to], "sla")
        if src and dst and src != dst and t.sla is None and table[t.to].sla is None and not sla_unknown:
            yield t, src, dst


@rule("LC005", "warning", "hand-off between teams without an SLA")
def check_handoff_sla(project: Project) -> Iterator[Diagnostic]:
    """
    A transition moves records from one team's stage to another team's stage (marketing to sales,
    say), but neither the transition nor the target stage has an `sla`. Hand-offs without a time
    limit are where leads go cold.

    Fix: add `sla: 24h` (or whatever was agreed) to the transition or to the target stage.
    """
    for lc in _lifecycles(project):
        for t, src, dst in _sla_missing_handoffs(project, lc):
            yield project.diag(
                "LC005",
                f"hand-off {t.from_} -> {t.to} from team '{src}' to team '{dst}' has no SLA",
                t,
                "to",
                hint="add `sla:` to the transition or to the target stage",
            )


@rule("LC006", "error", "duplicate transition")
def check_duplicate_transitions(project: Project) -> Iterator[Diagnostic]:
    """
    Two transitions have the same `from`, `to` and `type`. Merge their conditions into one.
    """
    for lc in _lifecycles(project):
        seen: dict[tuple[str, str, str], specs.Transition] = {}
        for t in lc.transitions:
            key = (t.from_, t.to, t.type)
            if key in seen:
                first = project.loc(seen[key])
                yield project.diag(
                    "LC006",
                    f"duplicate {t.type} transition {t.from_} -> {t.to} (first at line {first.line})",
                    t,
                    "from",
                    hint="merge the two conditions into one transition",
                )
            else:
                seen[key] = t


@rule("LC007", "warning", "progress transition going back along the main path")
def check_backwards_progress(project: Project) -> Iterator[Diagnostic]:
    """
    A `progress` transition leads to an earlier stage of the main path. Moving back is a
    `recycle` (or `reopen`), and platforms treat it differently (HubSpot ignores backward lifecycle
    moves unless the field is cleared first).

    Fix: set `type: recycle` or `type: reopen` on the transition.
    """
    for lc in _lifecycles(project):
        order = {s.id: i for i, s in enumerate(s for s in _stages(project, lc) if s.path == "main")}
        for t in _known_transitions(project, lc):
            if t.type == "progress" and t.from_ in order and t.to in order and order[t.to] < order[t.from_]:
                yield project.diag(
                    "LC007",
                    f"progress transition {t.from_} -> {t.to} goes back along the main path",
                    t,
                    "to",
                    hint="use `type: recycle` or `type: reopen`",
                )


@rule("LC008", "error", "no terminal stage reachable from the initial stage")
def check_terminal_reachable(project: Project) -> Iterator[Diagnostic]:
    """
    No record can ever finish: no stage marked `terminal: true` can be reached from the initial
    stage.

    Fix: mark the end stages (customer, disqualified, ...) `terminal: true` and connect them.
    """
    for lc in _complete_lifecycles(project):
        start = _initial(project, lc)
        if start is None:
            continue
        table = project.stages.get(lc.id, {})
        if not any(table[s].terminal for s in reachable(project, lc, start.id) if s in table):
            yield project.diag(
                "LC008",
                f"lifecycle '{lc.id}' has no terminal stage reachable from '{start.id}'",
                lc,
                "id",
                hint="mark the end stages `terminal: true` and add transitions into them",
            )
