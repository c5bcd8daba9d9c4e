"""The `raci` kind: activities and who is Responsible, Accountable, Consulted, Informed."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import Duration, Id, Markdown, Spec, described

RaciLetter = Literal["R", "A", "C", "I", "A/R"]


class Activity(Spec):
    id: Id = described("Unique id of the activity within its matrix.")
    name: str = described("Human title.")
    group: str | None = described("Groups rows in the matrix.", default=None)
    description: Markdown | None = described("Markdown.", default=None)
    assign: dict[Id, RaciLetter] = described("Party -> R, A, C, I or A/R.")
    # (v2) what the activity takes, gives and how long it may take (its turnaround)
    sla: Duration | None = described(
        "Turnaround: how long the activity may take once asked for: 4h, 2d, 24bh, 5bd (business time "
        "counts on the team calendar).",
        default=None,
    )
    inputs: list[Markdown] = described(
        "What the activity needs before it starts (Markdown list).", default_factory=list
    )
    outputs: list[Markdown] = described("What the activity hands on when done (Markdown list).", default_factory=list)


class RaciSpec(Spec):
    """A RACI matrix: who is Responsible, Accountable, Consulted, Informed for each activity."""

    KIND: ClassVar[str] = "raci"
    kind: Literal["raci"]
    id: Id = described("Unique id of the matrix.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    parties: list[Id] | None = described("Column order (optional).", default=None)
    activities: list[Activity] = described("Rows of the matrix.", default_factory=list)
