"""The `channels/` pages: whole generated Markdown compared with checked-in golden files.

Golden trees live in `golden/<project>.out/`, one file per page (its site path). Set MOPSDOCS_UPDATE_GOLDEN=1 to
rewrite them, then read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, assert_golden_tree

from mopsdocs.channel_model import programs_by_channel
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import channels, naming
from mopsdocs.site.render import render_page

GOLDEN = Path(__file__).parent / "golden"
PROJECTS = {"example": REPO, "edge": GOLDEN / "edge", "programs": GOLDEN / "programs"}


def site_for(root: Path, families: tuple[str, ...] | None = None) -> SiteContext:
    project, report = load_project(root)
    return SiteContext(project, report, repo_url="https://example.com/repo", edit_uri="edit/main/", families=families)


def generated(root: Path) -> dict[str, str]:
    site = site_for(root)
    return {page.path: render_page(page, site) for page in channels.pages(site.project, site)}


def naming_page(root: Path, path: str, families: tuple[str, ...] | None = None) -> str:
    site = site_for(root, families)
    return next(render_page(p, site) for p in naming.pages(site.project, site) if p.path == path)


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_golden_pages(name: str) -> None:
    assert_golden_tree(generated(PROJECTS[name]), GOLDEN / f"{name}.out")


def test_edge_project_diagnostics() -> None:
    _, report = load_project(GOLDEN / "edge")
    codes = sorted(d.code for d in report.diagnostics)
    assert codes == ["CH003", "CH003"]  # EV is not in the vocabulary; EVT has no channel


def test_spec_text_never_becomes_markup() -> None:
    page = generated(GOLDEN / "edge")["channels/tricky.md"]
    assert "<b>" not in page and "<script>" not in page and "<i>" not in page
    assert "{{" not in page
    rows = [line for line in page.splitlines() if line.startswith("| ") and "---" not in line]
    table = [line for line in rows if line.count(" | ") == 6]
    assert len(table) == 4  # header + three statuses: a pipe in a value never splits a row
    assert all(line.count(" | ") == 1 for line in rows if line not in table)  # the fields table


def test_no_channels_no_pages() -> None:
    site = site_for(REPO / "tests/cases/ch003-no-channel-specs")
    assert channels.pages(site.project, site) == []


def test_codes_link_to_channels_only_with_the_family() -> None:
    with_family = naming_page(REPO, "naming/program.md")
    without = naming_page(REPO, "naming/program.md", families=("naming",))
    assert "| [<code>WBN</code>](../channels/webinar.md) | Webinar |" in with_family
    assert "| [<code>A&#124;B</code>](../channels/tricky.md) | Pipes |" in naming_page(
        GOLDEN / "edge", "naming/campaign.md"
    )
    assert "channels/" not in without


def test_programs_of_a_channel_come_from_their_asset_names() -> None:
    project, report = load_project(GOLDEN / "programs")
    assert not report.errors  # every asset name conforms (NAME005 is silent)
    # 'OPS_wbn_Replays': the convention ignores case, so the code is read as the vocabulary writes it;
    # the trade show has no program, the program without an asset name has no channel
    assert programs_by_channel(project) == {
        "email-nurture": ("nurture-exits",),
        "webinar": ("webinar-reminders", "webinar-replays"),
    }
    assert programs_by_channel(project) is programs_by_channel(project)  # computed once
    assert programs_by_channel(load_project(REPO)[0]) == {}  # the example's OPS_ names carry an area, not a channel


def test_programs_link_to_their_pages_only_with_the_family() -> None:
    root = GOLDEN / "programs"
    site = site_for(root, families=("channels",))
    page = next(render_page(p, site) for p in channels.pages(site.project, site) if p.path == "channels/webinar.md")
    assert "| Programs | Webinar reminders (<code>OPS&#95;WBN&#95;Reminders</code>), Webinar replays" in page
    assert "../programs/" not in generated(root)["channels/trade-show.md"]
    assert "[Webinar reminders](../programs/webinar-reminders.md)" in generated(root)["channels/webinar.md"]
