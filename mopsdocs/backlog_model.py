"""Facts about backlogs shared by the BL rules, the references check and the backlog pages.

- **Quadrants** of the impact/effort matrix. `medium` is on the side that asks the most of an
  item before it is called cheap or pushed out: medium *impact* counts as high (worth doing:
  it is never deprioritised for its impact alone), medium *effort* counts as high (not quick:
  nothing is a quick win unless its effort is low). So: quick wins are high or medium impact
  and low effort; big bets high or medium impact and medium or high effort; fill-ins low impact
  and low effort; deprioritise low impact and medium or high effort. BL001 warns only about the
  clear case (low impact, high effort), as the playbook says.
- **Dues**: a date is due that day; a quarter (`2027-Q1`) at the end of its last day, on the fiscal
  year of the `fiscal_year_start` setting (a fiscal year is named for the calendar year it ends
  in, as in naming's fiscal dates: starting on 02-01, 2027-Q1 is 2026-02-01 to 2026-04-30).
- **Refs** (`kind:id`): what each kind of reference names, and where it resolves.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import specs
from .project import Project

QUADRANTS = ("quick-wins", "big-bets", "fill-ins", "deprioritise")
LEVELS: tuple[specs.Level, ...] = ("low", "medium", "high")
STATUSES: tuple[specs.ItemStatus, ...] = ("in-progress", "planned", "idea", "done", "dropped")
OPEN = frozenset({"idea", "planned", "in-progress"})  # neither done nor dropped


def quadrant(item: specs.Item) -> str:
    """quick-wins, big-bets, fill-ins or deprioritise (medium: see the module's docstring)."""
    high_impact = item.impact != "low"
    high_effort = item.effort != "low"
    if high_impact:
        return "big-bets" if high_effort else "quick-wins"
    return "deprioritise" if high_effort else "fill-ins"


def to_deprioritise(item: specs.Item) -> bool:
    """BL001's case: low impact, high effort, and the team is planning or doing it."""
    return item.impact == "low" and item.effort == "high" and item.status in ("planned", "in-progress")


# --------------------------------------------------------------------------- dues


def fiscal_start(project: Project) -> tuple[int, int]:
    """The `fiscal_year_start` setting (MM-DD, validated by the settings) as (month, day)."""
    month, day = project.settings.fiscal_year_start.split("-")
    return int(month), int(day)


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def quarter_bounds(year: int, quarter: int, start: tuple[int, int] = (1, 1)) -> tuple[_dt.date, _dt.date]:
    """First and last day of fiscal `quarter` of fiscal `year` (named for the year it ends in)."""
    first_year = year if start == (1, 1) else year - 1
    y, m = _add_months(first_year, start[0], 3 * (quarter - 1))
    begin = _dt.date(y, m, min(start[1], 28))
    ny, nm = _add_months(y, m, 3)
    end = _dt.date(ny, nm, min(start[1], 28)) - _dt.timedelta(days=1)
    return begin, end


def due_date(project: Project, due: str | None) -> _dt.date | None:
    """The last day an item is on time: the date itself, or its quarter's last day."""
    if due is None:
        return None
    if "-Q" in due:
        year, quarter = due.split("-Q")
        return quarter_bounds(int(year), int(quarter), fiscal_start(project))[1]
    return _dt.date.fromisoformat(due)


def is_overdue(project: Project, item: specs.Item) -> bool:
    """BL002's case: past its due (the day after it) and neither done nor dropped."""
    end = due_date(project, item.due)
    return end is not None and item.status in OPEN and end < project.today()


# --------------------------------------------------------------------------- refs


@dataclass(frozen=True)
class RefKind:
    """A kind of `kind:id` reference: its noun in messages, and its target tables.

    `one(project)` is the pool of a one-part ref (`program:x`); for a two-part ref
    (`stage:lead/mql`) `outer` is the pool of the first part and `inner(project, outer_id)` that
    of the second; `namespace(outer_id)` names the second part's ghosts (`stage:lead`).
    """

    noun: str
    namespace: str
    one: Callable[[Project], Mapping[str, Any]] | None = None
    outer_noun: str | None = None
    outer_namespace: str | None = None
    inner: Callable[[Project, str], Mapping[str, Any]] | None = None


REF_KINDS: dict[str, RefKind] = {
    "program": RefKind("program", "program", one=lambda p: p.programs),
    "activity": RefKind(
        "activity",
        "activity",
        one=lambda p: p.racis,
        outer_noun="RACI matrix",
        outer_namespace="raci",
        inner=lambda p, m: p.activities.get(m, {}),
    ),
    "stage": RefKind(
        "stage",
        "stage",
        one=lambda p: p.lifecycles,
        outer_noun="lifecycle",
        outer_namespace="lifecycle",
        inner=lambda p, lc: p.stages.get(lc, {}),
    ),
    "lifecycle": RefKind("lifecycle", "lifecycle", one=lambda p: p.lifecycles),
    "raci": RefKind("RACI matrix", "raci", one=lambda p: p.racis),
    "channel": RefKind("channel", "channel", one=lambda p: p.channels),
    "scoring": RefKind("scoring model", "scoring", one=lambda p: p.scorings),
    "convention": RefKind("convention", "convention", one=lambda p: p.conventions),
    "vocabulary": RefKind("vocabulary", "vocabulary", one=lambda p: p.vocabularies),
    "tool": RefKind("tool", "tool", one=lambda p: p.tools),  # the stack kind's tools, over every stack
    "party": RefKind("party", "party", one=lambda p: p.parties),
}
# the kinds whose ref has two parts, `<outer>/<id>`
TWO_PART = frozenset(k for k, v in REF_KINDS.items() if v.inner is not None)


@dataclass(frozen=True)
class Ref:
    kind: str
    outer: str | None  # the lifecycle of a stage, the matrix of an activity
    id: str

    @property
    def text(self) -> str:
        return f"{self.kind}:{self.outer}/{self.id}" if self.outer else f"{self.kind}:{self.id}"


def parse_ref(text: str) -> Ref:
    """`stage:lead/mql` -> Ref('stage', 'lead', 'mql'); the shape was checked by validation."""
    kind, _, rest = text.partition(":")
    outer, _, ident = rest.rpartition("/")
    return Ref(kind, outer or None, ident)


def resolves(project: Project, ref: Ref) -> bool:
    """Whether `ref` names an existing entity (an unknown kind never does)."""
    kind = REF_KINDS.get(ref.kind)
    if kind is None:
        return False
    if kind.inner is not None:
        return ref.outer is not None and ref.id in kind.inner(project, ref.outer)
    return ref.outer is None and kind.one is not None and ref.id in kind.one(project)


def items_of(project: Project) -> Iterator[tuple[specs.BacklogSpec, specs.Item]]:
    """Every item of every backlog, backlogs by id, items in spec order (first of an id only)."""
    for bid in sorted(project.backlogs):
        backlog = project.backlogs[bid]
        table = project.items.get(bid, {})
        for item in backlog.items:
            if table.get(item.id) is item:
                yield backlog, item


def referring(project: Project, kind: str, *ident: str) -> list[tuple[specs.BacklogSpec, specs.Item]]:
    """The items whose `refs` name `kind:ident` (`referring(p, "stage", "lead", "mql")`)."""
    wanted = Ref(kind, ident[0] if len(ident) == 2 else None, ident[-1])
    return [(b, item) for b, item in items_of(project) if any(parse_ref(r) == wanted for r in item.refs)]
