"""The `programs/` pages: whole generated Markdown and DOT compared with checked-in golden files.

Golden trees live in `golden/<project>.out/`: one file per page (its site path) plus
`programs.dot`. Set MOPSDOCS_UPDATE_GOLDEN=1 to rewrite them, then read the diff before committing.
The SVG renderer is a stub here (the DOT is compared on its own); real SVG is checked in
test_program_build.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import REPO, assert_golden_tree

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families.programs import pages
from mopsdocs.site.program_graph import program_dot
from mopsdocs.site.render import render_page

GOLDEN = Path(__file__).parent / "golden"
PROJECTS = {"example": REPO, "edge": GOLDEN / "edge"}


def stub_svg(dot: str) -> str:
    return f'<svg data-dot-sha256="{hashlib.sha256(dot.encode()).hexdigest()[:16]}"></svg>'


def site_for(root: Path, families: tuple[str, ...] | None = None) -> SiteContext:
    project, report = load_project(root)
    return SiteContext(
        project,
        report,
        repo_url="https://example.com/repo",
        edit_uri="edit/main/",
        render_svg=stub_svg,
        families=families,
    )


def generated(root: Path) -> dict[str, str]:
    site = site_for(root)
    out = {page.path: render_page(page, site) for page in pages(site.project, site)}
    out["programs.dot"] = program_dot(site.project, lambda pid: f"{pid}/")
    return out


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_golden_pages(name: str) -> None:
    actual = generated(PROJECTS[name])
    folder = GOLDEN / f"{name}.out"
    assert_golden_tree(actual, folder)


def row(index: str, target: str) -> str:
    """The catalogue row whose first cell links to `target`."""
    rows = (line for line in index.splitlines() if line.startswith("| ["))
    return next(line for line in rows if f"]({target})" in line.split(" | ")[0])


def test_output_is_deterministic() -> None:
    assert generated(GOLDEN / "edge") == generated(GOLDEN / "edge")


def test_spec_text_never_becomes_markup() -> None:
    pages_ = generated(GOLDEN / "edge")
    page = pages_["programs/tricky.md"]
    index = pages_["programs/index.md"]
    for text in (page, index):
        assert "<b>" not in text and "<script>" not in text and "javascript:" not in text
        assert "{{" not in text and "{:" not in text
    assert "<code>OPS_&lt;Data&gt;_&quot;quoted&quot;</code>" in page
    # a pipe in a name or a step never splits a table row
    rows = [line for line in index.splitlines() if line.startswith("| [")]
    assert rows and all(line.count(" | ") == 6 for line in rows)
    assert '<a href="https://example.com/?a=1&amp;b=(2)">Docs &lt;&amp;&gt; &quot;quotes&quot;</a>' in page
    assert "| x&#45;list | &#91;1, &#34;two&#34;, &#123;&#34;three&#34;&#58; 3&#125;&#93; |" in page


def test_catalogue_links_owners_dependencies_and_badges() -> None:
    index = generated(REPO)["programs/index.md"]
    routing = row(index, "lead-routing.md")
    assert "[Salesforce Administrator](../people/sfdc-admin.md)" in routing
    assert "[Lifecycle management](lifecycle-management.md)" in routing
    assert ">active</span>" in routing  # the badge says its status in words
    retired = row(index, "legacy-scoring.md")
    assert ">retired</span>" in retired and "background:#757575" in retired


def test_overdue_and_never_reviewed_badges() -> None:
    pages_ = generated(GOLDEN / "edge")
    index = pages_["programs/index.md"]
    assert ">overdue 31 days</span>" in row(index, "tricky.md")
    assert ">never reviewed</span>" in row(index, "no-trigger.md")
    assert "overdue" not in row(index, "retired-one.md") and "overdue" not in row(index, "draft-one.md")
    assert "The review was due on 2021&#45;10&#45;31" in pages_["programs/tricky.md"]


def test_program_page_links_lifecycle_sections_and_dependents() -> None:
    page = generated(REPO)["programs/lifecycle-management.md"]
    assert "(../lifecycle/lead.md#stage-known)" in page
    assert "(../lifecycle/lead.md#stage-recycled) (reopen)" in page
    assert "- [Lead routing](lead-routing.md)" in page
    normalization = generated(REPO)["programs/data-normalization.md"]
    assert "(../lifecycle/lead.md#stage-known) (disqualify)" in normalization


def test_without_people_or_lifecycle_pages_nothing_links_to_them() -> None:
    site = site_for(REPO, families=("programs",))
    rendered = "\n".join(render_page(p, site) for p in pages(site.project, site))
    assert "../people/" not in rendered and "../lifecycle/" not in rendered
    assert "Salesforce Administrator" in rendered


def test_graph_dot_runs_in_dependency_order_and_says_status() -> None:
    site = site_for(REPO)
    dot = program_dot(site.project, lambda pid: f"{pid}.html")
    assert 'URL="lead-routing.html"' in dot
    assert '"data-normalization" -> "lifecycle-management"' in dot  # run order: dependency first
    assert 'label="Lead scoring (single\\nscore, 2019)\\n(retired)"' in dot


def test_an_empty_catalogue_still_explains_itself(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    site = site_for(tmp_path)
    [index] = pages(site.project, site)
    text = render_page(index, site)
    assert "No programs are documented yet" in text and "<svg" not in text


def test_graph_node_links_follow_the_sites_url_style() -> None:
    # The plugin tells page families MkDocs' `use_directory_urls`: graph links are final URLs
    # (raw SVG is not rewritten by MkDocs), relative to programs/ or programs/index.html.
    seen: list[str] = []

    def record(dot: str) -> str:
        seen.append(dot)
        return "<svg></svg>"

    for directory_urls, expected in ((True, 'URL="lead-routing/"'), (False, 'URL="lead-routing.html"')):
        site = site_for(REPO)
        site.use_directory_urls = directory_urls
        site.render_svg = record
        pages(site.project, site)
        assert expected in seen[-1]
