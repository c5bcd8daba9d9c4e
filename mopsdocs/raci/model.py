"""The resolved RACI matrix: columns in display order, rows, groups, per-party load.

Plain frozen data built from a validated spec. Everything that shows or exports a matrix starts
here, so the page, the CSV and the Markdown export always agree on column and row order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..i18n import N_

if TYPE_CHECKING:
    from .. import specs
    from ..project import Project

LETTERS = ("R", "A", "C", "I", "A/R")
# Marked for the site's catalogs (the matrix pages translate them where shown); the CLI's
# exports write them as they are here, in English.
WORDS = {
    "R": N_("Responsible"),
    "A": N_("Accountable"),
    "C": N_("Consulted"),
    "I": N_("Informed"),
    "A/R": N_("Accountable and Responsible"),
}
MEANINGS = {
    "R": N_("does the work"),
    "A": N_("answers for the outcome and signs off; exactly one per activity"),
    "C": N_("asked before: two-way"),
    "I": N_("told after: one-way"),
    "A/R": N_("accountable and does the work"),
}


@dataclass(frozen=True)
class Row:
    """One activity: its letters by party id, in the order they were written."""

    id: str
    name: str
    group: str | None = None
    assign: Mapping[str, str] = field(default_factory=dict)
    description: str | None = None

    def letter(self, party: str) -> str:
        return self.assign.get(party, "")


@dataclass(frozen=True)
class Load:
    """How much a party carries in one matrix (A/R counts as an R and as an A)."""

    party: str
    r: int
    a: int
    c: int
    i: int
    carries: int  # activities the party is R or A for (an A/R counts once)


@dataclass(frozen=True)
class Matrix:
    id: str
    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    description: str | None = None

    def groups(self) -> list[tuple[str | None, list[Row]]]:
        """Rows grouped by `group`, groups in order of first appearance, rows in spec order."""
        order: dict[str | None, list[Row]] = {}
        for row in self.rows:
            order.setdefault(row.group, []).append(row)
        return list(order.items())

    def grouped_rows(self) -> list[Row]:
        return [row for _, rows in self.groups() for row in rows]

    def load(self) -> list[Load]:
        """Per column: how many R, A, C and I it holds."""
        out = []
        for party in self.columns:
            letters = [row.letter(party) for row in self.rows]
            out.append(
                Load(
                    party,
                    r=sum(1 for x in letters if x in ("R", "A/R")),
                    a=sum(1 for x in letters if x in ("A", "A/R")),
                    c=letters.count("C"),
                    i=letters.count("I"),
                    carries=sum(1 for x in letters if x in ("R", "A", "A/R")),
                )
            )
        return out


def column_order(parties: Iterable[str] | None, rows: Iterable[Row]) -> tuple[str, ...]:
    """The `parties` list (first mention of each), then every other assigned party by first use."""
    seen: dict[str, None] = {}
    for party in parties or ():
        seen.setdefault(party, None)
    for row in rows:
        for party in row.assign:
            seen.setdefault(party, None)
    return tuple(seen)


def row_of(activity: specs.Activity) -> Row:
    return Row(activity.id, activity.name, activity.group, dict(activity.assign), activity.description)


def from_spec(project: Project, spec: specs.RaciSpec) -> Matrix:
    """The matrix as the project holds it: activities left out by SPEC005 are not rows."""
    table = project.activities.get(spec.id, {})
    rows = tuple(row_of(a) for a in spec.activities if table.get(a.id) is a)
    return Matrix(spec.id, spec.name, column_order(spec.parties, rows), rows, spec.description)
