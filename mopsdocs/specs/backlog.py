"""The `backlog` kind (v2): the team's work, each item rated by impact and effort.

An item's `due` is a quarter (`2027-Q1`, read on the fiscal year of the `fiscal_year_start`
setting) or a date; its `refs` name what it changes as `kind:id` (`program:deduplication`,
`activity:mops/dedupe`, `stage:lead/mql`). The shape of both is checked here; whether a ref
names something that exists is REF001 (`rules/references.py`), what a quarter means is
`mopsdocs.backlog_model`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .base import Id, Markdown, Owner, Spec, described

Level = Literal["low", "medium", "high"]
ItemStatus = Literal["idea", "planned", "in-progress", "done", "dropped"]
Pillar = Literal["scalable", "cohesive", "organized", "reliable", "efficient"]

QUARTER_PATTERN = r"^[0-9]{4}-Q[1-4]$"
DUE_PATTERN = r"^[0-9]{4}-(Q[1-4]|[0-9]{2}-[0-9]{2})$"
_ID = r"[a-z0-9][a-z0-9_-]{0,63}"
REF_PATTERN = rf"^[a-z][a-z-]{{0,31}}:{_ID}(/{_ID})?$"


def _due(value: str) -> str:
    """`2027-Q1` or `2027-03-31`; anything else says how to write it, in the user's own terms."""
    if re.fullmatch(QUARTER_PATTERN, value):
        return value
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("due", "is not a real date", {"hint": "check the month and day"}) from None
        return value
    raise PydanticCustomError("due", "is not a quarter or a date", {"hint": _due_hint(value)})


def _due_hint(value: str) -> str:
    text = value.strip().upper().replace(" ", "")
    quarter = re.fullmatch(r"(?:([0-9]{4})-?Q([1-4])|Q([1-4])-?([0-9]{4}))", text)
    if quarter:
        year, number = (
            (quarter.group(1), quarter.group(2)) if quarter.group(1) else (quarter.group(4), quarter.group(3))
        )
        return f"did you mean {year}-Q{number}?"
    return "write a quarter as 2027-Q1 or a date as 2027-03-31"


def _ref(value: str) -> str:
    if re.fullmatch(REF_PATTERN, value):
        return value
    raise PydanticCustomError(
        "ref",
        "is not a reference",
        {"hint": "write kind:id, e.g. program:deduplication, activity:mops/dedupe or stage:lead/mql"},
    )


Due = Annotated[str, AfterValidator(_due), Field(json_schema_extra={"pattern": DUE_PATTERN})]
Ref = Annotated[str, AfterValidator(_ref), Field(json_schema_extra={"pattern": REF_PATTERN})]


class Item(Spec):
    id: Id = described("Unique id of the item within its backlog.")
    name: str = described("What the work is, in a few words.")
    impact: Level = described("low, medium or high: what it changes for the team and the business.")
    effort: Level = described("low, medium or high: what it costs the team.")
    owner: Owner | None = described("The party who drives it (a list: any one of them).", default=None)
    status: ItemStatus = described("idea, planned, in-progress, done or dropped.", default="idea")
    due: Due | None = described("A quarter (2027-Q1, on the fiscal year) or a date (2027-03-31).", default=None)
    pillars: list[Pillar] = described(
        "The SCORE pillars it serves: scalable, cohesive, organized, reliable, efficient.", default_factory=list
    )
    refs: list[Ref] = described(
        "What it changes, as kind:id (program:, activity:<raci>/<activity>, stage:<lifecycle>/<stage>, "
        "tool:, channel:, scoring:, lifecycle:, raci:, convention:, vocabulary:, party:).",
        default_factory=list,
    )
    description: Markdown | None = described("Markdown.", default=None)


class BacklogSpec(Spec):
    """The team's backlog: work rated by impact and effort, with owners, dues and what it changes."""

    KIND: ClassVar[str] = "backlog"
    kind: Literal["backlog"]
    id: Id = described("Unique id of the backlog.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    items: list[Item] = described("The work items.", default_factory=list)
