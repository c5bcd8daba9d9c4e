"""The `scoring` kind (v2): a lead scoring model, its scores, point rules and thresholds."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from .base import Duration, Id, Markdown, Spec, described

TokenPolicy = Literal["required", "optional"]


class Decay(Spec):
    points: int = described("Points added each period (negative: the score decays).")
    every: Duration = described("How often the decay runs, e.g. 30d.")
    floor: int | None = described("The score never decays below this.", default=None)


class Score(Spec):
    id: Id = described("Unique id of the score within the model.")
    name: str = described("Human title.")
    field: dict[str, str] = described(
        "The score's field per platform, e.g. {marketo: Behavior Score}.", default_factory=dict
    )
    decay: Decay | None = described("How the score decays over time.", default=None)
    description: Markdown | None = described("Markdown.", default=None)


class Limit(Spec):
    times: int = described("At most this many times (a positive whole number) ...")
    per: Duration | None = described("... per this period (e.g. 1d); without it, ever.", default=None)


class ScoringRule(Spec):
    id: Id = described("Unique id of the rule within the model.")
    score: Id = described("The score it changes.")
    points: int = described("Points added (negative: taken away).")
    when: Markdown | None = described("The action or attribute that fires it (Markdown).", default=None)
    token: str | None = described("The program token holding the points, e.g. {{my.form-fill}}.", default=None)
    limit: Limit | None = described("How often it may fire.", default=None)
    description: Markdown | None = described("Markdown.", default=None)


class ThresholdTransition(Spec):
    lifecycle: Id = described("The lifecycle whose transition the threshold drives.")
    from_: Id = Field(alias="from", description="Stage the record leaves.")
    to: Id = described("Stage the record enters.")


class Threshold(Spec):
    id: Id = described("Unique id of the threshold within the model.")
    name: str = described("Human title.")
    all: dict[Id, int] = described("Every one of these scores at least its value.", default_factory=dict)
    any: dict[Id, int] = described("At least one of these scores at least its value.", default_factory=dict)
    transition: ThresholdTransition | None = described("The lifecycle transition it drives.", default=None)
    fast_track: bool = described("true: a single action may reach it on purpose.", default=False)
    description: Markdown | None = described("Markdown.", default=None)


class ScoringSpec(Spec):
    """A lead scoring model: scores, the rules that change them, the thresholds they reach."""

    KIND: ClassVar[str] = "scoring"
    kind: Literal["scoring"]
    id: Id = described("Unique id of the scoring model.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    program: Id | None = described("The program that runs it.", default=None)
    tokens: TokenPolicy = described("required or optional: are point values program tokens?", default="optional")
    scores: list[Score] = described("The scores (each starts at 0).", default_factory=list)
    rules: list[ScoringRule] = described("The point rules.", default_factory=list)
    thresholds: list[Threshold] = described("The thresholds the scores reach.", default_factory=list)
