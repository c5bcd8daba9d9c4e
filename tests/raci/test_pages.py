"""The `raci/<id>/`, `people/` and `people/<party>/` pages, compared whole with golden files.

Golden trees live in `golden/<project>.out/`, one file per page (its site path). Set
MOPSDOCS_UPDATE_GOLDEN=1 to rewrite them, then read the diff before committing. The `example`
tree holds only the RACI page of the repository's example project (the people pages there also
show other engineers' specs); `edge` is this folder's own project of awkward names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, assert_golden_tree

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import people, raci
from mopsdocs.site.generate import PageFamily
from mopsdocs.site.render import render_page

GOLDEN = Path(__file__).parent / "golden"
EDGE = GOLDEN / "edge"


def site_for(
    root: Path, repo_url: str | None = None, edit_uri: str | None = None, families: tuple[str, ...] | None = None
) -> SiteContext:
    project, report = load_project(root)
    return SiteContext(project, report, repo_url=repo_url, edit_uri=edit_uri, families=families)


def generated(
    root: Path,
    families: tuple[PageFamily, ...] = (raci, people),
    repo_url: str | None = None,
    edit_uri: str | None = None,
) -> dict[str, str]:
    site = site_for(root, repo_url, edit_uri)
    return {page.path: render_page(page, site) for family in families for page in family.pages(site.project, site)}


CASES = {
    "edge": lambda: generated(EDGE, repo_url="https://example.com/repo", edit_uri="edit/main/"),
    "example": lambda: generated(REPO, (raci,)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_pages(name: str) -> None:
    actual = CASES[name]()
    folder = GOLDEN / f"{name}.out"
    assert_golden_tree(actual, folder)


def test_output_is_deterministic() -> None:
    assert generated(EDGE) == generated(EDGE)


def outside_html_table(text: str) -> str:
    """The Markdown around the raw HTML table (inside it, Markdown syntax is inert text)."""
    start = text.find('<div class="mopsdocs-raci"')
    return text if start < 0 else text[:start] + text[text.index("</div>", start) :]


def test_spec_text_never_becomes_markup() -> None:
    for path, text in generated(EDGE).items():
        assert "<script>" not in text and "<img" not in text and "<i>" not in text and "<b>" not in text, path
        markdown = outside_html_table(text)
        assert "javascript:" not in markdown, path
        assert "{{" not in markdown and "{:" not in markdown, path
    matrix = generated(EDGE)["raci/edge.md"]
    assert (
        '<th scope="row">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; <code class="mopsdocs-id">script</code></th>'
        in matrix
    )
    assert (
        '<th scope="row"><a href="#about-pipe">a | b</a> <code class="mopsdocs-id">pipe</code></th>' in matrix
    )  # a pipe in raw HTML splits nothing


def test_pages_pages_and_navigation() -> None:
    site = site_for(EDGE)
    raci_pages = raci.pages(site.project, site)
    assert [(p.path, p.nav, p.order) for p in raci_pages] == [
        ("raci/alpha.md", ("RACI matrices",), 0),
        ("raci/empty.md", ("RACI matrices",), 1),
        ("raci/edge.md", ("RACI matrices",), 2),
    ]
    by_path = {p.path: p for p in people.pages(site.project, site)}
    assert by_path["people/index.md"].nav == ("People",)
    assert by_path["people/mops.md"].nav == ("People", "Teams")
    assert by_path["people/floater.md"].nav == ("People", "Roles")
    assert by_path["people/dee.md"].nav == ("People", "Team members")
    assert len(by_path) == 1 + 2 + 4 + 4


def test_person_inherits_from_roles_but_not_after_leaving() -> None:
    site = site_for(EDGE)
    ana = people.view(site.project, site, "ana")
    letters = sorted((d.activity_name, d.letter, d.via.id if d.via else None) for s in ana.sections for d in s.duties)
    assert letters == sorted(
        [
            ("<script>alert('x')</script>", "A", "manager"),
            ("<script>alert('x')</script>", "R", "analyst"),
            ("a | b", "A/R", "manager"),
            ("Ungrouped & *stars* &amp;", "R", None),
            ("{{ jinja }} {: .attr} [link](javascript:alert(1))", "A", "manager"),
            ("{{ jinja }} {: .attr} [link](javascript:alert(1))", "R", "analyst"),
            ("Second group", "I", "manager"),
            ("Only row", "A/R", "analyst"),
            ("Only row", "C", "manager"),
        ]
    )
    assert ana.counts == {"A": 4, "R": 5, "C": 1, "I": 1}  # one activity held through two roles counts once
    assert [o.name for o in ana.programs] == ["De-dup <weekly>", "Scoring"]
    bob = people.view(site.project, site, "bob")
    assert bob.inactive and bob.inherits == ()
    assert [(d.letter, d.via) for s in bob.sections for d in s.duties] == [("A", None), ("I", None)]
    assert bob.hand_over == 2  # the A on 'ungrouped' and the transition mql -> won; the I needs no hand-over


def test_raw_html_links_follow_use_directory_urls() -> None:
    """Raw HTML is not rewritten by MkDocs, so links in the table are final URLs."""
    with_dirs = generated(EDGE, (raci,))["raci/edge.md"]
    assert '<a href="../../people/manager/">MOPs Manager</a>' in with_dirs
    site = site_for(EDGE)
    object.__setattr__(site, "use_directory_urls", False)
    assert raci.html_href(site, "raci/edge.md", "people/manager.md") == "../people/manager.html"
    assert raci.html_href(site, "people/index.md", "people/ana.md") == "ana.html"
    object.__setattr__(site, "use_directory_urls", True)
    assert raci.html_href(site, "people/index.md", "people/ana.md") == "ana/"
    assert raci.html_href(site, "people/ana.md", "raci/edge.md", "activity-x") == "../../raci/edge/#activity-x"


def test_links_to_missing_families_are_left_out() -> None:
    site = site_for(EDGE, families=("raci", "people"))
    text = render_page(next(p for p in people.pages(site.project, site) if p.path == "people/manager.md"), site)
    assert "../lifecycle/" not in text and "../programs/" not in text
    assert "[Known](" not in text and "| Known |" in text
