"""The `lifecycle` kind: stages a record moves through and the transitions between them."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .base import MAPPING_TAG, TEXT_OR_MAPPING, TEXT_TAG, Duration, Id, Markdown, Owner, Spec, described

TransitionType = Literal["progress", "recycle", "disqualify", "reopen", "timeout", "override"]
StagePath = Literal["main", "detour"]


# `salesforce: Recycle` or `salesforce: {status: Recycle, queue: Recycle Queue, reason_field: Recycle_Reason__c}`
PlatformValue = Annotated[
    Annotated[str, TEXT_TAG] | Annotated[dict[str, str], MAPPING_TAG],
    TEXT_OR_MAPPING,
]


class Reason(Spec):
    code: Id = described("Code of the reason, unique within its stage; transitions name it in `reasons`.")
    name: str = described("Human title.")
    description: Markdown | None = described("Notes (Markdown).", default=None)
    values: dict[str, str] = described(
        "The reason's field value per platform, e.g. {salesforce: No Response}.", default_factory=dict
    )


class Stage(Spec):
    id: Id = described("Unique id of the stage within its lifecycle.")
    name: str = described("Human title.")
    initial: bool = described("The stage every record starts in (exactly one).", default=False)
    terminal: bool = described("An end stage (customer, disqualified for good, ...).", default=False)
    path: StagePath = described("main (the success path) or detour.", default="main")
    owner: Owner = described("Party (team, role, person or queue) that owns records here; a list: any one.")
    definition: Markdown | None = described("What being in this stage means (Markdown).", default=None)
    description: Markdown | None = described("More notes (Markdown).", default=None)
    entry: list[Markdown] = described("Entry criteria.", default_factory=list)
    exit: list[Markdown] = described("Exit criteria.", default_factory=list)
    sla: Duration | None = described("Max dwell time before the record must be worked: 30m, 24h, 2d, 1w.", default=None)
    values: dict[str, PlatformValue] = described(
        "Per platform: the status value, or that platform's fields ({status, queue, reason_field, ...}).",
        default_factory=dict,
    )
    reason_required: bool = described("Every move into this stage records one of its `reasons`.", default=False)
    reasons: list[Reason] = described(
        "Why a record enters this stage: codes with per-platform values.", default_factory=list
    )


class Transition(Spec):
    from_: Id = Field(alias="from", description="Stage the record leaves.")
    to: Id | None = described("Stage the record enters (an override may leave it out: any stage).", default=None)
    type: TransitionType = described(
        "progress, recycle, disqualify, reopen, timeout (needs `after`) or override (a manual correction).",
        default="progress",
    )
    after: Duration | None = described("A timeout's wait in the source stage before the record moves.", default=None)
    reasons: list[Id] = described("Reason codes of the target stage allowed on this move.", default_factory=list)
    when: Markdown | None = described("The condition (Markdown).", default=None)
    owner: Owner | None = described("Party that makes or owns the move; a list: any one.", default=None)
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
