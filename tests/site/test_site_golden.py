"""Golden output: the whole generated Markdown and DOT of the example lifecycle (specs/ of this repo).

To accept a deliberate change: `MOPSDOCS_UPDATE_GOLDEN=1 pytest tests/site/test_site_golden.py`,
then read `git diff tests/site/golden/` before committing.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from sitetools import REPO, SITE_TESTS, mini_project

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.diagram import lifecycle_dot
from mopsdocs.site.families import lifecycle, scoring
from mopsdocs.site.render import render_page

GOLDEN = SITE_TESTS / "golden"
FAKE_SVG = '<svg class="golden-placeholder"><title>diagram</title></svg>\n'  # renderer-independent Markdown


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("MOPSDOCS_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"golden/{name}", "generated", n=2)
        )
        pytest.fail(f"{name} differs from the golden file (MOPSDOCS_UPDATE_GOLDEN=1 to accept):\n{diff[:6000]}")


def _site(root: Path) -> SiteContext:
    project, report = load_project(root)
    return SiteContext(project, report, render_svg=lambda dot: FAKE_SVG)


def test_example_lifecycle_markdown() -> None:
    site = _site(REPO)
    page = next(p for p in lifecycle.pages(site.project, site) if p.path == "lifecycle/lead.md")
    _compare("lifecycle-lead.md", render_page(page, site))


def test_example_scoring_markdown() -> None:
    site = _site(REPO)
    page = next(p for p in scoring.pages(site.project, site) if p.path == "scoring/lead-score.md")
    _compare("scoring-lead-score.md", render_page(page, site))


def test_example_lifecycle_dot() -> None:
    project, _ = load_project(REPO)
    _compare("lifecycle-lead.dot", lifecycle_dot(project, project.lifecycles["lead"]))


def test_output_ignores_the_order_of_mapping_keys(tmp_path: Path) -> None:
    """Same specs with keys written in another order: byte-identical page and diagram."""
    stage = "{{id: known, name: Known, initial: true, owner: mops, values: {{{values}}}}}"
    spec = """\
        kind: lifecycle
        id: lead
        name: Lead
        stages:
          - {stage}
          - {{id: won, name: Won, terminal: true, owner: sales, sla: 1d}}
        transitions:
          - {{from: known, to: won, sla: 1d}}
        """
    outputs = []
    for i, values in enumerate(
        ("marketo: K, salesforce: Open, hubspot: lead", "hubspot: lead, salesforce: Open, marketo: K")
    ):
        files = {"specs/lifecycle.yaml": spec.format(stage=stage.format(values=values))}
        root = mini_project(tmp_path / f"p{i}", files)
        site = _site(root)
        page = lifecycle.pages(site.project, site)[0]
        outputs.append((render_page(page, site), lifecycle_dot(site.project, site.project.lifecycles["lead"])))
    assert outputs[0] == outputs[1]
    assert "| hubspot | marketo | salesforce |" in outputs[0][0]
