"""The `stack/` page's view-model and Markdown beyond the example: none, several stacks, broken refs."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import stack
from mopsdocs.site.render import render_page

MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n      as_of: 2026-12-02\n"
FAKE_SVG = '<svg class="placeholder"><title>map</title></svg>\n'
TEAM = "kind: team\nroles:\n  - {id: admin, name: Admin}\npeople:\n  - {id: ann, name: Ann, roles: [admin]}\n"


def _page(tmp_path: Path, files: dict[str, str], families: tuple[str, ...] | None = None) -> tuple[str, list[str]]:
    root = make_project(tmp_path, {"specs/team.yaml": TEAM, **files}, MKDOCS)
    project, report = load_project(root)
    site = SiteContext(project, report, render_svg=lambda dot: FAKE_SVG, families=families)
    pages = stack.pages(project, site)
    assert [p.path for p in pages] == ["stack/index.md"]
    return render_page(pages[0], site), [d.code for d in report.sorted()]


def test_no_stack_no_page(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"specs/team.yaml": TEAM}, MKDOCS)
    project, report = load_project(root)
    assert stack.pages(project, SiteContext(project, report)) == []


def test_two_stacks_share_one_page_and_integrate_across(tmp_path: Path) -> None:
    files = {
        "specs/a.yaml": "kind: stack\nid: mktg\nname: Marketing tools\ntools:\n"
        "  - {id: map, name: MAP, category: marketing-automation, owner: admin}\n",
        "specs/b.yaml": "kind: stack\nid: sales\nname: Sales tools\ntools:\n  - {id: crm, name: CRM, category: crm}\n"
        "integrations:\n  - {from: map, to: crm, objects: [lead]}\n",
    }
    markdown, codes = _page(tmp_path, files)
    assert codes == []
    assert markdown.startswith("# Martech stack\n")
    assert "**Marketing tools**" in markdown and "**Sales tools**" in markdown
    assert "| Stack | Sales tools |" in markdown and "| Stack | Marketing tools |" in markdown
    assert "[Admin](../people/admin.md)" in markdown


def test_broken_references_still_give_a_page_and_no_edge_to_nowhere(tmp_path: Path) -> None:
    files = {
        "specs/s.yaml": "kind: stack\nid: s\nname: S\ntools:\n  - {id: map, name: MAP, category: crm, owner: nobody}\n"
        "integrations:\n  - {from: map, to: ghost, via: zapier}\n",
    }
    root = make_project(tmp_path, {"specs/team.yaml": TEAM, **files}, MKDOCS)
    project, _ = load_project(root)
    dot = stack.integration_dot(project, lambda t: f"#{t}")
    assert "ghost" not in dot and "->" not in dot
    markdown, codes = _page(tmp_path / "again", files, families=("stack",))
    assert codes == ["REF001", "REF001", "REF001"]  # owner, `to`, `via`
    assert "| Owner | nobody |" in markdown  # shown as written, linked to nothing
    assert "../people/" not in markdown  # no people pages in this site: no links to them


def test_overlaps_and_automated_work_are_on_the_page(tmp_path: Path) -> None:
    files = {
        "specs/s.yaml": "kind: stack\nid: s\nname: S\ntools:\n"
        "  - {id: a, name: A, category: crm}\n  - {id: b, name: B, category: crm}\n"
        "  - {id: c, name: C, category: crm, overlap_ok: true}\n  - {id: w, name: W, category: ipaas}\n"
        "integrations:\n  - {from: a, to: c, via: w, automates: [list-import, deduplication]}\n",
        "specs/p.yaml": "kind: program\nid: imports\nname: Imports\ncategory: list-import\nstatus: draft\n"
        "owner: admin\n",
    }
    markdown, codes = _page(tmp_path, files)
    assert codes == ["STACK003"]  # (a draft program needs no review: no PRG002)
    assert "| CRM | [A](#tool-a), [B](#tool-b) |" in markdown  # C is meant to overlap
    imports = (
        "| List import | [A](#tool-a) → [C](#tool-c) via [W](#tool-w) | [Imports](../programs/imports.md) (draft) |"
    )
    assert imports in markdown
    assert "| Deduplication | [A](#tool-a) → [C](#tool-c) via [W](#tool-w) | – |" in markdown


def test_an_empty_stack_still_renders(tmp_path: Path) -> None:
    markdown, codes = _page(tmp_path, {"specs/s.yaml": "kind: stack\nid: s\nname: Empty stack\n"})
    assert codes == []
    assert markdown.startswith("# Empty stack\n")
    assert "0 tools and 0 integrations" in markdown
    assert "No tool has a `cost`." in markdown and "No integration is documented yet." in markdown
    assert markdown.count("| – | – |") == 13  # 2026-12 to 2027-11, and 2027-12 up to the day before the 2nd
