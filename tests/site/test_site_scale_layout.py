"""A large team's specs: every navigation section stays short, big RACI matrices are cut into
pages, and every link of the built site (Markdown and raw HTML, with anchors) still resolves."""

from __future__ import annotations

import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TypedDict
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from sitetools import REPO, run_tool

from mopsdocs.pipeline import load_project
from mopsdocs.raci.model import from_spec
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import people, programs, raci
from mopsdocs.site.generate import generate
from mopsdocs.site.nav import SECTION_LIMIT, place

sys.path.insert(0, str(REPO / "benchmarks"))
from scale_project import generate as scale_project


class Size(TypedDict):
    programs: int
    people: int
    roles: int
    activities: int
    stages: int


SIZE: Size = {"programs": 60, "people": 70, "roles": 12, "activities": 130, "stages": 12}


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scale_project(tmp_path_factory.mktemp("scale") / "p", **SIZE)


def _site(root: Path) -> SiteContext:
    project, report = load_project(root)
    assert not report.errors, report.sorted()
    return SiteContext(project, report, render_svg=lambda dot: "<svg></svg>")


def _sections(nav: list[object], trail: tuple[str, ...] = ()) -> dict[tuple[str, ...], int]:
    """Pages listed directly in each section of a nav structure."""
    out = {trail: 0}
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    out.update(_sections(value, (*trail, title)))
                else:
                    out[trail] += 1
        else:
            out[trail] += 1
    return out


def test_big_sections_are_grouped_by_team_and_category_and_none_is_long(project_root: Path) -> None:
    site = _site(project_root)
    project = site.project
    by_path = {p.path: p for p in people.pages(project, site)}
    assert by_path["people/person-0000.md"].nav[:2] == ("People", "Team members")
    team = project.team_of("person-0000")
    assert team is not None
    assert by_path["people/person-0000.md"].nav[2] == project.teams[team].name
    program_pages = programs.pages(project, site)
    assert {len(p.nav) for p in program_pages[1:]} == {2} and program_pages[0].nav == ("Programs",)
    nav = place(None, ["index.md"], "Reference", generate(project, site))
    sizes = _sections(nav)
    assert max(sizes.values()) <= SECTION_LIMIT, {k: v for k, v in sizes.items() if v > SECTION_LIMIT}


def test_a_big_matrix_is_cut_into_group_pages_and_people_link_to_them(project_root: Path) -> None:
    site = _site(project_root)
    project = site.project
    pages = raci.pages(project, site)
    overview, parts = pages[0], pages[1:]
    assert overview.path == "raci/mops.md" and overview.context["m"].groups == ()
    assert [p.title for p in parts] == ["Group 0", "Group 1", "Group 2", "Group 3"]  # 40 activities a group
    assert all(p.path.startswith("raci/mops/") and p.nav == ("RACI matrices", overview.title) for p in parts)
    rows = [r for p in parts for g in p.context["m"].groups for r in g.rows]
    assert len(rows) == SIZE["activities"] and len({r.id for r in rows}) == SIZE["activities"]
    for p in parts:  # each part shows only the parties with a letter in it
        m = p.context["m"]
        used = {i for g in m.groups for r in g.rows for i, c in enumerate(r.cells) if c.letter}
        assert used == set(range(len(m.columns)))
    duty = people.view(project, site, "role-000").sections[0].duties[0]
    rows_at = raci.activity_pages(from_spec(project, project.racis["mops"]))
    assert duty.row_path == rows_at[duty.anchor.removeprefix("activity-")]
    assert duty.row_path != duty.matrix_path and duty.matrix_path == "raci/mops.md"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a":
            self.links += [a[k] for k in ("href", "xlink:href") if k in a]


@pytest.mark.slow
def test_the_built_site_has_no_broken_link_or_anchor(project_root: Path) -> None:
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=project_root)
    assert proc.returncode == 0, proc.stderr
    site = project_root / "site"
    parsed: dict[str, _Links] = {}
    for page in site.rglob("*.html"):
        reader = _Links()
        reader.feed(page.read_text(encoding="utf-8"))
        parsed[page.relative_to(site).as_posix()] = reader
    broken = []
    for rel, reader in parsed.items():
        if rel == "404.html":
            continue  # MkDocs' error page links from the site root ("/"), wherever it is served
        for href in reader.links:
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            target, fragment = urldefrag(href)
            path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target)) if target else rel
            if target.endswith("/") or (target and not posixpath.splitext(target)[1]):
                path = posixpath.join(path, "index.html")
            if path not in parsed:
                if not (site / path).is_file():
                    broken.append(f"{rel}: {href}")
                continue
            if fragment and unquote(fragment) not in parsed[path].ids:
                broken.append(f"{rel}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:30])
    assert len(parsed) > 150
