"""The martech stack, resolved: renewal decisions, the renewal calendar, yearly costs, owners.

One source for the STACK rules (`mopsdocs check`), the `stack/` page and the people pages.
Plain data computed from the `Project` once per project (`facts`); nothing renders, and nothing
imports jinja2, mkdocs or graphviz (this runs in every commit hook).

- A renewal decision is due from the day the review window opens, `stack_review_window` before
  the notice deadline (`renews_on` minus `notice`), until the tool is reviewed: a review on or
  after the window opened is the decision. Retired tools need none.
- Yearly cost: `per: year` as is, `quarter` x 4, `month` x 12, `seat-year` x seats,
  `seat-month` x 12 x seats; a per-seat cost without `seats` has no yearly figure (shown, never
  guessed). Costs are added per currency, never across: no exchange rate is assumed.
  Retired tools cost nothing.
"""

from __future__ import annotations

import datetime as _dt
import weakref
from dataclasses import dataclass
from typing import get_args

from . import durations, specs
from .diagnostics import Location
from .i18n import N_
from .project import Project
from .specs.stack import NATIVE_VIA, ToolCategory

TOOL_CATEGORIES: tuple[str, ...] = get_args(ToolCategory)
PROGRAM_CATEGORIES: tuple[str, ...] = get_args(specs.Category)
STATUSES: tuple[str, ...] = ("active", "sunsetting", "evaluating", "retired")
COSTED_STATUSES = ("active", "sunsetting", "evaluating")  # what is paid for now
PER_YEAR = {"year": 1, "quarter": 4, "month": 12, "seat-year": 1, "seat-month": 12}
CALENDAR_MONTHS = 12
# how pages name a category (ids such as `crm` and `ipaas` read as acronyms), in the contract's order
TOOL_CATEGORY_WORDS = {
    "marketing-automation": N_("Marketing automation"),
    "crm": N_("CRM"),
    "ipaas": N_("iPaaS"),
    "enrichment": N_("Enrichment"),
    "analytics": N_("Analytics"),
    "abm": N_("ABM"),
    "data-quality": N_("Data quality"),
    "consent": N_("Consent"),
    "webinar": N_("Webinar"),
    "chat": N_("Chat"),
    "other": N_("Other"),
}


# --------------------------------------------------------------------------- renewals


@dataclass(frozen=True)
class Renewal:
    """Where a tool's renewal decision stands on the as-of date."""

    tool_id: str
    renews_on: _dt.date
    notice_days: int  # 0 without `notice`
    decide_by: _dt.date  # renews_on - notice: the last day to give notice
    window_opens: _dt.date  # decide_by - stack_review_window
    reviewed_on: _dt.date | None
    today: _dt.date

    @property
    def reviewed_in_window(self) -> bool:
        """Reviewed on or after the day the window opened: the decision is made."""
        return self.reviewed_on is not None and self.reviewed_on >= self.window_opens

    @property
    def due(self) -> bool:
        """The window is open (or long past) and the tool has not been reviewed since it opened."""
        return self.today >= self.window_opens and not self.reviewed_in_window

    @property
    def stage(self) -> str:
        """`ahead` (notice deadline still to come), `missed` (deadline passed, renewal to come) or
        `past` (the renewal date itself has passed)."""
        if self.today > self.renews_on:
            return "past"
        return "missed" if self.today > self.decide_by else "ahead"


def renewal(project: Project, tool: specs.Tool) -> Renewal | None:
    """The tool's renewal, when it has a renewal date and is not retired."""
    contract = tool.contract
    if tool.status == "retired" or contract is None or contract.renews_on is None:
        return None
    cal = project.settings.business_calendar()
    notice = (durations.whole_days(contract.notice, cal) or 0) if contract.notice else 0
    window = durations.whole_days(project.settings.stack_review_window, cal) or 0
    renews_on = _dt.date.fromisoformat(contract.renews_on)
    decide_by = renews_on - _dt.timedelta(days=notice)
    reviewed = _dt.date.fromisoformat(tool.reviewed.on) if tool.reviewed is not None else None
    return Renewal(
        tool.id, renews_on, notice, decide_by, decide_by - _dt.timedelta(days=window), reviewed, project.today()
    )


def add_months(day: _dt.date, months: int) -> _dt.date:
    """The same day `months` later, or the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return _dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - 28 always exists


@dataclass(frozen=True)
class CalendarMonth:
    month: _dt.date  # its first day
    renewals: tuple[Renewal, ...]  # contracts renewing this month, by date then tool id
    deadlines: tuple[Renewal, ...]  # notice deadlines falling this month, by date then tool id


def _calendar(renewals: list[Renewal], today: _dt.date) -> tuple[CalendarMonth, ...]:
    """Month by month from the as-of date's month: the renewal dates and notice deadlines that fall
    from the as-of date up to (not including) the same day a year later. When the as-of date is not
    a first of the month, that month comes round again at the end, up to the day before."""
    end = add_months(today, CALENDAR_MONTHS)
    upcoming = [r for r in renewals if today <= r.renews_on < end]
    deadlines = [r for r in renewals if today <= r.decide_by < end]
    out = []
    start = today.replace(day=1)
    while start < end:
        month = (start.year, start.month)
        out.append(
            CalendarMonth(
                start,
                tuple(sorted((r for r in upcoming if (r.renews_on.year, r.renews_on.month) == month), key=_by_renewal)),
                tuple(
                    sorted((r for r in deadlines if (r.decide_by.year, r.decide_by.month) == month), key=_by_deadline)
                ),
            )
        )
        start = add_months(start, 1)
    return tuple(out)


def _by_renewal(r: Renewal) -> tuple[_dt.date, str]:
    return r.renews_on, r.tool_id


def _by_deadline(r: Renewal) -> tuple[_dt.date, str]:
    return r.decide_by, r.tool_id


# --------------------------------------------------------------------------- costs


def yearly_cost(tool: specs.Tool) -> float | None:
    """What the tool costs a year in its currency; None without a cost, or per seat without seats."""
    cost = tool.cost
    if cost is None:
        return None
    if cost.per.startswith("seat-"):
        if tool.seats is None:
            return None
        return cost.amount * PER_YEAR[cost.per] * tool.seats
    return cost.amount * PER_YEAR[cost.per]


@dataclass(frozen=True)
class CategoryCost:
    category: str
    by_status: tuple[tuple[str, float], ...]  # (status, yearly amount) in STATUSES order, non-zero or costed
    total: float


@dataclass(frozen=True)
class CurrencyCosts:
    currency: str
    categories: tuple[CategoryCost, ...]  # in category order
    total: float


def _costs(project: Project) -> tuple[tuple[CurrencyCosts, ...], tuple[str, ...]]:
    """Yearly cost by currency and category (statuses apart), and the tools whose cost has no
    yearly figure (per seat without seats)."""
    sums: dict[str, dict[str, dict[str, float]]] = {}
    unknown = []
    for tid in sorted(project.tools):
        tool = project.tools[tid]
        if tool.cost is None or tool.status not in COSTED_STATUSES:
            continue
        amount = yearly_cost(tool)
        if amount is None:
            unknown.append(tid)
            continue
        by_status = sums.setdefault(tool.cost.currency, {}).setdefault(tool.category, {})
        by_status[tool.status] = by_status.get(tool.status, 0.0) + amount
    out = []
    for currency in sorted(sums):
        rows = []
        for category in TOOL_CATEGORIES:
            found = sums[currency].get(category)
            if found:
                pairs = tuple((s, found[s]) for s in STATUSES if s in found)
                rows.append(CategoryCost(category, pairs, sum(v for _, v in pairs)))
        out.append(CurrencyCosts(currency, tuple(rows), sum(r.total for r in rows)))
    return tuple(out), tuple(unknown)


# --------------------------------------------------------------------------- the facts, once


@dataclass(frozen=True)
class StackFacts:
    renewals: dict[str, Renewal]  # tool id -> its renewal (tools with a renewal date, not retired)
    calendar: tuple[CalendarMonth, ...]
    costs: tuple[CurrencyCosts, ...]
    cost_unknown: tuple[str, ...]  # tool ids: per-seat cost without seats
    by_owner: dict[str, tuple[str, ...]]  # party id -> ids of the tools it owns (either-of: each)
    by_category: dict[str, tuple[str, ...]]  # category -> tool ids, by id
    overlaps: dict[str, tuple[str, ...]]  # category -> its 2+ active tools not `overlap_ok` (STACK003)
    automates: dict[str, tuple[int, ...]]  # program category -> indexes in project.integrations


_facts: tuple[weakref.ref[Project], StackFacts] | None = None


def facts(project: Project) -> StackFacts:
    """Everything above for `project`, computed once (the rules and every page read the same)."""
    global _facts
    if _facts is not None and _facts[0]() is project:
        return _facts[1]
    renewals = {tid: r for tid in sorted(project.tools) if (r := renewal(project, project.tools[tid])) is not None}
    owners: dict[str, list[str]] = {}
    categories: dict[str, list[str]] = {}
    for tid in sorted(project.tools):
        tool = project.tools[tid]
        for party in specs.owner_ids(tool.owner):
            owners.setdefault(party, []).append(tid)
        categories.setdefault(tool.category, []).append(tid)
    costs, unknown = _costs(project)
    out = StackFacts(
        renewals=renewals,
        calendar=_calendar(list(renewals.values()), project.today()),
        costs=costs,
        cost_unknown=unknown,
        by_owner={p: tuple(ids) for p, ids in sorted(owners.items())},
        by_category={c: tuple(categories[c]) for c in TOOL_CATEGORIES if c in categories},
        overlaps=_overlaps(project, categories),
        automates=_automates(project),
    )
    _facts = (weakref.ref(project), out)
    return out


def _overlaps(project: Project, categories: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Categories where two or more active tools do the same job: candidates to consolidate. A tool
    with `overlap_ok` overlaps with none; `other` tools share no job."""
    out = {}
    for category in TOOL_CATEGORIES:
        if category == "other":
            continue
        ids = tuple(
            t
            for t in categories.get(category, [])
            if project.tools[t].status == "active" and not project.tools[t].overlap_ok
        )
        if len(ids) >= 2:
            out[category] = ids
    return out


def _automates(project: Project) -> dict[str, tuple[int, ...]]:
    """Program category -> the integrations (by index) that automate its work, in category order."""
    found: dict[str, list[int]] = {}
    for n, integration in enumerate(project.integrations):
        for category in dict.fromkeys(integration.automates):
            found.setdefault(category, []).append(n)
    return {c: tuple(found[c]) for c in PROGRAM_CATEGORIES if c in found}


def via_tool(integration: specs.Integration) -> str | None:
    """The tool an integration runs through (an iPaaS), or None for native, api and file."""
    return None if integration.via in NATIVE_VIA else integration.via


__all__ = [
    "CALENDAR_MONTHS",
    "PER_YEAR",
    "PROGRAM_CATEGORIES",
    "STATUSES",
    "TOOL_CATEGORIES",
    "TOOL_CATEGORY_WORDS",
    "CalendarMonth",
    "CategoryCost",
    "CurrencyCosts",
    "Renewal",
    "StackFacts",
    "add_months",
    "due_since",
    "facts",
    "renewal",
    "via_tool",
    "yearly_cost",
]


def due_since(project: Project, location: Location) -> _dt.date | None:
    """The day the review window opened of the renewal whose `renews_on` stands at `location`
    (where STACK001 points): when the decision became due, for the health page's order."""
    for tid, r in facts(project).renewals.items():
        contract = project.tools[tid].contract
        if contract is not None and project.loc(contract, "renews_on") == location:
            return r.window_opens
    return None
