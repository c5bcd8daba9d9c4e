"""Golden output: the example project's `audit/` page and the platform sections it adds to
program, channel and lifecycle pages, compared whole. `MOPSDOCS_UPDATE_GOLDEN=1` rewrites them;
read the diff before committing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REPO

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.generate import generate

GOLDEN = Path(__file__).parent / "golden"
PAGES = {
    "audit.md": "audit.md",
    "programs/enrichment.md": "program-enrichment.md",
    "programs/data-normalization.md": "program-data-normalization.md",
    "channels/trade-show.md": "channel-trade-show.md",
    "lifecycle/lead.md": "lifecycle-lead.md",
}


def _platform_part(path: str, markdown: str) -> str:
    """The whole audit page; on other pages, the platform sections only (the rest is others' golden)."""
    if path == "audit.md":
        return markdown
    lines = markdown.splitlines(keepends=True)
    out, keep = [], False
    for line in lines:
        if line.startswith("## "):
            keep = line.startswith("## In the platform")
        if keep or line.startswith("**In the platform:**"):
            out.append(line)
    return "".join(out)


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    project, report = load_project(REPO)
    site = SiteContext(project, report, render_svg=lambda dot: "<svg></svg>")
    return {g.page.path: g.markdown for g in generate(project, site)}


@pytest.mark.parametrize("path", sorted(PAGES))
def test_golden(generated: dict[str, str], path: str) -> None:
    actual = _platform_part(path, generated[path])
    golden = GOLDEN / PAGES[path]
    if os.environ.get("MOPSDOCS_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual.strip(), f"{path} has no platform section"
    assert actual == golden.read_text(encoding="utf-8")


def test_same_inputs_same_pages() -> None:
    runs = []
    for _ in range(2):
        project, report = load_project(REPO)
        site = SiteContext(project, report, render_svg=lambda dot: "<svg></svg>")
        runs.append({g.page.path: g.markdown for g in generate(project, site) if g.page.path in PAGES})
    assert runs[0] == runs[1]
