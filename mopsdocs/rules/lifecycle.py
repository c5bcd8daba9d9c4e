"""LC001-010: the lifecycle is a graph a record can walk from start to a terminal stage.

Two transition types are not ordinary moves: a `timeout` moves records on its own (it leads
somewhere, so it counts for reachability, but nobody works a record out of a stage through it:
not a way out for LC003), and an `override` is a manual correction (`to` may be left out: any
stage) that counts for none of the graph rules.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import durations, specs
from ..diagnostics import Diagnostic, did_you_mean
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


def moves(t: specs.Transition) -> bool:
    """Whether the transition is a way records move (an override is a correction, not a path)."""
    return t.type != "override"


def reachable(project: Project, lc: specs.LifecycleSpec, start: str) -> set[str]:
    """The stages a record can reach from `start` along transitions whose ends both exist."""
    succ: dict[str, list[str]] = {}
    for t in _known_transitions(project, lc):
        if moves(t) and t.to is not None:
            succ.setdefault(t.from_, []).append(t.to)
    return _walk([start], succ)


def _walk(starts: Iterable[str], succ: dict[str, list[str]]) -> set[str]:
    seen, queue = set(starts), deque(starts)
    while queue:
        for nxt in succ.get(queue.popleft(), []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


@dataclass
class _Graph:
    """A lifecycle's transitions as far as they are certain despite its errors (see `_graph`).

    Nodes are stage ids: the valid stages and those dropped for an error of their own (ghosts,
    whose `initial` and `terminal` are then unknown unless written plainly).
    """

    succ: dict[str, list[str]] = field(default_factory=dict)  # edges whose both ends are known
    starts: set[str] = field(default_factory=set)  # initial, or perhaps initial
    maybe_terminal: set[str] = field(default_factory=set)  # terminal, or perhaps terminal
    leaves: set[str] = field(default_factory=set)  # stages some transition leaves (whatever its target)
    to_anywhere: set[str] = field(default_factory=set)  # sources of transitions whose target is broken
    from_anywhere: set[str] = field(default_factory=set)  # targets of transitions whose source is broken
    exits_unknown: bool = False  # a transition's source is broken: any stage may have a way out
    unknown: bool = False  # the `stages` or `transitions` list itself is broken: nothing is certain

    def maybe_reachable(self) -> set[str] | None:
        """Every stage a record might reach, or None when that could be any stage at all."""
        succ = {k: list(v) for k, v in self.succ.items()}
        # a transition from an unknown source may start at any stage a record reaches
        seen = _walk(self.starts, succ)
        seen |= _walk(self.from_anywhere, succ) if seen else set()
        if seen & self.to_anywhere:
            return None  # a broken target, from a stage a record reaches, could name any stage
        return seen


def _is_flag(raw: dict[str, Any], key: str) -> bool:
    """Whether a dropped stage's `initial`/`terminal` may be true (anything but absent or false)."""
    return raw.get(key, False) is not False


def _graph(project: Project, lc: specs.LifecycleSpec) -> _Graph:
    """What the rules may rely on. A transition whose `from` and `to` name existing stages is an
    edge whatever else is broken in it (`sla`, `type`, `owner`): those do not move records
    elsewhere. A transition dropped by validation still counts by the `from`/`to` it was written
    with. A broken end (an unknown id, or no usable value) could be meant as any stage."""
    g = _Graph()
    doc = project.document_of(lc)
    if lc.origin + ("stages",) in doc.pruned or lc.origin + ("transitions",) in doc.pruned:
        g.unknown = True
        return g
    table = project.stages.get(lc.id, {})
    nodes = set(table)
    for stage in lc.stages:
        if table.get(stage.id) is not stage:  # a duplicate id (SPEC005): its flags still count
            if stage.initial or project.had_error(stage, "initial"):
                g.starts.add(stage.id)
            if stage.terminal or project.had_error(stage, "terminal"):
                g.maybe_terminal.add(stage.id)
            continue
        if stage.initial or project.had_error(stage, "initial"):
            g.starts.add(stage.id)
        if stage.terminal or project.had_error(stage, "terminal"):
            g.maybe_terminal.add(stage.id)
    # (from, to, a way out for LC003): overrides are no edge at all; timeouts lead on, but no one
    # works a record out of a stage through one
    ends: list[tuple[Any, Any, bool]] = [(t.from_, t.to, t.type != "timeout") for t in lc.transitions if moves(t)]
    for path, raw in doc.dropped:
        if path[:-1] == lc.origin + ("stages",) and isinstance(raw.get("id"), str):
            nodes.add(raw["id"])
            if _is_flag(raw, "initial"):
                g.starts.add(raw["id"])
            if _is_flag(raw, "terminal"):
                g.maybe_terminal.add(raw["id"])
        elif path[:-1] == lc.origin + ("transitions",) and raw.get("type") != "override":
            ends.append((raw.get("from"), raw.get("to"), raw.get("type") != "timeout"))
    for src, dst, way_out in ends:
        src_ok = isinstance(src, str) and src in nodes
        dst_ok = isinstance(dst, str) and dst in nodes
        if src_ok and dst_ok:
            g.succ.setdefault(src, []).append(dst)
        elif src_ok:
            g.to_anywhere.add(src)
        elif dst_ok:
            g.from_anywhere.add(dst)
        else:
            g.from_anywhere |= nodes  # any stage to any stage: nothing is certain but exits
            g.to_anywhere |= nodes
        if not src_ok:
            g.exits_unknown = True
        elif way_out:
            g.leaves.add(src)
    return g


def _starts_phrase(project: Project, lc: specs.LifecycleSpec) -> str | None:
    """The initial stage (or stages, while LC001 reports two) as a message names them."""
    initial = [s.id for s in _stages(project, lc) if s.initial]
    return " or ".join(f"'{i}'" for i in initial) if initial else None


def _lifecycles(project: Project) -> list[specs.LifecycleSpec]:
    return list(project.lifecycles.values())


def incomplete(project: Project, lc: specs.LifecycleSpec) -> bool:
    """A stage or transition was dropped or points nowhere: graph-wide rules would only echo that."""
    stages = project.stages.get(lc.id, {})
    return (
        project.had_error(lc, "stages")
        or project.had_error(lc, "transitions")
        or len(stages) != len(lc.stages)
        or any(t.from_ not in stages or (t.to not in stages and names_target(t)) for t in lc.transitions)
    )


def names_target(t: specs.Transition) -> bool:
    """Whether the transition names a stage it leads to: all but an override written without `to`."""
    return t.type != "override" or t.to is not None


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

    Errors elsewhere in the lifecycle silence only what they could change. A transition whose
    `from` and `to` name existing stages is an edge whatever else in it is broken (`sla`, `type`);
    one dropped by validation still counts by the ends it was written with. A transition with an
    unknown `from` (REF001) may start anywhere, so its `to` counts as reachable: a stage that no
    transition enters is still reported. A transition with an unknown `to` leaving a stage a
    record can reach could be meant for any stage, the unreachable one included: then nothing is
    said. With two initial stages (LC001) a stage is reported only when neither reaches it; a
    stage with a malformed `initial` counts as a possible start.

    Fix: add the transition that leads into it, or remove the stage. Example:
    `specs/sla.yaml:8:10: error[LC002]: stage 'nurture' cannot be reached from 'known' (add a transition into 'nurture')`
    """
    for lc in _lifecycles(project):
        g, named = _graph(project, lc), _starts_phrase(project, lc)
        seen = None if g.unknown or not g.starts or named is None else g.maybe_reachable()
        if seen is None:
            continue
        for stage in _stages(project, lc):
            if stage.id not in seen:
                yield project.diag(
                    "LC002",
                    f"stage '{stage.id}' cannot be reached from {named}",
                    stage,
                    "id",
                    hint=f"add a transition into '{stage.id}'",
                )


@rule("LC003", "error", "non-terminal stage with no outgoing transition")
def check_dead_ends(project: Project) -> Iterator[Diagnostic]:
    """
    Records that enter this stage get stuck: it is not terminal and no transition leaves it.
    "Make sure leads don't get stuck": every stage needs a way out.

    A transition that leaves the stage is a way out even when its `to` is unknown (REF001) or
    its `sla` is malformed, so a stage no transition leaves at all is reported whatever is broken
    elsewhere. A `timeout` or an `override` is no way out: records must still be worked out of the
    stage (a timeout is the safety net, an override a correction). Only a transition whose `from` is unknown could be this stage's way out: while one
    exists the lifecycle's dead ends are not reported; nor is a stage with a malformed `terminal`.

    Fix: add a transition out of it, or mark it `terminal: true`. Example:
    `specs/to.yaml:8:10: error[LC003]: stage 'nurture' is a dead end: no transition leaves it`
    """
    for lc in _lifecycles(project):
        g = _graph(project, lc)
        if g.unknown or g.exits_unknown:
            continue
        for stage in _stages(project, lc):
            if stage.id not in g.leaves and stage.id not in g.maybe_terminal:
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
        if t.to is None or t.type == "override":
            continue  # a manual correction, not a hand-off anyone waits for
        src, dst = project.owner_team(table[t.from_].owner), project.owner_team(table[t.to].owner)
        sla_unknown = project.had_error(t, "sla") or project.had_error(table[t.to], "sla")
        if src and dst and src != dst and t.sla is None and table[t.to].sla is None and not sla_unknown:
            yield t, src, dst


@rule("LC005", "warning", "hand-off between teams without an SLA")
def check_handoff_sla(project: Project) -> Iterator[Diagnostic]:
    """
    A transition moves records from one team's stage to another team's stage (marketing to sales,
    say), but neither the transition nor the target stage has an `sla`. Hand-offs without a time
    limit are where leads go cold. With an either-of owner (`owner: [sdr, bdr]`) a stage's team is
    the set of its owners' teams (a queue's is its `team`): a hand-off is a change of that set.

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
        seen: dict[tuple[str, str | None, str], specs.Transition] = {}
        for t in lc.transitions:
            key = (t.from_, t.to, t.type)
            if key in seen:
                first = project.loc(seen[key])
                yield project.diag(
                    "LC006",
                    f"duplicate {t.type} transition {t.from_} -> {t.to or 'any stage'} (first at line {first.line})",
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
    stage (from any of them, while LC001 reports two).

    Reachability is judged as for LC002: silent when a broken `to` leaves a reachable stage (it
    could lead to a terminal one), and a stage with a malformed `terminal`, or dropped with one,
    counts as perhaps terminal.

    Fix: mark the end stages (customer, disqualified, ...) `terminal: true` and connect them.
    Example:
    `specs/two.yaml:2:5: error[LC008]: lifecycle 'two' has no terminal stage reachable from 'known' or 'walk-in'`
    """
    for lc in _lifecycles(project):
        g, named = _graph(project, lc), _starts_phrase(project, lc)
        seen = None if g.unknown or not g.starts or named is None else g.maybe_reachable()
        if seen is None or seen & g.maybe_terminal:
            continue
        yield project.diag(
            "LC008",
            f"lifecycle '{lc.id}' has no terminal stage reachable from {named}",
            lc,
            "id",
            hint="mark the end stages `terminal: true` and add transitions into them",
        )


def _missing_keys(project: Project, lc: specs.LifecycleSpec) -> Iterator[Diagnostic]:
    """SPEC003 for keys only a transition's type requires: `to` (all but an override), `after`."""
    for t in lc.transitions:
        if project.had_error(t, "type"):
            continue
        if t.to is None and t.type != "override" and not project.had_error(t, "to"):
            yield project.diag(
                "SPEC003",
                "missing required key 'to'",
                t,
                hint="add `to:` to this transition; only an override may leave it out",
            )
        if t.type == "timeout" and t.after is None and not project.had_error(t, "after"):
            yield project.diag(
                "SPEC003",
                "missing required key 'after'",
                t,
                "type",
                hint="a timeout needs `after:`: how long records wait in the source stage, e.g. `after: 30d`",
            )


@rule("LC009", "error", "timeout shorter than its source stage's SLA")
def check_timeout_sla(project: Project) -> Iterator[Diagnostic]:
    """
    A `timeout` transition moves records out of a stage on its own after `after`; when that is
    shorter than the stage's `sla`, records leave before anyone had the time the SLA promises.
    A timeout exactly as long as the SLA is fine. Business time (`5bd`) against calendar time is
    compared by calendar bounds (`durations.compare`), and the message says so.

    This check also reports (as SPEC003) what a transition's type requires: `after` on a timeout,
    `to` on everything but an override.

    Fix: make `after` at least as long as the stage's `sla`, or shorten the SLA. Example:
    `specs/lead.yaml:17:52: error[LC009]: timeout sal -> recycle after 12h leaves before the 2d SLA of 'sal'`
    """
    for lc in _lifecycles(project):
        yield from _missing_keys(project, lc)
        table = project.stages.get(lc.id, {})
        for t in lc.transitions:
            source = table.get(t.from_)
            if t.type != "timeout" or t.after is None or source is None or source.sla is None:
                continue
            order = durations.compare(t.after, source.sla, project.settings.business_calendar())
            if order is not None and order.order < 0:
                target = t.to or "any stage"
                yield project.diag(
                    "LC009",
                    f"timeout {t.from_} -> {target} after {t.after} leaves before the {source.sla} SLA of "
                    f"'{source.id}'{order.note()}",
                    t,
                    "after",
                    hint=f"make `after` at least {source.sla}, or shorten the stage's `sla`",
                )


@rule("LC010", "warning", "reason_required stage without reasons")
def check_reasons_listed(project: Project) -> Iterator[Diagnostic]:
    """
    A stage says `reason_required: true` (every move into it records a reason) but lists no
    `reasons`, so there is nothing to choose from: the platform's reason field stays empty or
    free text.

    This check also reports (as REF001) a transition's `reasons` that are not codes of its target
    stage (of any stage, for an override without `to`), at the code.

    Fix: list the reasons (`reasons: [{code: no-response, name: No response}]`), or drop
    `reason_required`. Example:
    `specs/lead.yaml:12:22: warning[LC010]: stage 'recycle' requires a reason but lists no reasons`
    """
    for lc in _lifecycles(project):
        for stage in _stages(project, lc):
            if stage.reason_required and not stage.reasons and not project.had_error(stage, "reasons"):
                yield project.diag(
                    "LC010",
                    f"stage '{stage.id}' requires a reason but lists no reasons",
                    stage,
                    "reason_required",
                    hint="list the stage's `reasons` ({code, name}), or drop `reason_required`",
                )
        yield from _unknown_reasons(project, lc)


def _reason_codes(project: Project, stage: specs.Stage) -> set[str] | None:
    """The stage's reason codes, or None when some reason was cut out (its code may be any)."""
    if project.had_error(stage, "reasons"):
        return None
    return {r.code for r in stage.reasons}


def _unknown_reasons(project: Project, lc: specs.LifecycleSpec) -> Iterator[Diagnostic]:
    table = project.stages.get(lc.id, {})
    for t in lc.transitions:
        if not t.reasons or project.had_error(t, "reasons"):
            continue
        if t.to is None and t.type == "override":
            targets = list(table.values())
        elif t.to in table:
            targets = [table[t.to]]
        else:
            continue  # an unknown or missing target is reported on its own
        codes: set[str] = set()
        for stage in targets:
            found = _reason_codes(project, stage)
            if found is None:
                break
            codes |= found
        else:
            where = f"stage '{t.to}'" if t.to is not None else "any stage"
            for i, code in enumerate(t.reasons):
                if code not in codes:
                    hint = did_you_mean(code, sorted(codes)) or (
                        f"{where} lists no reasons" if not codes else f"{where} has: {', '.join(sorted(codes))}"
                    )
                    yield project.diag("REF001", f"unknown reason '{code}' of {where}", t, "reasons", i, hint=hint)
