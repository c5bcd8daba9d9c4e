"""RACI001-005: every activity of a RACI matrix has one Accountable, someone Responsible, and few Consulted.

RACI003 (a cell that is not R, A, C, I or A/R) is raised by the schema validator, which already
knows where the bad value stands; it is declared here so it has a severity and a catalogue entry.
Unknown parties (REF001) and inactive people holding R/A (TEAM001) are checked by the reference and
team rules. The small letter helpers below are shared with `mopsdocs raci import`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .. import specs
from ..diagnostics import Diagnostic
from ..project import Project
from ..rule_catalogue import declare
from .registry import rule

ACCOUNTABLE = ("A", "A/R")
RESPONSIBLE = ("R", "A/R")


def accountable(assign: Mapping[str, str]) -> list[str]:
    """Parties that are A (A/R counts), in the order they are written."""
    return [party for party, letter in assign.items() if letter in ACCOUNTABLE]


def responsible(assign: Mapping[str, str]) -> list[str]:
    """Parties that are R (A/R counts)."""
    return [party for party, letter in assign.items() if letter in RESPONSIBLE]


def consulted(assign: Mapping[str, str]) -> list[str]:
    return [party for party, letter in assign.items() if letter == "C"]


def and_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': how the messages name several parties."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rows(project: Project, matrix: specs.RaciSpec) -> list[specs.Activity]:
    """The matrix's activities that made it into the project (a duplicate id is SPEC005's, and left out)."""
    table = project.activities.get(matrix.id, {})
    return [a for a in matrix.activities if table.get(a.id) is a]


def _cells_dropped(project: Project, activity: specs.Activity) -> bool:
    """True when validation dropped a cell of `assign` (RACI003, a bad party id).

    The dropped cell might have been the missing A or R, so "no A" and "no R" would be guesses:
    they are not reported until the cell is fixed (no cascade of follow-on errors).
    """
    raw: Any = project.document_of(activity).data
    for part in (*activity.origin, "assign"):
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(raw, dict) and len(raw) != len(activity.assign)


declare(
    "RACI003",
    "error",
    "cell value not one of R, A, C, I, A/R",
    """
    A cell of an activity's `assign` holds something other than `R` (Responsible: does the work),
    `A` (Accountable: answers for the outcome), `C` (Consulted: asked before), `I` (Informed: told
    after) or `A/R` (Accountable and does the work). Letters are capitals; write `A/R` with the
    slash. The cell is left out of the other RACI checks until it is fixed.

    Example: `assign: {mops-manager: X}` gives
    `specs/raci.yaml:8:28: error[RACI003]: 'X' is not a RACI letter (use R, A, C, I or A/R)`.
    """,
)


@rule("RACI001", "error", "activity without exactly one A (A/R counts)")
def check_one_accountable(project: Project) -> Iterator[Diagnostic]:
    """
    Every activity has exactly one Accountable party: "the golden rule" of RACI. With two, each
    thinks the other decides; with none, nobody answers for the outcome. `A/R` counts as an A.

    Fix: keep `A` on the one party who signs off and make the others `R` or `C`; if nobody is
    accountable, add one. Example:
    `specs/raci.yaml:7:5: error[RACI001]: give 'dedupe' exactly one A: now mops-director and sfdc-admin`
    """
    for matrix in project.racis.values():
        for activity in _rows(project, matrix):
            owners = accountable(activity.assign)
            if len(owners) > 1:
                yield project.diag(
                    "RACI001",
                    f"give '{activity.id}' exactly one A: now {and_list(owners)}",
                    activity,
                    "assign",
                    key=True,
                    hint="keep A on the party who signs off; make the others R or C",
                )
            elif not owners and not _cells_dropped(project, activity):
                yield project.diag(
                    "RACI001",
                    f"give '{activity.id}' exactly one A: now none",
                    activity,
                    "assign",
                    key=True,
                    hint="add `<party>: A`, or `A/R` if that party also does the work",
                )


@rule("RACI002", "error", "activity without an R (A/R counts)")
def check_responsible(project: Project) -> Iterator[Diagnostic]:
    """
    Nobody is Responsible for the activity, so nobody does the work. An Accountable party that
    also does the work is written `A/R` and counts as the R.

    Fix: add `<party>: R`, or turn the A into `A/R`. Example:
    `specs/raci.yaml:10:5: error[RACI002]: give 'routing' at least one R: nobody does the work`
    """
    for matrix in project.racis.values():
        for activity in _rows(project, matrix):
            if responsible(activity.assign) or _cells_dropped(project, activity):
                continue
            owners = accountable(activity.assign)
            hint = (
                f"add `<party>: R`, or make '{owners[0]}' A/R if they do the work themselves"
                if len(owners) == 1
                else "add `<party>: R` for whoever does the work"
            )
            yield project.diag(
                "RACI002",
                f"give '{activity.id}' at least one R: nobody does the work",
                activity,
                "assign",
                key=True,
                hint=hint,
            )


@rule("RACI004", "warning", "more C than raci_max_consulted")
def check_consulted(project: Project) -> Iterator[Diagnostic]:
    """
    The activity consults more parties than the `raci_max_consulted` setting allows (default 4).
    Every C is a conversation before anything happens; consulting everybody is a classic RACI
    mistake that slows the work down.

    Fix: make the parties who only need to know `I` (informed after the fact), or raise
    `raci_max_consulted` in the mopsdocs block of mkdocs.yml. The diagnostic points at the first
    C over the limit.
    """
    limit = project.settings.raci_max_consulted
    for matrix in project.racis.values():
        for activity in _rows(project, matrix):
            asked = consulted(activity.assign)
            if len(asked) > limit:
                parties = f"{len(asked)} part{'y' if len(asked) == 1 else 'ies'}"
                yield project.diag(
                    "RACI004",
                    f"'{activity.id}' consults {parties} ({and_list(asked)}); at most {limit} (raci_max_consulted)",
                    activity,
                    "assign",
                    asked[limit],
                    hint="make those who only need to know I, or raise raci_max_consulted",
                )


@rule("RACI005", "warning", "`parties` does not list each assigned party exactly once")
def check_columns(project: Project) -> Iterator[Diagnostic]:
    """
    A matrix with a `parties` list (the column order) should list every party that has a letter in
    it, once. A party missing from the list still gets a column (after the listed ones), but the
    list was probably meant to be complete; a party listed twice is a slip.

    Fix: add the party to `parties` (or drop it from the list), or remove `parties` to order the
    columns by first use.
    """
    for matrix in project.racis.values():
        if matrix.parties is None:
            continue
        listed: set[str] = set()
        for i, party in enumerate(matrix.parties):
            if party in listed:
                yield project.diag(
                    "RACI005",
                    f"'{party}' is listed twice in `parties` of '{matrix.id}'",
                    matrix,
                    "parties",
                    i,
                    hint="remove the second entry",
                )
            listed.add(party)
        for activity in _rows(project, matrix):
            for party in activity.assign:
                if party not in listed and party in project.parties:  # an unknown one is REF001's
                    listed.add(party)  # report the first use only
                    yield project.diag(
                        "RACI005",
                        f"'{party}' has letters in '{matrix.id}' but is not in its `parties` list",
                        activity,
                        "assign",
                        party,
                        key=True,
                        hint=f"add '{party}' to `parties`, or remove `parties` to order columns by first use",
                    )
