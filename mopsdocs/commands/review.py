"""`mopsdocs review draft YEAR [EXPORT...]`: a year-in-review spec to fill in, with the figures
the exports can give (programs created that year, in total and by channel, from a Marketo
programs export), the rest written as comments saying what people must add.

The draft is printed (stdout), never written: the team saves it under `specs/` after reading it.
It is valid for `mopsdocs check` as printed: what needs a person is commented out. Exports are
read by `mopsdocs.exports.read_exports` (files or folders; without EXPORT, the `exports_dir`
folder when it exists). Only click is imported here at module level.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..clikit import Exit, project_option, usage_error

if TYPE_CHECKING:
    from ..exports import Exports, PlatformProgram
    from ..project import Project

NO_CHANNEL = "(no channel)"


@click.group()
def review() -> None:
    """The year in review (`review` specs)."""


@review.command()
@click.argument("year", type=int)
@click.argument("exports", nargs=-1, type=click.Path(path_type=Path))
@project_option
def draft(year: int, exports: tuple[Path, ...], project: str | None) -> None:
    """Print a review spec for YEAR with the figures EXPORT... (files or folders) can give."""
    from ..config import ProjectNotFound, find_root
    from ..exports import read_exports
    from ..pipeline import load_project
    from ..report import concise_line

    if not 1900 <= year <= 2999:
        usage_error(f"YEAR {year} is not a year: give it as 2026")
    for path in exports:
        if not path.exists():
            usage_error(f"{path}: no such file or folder")
    model: Project | None = None
    root = Path.cwd()
    try:
        root = find_root(Path(project) if project else Path.cwd())
        model, _ = load_project(root)
    except ProjectNotFound:
        if project is not None:
            usage_error(f"--project {project}: no mkdocs.yml there or above")
    paths = list(exports)
    if not paths and model is not None:
        default = root / model.settings.exports_dir
        paths = [default] if default.is_dir() else []
    read = read_exports(paths, root=root, settings=model.settings if model else None) if paths else None
    click.echo(draft_text(year, model, read), nl=False)
    if read is not None and read.diagnostics:
        for d in read.diagnostics:
            click.echo(concise_line(d), err=True)
        if any(d.severity.value == "error" for d in read.diagnostics):
            raise Exit(1)


def fiscal_bounds(year: int, model: Project | None) -> tuple[_dt.date, _dt.date, bool]:
    """The first and last day of `year`: the fiscal year (named for the year it ends in) when
    `fiscal_year_start` is set, else the calendar year; and whether it is fiscal."""
    from ..backlog_model import fiscal_start, quarter_bounds

    start = fiscal_start(model) if model is not None else (1, 1)
    return quarter_bounds(year, 1, start)[0], quarter_bounds(year, 4, start)[1], start != (1, 1)


def created_in(programs: Sequence[PlatformProgram], first: _dt.date, last: _dt.date) -> tuple[dict[str, int], int]:
    """Programs created between `first` and `last` (UTC) by channel (largest first), and how many
    programs had no creation date."""
    counts: dict[str, int] = {}
    undated = 0
    for program in programs:
        if program.created_at is None:
            undated += 1
            continue
        if first <= program.created_at.date() <= last:
            channel = program.channel or NO_CHANNEL
            counts[channel] = counts.get(channel, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), undated


def _q(text: str) -> str:
    """A YAML scalar that reads back as `text` (JSON strings are YAML double-quoted scalars)."""
    return json.dumps(text, ensure_ascii=False)


def draft_text(year: int, model: Project | None, read: Exports | None) -> str:
    """The draft: a valid review spec, the exports' figures filled in, the rest as comments."""
    first, last, fiscal = fiscal_bounds(year, model)
    span = f"fiscal year {year} ({first.isoformat()} to {last.isoformat()})" if fiscal else str(year)
    out = [
        f"# A year in review for {span}, drafted by `mopsdocs review draft`.",
        "# Fill in what the comments ask, save it under specs/ (e.g. specs/reviews/"
        f"y{year}.yaml) and run `mopsdocs check`.",
    ]
    if model is not None:
        same = [r for r in model.reviews.values() if r.year == year]
        for r in same:
            out.append(f"# Note: the specs already have a review of {year}: '{r.id}' ({model.loc(r).path}).")
    if read is not None and read.files:
        out.append("# Read: " + ", ".join(f"{f.path} ({f.type}, {f.records} records)" for f in read.files) + ".")
    out += ["kind: review", f"id: y{year}", f"name: {_q(f'{year} in review')}", f"year: {year}"]
    figures = _figures(read, first, last, span)
    filled = any(not line.lstrip().startswith("#") for line in figures)
    out.append("figures:" if filled else "figures: {}  # none from the exports: uncomment and fill in these")
    out += figures
    out += [
        'wins: []  # what went well: a list of Markdown texts, e.g. ["Every webinar ran on the new template"]',
        "lessons: []  # what the team learnt, the same way",
        "goals: []  # next year's goals: {name: ..., item: <backlog>/<item>} names the backlog item that delivers it",
    ]
    out += _goal_hints(year, model)
    out += [
        "# score:  # SCORE: rate each pillar 1 (weak) to 5 (strong), with the evidence",
        '#   scalable: {rating: 3, evidence: "..."}',
        '#   cohesive: {rating: 3, evidence: "..."}',
        '#   organized: {rating: 3, evidence: "..."}',
        '#   reliable: {rating: 3, evidence: "..."}',
        '#   efficient: {rating: 3, evidence: "..."}',
    ]
    return "\n".join(out) + "\n"


def _figures(read: Exports | None, first: _dt.date, last: _dt.date, span: str) -> list[str]:
    out: list[str] = []
    if read is not None and read.read("marketo-programs"):
        counts, undated = created_in(read.programs, first, last)
        total = sum(counts.values())
        out.append(f"  programs_created: {total}  # from the programs export: created in {span}")
        if undated:
            out.append(f"  # {undated} program(s) of the export have no createdAt: not counted")
        if counts:
            out.append("  programs_created_by_channel:  # from the programs export, by Marketo channel")
            out += [f"    {_q(channel)}: {count}" for channel, count in counts.items()]
    else:
        out.append("  # programs_created: 0  # give a Marketo programs export (programs.json) to count them")
    out += [
        "  # campaigns: 0  # campaigns run (fill in)",
        "  # emails_sent: 0",
        "  # median_open_rate: 0.31  # rates are fractions: 0.31 for 31%",
        "  # median_click_rate: 0.032",
        "  # mqls: 0",
    ]
    return out


def _goal_hints(year: int, model: Project | None) -> list[str]:
    """Comments naming last year's goals (to judge) and the open backlog items (to link)."""
    if model is None:
        return []
    from ..backlog_model import OPEN, items_of

    out: list[str] = []
    before = [r for r in model.reviews.values() if r.year == year - 1]
    for r in before:
        if r.goals:
            out.append(f"# Last year's goals ({r.id}), to judge in wins and lessons:")
            out += [f"#   - {goal.name}" for goal in r.goals]
    open_items = [(b, i) for b, i in items_of(model) if i.status in OPEN]
    if open_items:
        out.append("# Open backlog items a goal may name (item: <backlog>/<item>):")
        out += [f"#   {b.id}/{i.id}: {i.name}" for b, i in open_items]
    return out


COMMANDS = [review]
