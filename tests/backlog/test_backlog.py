"""The backlog kind: its facts (quadrants, fiscal quarters, dues), its pages and its matrix.

Golden trees live in `golden/<project>.out/` (MOPSDOCS_UPDATE_GOLDEN=1 rewrites them; read the
diff). The example project's page and matrix are golden in tests/site/golden/.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import REPO, assert_golden_tree, make_project

from mopsdocs import specs
from mopsdocs.backlog_model import Ref, due_date, is_overdue, parse_ref, quadrant, quarter_bounds, resolves
from mopsdocs.charts.quadrant import wrap
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import backlog
from mopsdocs.site.generate import generate
from mopsdocs.site.render import render_page

GOLDEN = Path(__file__).parent / "golden"


def item(impact: str, effort: str, status: str = "planned", due: str | None = None) -> specs.Item:
    return specs.Item.model_validate(
        {"id": "x", "name": "X", "impact": impact, "effort": effort, "status": status, "due": due}
    )


@pytest.mark.parametrize(
    ("impact", "effort", "expected"),
    [
        ("high", "low", "quick-wins"),
        ("medium", "low", "quick-wins"),  # medium impact counts with high
        ("high", "medium", "big-bets"),  # medium effort counts with high
        ("medium", "medium", "big-bets"),
        ("high", "high", "big-bets"),
        ("medium", "high", "big-bets"),
        ("low", "low", "fill-ins"),
        ("low", "medium", "deprioritise"),
        ("low", "high", "deprioritise"),
    ],
)
def test_quadrants(impact: str, effort: str, expected: str) -> None:
    assert quadrant(item(impact, effort)) == expected


@pytest.mark.parametrize(
    ("year", "q", "start", "first", "last"),
    [
        (2027, 1, (1, 1), "2027-01-01", "2027-03-31"),
        (2027, 4, (1, 1), "2027-10-01", "2027-12-31"),
        # a fiscal year is named for the calendar year it ends in
        (2027, 1, (2, 1), "2026-02-01", "2026-04-30"),
        (2027, 4, (2, 1), "2026-11-01", "2027-01-31"),
        (2022, 4, (7, 1), "2022-04-01", "2022-06-30"),
        (2024, 1, (3, 1), "2023-03-01", "2023-05-31"),
    ],
)
def test_quarter_bounds(year: int, q: int, start: tuple[int, int], first: str, last: str) -> None:
    assert quarter_bounds(year, q, start) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def _project(tmp_path: Path, items: str, config: str = "") -> Path:
    mkdocs = "site_name: t\nplugins:\n  - mopsdocs:\n      as_of: 2021-12-01\n      required_program_categories: []\n"
    mkdocs += config
    return make_project(tmp_path, {"specs/backlog.yaml": f"kind: backlog\nid: b\nname: B\nitems:\n{items}"}, mkdocs)


def test_due_is_the_end_of_the_day_or_of_the_quarter(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        "  - {id: today, name: T, impact: high, effort: low, due: 2021-12-01}\n"
        "  - {id: yesterday, name: Y, impact: high, effort: low, due: 2021-11-30}\n"
        "  - {id: this-quarter, name: Q, impact: high, effort: low, due: 2021-Q4}\n"
        "  - {id: last-quarter, name: L, impact: high, effort: low, due: 2021-Q3}\n",
    )
    project, _ = load_project(root)
    overdue = {i.id: is_overdue(project, i) for i in project.backlogs["b"].items}
    assert overdue == {"today": False, "yesterday": True, "this-quarter": False, "last-quarter": True}
    assert due_date(project, "2021-Q4") == dt.date(2021, 12, 31)


def test_quarters_follow_the_fiscal_year_start_setting(tmp_path: Path) -> None:
    root = _project(
        tmp_path, "  - {id: a, name: A, impact: high, effort: low, due: 2022-Q4}\n", "      fiscal_year_start: 02-01\n"
    )
    project, report = load_project(root)
    assert not report.diagnostics
    assert due_date(project, "2022-Q4") == dt.date(2022, 1, 31)  # FY2022 ends on 2022-01-31


def test_refs_parse_and_resolve() -> None:
    project, _ = load_project(REPO)
    assert parse_ref("stage:lead/mql") == Ref("stage", "lead", "mql")
    assert parse_ref("program:deduplication") == Ref("program", None, "deduplication")
    assert resolves(project, parse_ref("stage:lead/mql"))
    assert resolves(project, parse_ref("activity:mops/dedupe"))
    assert resolves(project, parse_ref("tool:workato"))  # the stack kind's tools
    assert not resolves(project, parse_ref("stage:mql"))  # a stage needs its lifecycle
    assert not resolves(project, parse_ref("program:lead/deduplication"))
    assert not resolves(project, parse_ref("widget:x"))


def test_wrap_keeps_two_lines_and_clips_the_rest() -> None:
    assert wrap("Automate the weekly dedupe", 500) == ["Automate the weekly dedupe"]
    lines = wrap("1. Rebuild the lifecycle on Salesforce statuses and more words", 150)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert wrap("Supercalifragilisticexpialidocious-and-more", 60)[0].endswith("…")  # one long word


# --------------------------------------------------------------------------- pages


def site_for(root: Path, families: tuple[str, ...] | None = None) -> SiteContext:
    project, report = load_project(root)
    return SiteContext(
        project,
        report,
        repo_url="https://example.com/repo",
        edit_uri="edit/main/",
        families=families,
        render_svg=lambda dot: '<svg class="placeholder"></svg>\n',  # diagrams are not what this tests
    )


def test_golden_edge_pages() -> None:
    site = site_for(GOLDEN / "edge")
    pages = {p.path: render_page(p, site) for p in backlog.pages(site.project, site)}
    assert_golden_tree(pages, GOLDEN / "edge.out")


def test_spec_text_never_becomes_markup() -> None:
    site = site_for(GOLDEN / "edge")
    page = next(render_page(p, site) for p in backlog.pages(site.project, site) if p.path == "backlog/edge.md")
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page and "{{" not in page
    rows = [line for line in page.splitlines() if line.startswith("| ") and "---" not in line]
    assert all(line.count(" | ") in (1, 7) for line in rows), rows  # a pipe in a name never splits a cell
    assert "| Ticket | OPS&#45;12 |" in page  # an x- key is a labelled field


def test_the_matrix_links_every_open_item_and_only_those() -> None:
    site = site_for(REPO)
    page = next(render_page(p, site) for p in backlog.pages(site.project, site))
    svg = re.search(r"<svg .*?</svg>", page, re.DOTALL)
    assert svg is not None
    links = re.findall(r'<a href="#(item-[a-z0-9-]+)" aria-label="([^"]+)">', svg.group(0))
    open_items = [i for i in site.project.backlogs["mops"].items if i.status not in ("done", "dropped")]
    assert sorted(anchor for anchor, _ in links) == sorted(f"item-{i.id}" for i in open_items)
    for anchor, _ in links:  # each link lands on its item's section
        assert f"{{ #{anchor} }}" in page
    assert 'role="group"' in svg.group(0) and 'role="img"' not in svg.group(0)  # links stay reachable
    assert 'font-size="12"' in svg.group(0)  # 12 units at 330 px or wider: 11 CSS px or more


def test_no_open_items_no_matrix() -> None:
    site = site_for(GOLDEN / "edge")
    page = next(render_page(p, site) for p in backlog.pages(site.project, site) if p.path == "backlog/closed.md")
    assert "<svg" not in page and "No open items: every item is done or dropped." in page


def test_items_show_on_their_owners_pages_and_on_the_pages_they_change() -> None:
    site = site_for(REPO)
    pages = {g.page.path: g.markdown for g in generate(site.project, site)}
    person = pages["people/tomas.md"]  # a data analyst: the role owns the dedupe automation
    assert "## Backlog" in person
    assert "[Automate the weekly dedupe](../backlog/mops.md#item-dedupe-automation)" in person
    program = pages["programs/deduplication.md"]
    assert "[Automate the weekly dedupe](../backlog/mops.md#item-dedupe-automation)" in program
    lifecycle = pages["lifecycle/lead.md"]  # stage refs: on their lifecycle's page
    assert "#item-mql-wait-alert" in lifecycle and "#item-lifecycle-rebuild" in lifecycle
    assert "| Marketing Qualified Lead &#40;MQL&#41; | MOPs backlog |" in lifecycle  # which stage it changes
    assert "#item-list-import-ipaas" in pages["stack/index.md"]  # tool refs: on the stack page
    assert "## Backlog" not in pages["programs/privacy-requests.md"]  # nothing refs it: no section


def test_pages_link_only_to_families_in_the_site() -> None:
    site = site_for(REPO, families=("backlog",))
    page = next(render_page(p, site) for p in backlog.pages(site.project, site))
    assert "../programs/" not in page and "../people/" not in page and "../lifecycle/" not in page
    assert backlog.page_items(site.project, site_for(REPO, families=("programs",))) == {}


def test_same_specs_same_bytes() -> None:
    def rendered() -> list[str]:
        site = site_for(REPO)
        return [render_page(p, site) for p in backlog.pages(site.project, site)]

    assert rendered() == rendered()


def test_a_crowded_quadrant_draws_a_dozen_and_counts_the_rest(tmp_path: Path) -> None:
    items = "".join(
        f"  - {{id: i{n}, name: Item {n}, impact: high, effort: low, status: planned}}\n" for n in range(40)
    )
    site = site_for(_project(tmp_path, items))
    page = render_page(backlog.pages(site.project, site)[0], site)
    svg = re.search(r"<svg .*?</svg>", page, re.DOTALL)
    assert svg is not None
    assert svg.group(0).count("<a href=") == 12 and "+ 28 more in the table" in svg.group(0)
    assert page.count("](#item-i") >= 40  # every item is still in the table
