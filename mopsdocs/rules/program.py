"""PRG001-007: operational programs form a sound, reviewed, running catalogue.

Unknown ids in `depends_on`, `owner` and `automated_by` are REF001's and inactive owners are
TEAM001's: these rules only look at programs that exist, so one mistake gives one diagnostic.
The facts (cycles, review dates) come from `mopsdocs.program_model`, shared with the site.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import specs
from ..diagnostics import Diagnostic
from ..program_model import (
    MAX_CYCLES,
    dependency_cycles,
    program_triggers,
    required_category_locations,
    review_location,
    review_status,
    status_phrase,
)
from ..project import Project
from ..rule_catalogue import RULES
from .registry import rule


@rule("PRG001", "error", "dependency cycle between programs")
def check_cycles(project: Project) -> Iterator[Diagnostic]:
    """
    Programs depend on each other in a circle, so none of them can run first. `depends_on` says
    which programs must run before this one (normalisation before scoring before lifecycle); a
    cycle means the order is undefined and, in the platform, that campaigns wait on each other
    or overwrite each other's values.

    The message names the whole cycle, where `->` reads "depends on", and points at the
    `depends_on` entry of the cycle's first program (by id). Each cycle is reported once.

    Fix: decide which program really runs first and remove the dependency that points back.
    Example:
    `specs/programs/lifecycle.yaml:8:23: error[PRG001]: dependency cycle: lifecycle -> scoring -> normalization -> lifecycle`
    """
    cycles = dependency_cycles(project, limit=MAX_CYCLES + 1)
    for cycle in cycles[:MAX_CYCLES]:
        first = project.programs[cycle[0]]
        following = cycle[1] if len(cycle) > 1 else cycle[0]
        index = first.depends_on.index(following)
        if len(cycle) == 1:
            message, hint = f"program '{first.id}' depends on itself", "remove it from its own `depends_on`"
        else:
            message = "dependency cycle: " + " -> ".join([*cycle, cycle[0]])
            hint = "'->' reads 'depends on'; remove one of these dependencies to break the cycle"
        yield project.diag("PRG001", message, first, "depends_on", index, hint=hint)
    if len(cycles) > MAX_CYCLES:
        last = project.programs[cycles[MAX_CYCLES - 1][0]]
        yield project.diag(
            "PRG001",
            f"more dependency cycles than the {MAX_CYCLES} listed",
            last,
            "depends_on",
            hint="break the cycles above first, then run the check again",
        )


@rule("PRG002", "warning", "review overdue or never reviewed")
def check_reviews(project: Project) -> Iterator[Diagnostic]:
    """
    An active or paused program was last reviewed longer ago than its cadence allows, or was
    never reviewed. A program is due on `reviewed.on` + `reviewed.every` (default: the
    `review_every` setting) and overdue from the day after; "today" is the `as_of` setting or
    `--as-of`, else the real date. The last review is the latest date in `reviewed.on` and
    `reviewed.history`. Cadences in minutes or hours are rounded up to whole days. Draft and
    retired programs are not reviewed. Silent while a date or cadence under `reviewed` is
    malformed (SPEC004): the real last review is not known.

    Fix: review the program (does the smart list still match, do the flow steps still write the
    right values, is the owner still right?), then set `reviewed.on` to the date and move the old
    date into `reviewed.history`. Example:
    `specs/programs.yaml:8:16: warning[PRG002]: review of program 'one-day-late' is 1 day overdue: last reviewed 2021-06-01, due 2021-07-01 (every 30d)`
    """
    for pid in sorted(project.programs):
        program = project.programs[pid]
        status = review_status(project, program)
        if not status.overdue or project.had_error(program, "reviewed"):
            continue  # a malformed date or cadence is SPEC004's: the real last review is unknown
        where = review_location(project, program)
        if status.never:
            message = f"program '{pid}' has never been reviewed"
            hint = "review it and record the date in `reviewed: {on: YYYY-MM-DD}`"
        else:
            days = status.overdue_days
            message = (
                f"review of program '{pid}' is {days} day{'s' if days != 1 else ''} overdue: "
                f"last reviewed {status.last}, due {status.due} (every {status.every})"
            )
            hint = "review it, then set `reviewed.on` to the review date"
        yield Diagnostic("PRG002", RULES["PRG002"].severity, message, where, hint)


def _both_trigger_keys(project: Project) -> Iterator[Diagnostic]:
    for pid in sorted(project.programs):
        program = project.programs[pid]
        if program.trigger is not None and program.triggers:
            yield Diagnostic(
                "SPEC004",
                RULES["SPEC004"].severity,
                f"program '{pid}' has both `trigger` and `triggers`",
                project.loc(program, "triggers", key=True),
                "keep one: move the `trigger` into the `triggers` list, or drop `triggers`",
            )


@rule("PRG003", "error", "batch or scheduled trigger without a schedule")
def check_schedules(project: Project) -> Iterator[Diagnostic]:
    """
    A program whose trigger `type` is `batch` or `scheduled` runs at set times, so the spec must
    say when: without `schedule` nobody can tell whether last night's run was missed. (A `trigger`
    program runs on events and a `manual` one when someone starts it: neither needs a schedule.)
    A program run by several triggers (`triggers:`) needs a schedule on each batch or scheduled one.
    (A program with both `trigger` and `triggers` is SPEC004, reported here: keep one of them.)

    Fix: add `schedule:` in words, e.g. `"Daily at 02:00 UTC"` or `"Every Monday 06:00"`.
    Example:
    `specs/programs.yaml:7:17: error[PRG003]: program 'dedupe' has a scheduled trigger but no schedule`
    """
    yield from _both_trigger_keys(project)
    for pid in sorted(project.programs):
        program = project.programs[pid]
        several = len(program.triggers) > 1
        for i, trigger in enumerate(program_triggers(program)):
            if trigger.type not in ("batch", "scheduled"):
                continue
            if trigger.schedule is None or not trigger.schedule.strip():
                which = f" (trigger {i + 1})" if several else ""
                yield project.diag(
                    "PRG003",
                    f"program '{pid}' has a {trigger.type} trigger{which} but no schedule",
                    trigger,
                    "type",
                    hint='add `schedule:`, e.g. "Daily at 02:00 UTC"',
                )


@rule("PRG004", "warning", "required program category without an active program")
def check_required_categories(project: Project) -> Iterator[Diagnostic]:
    """
    A category listed in the `required_program_categories` setting (default: privacy-compliance,
    preference-center, bounce-management: the playbook's mini-audit) has no program with
    `status: active`. The diagnostic points at the category's entry in the setting in mkdocs.yml;
    when the setting is not written (the default applies), at the `mopsdocs` plugin entry.

    Silent about a category while a program of it has an error of its own (a misspelt `status`,
    say: SPEC004 reports it) or a spec file is cut short by a YAML error.

    Fix: add or activate a program of that category, or, if the team truly does without it,
    remove the category from `required_program_categories`. Example:
    `mkdocs.yml:8:11: warning[PRG004]: no active program in required category 'bounce-management'`
    """
    required = list(dict.fromkeys(project.settings.required_program_categories))
    if not required:
        return
    if project.unparsed_source("program") is not None:
        return  # a file cut short by a YAML error may hold the program
    # programs dropped for an error of their own (`status: Active`) may be the active one
    dropped = {raw.get("category") for (ns, _), raw in project.ghosts.items() if ns == "program"}
    where = required_category_locations(project)
    for category in required:
        members = sorted(p.id for p in project.programs.values() if p.category == category)
        if any(project.programs[m].status == "active" for m in members) or category in dropped:
            continue
        if members:
            hint = "; ".join(f"'{m}' is {status_phrase(project.programs[m].status)}" for m in members)
        else:
            hint = f"add a program with `category: {category}` and `status: active`"
        yield Diagnostic(
            "PRG004",
            RULES["PRG004"].severity,
            f"no active program in required category '{category}'",
            where[category],
            hint,
        )


@rule("PRG005", "warning", "active program depends on a retired or paused one")
def check_retired_dependencies(project: Project) -> Iterator[Diagnostic]:
    """
    An active program lists in `depends_on` a program whose status is `retired` or `paused`:
    what it needs done first is no longer done (a scoring program that relies on values a retired
    normalisation program used to clean). Points at the `depends_on` entry.

    Fix: depend on the program that replaced it, reactivate it, or remove the dependency.
    Example:
    `specs/programs.yaml:7:14: warning[PRG005]: active program 'scoring' depends on 'old-normalization', which is retired`
    """
    for pid in sorted(project.programs):
        program = project.programs[pid]
        if program.status != "active":
            continue
        for i, dep in enumerate(program.depends_on):
            target = project.programs.get(dep)
            if target is None or target.status not in ("retired", "paused") or dep in program.depends_on[:i]:
                continue
            yield project.diag(
                "PRG005",
                f"active program '{pid}' depends on '{dep}', which is {target.status}",
                program,
                "depends_on",
                i,
                hint="depend on the program that replaced it, reactivate it, or remove the dependency",
            )


@rule("PRG006", "warning", "lifecycle transition automated by a program that is not active")
def check_automations(project: Project) -> Iterator[Diagnostic]:
    """
    A lifecycle transition says it is `automated_by` a program whose status is `draft`, `paused`
    or `retired`, so in practice nothing moves records along it: they wait in the stage. (An
    `automated_by` id that names no program at all is REF001.)

    Fix: activate the program, point `automated_by` at the active program that does the work now,
    or remove `automated_by` if people make this move by hand. Example:
    `specs/lead.yaml:11:47: warning[PRG006]: transition known -> customer of lifecycle 'lead' is automated by 'routing', which is paused`
    """
    for lc_id in sorted(project.lifecycles):
        for t in project.lifecycles[lc_id].transitions:
            target = project.programs.get(t.automated_by or "")
            if target is None or target.status == "active":
                continue
            yield project.diag(
                "PRG006",
                f"transition {t.from_} -> {t.to} of lifecycle '{lc_id}' is automated by "
                f"'{target.id}', which is {status_phrase(target.status)}",
                t,
                "automated_by",
                hint="activate the program, or point `automated_by` at the one that does this now",
            )


@rule("PRG007", "warning", "review date in the future")
def check_future_reviews(project: Project) -> Iterator[Diagnostic]:
    """
    A program's `reviewed.on`, or a date in its `reviewed.history`, is after "today" (the `as_of`
    setting or `--as-of`, else the real date). A review is recorded once it has happened, so the
    date is a typo (often the year) or a planned review written down too early; either way the
    program looks reviewed when it is not, and PRG002 stays silent about it.

    Fix: correct the date, or record the review when it is done (the next due date follows from
    `every`). Example:
    `specs/programs.yaml:7:16: warning[PRG007]: program 'bounces' was reviewed on 2022-11-02, which is after today, 2021-12-01`
    """
    import datetime as _dt

    today = project.today()
    for pid in sorted(project.programs):
        reviewed = project.programs[pid].reviewed
        if reviewed is None:
            continue
        entries: list[specs.Review | specs.ReviewEntry] = [reviewed, *reviewed.history]
        for entry in entries:
            if entry.on is None or _dt.date.fromisoformat(entry.on) <= today:
                continue
            yield project.diag(
                "PRG007",
                f"program '{pid}' was reviewed on {entry.on}, which is after today, {today.isoformat()}",
                entry,
                "on",
                hint="check the date, often the year; record a review once it has happened",
            )
