"""BL001-002: the backlog is ranked the way the playbook says, and dues are kept or moved.

The facts (an item's quadrant, when a quarter ends on the fiscal year, what is still open) come
from `mopsdocs.backlog_model`, shared with the backlog pages.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..backlog_model import due_date, is_overdue, items_of, to_deprioritise
from ..diagnostics import Diagnostic
from ..project import Project
from .registry import rule


@rule("BL001", "warning", "low impact, high effort item planned or in progress")
def check_deprioritise(project: Project) -> Iterator[Diagnostic]:
    """
    An item rated `impact: low` and `effort: high` is `planned` or `in-progress`. The playbook's
    first advice for a busy year: rank the work by impact and effort, do the quick wins first and
    push what is low impact and high effort to next year; a team that plans such an item spends
    its scarcest time where it changes least.

    Only the clear case is reported: a `medium` impact or effort is a judgement the team has made.
    Ideas, done and dropped items are silent.

    Fix: set `status: idea` (or `dropped`) and give it a later `due`, or cut its effort (a smaller
    first step is a new item with `effort: low`), or re-rate its impact if it was wrong. Example:
    `specs/backlog.yaml:10:13: warning[BL001]: item 'rebuild-folders' of backlog 'mops' is low impact and high effort but planned: deprioritise it for the new year`
    """
    for backlog, item in items_of(project):
        if project.had_error(item, "status") or not to_deprioritise(item):
            continue
        yield project.diag(
            "BL001",
            f"item '{item.id}' of backlog '{backlog.id}' is low impact and high effort but {item.status}: "
            "deprioritise it for the new year",
            item,
            "status",
            hint="set `status: idea` with a later `due`, or split off a low-effort first step",
        )


@rule("BL002", "warning", "item past its due and not done or dropped")
def check_overdue(project: Project) -> Iterator[Diagnostic]:
    """
    An item's `due` is before the as-of date (the `as_of` setting or `--as-of`, else today) and
    its status is not `done` or `dropped`. A date is due at the end of that day; a quarter
    (`2027-Q1`) at the end of its last day, on the fiscal year that the `fiscal_year_start`
    setting starts (a fiscal year is named for the calendar year it ends in). A backlog whose dues
    have passed no longer says what the team will do when.

    Fix: mark it `done` or `dropped`, or move its `due` to when it will really happen. Example:
    `specs/backlog.yaml:10:93: warning[BL002]: item 'lead-routing' of backlog 'mops' was due 2022-Q3 (by 2021-10-31) and is not done (status: idea)`
    """
    for backlog, item in items_of(project):
        if item.due is None or project.had_error(item, "status") or not is_overdue(project, item):
            continue
        end = due_date(project, item.due)
        by = f" (by {end.isoformat()})" if end is not None and "-Q" in item.due else ""
        yield project.diag(
            "BL002",
            f"item '{item.id}' of backlog '{backlog.id}' was due {item.due}{by} and is not done (status: {item.status})",
            item,
            "due",
            hint="mark it done or dropped, or move `due` to when it will happen",
        )
