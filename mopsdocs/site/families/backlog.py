"""Pages `backlog/<id>/`: the impact/effort matrix (each item a link), the items by status, and
each item's section (anchor `item-<id>`); plus what other pages show of the backlog: the items a
party owns (`owned_items`) and the items that change an entity (`items_referring`).

The view-models are resolved, plain data: quadrants and dues from `mopsdocs.backlog_model`, refs
resolved to the pages they name (only when that family is in the site and the target exists).
The matrix is drawn by `mopsdocs.charts.quadrant`; its words come from the template, which calls
`matrix(...)` with them (marked there for the catalogs), save the count of a crowded quadrant's
other items, a plural worded here in the site's language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ... import specs
from ...backlog_model import (
    QUADRANTS,
    STATUSES,
    Ref,
    due_date,
    is_overdue,
    items_of,
    parse_ref,
    quadrant,
    referring,
    resolves,
)
from ...charts import base
from ...charts.quadrant import Mark, Words, quadrant_chart
from ...i18n import ENGLISH, N_
from ...i18n import Words as Language
from ...project import Project
from ...raci.model import from_spec
from ..context import SiteContext
from ..pages import (
    STACK_PAGE,
    Page,
    backlog_path,
    channel_path,
    convention_path,
    lifecycle_path,
    party_path,
    program_path,
    raci_path,
    scoring_path,
)
from .raci import activity_pages, extras_of, row_anchor

NAV = (N_("Backlog"),)  # translated where the pages are made


def item_anchor(item_id: str) -> str:
    return f"item-{item_id}"


@dataclass(frozen=True)
class Link:
    """A name, and the page (and section) it links to when the site has one."""

    name: str
    path: str | None
    anchor: str | None = None
    active: bool = True  # False for a person who has left (their items need a new owner)


@dataclass(frozen=True)
class RefView:
    text: str  # as written: `stage:lead/mql`
    kind: str
    target: Link


@dataclass(frozen=True)
class ItemView:
    item: specs.Item
    number: int  # its number in the table and on the matrix
    anchor: str
    quadrant: str  # quick-wins | big-bets | fill-ins | deprioritise
    owners: tuple[Link, ...]
    due_end: str | None  # the last day it is on time (a quarter's last day), ISO
    overdue: bool
    refs: tuple[RefView, ...]
    extras: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MatrixSlot:
    """The matrix, drawn when the template calls it with its words (see the module docstring)."""

    chart_id: str
    marks: tuple[Mark, ...]
    language: Language = ENGLISH  # the count of the items a crowded quadrant leaves to the table

    def __call__(self, title: str, desc: str, **words: str) -> Markup:
        def more(count: int) -> str:
            return self.language.ngettext("+ %(num)s more in the table", "+ %(num)s more in the table", count)

        shown = {k: str(v) for k, v in words.items()}
        counted = more if "more" not in shown else None  # a template's own `more` word stays as it was
        chart = quadrant_chart(self.chart_id, title, desc, self.marks, Words(**shown, more_counted=counted))
        # the SVG is built from escaped parts only (charts.base.xml): safe to put in the page as is
        return Markup(base.linked_svg(chart))  # noqa: S704


@dataclass(frozen=True)
class BacklogView:
    backlog: specs.BacklogSpec
    path: str
    items: tuple[ItemView, ...]  # open items by quadrant, then done, then dropped
    open_items: tuple[ItemView, ...]
    by_quadrant: tuple[tuple[str, tuple[ItemView, ...]], ...]
    by_status: tuple[tuple[str, tuple[ItemView, ...]], ...]  # in STATUSES order, non-empty only
    matrix: MatrixSlot
    extras: tuple[tuple[str, str], ...]  # the backlog's own `x-` keys
    as_of: str
    source: str
    edit_url: str | None


@dataclass(frozen=True)
class ItemLink:
    """An item as another page lists it (its owner's page, a page it refs)."""

    name: str
    backlog: str
    path: str
    anchor: str
    status: str
    quadrant: str
    due: str | None
    parts: tuple[str, ...] = ()  # on a page it refs: the stages, activities or tools of that page it changes


def pages(project: Project, site: SiteContext) -> list[Page]:
    out = []
    for bid in sorted(project.backlogs, key=lambda b: (project.backlogs[b].name.casefold(), b)):
        v = view(project, site, bid)
        nav = tuple(site.words.gettext(title) for title in NAV)
        out.append(Page(v.path, v.backlog.name, "backlog.md.j2", {"b": v, "spec_path": v.source}, nav=nav, order=0))
    return out


def _order(project: Project, backlog: specs.BacklogSpec) -> list[specs.Item]:
    table = project.items.get(backlog.id, {})
    items = [i for i in backlog.items if table.get(i.id) is i]
    rank = {s: n for n, s in enumerate(("in-progress", "planned", "idea"))}
    open_items = [i for i in items if i.status in rank]
    open_items.sort(key=lambda i: (QUADRANTS.index(quadrant(i)), rank[i.status]))
    return open_items + [i for i in items if i.status == "done"] + [i for i in items if i.status == "dropped"]


def view(project: Project, site: SiteContext, bid: str) -> BacklogView:
    backlog = project.backlogs[bid]
    items = tuple(_item(project, site, item, n) for n, item in enumerate(_order(project, backlog), start=1))
    open_items = tuple(v for v in items if v.item.status not in ("done", "dropped"))
    marks = tuple(Mark(v.number, v.item.name, v.quadrant, v.anchor) for v in open_items)
    source = project.loc(backlog).path
    return BacklogView(
        backlog=backlog,
        path=backlog_path(bid),
        items=items,
        open_items=open_items,
        by_quadrant=tuple((q, tuple(v for v in open_items if v.quadrant == q)) for q in QUADRANTS),
        by_status=tuple((s, members) for s in STATUSES if (members := tuple(v for v in items if v.item.status == s))),
        matrix=MatrixSlot(f"backlog-{bid}-matrix", marks, site.words),
        extras=extras_of(backlog),
        as_of=project.today().isoformat(),
        source=source,
        edit_url=site.edit_url(source),
    )


def _item(project: Project, site: SiteContext, item: specs.Item, number: int) -> ItemView:
    end = due_date(project, item.due)
    return ItemView(
        item=item,
        number=number,
        anchor=item_anchor(item.id),
        quadrant=quadrant(item),
        owners=tuple(_party(project, site, pid) for pid in specs.owner_ids(item.owner)),
        due_end=end.isoformat() if end is not None and item.due is not None and "-Q" in item.due else None,
        overdue=is_overdue(project, item),
        refs=tuple(RefView(text, parse_ref(text).kind, _target(project, site, parse_ref(text))) for text in item.refs),
        extras=extras_of(item),
    )


def _party(project: Project, site: SiteContext, party_id: str) -> Link:
    party = project.parties.get(party_id)
    if party is None:
        return Link(party_id, None)
    active = not isinstance(party, specs.Person) or project.is_active(party)
    return Link(party.name, party_path(party_id) if site.has_family("people") else None, active=active)


def _target(project: Project, site: SiteContext, ref: Ref) -> Link:
    """What a ref names, linked to its page when the site has it."""
    if not resolves(project, ref):
        return Link(ref.text, None)
    k, i, o = ref.kind, ref.id, ref.outer or ""
    if k == "program":
        return Link(project.programs[i].name, program_path(i) if site.has_family("programs") else None)
    if k == "stage":
        lc = project.lifecycles[o]
        name = f"{project.stages[o][i].name} ({lc.name})"
        return Link(name, lifecycle_path(o) if site.has_family("lifecycle") else None, f"stage-{i}")
    if k == "activity":
        matrix = project.racis[o]
        name = f"{project.activities[o][i].name} ({matrix.name})"
        if not site.has_family("raci"):
            return Link(name, None)
        return Link(name, activity_pages(from_spec(project, matrix)).get(i, raci_path(o)), row_anchor(i))
    if k == "party":
        return _party(project, site, i)
    if k == "tool":
        return Link(project.tools[i].name, STACK_PAGE if site.has_family("stack") else None, f"tool-{i}")
    pages_of: dict[str, tuple[Mapping[str, Any], str, Callable[[str], str]]] = {
        "lifecycle": (project.lifecycles, "lifecycle", lifecycle_path),
        "raci": (project.racis, "raci", raci_path),
        "channel": (project.channels, "channels", channel_path),
        "scoring": (project.scorings, "scoring", scoring_path),
        "convention": (project.conventions, "naming", convention_path),
    }
    if k in pages_of:
        table, family, path_of = pages_of[k]
        return Link(table[i].name, path_of(i) if site.has_family(family) else None)
    vocab = project.vocabularies.get(i)
    return Link(vocab.name if vocab is not None else i, None)  # vocabularies have no page of their own


# --------------------------------------------------------------------------- on other pages


def _link(project: Project, backlog: specs.BacklogSpec, item: specs.Item) -> ItemLink:
    return ItemLink(
        name=item.name,
        backlog=backlog.name,
        path=backlog_path(backlog.id),
        anchor=item_anchor(item.id),
        status=item.status,
        quadrant=quadrant(item),
        due=item.due,
    )


def owned_items(project: Project, site: SiteContext, who: Sequence[str]) -> tuple[ItemLink, ...]:
    """The items owned by any of `who` (a party and those it inherits from), open ones first."""
    if not site.has_family("backlog"):
        return ()
    mine = [
        _link(project, b, item) for b, item in items_of(project) if set(specs.owner_ids(item.owner)).intersection(who)
    ]
    return tuple(sorted(mine, key=lambda link: (link.status in ("done", "dropped"), link.backlog, link.name)))


def items_referring(project: Project, site: SiteContext, kind: str, *ident: str) -> tuple[ItemLink, ...]:
    """The items whose `refs` name `kind:ident` (a page lists the work planned on what it shows)."""
    if not site.has_family("backlog"):
        return ()
    return tuple(_link(project, b, item) for b, item in referring(project, kind, *ident))


__all__ = ["ItemLink", "item_anchor", "items_referring", "owned_items", "pages", "view"]


def page_items(project: Project, site: SiteContext) -> dict[str, dict[str, Any]]:
    """Page path -> the context a page gets for `backlog_refs.md.j2`: the items it owns (a party's
    page: its own and its roles'), or the items that change what it shows (a program, a lifecycle
    or one of its stages, a matrix or one of its activities, a channel, a scoring model, a
    convention). Computed once per build (`site.generate` adds it to each page's context)."""
    if not site.has_family("backlog") or not project.backlogs:
        return {}
    out: dict[str, dict[str, Any]] = {}
    owned: dict[str, list[ItemLink]] = {}
    changes: dict[str, list[ItemLink]] = {}
    for b, item in items_of(project):
        link = _link(project, b, item)
        for pid in specs.owner_ids(item.owner):
            owned.setdefault(party_path(pid), []).append(link)
            for person in project.people.values():  # a person carries what their roles own
                if pid in person.roles and project.is_active(person):
                    owned.setdefault(party_path(person.id), []).append(link)
        for text in item.refs:
            ref = parse_ref(text)
            if not resolves(project, ref):
                continue
            path = _page_of(ref)
            if path is not None:
                part = _part_name(project, ref)
                changes.setdefault(path, []).append(dataclasses.replace(link, parts=(part,) if part else ()))
    for path, links in owned.items():
        out[path] = {"backlog_items": _unique(links), "backlog_role": "owner"}
    for path, links in changes.items():
        out[path] = {"backlog_items": _unique(links), "backlog_role": "changes"}
    return out


def _part_name(project: Project, ref: Ref) -> str | None:
    """The name of the part of a page a ref names: a stage, an activity, a tool (None: the whole page)."""
    if ref.kind == "stage" and ref.outer is not None:
        return project.stages[ref.outer][ref.id].name
    if ref.kind == "activity" and ref.outer is not None:
        return project.activities[ref.outer][ref.id].name
    if ref.kind == "tool":
        return project.tools[ref.id].name
    return None


def _page_of(ref: Ref) -> str | None:
    """The page that shows what `ref` names (a stage: its lifecycle's page)."""
    paths = {
        "program": program_path,
        "lifecycle": lifecycle_path,
        "stage": lifecycle_path,
        "raci": raci_path,
        "activity": raci_path,
        "channel": channel_path,
        "scoring": scoring_path,
        "convention": convention_path,
    }
    if ref.kind == "tool":
        return STACK_PAGE
    if ref.kind not in paths:
        return None
    return paths[ref.kind](ref.outer or ref.id)


def _unique(links: list[ItemLink]) -> tuple[ItemLink, ...]:
    """One line per item, with every part of the page it changes (an item may ref two stages)."""
    seen: dict[tuple[str, str], ItemLink] = {}
    for link in links:
        key = (link.path, link.anchor)
        if key in seen:
            parts = tuple(dict.fromkeys((*seen[key].parts, *link.parts)))
            seen[key] = dataclasses.replace(seen[key], parts=parts)
        else:
            seen[key] = link
    return tuple(sorted(seen.values(), key=lambda i: (i.status in ("done", "dropped"), i.backlog, i.name)))
