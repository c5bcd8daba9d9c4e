"""The `review` kind (v2): the year in review and the team's SCORE self-assessment.

`figures` are numbers (or a breakdown: name -> number, e.g. programs by channel). A figure whose
name has the word `rate` in it (`median_open_rate`, `click_rate_by_channel`) is a fraction:
31% is written 0.31, and a value above 1 is SPEC004 located at that value. Goals may name the
backlog item that delivers them (`<backlog>/<item>`, REF001 when unknown).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, PlainValidator, ValidatorFunctionWrapHandler, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from .base import MAPPING_TAG, TEXT_OR_MAPPING, TEXT_TAG, Id, Markdown, Spec, described

ITEM_REF_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}/[a-z0-9][a-z0-9_-]{0,63}$"
PILLARS = ("scalable", "cohesive", "organized", "reliable", "efficient")
RATE_HINT = "rates are fractions: write 0.31 for 31%"


def _number(value: Any) -> int | float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().endswith("%"):
        raise PydanticCustomError("figure", "is not a number", {"hint": RATE_HINT})
    raise PydanticCustomError("figure", "is not a number", {"hint": "write a number, e.g. 148, 2100000 or 0.31"})


def is_rate(name: str) -> bool:
    """A figure is a rate when `rate` is one of the words of its name (`_`- or `-`-separated)."""
    return "rate" in name.replace("-", "_").split("_")


Number = Annotated[int | float, PlainValidator(_number, json_schema_input_type=int | float)]
# a figure: a number, or a breakdown of it (name -> number); the branch is chosen by the value's shape
Figure = Annotated[
    Annotated[Number, TEXT_TAG] | Annotated[dict[str, Number], MAPPING_TAG],
    TEXT_OR_MAPPING,
]


def _item_ref(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(ITEM_REF_PATTERN, value):
        return value
    raise PydanticCustomError(
        "item_ref", "is not a backlog item", {"hint": "write <backlog>/<item>, e.g. mops/list-import-ipaas"}
    )


ItemRef = Annotated[
    str, PlainValidator(_item_ref, json_schema_input_type=str), Field(json_schema_extra={"pattern": ITEM_REF_PATTERN})
]


def _rating(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return value
    raise PydanticCustomError(
        "rating", "is not a rating from 1 to 5", {"hint": "rate each pillar 1 (weak) to 5 (strong), a whole number"}
    )


Rating = Annotated[
    int, PlainValidator(_rating, json_schema_input_type=int), Field(json_schema_extra={"minimum": 1, "maximum": 5})
]


class Goal(Spec):
    name: str = described("The goal, as the team will judge it at the end of the next year.")
    item: ItemRef | None = described("The backlog item that delivers it: <backlog>/<item>.", default=None)
    description: Markdown | None = described("Markdown.", default=None)


class PillarRating(Spec):
    rating: Rating = described("1 (weak) to 5 (strong).")
    evidence: Markdown | None = described("What shows it (Markdown).", default=None)


class ScoreCard(Spec):
    """SCORE: Scalable, Cohesive, Organized, Reliable, Efficient."""

    scalable: PillarRating | None = described("Grows with the business without rework.", default=None)
    cohesive: PillarRating | None = described("Tools and processes fit together.", default=None)
    organized: PillarRating | None = described("Named, filed and documented so people find things.", default=None)
    reliable: PillarRating | None = described("Works the same every time; breakages are caught.", default=None)
    efficient: PillarRating | None = described("Little manual, repeated work.", default=None)


class ReviewSpec(Spec):
    """A year in review: the year's figures, wins, lessons, next year's goals, the SCORE ratings."""

    KIND: ClassVar[str] = "review"
    kind: Literal["review"]
    id: Id = described("Unique id of the review, e.g. y2026.")
    name: str = described("Human title, e.g. 2026 in review.")
    year: int = described("The year it reviews.", ge=1900, le=2999)
    description: Markdown | None = described("Markdown.", default=None)
    figures: dict[Id, Figure] = Field(
        default_factory=dict,
        description="The year's numbers (or breakdowns: name -> number); rates are fractions (0.31, not 31).",
        json_schema_extra={"patternProperties": {"rate": {"maximum": 1, "additionalProperties": {"maximum": 1}}}},
    )
    wins: list[Markdown] = described("What went well (Markdown).", default_factory=list)
    lessons: list[Markdown] = described("What the team learnt (Markdown).", default_factory=list)
    goals: list[Goal] = described("Next year's goals.", default_factory=list)
    score: ScoreCard | None = described("The SCORE self-assessment, each pillar 1-5 with evidence.", default=None)

    @field_validator("figures", mode="wrap")
    @classmethod
    def _rates_are_fractions(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """A rate above 1 (or below 0) is located at its value, with the fix, along with any other
        error of the figures (a first pass reports everything)."""
        errors = list(_rate_errors(value))
        try:
            figures = handler(value)
        except ValidationError as exc:
            if not errors:
                raise
            for e in exc.errors():
                error = PydanticCustomError(e["type"], e["msg"], e.get("ctx"))
                errors.append(InitErrorDetails(type=error, loc=e["loc"], input=e["input"]))
        if errors:
            raise ValidationError.from_exception_data("figures", errors)
        return figures


def _rate_errors(value: Any) -> list[InitErrorDetails]:
    out: list[InitErrorDetails] = []
    if not isinstance(value, dict):
        return out
    for name, figure in value.items():
        if not isinstance(name, str) or not is_rate(name):
            continue
        values = figure.items() if isinstance(figure, dict) else [(None, figure)]
        for sub, number in values:
            if isinstance(number, bool) or not isinstance(number, (int, float)) or 0 <= number <= 1:
                continue
            hint = RATE_HINT if number > 1 else "a rate is a fraction from 0 to 1"
            error = PydanticCustomError("rate", "is not a fraction from 0 to 1", {"hint": hint})
            loc = (name, "~text") if sub is None else (name, "~mapping", sub)
            out.append(InitErrorDetails(type=error, loc=loc, input=number))
    return out
