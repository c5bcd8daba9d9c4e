"""The `stack` kind: the martech stack's tools (cost, contract, reviews) and their integrations."""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .base import Date, Duration, Id, Markdown, Owner, Spec, Url, described

ToolCategory = Literal[
    "marketing-automation",
    "crm",
    "ipaas",
    "enrichment",
    "analytics",
    "abm",
    "data-quality",
    "consent",
    "webinar",
    "chat",
    "other",
]
ToolStatus = Literal["evaluating", "active", "sunsetting", "retired"]
# What a cost is counted per. `seat-*` costs are per seat and need `seats` for a yearly figure.
CostPer = Literal["year", "quarter", "month", "seat-year", "seat-month"]
Direction = Literal["one-way", "both"]
ReviewDecision = Literal["renew", "renegotiate", "replace", "cut"]
NATIVE_VIA = ("native", "api", "file")  # any other `via` is the id of a tool (an iPaaS)
CURRENCY_PATTERN = r"^[A-Z]{3}$"


def _currency(value: str) -> str:
    if re.match(CURRENCY_PATTERN, value):
        return value
    upper = value.strip().upper()
    hint = f"did you mean '{upper}'?" if re.match(CURRENCY_PATTERN, upper) else "write its ISO 4217 code, e.g. USD"
    raise PydanticCustomError("currency", "is not a currency code (three capital letters)", {"hint": hint})


Currency = Annotated[str, AfterValidator(_currency), Field(json_schema_extra={"pattern": CURRENCY_PATTERN})]


class Cost(Spec):
    amount: float = described("What is paid, per `per`, in `currency`: zero or more.", ge=0, allow_inf_nan=False)
    currency: Currency = described(
        "ISO 4217 code such as USD, EUR or GBP; costs in different currencies are never added."
    )
    per: CostPer = described("year, quarter, month, seat-year or seat-month (per seat: needs `seats`).", default="year")


class Contract(Spec):
    renews_on: Date | None = described("The day the contract renews (or ends).", default=None)
    notice: Duration | None = described(
        "How long before `renews_on` the vendor must be told to cancel or change it (e.g. 90d).", default=None
    )
    auto_renews: bool = described("Renews by itself unless notice is given.", default=True)
    term: str | None = described("The contract's term as agreed, e.g. '12 months'.", default=None)


class ToolReview(Spec):
    on: Date = described("Day of the last review of the tool (its renewal decision).")
    by: Id | None = described("Party that reviewed.", default=None)
    decision: ReviewDecision | None = described("renew, renegotiate, replace or cut.", default=None)
    notes: Markdown | None = described("Markdown.", default=None)


class Tool(Spec):
    id: Id = described("Unique id of the tool, over every stack.")
    name: str = described("The product's name.")
    vendor: str | None = described("Who sells it.", default=None)
    category: ToolCategory = described(
        "marketing-automation, crm, ipaas, enrichment, analytics, abm, data-quality, consent, webinar, chat or other."
    )
    owner: Owner | None = described("Party that owns it; a list means any one of them.", default=None)
    status: ToolStatus = described("evaluating, active, sunsetting or retired.", default="active")
    cost: Cost | None = described("What it costs: {amount, currency, per}.", default=None)
    seats: int | None = described("Seats (licences) bought.", default=None, ge=0)
    contract: Contract | None = described("{renews_on, notice}: when the renewal decision is due.", default=None)
    reviewed: ToolReview | None = described("{on, by, decision, notes}: the last review.", default=None)
    overlap_ok: bool = described(
        "Another active tool of its category is meant to be there too (no STACK003).", default=False
    )
    url: Url | None = described("The tool's admin or vendor page.", default=None)
    description: Markdown | None = described("Markdown.", default=None)


class Integration(Spec):
    from_: Id = Field(alias="from", description="The tool data leaves.")
    to: Id = described("The tool data arrives in.")
    via: Id = described("native, api, file, or the id of the tool that carries it (an iPaaS).", default="native")
    objects: list[str] = described("Records it moves: lead, contact, account, campaign ...", default_factory=list)
    direction: Direction = described("one-way (from -> to) or both.", default="one-way")
    every: Duration | None = described("How often it syncs (e.g. 5m, 1d).", default=None)
    automates: list[Id] = described(
        "Program categories of the work it automates (list-import ...).", default_factory=list
    )
    owner: Owner | None = described("Party that owns it; a list means any one of them.", default=None)
    description: Markdown | None = described("Markdown.", default=None)


class StackSpec(Spec):
    """The martech stack: tools with owner, cost, contract and reviews, and their integrations."""

    KIND: ClassVar[str] = "stack"
    kind: Literal["stack"]
    id: Id = described("Unique id of the stack.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    tools: list[Tool] = described("The tools.", default_factory=list)
    integrations: list[Integration] = described("How data moves between tools.", default_factory=list)
