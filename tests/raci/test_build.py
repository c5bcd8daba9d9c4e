"""A real `mkdocs build --strict` of a mini-site, and the RACI table read back from the built HTML.

The table is parsed with html.parser (the structure a browser sees): the row and column counts,
each letter in its cell with the word it stands for, and activity names full of pipes and HTML
appearing as literal text. The people pages link to the matrix rows.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TEAM = """\
kind: team
teams:
  - {id: mops, name: "Marketing <Ops>"}
roles:
  - {id: manager, name: "MOPs | Manager", team: mops}
  - {id: analyst, name: Analyst, team: mops}
people:
  - {id: ana, name: Ana, roles: [manager]}
  - {id: tom, name: Tom, roles: [analyst]}
  - {id: bob, name: Bob, roles: [analyst], active: false}
"""
RACI = """\
kind: raci
id: ops
name: "Ops <b>RACI</b> | v2"
parties: [manager, analyst, mops, bob]
activities:
  - id: script
    name: "<script>alert('x')</script>"
    group: Data
    assign: {manager: A, analyst: R, mops: I}
  - id: pipe
    name: "a | b"
    group: Data
    assign: {manager: A/R, bob: C}
  - id: review
    name: "**Review** [x](javascript:alert(1)) {{ y }}"
    group: "Reporting & <i>more</i>"
    description: "Once a *quarter*."
    assign: {analyst: A/R, mops: C}
"""
LIFECYCLE = """\
kind: lifecycle
id: lead
name: Lead lifecycle
stages:
  - {id: known, name: Known, initial: true, owner: manager}
  - {id: won, name: Won, terminal: true, owner: mops}
transitions:
  - {from: known, to: won, owner: analyst}
"""
PROGRAM = """\
kind: program
id: dedupe
name: De-duplication
category: deduplication
status: active
owner: manager
reviewed: {on: 2021-11-01}
"""
MKDOCS = """\
site_name: RACI build
theme:
  name: material
  font: false
validation:
  anchors: warn   # with --strict, a link to a missing row or stage anchor fails the build
plugins:
  - mopsdocs:
      as_of: 2021-12-01
      required_program_categories: []
"""


@dataclass
class Table:
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[str, str, list[tuple[str, str, str]]]] = field(default_factory=list)  # (tr id, name, cells)
    groups: list[str] = field(default_factory=list)


class RaciTableParser(HTMLParser):
    """Reads the `mopsdocs-raci-table`: header texts, group titles, and per row its id, activity
    name and cells as (data-letter, visible letter, screen-reader word)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.table: Table | None = None
        self.depth = 0
        self.where: list[str] = []  # element stack inside the table
        self.text: list[str] = []
        self.row_id = ""
        self.row_name = ""
        self.cells: list[tuple[str, str, str]] = []
        self.cell: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table" and "mopsdocs-raci-table" in (a.get("class") or ""):
            self.table = Table()
        if self.table is None:
            return
        self.where.append(tag)
        if tag == "tr":
            self.row_id, self.row_name, self.cells = a.get("id") or "", "", []
        elif tag in ("th", "td"):
            self.text = []
            self.cell = {"letter": a.get("data-letter") or "", "abbr": "", "sr": "", "scope": a.get("scope") or ""}
        elif tag == "abbr":
            self.cell["in"] = "abbr"
        elif tag == "span" and "mopsdocs-raci-sr" in (a.get("class") or ""):
            self.cell["in"] = "sr"
        elif tag == "code" and "mopsdocs-id" in (a.get("class") or ""):
            self.cell["in"] = "id"  # the activity's id, shown after its name: not part of the name

    def handle_data(self, data: str) -> None:
        if self.table is None:
            return
        part = self.cell.get("in")
        if part == "id":
            return
        self.text.append(data)
        if part in ("abbr", "sr"):
            self.cell[part] += data

    def handle_endtag(self, tag: str) -> None:
        if self.table is None:
            return
        if tag in ("abbr", "span", "code"):
            self.cell.pop("in", None)
        text = "".join(self.text).strip()
        if tag == "th" and "thead" in self.where:
            self.table.headers.append(text)
        elif tag == "th" and self.cell.get("scope") == "rowgroup":
            self.table.groups.append(text)
        elif tag == "th" and self.cell.get("scope") == "row":
            self.row_name = text
        elif tag == "td":
            self.cells.append((self.cell["letter"], self.cell["abbr"], self.cell["sr"]))
        elif tag == "tr" and "tbody" in self.where and self.row_id:
            self.table.rows.append((self.row_id, self.row_name, self.cells))
        if self.where and self.where[-1] == tag:
            self.where.pop()
        if tag == "table":
            self.result, self.table = self.table, None


def parse_table(html: str) -> Table:
    parser = RaciTableParser()
    parser.feed(html)
    return parser.result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "specs").mkdir()
    (root / "specs" / "team.yaml").write_text(TEAM, encoding="utf-8")
    (root / "specs" / "raci.yaml").write_text(RACI, encoding="utf-8")
    (root / "specs" / "lead.yaml").write_text(LIFECYCLE, encoding="utf-8")
    (root / "specs" / "program.yaml").write_text(PROGRAM, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    exe = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(exe), "build", "--strict", "-d", "site"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    return root / "site"


def test_the_matrix_is_a_real_table_with_each_letter_in_its_cell(built: Path) -> None:
    table = parse_table((built / "raci" / "ops" / "index.html").read_text(encoding="utf-8"))
    assert table.headers == ["Activity", "MOPs | Manager", "Analyst", "Marketing <Ops>", "Bob (inactive)"]
    assert table.groups == ["Data", "Reporting & <i>more</i>"]
    assert [(r[0], r[1]) for r in table.rows] == [
        ("activity-script", "<script>alert('x')</script>"),
        ("activity-pipe", "a | b"),
        ("activity-review", "**Review** [x](javascript:alert(1)) {{ y }}"),
    ]
    assert all(len(cells) == len(table.headers) - 1 for _, _, cells in table.rows)
    letters = {row_id: [c[0] for c in cells] for row_id, _, cells in table.rows}
    assert letters == {
        "activity-script": ["A", "R", "I", ""],
        "activity-pipe": ["A/R", "", "", "C"],
        "activity-review": ["", "A/R", "C", ""],
    }
    # the letter itself is shown, and the full word is there for screen readers
    script_cells = table.rows[0][2]
    assert script_cells[:3] == [("A", "A", "Accountable"), ("R", "R", "Responsible"), ("I", "I", "Informed")]
    assert table.rows[1][2][0] == ("A/R", "A/R", "Accountable and Responsible")


def test_no_markup_from_specs_reaches_the_html(built: Path) -> None:
    html = (built / "raci" / "ops" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<i>more</i>" not in html and "<b>RACI</b>" not in html
    assert 'href="javascript' not in html


def test_people_pages_link_to_the_matrix_rows(built: Path) -> None:
    ana = (built / "people" / "ana" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../raci/ops/#activity-script"' in ana
    assert 'href="../../raci/ops/#activity-pipe"' in ana
    assert 'href="../../lifecycle/lead/#stage-known"' in ana  # a stage owned via the role
    assert 'href="../../programs/dedupe/"' in ana
    tom = (built / "people" / "tom" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../lifecycle/lead/#stage-known"' in tom  # the transition known -> won, via analyst
    index = (built / "people" / "index.html").read_text(encoding="utf-8")
    assert 'href="ana/"' in index and 'href="bob/"' in index


def test_the_stylesheet_is_shipped_and_linked(built: Path) -> None:
    page = (built / "raci" / "ops" / "index.html").read_text(encoding="utf-8")
    css = sorted(p.relative_to(built).as_posix() for p in built.rglob("raci.css"))
    assert len(css) == 1 and css[0] in page
    text = (built / css[0]).read_text(encoding="utf-8")
    assert "position: sticky" in text and "@media print" in text and "overflow: auto" in text


def test_column_links_in_raw_html_resolve(built: Path) -> None:
    html = (built / "raci" / "ops" / "index.html").read_text(encoding="utf-8")
    for href in ("../../people/manager/", "../../people/analyst/", "../../people/mops/", "../../people/bob/"):
        assert f'href="{href}"' in html
        target = (built / "raci" / "ops" / href / "index.html").resolve()
        assert target.is_file(), href


def test_matrix_pages_do_without_the_side_bars(built: Path) -> None:
    """A matrix needs the width: Material's navigation and table of contents are hidden (front
    matter `hide`), on matrix pages only."""
    sidebars = re.compile(r'<div class="md-sidebar md-sidebar--(primary|secondary)"[^>]*?( hidden)?>')
    matrix = dict(sidebars.findall((built / "raci" / "ops" / "index.html").read_text(encoding="utf-8")))
    assert matrix == {"primary": " hidden", "secondary": " hidden"}
    person = dict(sidebars.findall((built / "people" / "ana" / "index.html").read_text(encoding="utf-8")))
    assert person == {"primary": "", "secondary": ""}
