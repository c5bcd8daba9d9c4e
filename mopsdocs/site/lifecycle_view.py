"""A lifecycle resolved for display: stages with their owner's team, transitions with hand-offs.

Both the lifecycle page and its diagram read this, so they agree on what a hand-off is and which
SLA applies to it. Plain frozen data; no escaping and no syntax here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import specs
from ..project import Project

UNASSIGNED = "(no team)"


@dataclass(frozen=True)
class StageView:
    stage: specs.Stage
    owner_name: str
    team_id: str  # the owner's team id, or the owner id itself when it has no team
    team_name: str
    main: bool  # on the main path (not a detour)

    @property
    def id(self) -> str:
        return self.stage.id


@dataclass(frozen=True)
class TransitionView:
    transition: specs.Transition
    index: int  # position in the spec's list: a stable id for the transition
    handoff: bool  # the owning team changes between the two stages
    sla: str | None  # the transition's SLA, else (for a hand-off) the target stage's
    backward: bool  # a progress move back along the main path (drawn without pulling the layout)


@dataclass(frozen=True)
class LifecycleView:
    lifecycle: specs.LifecycleSpec
    stages: tuple[StageView, ...]  # spec order: the main path in order, detours where written
    transitions: tuple[TransitionView, ...]  # spec order

    def stage(self, stage_id: str) -> StageView:
        return next(s for s in self.stages if s.id == stage_id)

    @property
    def teams(self) -> tuple[tuple[str, str], ...]:
        """(team id, team name) in order of first appearance, main path first."""
        seen: dict[str, str] = {}
        for s in sorted(self.stages, key=lambda s: not s.main):  # stable: keeps spec order within
            seen.setdefault(s.team_id, s.team_name)
        return tuple(seen.items())

    def incoming(self, stage_id: str) -> tuple[TransitionView, ...]:
        return tuple(t for t in self.transitions if t.transition.to == stage_id)

    def outgoing(self, stage_id: str) -> tuple[TransitionView, ...]:
        return tuple(t for t in self.transitions if t.transition.from_ == stage_id)


def party_name(project: Project, party_id: str | None) -> str:
    if party_id is None:
        return ""
    party = project.parties.get(party_id)
    return party.name if party is not None else party_id


def lifecycle_view(project: Project, lc: specs.LifecycleSpec) -> LifecycleView:
    """Stages that survived validation (a duplicate id is left out) and transitions between them."""
    table = project.stages.get(lc.id, {})
    stages = tuple(_stage_view(project, s) for s in lc.stages if table.get(s.id) is s)
    by_id = {s.id: s for s in stages}
    main_order = {s.id: i for i, s in enumerate(x for x in stages if x.main)}
    transitions = []
    for index, t in enumerate(lc.transitions):
        if t.from_ not in by_id or t.to not in by_id:
            continue  # a broken reference is REF001's business; nothing to draw
        src, dst = by_id[t.from_], by_id[t.to]
        handoff = src.team_id != dst.team_id
        sla = t.sla or (dst.stage.sla if handoff else None)
        backward = (
            t.type == "progress"
            and t.from_ in main_order
            and t.to in main_order
            and main_order[t.to] <= main_order[t.from_]
        )
        transitions.append(TransitionView(t, index, handoff, sla, backward))
    return LifecycleView(lc, stages, tuple(transitions))


def _stage_view(project: Project, stage: specs.Stage) -> StageView:
    team_id = project.team_of(stage.owner) or stage.owner
    team = project.teams.get(team_id)
    team_name = team.name if team is not None else (party_name(project, team_id) or UNASSIGNED)
    return StageView(stage, party_name(project, stage.owner), team_id, team_name, stage.path == "main")
