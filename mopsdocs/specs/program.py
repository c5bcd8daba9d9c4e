"""The `program` kind: an operational program, its trigger, owner, dependencies and reviews."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import Date, Duration, Id, Markdown, Owner, Spec, Url, described

Category = Literal[
    "data-normalization",
    "deduplication",
    "list-import",
    "lead-scoring",
    "lifecycle",
    "routing",
    "crm-sync",
    "bounce-management",
    "preference-center",
    "privacy-compliance",
    "alerts",
    "enrichment",
    "other",
]
ProgramStatus = Literal["draft", "active", "paused", "retired"]
TriggerType = Literal["trigger", "batch", "scheduled", "manual"]


class Trigger(Spec):
    type: TriggerType = described("trigger, batch, scheduled or manual.", default="trigger")
    description: Markdown | None = described("What starts it (Markdown).", default=None)
    schedule: str | None = described("When it runs (required for batch and scheduled).", default=None)


class ReviewEntry(Spec):
    on: Date = described("Date of the review.")
    by: Id | None = described("Party that reviewed.", default=None)
    notes: Markdown | None = described("Markdown.", default=None)


class Review(Spec):
    on: Date | None = described("Date of the last review.", default=None)
    every: Duration | None = described("Review cadence (default: review_every setting).", default=None)
    by: Id | None = described("Party that reviewed last.", default=None)
    history: list[ReviewEntry] = described("Earlier reviews.", default_factory=list)


class Link(Spec):
    title: str = described("Link text.")
    url: Url = described("http(s) or mailto URL.")


class ProgramSpec(Spec):
    """An operational program in the marketing-automation platform."""

    KIND: ClassVar[str] = "program"
    kind: Literal["program"]
    id: Id = described("Unique id of the program.")
    name: str = described("Human title.")
    asset_name: str | None = described(
        "Its name in the MAP; checked against operational-program conventions.", default=None
    )
    category: Category = described("What kind of operational program it is.")
    status: ProgramStatus = described("draft, active, paused or retired.")
    owner: Owner = described("Party that owns it; a list means any one of them.")
    purpose: Markdown | None = described("Why it exists (Markdown).", default=None)
    description: Markdown | None = described("Markdown.", default=None)
    trigger: Trigger | None = described("What starts it (one trigger).", default=None)
    triggers: list[Trigger] = described(
        "What starts it, when several triggers run it (instead of `trigger`).", default_factory=list
    )
    systems: list[str] = described("Systems it touches.", default_factory=list)
    depends_on: list[Id] = described("Programs that must run first.", default_factory=list)
    steps: list[Markdown] = described("Smart list / flow steps.", default_factory=list)
    reviewed: Review | None = described("Last review and cadence.", default=None)
    runbook: Markdown | None = described("What to do when it breaks (Markdown).", default=None)
    links: list[Link] = described("Related links.", default_factory=list)
