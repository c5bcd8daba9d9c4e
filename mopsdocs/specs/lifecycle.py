"""The `lifecycle` kind: stages a record moves through and the transitions between them."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from .base import Duration, Id, Markdown, Spec, described

TransitionType = Literal["progress", "recycle", "disqualify", "reopen"]
StagePath = Literal["main", "detour"]


class Stage(Spec):
    id: Id = described("Unique id of the stage within its lifecycle.")
    name: str = described("Human title.")
    initial: bool = described("The stage every record starts in (exactly one).", default=False)
    terminal: bool = described("An end stage (customer, disqualified for good, ...).", default=False)
    path: StagePath = described("main (the success path) or detour.", default="main")
    owner: Id = described("Party (team, role or person) that owns records in this stage.")
    definition: Markdown | None = described("What being in this stage means (Markdown).", default=None)
    description: Markdown | None = described("More notes (Markdown).", default=None)
    entry: list[Markdown] = described("Entry criteria.", default_factory=list)
    exit: list[Markdown] = described("Exit criteria.", default_factory=list)
    sla: Duration | None = described("Max dwell time before the record must be worked: 30m, 24h, 2d, 1w.", default=None)
    values: dict[str, str] = described("Field value per platform, e.g. {marketo: MQL}.", default_factory=dict)


class Transition(Spec):
    from_: Id = Field(alias="from", description="Stage the record leaves.")
    to: Id = described("Stage the record enters.")
    type: TransitionType = described("progress, recycle, disqualify or reopen.", default="progress")
    when: Markdown | None = described("The condition (Markdown).", default=None)
    owner: Id | None = described("Party that makes or owns the move.", default=None)
    sla: Duration | None = described("Time allowed for the hand-off.", default=None)
    automated_by: Id | None = described("Program id that automates this transition.", default=None)
    description: Markdown | None = described("Notes (Markdown).", default=None)


class LifecycleSpec(Spec):
    """A lifecycle: stages on a main path with detours, and the transitions between them."""

    KIND: ClassVar[str] = "lifecycle"
    kind: Literal["lifecycle"]
    id: Id = described("Unique id of the lifecycle.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    stages: list[Stage] = described("Stages; list order is the order of the main path.", default_factory=list)
    transitions: list[Transition] = described("Transitions between stages.", default_factory=list)
