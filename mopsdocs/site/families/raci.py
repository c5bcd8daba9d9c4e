"""Pages `raci/<id>/`: the matrix as an accessible HTML table, its legend and the load per party.

The view-model is resolved, plain data: column headers with names and links, one cell per
party and activity with its letter and the word it stands for, rows grouped, and (v2) each
activity's turnaround (`sla`, as written for the matrix and in words for its notes), inputs and
outputs. `raci.md.j2` lays it out and escapes every value (`attr` inside the HTML table,
`text`/`cell`/`markdown` outside).

A matrix of more than `PAGE_LIMIT` activities is too big for one page (800 activities by 60
parties is 48,000 cells, megabytes of HTML): `raci/<id>/` then keeps the legend, the list of
parts and the load per party, and each group of activities gets its own page,
`raci/<id>/<group>/`, with only the parties that hold a letter in it. `activity_pages` says
where each activity's row is, for the links from people pages.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from ... import durations, specs
from ...i18n import ENGLISH, N_, Words
from ...project import Project
from ...raci.model import LETTERS, MEANINGS, WORDS, Matrix, Row, from_spec
from ..context import SiteContext
from ..pages import Page, party_path, raci_path

NAV = (N_("RACI matrices"),)  # translated where the pages are made
# Material's side bars are hidden on matrix pages (front matter): a matrix is read as a grid, and
# a twelve-party matrix needs the width of a laptop screen; the page's sections are few
HIDE = ("navigation", "toc")
PAGE_LIMIT = 100  # activities on one page; a bigger matrix gets a page per group (or per run)
CSS_CLASS = {"R": "r", "A": "a", "C": "c", "I": "i", "A/R": "ar"}
HEAVY_SHARE = 0.5  # R or A on more than half of the activities: flagged as a heavy load
HEAVY_MIN_ROWS = 4  # ... in matrices big enough for a share to mean something
# a column's kind in its hover text ("MOPs Manager: role, Marketing Operations")
KIND_WORDS = {"team": N_("team"), "role": N_("role"), "person": N_("person"), "queue": N_("queue")}


@dataclass(frozen=True)
class Column:
    id: str
    name: str
    kind: str | None  # team, role, person; None when unknown (REF001)
    title: str  # hover text: full name, kind and team, e.g. "MOPs Manager: role, Marketing Operations"
    path: str | None  # its people page (Markdown link target), when that page exists
    href: str | None  # the same as a final URL, for links inside raw HTML (not rewritten by MkDocs)
    inactive: bool


@dataclass(frozen=True)
class Cell:
    letter: str  # "" for no letter
    word: str
    css: str


@dataclass(frozen=True)
class RowView:
    id: str
    name: str
    anchor: str  # id of the table row: people pages link here
    note_anchor: str | None  # id of the activity's notes below the table, when it has any
    description: str | None
    cells: tuple[Cell, ...]
    extras: tuple[tuple[str, str], ...]
    # (v2) turnaround: as written (`2bd`, the matrix cell) and in words (with its calendar bound)
    sla: str | None = None
    sla_words: str | None = None
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupView:
    name: str | None
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class LoadView:
    column: Column
    r: int
    a: int
    c: int
    i: int
    carries: int  # activities it is R or A for
    percent: int  # carries as a share of all activities
    heavy: bool
    shown_percent: str = ""  # `percent` as the site's language writes it ("31%", "31 %")


@dataclass(frozen=True)
class LegendEntry:
    letter: str
    word: str
    meaning: str
    css: str


@dataclass(frozen=True)
class PartRef:
    """One page of a matrix too big for one: a group of activities (or a run of them)."""

    title: str
    path: str
    activity_count: int
    party_count: int


@dataclass(frozen=True)
class MatrixView:
    spec: specs.RaciSpec
    path: str
    columns: tuple[Column, ...]
    groups: tuple[GroupView, ...]
    grouped: bool  # whether any activity has a group (else no group header rows)
    with_sla: bool  # whether any row has a turnaround (then the matrix has an SLA column)
    activity_count: int
    loads: tuple[LoadView, ...]  # heaviest first
    notes: tuple[RowView, ...]  # rows with a description or extra fields, in display order
    legend: tuple[LegendEntry, ...]
    extras: tuple[tuple[str, str], ...]
    source: str
    edit_url: str | None
    parts: tuple[PartRef, ...] = ()  # the pages of a big matrix (then this view shows no table)
    part_title: str | None = None  # on the page of one part: its title
    whole_path: str | None = None  # on the page of one part: the matrix's overview page


def pages(project: Project, site: SiteContext) -> list[Page]:
    out = []
    section = tuple(site.words.gettext(title) for title in NAV)
    for order, matrix_id in enumerate(sorted(project.racis, key=lambda m: (project.racis[m].name.casefold(), m))):
        v = view(project, site, matrix_id)
        # spec_path: the page's edit button opens the spec it shows
        if not v.parts:
            out.append(
                Page(
                    v.path,
                    v.spec.name,
                    "raci.md.j2",
                    {"m": v, "spec_path": v.source, "hide": HIDE},
                    nav=section,
                    order=order,
                )
            )
            continue
        nav = (*section, v.spec.name)  # the overview first, then the parts in the matrix's order
        out.append(
            Page(v.path, v.spec.name, "raci.md.j2", {"m": v, "spec_path": v.source, "hide": HIDE}, nav=nav, order=order)
        )
        for n, part in enumerate(part_views(project, site, matrix_id), start=1):
            out.append(
                Page(
                    part.path,
                    part.part_title or "",
                    "raci.md.j2",
                    {"m": part, "spec_path": v.source, "hide": HIDE},
                    nav=nav,
                    order=order + n,
                )
            )
    return out


@dataclass(frozen=True)
class Part:
    slug: str  # made from the English title: a part's URL is the same in every language
    title: str  # in the site's language
    rows: tuple[Row, ...]


def parts_of(matrix: Matrix, words: Words = ENGLISH) -> list[Part]:
    """How a matrix is cut into pages: [] when it fits on one; else per group, a group of more
    than PAGE_LIMIT activities (or an ungrouped matrix) in runs of at most PAGE_LIMIT."""
    if len(matrix.rows) <= PAGE_LIMIT:
        return []
    out: list[Part] = []
    slugs: set[str] = set()
    groups = matrix.groups()
    for name, rows in groups:
        title = name or (N_("Activities") if len(groups) == 1 else N_("Other activities"))
        shown = name or words.gettext(title)
        runs = [rows[i : i + PAGE_LIMIT] for i in range(0, len(rows), PAGE_LIMIT)]
        for first, run in zip(range(0, len(rows), PAGE_LIMIT), runs):
            span = {"first": first + 1, "last": first + len(run)}
            run_title, run_shown = title, shown
            if len(runs) > 1:
                run_title = ENGLISH.gettext("%(part)s %(first)s–%(last)s", part=title, **span)
                run_shown = words.gettext("%(part)s %(first)s–%(last)s", part=shown, **span)
            out.append(Part(_unique_slug(run_title, slugs), run_shown, tuple(run)))
    return out


def _unique_slug(title: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-") or "part"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def part_path(matrix_id: str, part: Part) -> str:
    return f"raci/{matrix_id}/{part.slug}.md"


def activity_pages(matrix: Matrix) -> dict[str, str]:
    """Activity id -> the page its row is on (the matrix's page, or the page of its part)."""
    parts = parts_of(matrix)
    if not parts:
        return {row.id: raci_path(matrix.id) for row in matrix.rows}
    return {row.id: part_path(matrix.id, part) for part in parts for row in part.rows}


def view(project: Project, site: SiteContext, matrix_id: str) -> MatrixView:
    spec = project.racis[matrix_id]
    matrix = from_spec(project, spec)
    path = raci_path(matrix_id)
    columns = tuple(column(project, site, path, p) for p in matrix.columns)
    words = site.words
    parts = parts_of(matrix, words)
    table = project.activities.get(matrix_id, {})
    cal = project.settings.business_calendar()
    letters = letter_words(words)
    groups = (
        ()
        if parts
        else tuple(
            GroupView(name, tuple(_row(r, matrix, table[r.id], cal, letters, words) for r in rows))
            for name, rows in matrix.groups()
        )
    )
    return MatrixView(
        spec=spec,
        path=path,
        columns=columns,
        groups=groups,
        grouped=any(g.name is not None for g in groups),
        with_sla=any(r.sla for g in groups for r in g.rows),
        activity_count=len(matrix.rows),
        loads=_loads(matrix, columns, words),
        notes=tuple(r for g in groups for r in g.rows if r.note_anchor),
        legend=legend(words),
        extras=extras_of(spec),
        source=project.document_of(spec).path,
        edit_url=site.edit_url(project.document_of(spec).path),
        parts=tuple(
            PartRef(p.title, part_path(matrix_id, p), len(p.rows), len(_columns_of(matrix, p.rows))) for p in parts
        ),
    )


def part_views(project: Project, site: SiteContext, matrix_id: str) -> list[MatrixView]:
    """One view per part of a matrix too big for one page: its rows, and only the parties
    holding a letter in them (in the matrix's column order)."""
    spec = project.racis[matrix_id]
    matrix = from_spec(project, spec)
    table = project.activities.get(matrix_id, {})
    cal = project.settings.business_calendar()
    words = site.words
    letters = letter_words(words)
    out = []
    for p in parts_of(matrix, words):
        path = part_path(matrix_id, p)
        sub = Matrix(matrix.id, matrix.name, _columns_of(matrix, p.rows), p.rows)
        groups = tuple(
            GroupView(name, tuple(_row(r, sub, table[r.id], cal, letters, words) for r in rows))
            for name, rows in sub.groups()
        )
        out.append(
            MatrixView(
                spec=spec,
                path=path,
                columns=tuple(column(project, site, path, c) for c in sub.columns),
                groups=groups,
                grouped=False,
                with_sla=any(r.sla for g in groups for r in g.rows),
                activity_count=len(p.rows),
                loads=(),
                notes=tuple(r for g in groups for r in g.rows if r.note_anchor),
                legend=legend(words),
                extras=(),
                source=project.document_of(spec).path,
                edit_url=site.edit_url(project.document_of(spec).path),
                part_title=p.title,
                whole_path=raci_path(matrix_id),
            )
        )
    return out


def letter_words(words: Words) -> dict[str, str]:
    """Each RACI letter's word in the site's language (the letters themselves are the convention)."""
    return {x: words.gettext(WORDS[x]) for x in LETTERS}


def legend(words: Words) -> tuple[LegendEntry, ...]:
    return tuple(LegendEntry(x, words.gettext(WORDS[x]), words.gettext(MEANINGS[x]), CSS_CLASS[x]) for x in LETTERS)


def _columns_of(matrix: Matrix, rows: tuple[Row, ...]) -> tuple[str, ...]:
    used = {party for row in rows for party in row.assign}
    return tuple(c for c in matrix.columns if c in used)


def column(project: Project, site: SiteContext, from_path: str, party_id: str) -> Column:
    party = project.parties.get(party_id)
    kind = project.party_kind(party_id)
    team = project.team_of(party_id)
    team_name = project.teams[team].name if team in project.teams and kind != "team" else None
    name = party.name if party else party_id
    words = site.words
    kind_word = words.gettext(KIND_WORDS[kind]) if kind in KIND_WORDS else words.gettext("unknown party")
    if team_name:
        title = words.gettext("%(name)s: %(kind)s, %(team)s", name=name, kind=kind_word, team=team_name)
    else:
        title = words.gettext("%(name)s: %(kind)s", name=name, kind=kind_word)
    inactive = isinstance(party, specs.Person) and not project.is_active(party)
    path = party_path(party_id) if party is not None and site.has_family("people") else None
    return Column(
        party_id,
        name,
        kind,
        title,
        path,
        html_href(site, from_path, path) if path else None,
        inactive,
    )


def html_href(site: SiteContext, from_path: str, to_path: str, anchor: str | None = None) -> str:
    """A link as MkDocs would write it, for raw HTML (which MkDocs does not rewrite)."""
    directory_urls = getattr(site, "use_directory_urls", True)  # MkDocs' default when not told

    def url(md_path: str) -> str:
        stem = md_path[: -len(".md")]
        if not directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    source, target = url(from_path), url(to_path)
    base = source if source.endswith("/") else posixpath.dirname(source) + "/"
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return f"{rel}#{anchor}" if anchor else rel


def _row(
    row: Row,
    matrix: Matrix,
    activity: specs.Activity,
    calendar: durations.Calendar,
    letters: dict[str, str],
    words: Words,
) -> RowView:
    cells = tuple(
        Cell(row.letter(p), letters.get(row.letter(p), ""), CSS_CLASS.get(row.letter(p), "")) for p in matrix.columns
    )
    extras = extras_of(activity)
    about = row.description or extras or activity.sla or activity.inputs or activity.outputs
    return RowView(
        row.id,
        row.name,
        row_anchor(row.id),
        f"about-{row.id}" if about else None,
        row.description,
        cells,
        extras,
        activity.sla,
        turnaround(activity.sla, calendar, words),
        tuple(activity.inputs),
        tuple(activity.outputs),
    )


def turnaround(sla: str | None, calendar: durations.Calendar, words: Words = ENGLISH) -> str | None:
    """An activity's SLA in words ("2 days"; business time with its calendar bound on the team
    calendar: "2 business days: up to 4 calendar days", as lifecycle pages say it)."""
    return durations.describe(sla, calendar, words) if sla else None


def row_anchor(activity_id: str) -> str:
    return f"activity-{activity_id}"


def _loads(matrix: Matrix, columns: tuple[Column, ...], words: Words) -> tuple[LoadView, ...]:
    total = len(matrix.rows)
    by_id = {c.id: c for c in columns}
    out = []
    for load in matrix.load():
        share = load.carries / total if total else 0.0
        heavy = total >= HEAVY_MIN_ROWS and share > HEAVY_SHARE
        percent = round(share * 100)
        # the rounded whole percent, written the language's way: the same figure in every language
        shown = words.percent(percent / 100)
        out.append(LoadView(by_id[load.party], load.r, load.a, load.c, load.i, load.carries, percent, heavy, shown))
    order = {c.id: i for i, c in enumerate(columns)}
    return tuple(sorted(out, key=lambda x: (-x.carries, -x.a, order[x.column.id])))


def extras_of(entity: specs.Spec) -> tuple[tuple[str, str], ...]:
    """`x-` keys as (label, shown value), in the order written: `x-turnaround` is "Turnaround"."""
    return tuple((extra_label(k), _shown(v)) for k, v in entity.extras.items())


def extra_label(key: str) -> str:
    """The field name a reader sees for an `x-` key: `x-turnaround` -> "Turnaround", `x-cost_centre`
    -> "Cost centre". The user's own word, capitalised; the key itself when nothing is left."""
    words = " ".join(key.removeprefix("x-").replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else key


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    return "" if value is None else str(value)
