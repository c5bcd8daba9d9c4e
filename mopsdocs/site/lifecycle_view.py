"""A lifecycle resolved for display: stages with their owner's team, transitions with hand-offs.

Both the lifecycle page and its diagram read this, so they agree on what a hand-off is and which
SLA applies to it. Plain frozen data; no escaping and no syntax here. The few words computed
here (a lane without a team, "SDR or BDR") are in the language of the `words` given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from .. import specs
from ..i18n import ENGLISH, N_, Words
from ..project import Project

UNASSIGNED = N_("(no team)")


@dataclass(frozen=True)
class StageView:
    stage: specs.Stage
    owner_name: str
    team_id: str  # the owner's team id, or the owner id itself when it has no team
    team_name: str
    main: bool  # on the main path (not a detour)
    queue: bool = False  # (v2) owned by a queue (a party that holds records): drawn marked as one

    @property
    def id(self) -> str:
        return self.stage.id


@dataclass(frozen=True)
class TransitionView:
    transition: specs.Transition
    index: int  # position in the spec's list: a stable id for the transition
    handoff: bool  # the owning team changes between the two stages (never for an override)
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

    @property
    def kinds(self) -> tuple[str, ...]:
        """The transition types the lifecycle has, in the order of `specs.TransitionType`."""
        present = {t.transition.type for t in self.transitions}
        return tuple(k for k in get_args(specs.TransitionType) if k in present)

    @property
    def looks(self) -> tuple[str, ...]:
        """The kinds of stage and mark the diagram draws, for its legend: `initial`, `terminal`,
        `detour`, `queue`, `handoff` (an SLA on an arrow between lanes), in that order."""
        present = {
            "initial": any(s.stage.initial for s in self.stages),
            "terminal": any(s.stage.terminal for s in self.stages),
            "detour": any(not s.main for s in self.stages),
            "queue": any(s.queue for s in self.stages),
            "handoff": any(t.handoff for t in self.transitions),
        }
        return tuple(k for k, here in present.items() if here)

    def incoming(self, stage_id: str) -> tuple[TransitionView, ...]:
        return tuple(t for t in self.transitions if t.transition.to == stage_id)

    def outgoing(self, stage_id: str) -> tuple[TransitionView, ...]:
        return tuple(t for t in self.transitions if t.transition.from_ == stage_id)


def party_name(project: Project, party_id: specs.Owner | None, words: Words = ENGLISH) -> str:
    """A party's name; an either-of owner's names joined by "or" ("SDR or BDR")."""
    if party_id is None:
        return ""
    if not isinstance(party_id, str):
        names = [party_name(project, pid, words) for pid in party_id]
        if not names:
            return ""
        text = names[0]
        for name in names[1:]:  # one message per pair: each language says "or" its own way
            text = words.gettext("%(first)s or %(other)s", first=text, other=name)
        return text
    party = project.parties.get(party_id)
    return party.name if party is not None else party_id


def lifecycle_view(project: Project, lc: specs.LifecycleSpec, words: Words = ENGLISH) -> LifecycleView:
    """Stages that survived validation (a duplicate id is left out) and transitions between them."""
    table = project.stages.get(lc.id, {})
    stages = tuple(_stage_view(project, s, words) for s in lc.stages if table.get(s.id) is s)
    by_id = {s.id: s for s in stages}
    main_order = {s.id: i for i, s in enumerate(x for x in stages if x.main)}
    transitions = []
    for index, t in enumerate(lc.transitions):
        anywhere = t.type == "override" and t.to is None  # a correction to any stage
        if t.from_ not in by_id or (t.to not in by_id and not anywhere):
            continue  # a broken reference is REF001's business; nothing to draw
        src, dst = by_id[t.from_], (by_id[t.to] if t.to is not None else None)
        handoff = dst is not None and t.type != "override" and src.team_id != dst.team_id
        sla = t.sla or (dst.stage.sla if handoff and dst is not None else None)
        backward = (
            t.type == "progress"
            and t.from_ in main_order
            and t.to in main_order
            and main_order[t.to] <= main_order[t.from_]
        )
        transitions.append(TransitionView(t, index, handoff, sla, backward))
    return LifecycleView(lc, stages, tuple(transitions))


def _stage_view(project: Project, stage: specs.Stage, words: Words) -> StageView:
    # an either-of owner's lane: the team its parties share, else their teams ("Sales or SDRs")
    owners = specs.owner_ids(stage.owner)
    team_id = project.owner_team(stage.owner) or " or ".join(owners)
    team = project.teams.get(team_id)
    team_ids = team_id.split(" or ") if team is None else [team_id]
    team_name = team.name if team is not None else (party_name(project, team_ids, words) or words.gettext(UNASSIGNED))
    queue = any(pid in project.queues for pid in owners)
    return StageView(stage, party_name(project, stage.owner, words), team_id, team_name, stage.path == "main", queue)
