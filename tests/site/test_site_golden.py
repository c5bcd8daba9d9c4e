"""Golden output: the whole generated Markdown and DOT of the example lifecycle (specs/ of this repo).

To accept a deliberate change: `MOPSDOCS_UPDATE_GOLDEN=1 pytest tests/site/test_site_golden.py`,
then read `git diff tests/site/golden/` before committing.
"""

from __future__ import annotations

from pathlib import Path

from conftest import assert_golden
from sitetools import REPO, SITE_TESTS, mini_project

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.diagram import lifecycle_dot
from mopsdocs.site.families import lifecycle, scoring
from mopsdocs.site.pages import STACK_PAGE
from mopsdocs.site.render import render_page

GOLDEN = SITE_TESTS / "golden"
FAKE_SVG = '<svg class="golden-placeholder"><title>diagram</title></svg>\n'  # renderer-independent Markdown


def _compare(name: str, actual: str) -> None:
    assert_golden(GOLDEN / name, actual)


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


def test_example_stack_markdown_map_and_charts() -> None:
    """(v2) stack/: the page (charts inline), the integration map's DOT, each cost chart's SVG."""
    import re

    from mopsdocs.site.families import stack

    site = _site(REPO)
    page = next(p for p in stack.pages(site.project, site) if p.path == STACK_PAGE)
    markdown = render_page(page, site)
    _compare("stack.md", markdown)
    _compare("stack-map.dot", stack.integration_dot(site.project, lambda tid: f"#{stack.tool_anchor(tid)}"))
    charts = re.findall(
        r'(<svg xmlns="[^"]+" class="mopsdocs-chart [^"]+" id="([^"]+)".*?</svg>\n)', markdown, re.DOTALL
    )
    assert [chart_id for _, chart_id in charts] == ["stack-cost-eur", "stack-cost-usd"]
    for svg, chart_id in charts:
        _compare(f"{chart_id}.svg", svg)


def _charts(markdown: str) -> list[tuple[str, str]]:
    import re

    found = re.findall(
        r'(<svg xmlns="[^"]+" class="mopsdocs-chart [^"]+" id="([^"]+)".*?</svg>\n)', markdown, re.DOTALL
    )
    return [(chart_id, svg) for svg, chart_id in found]


def test_example_backlog_markdown_and_matrix() -> None:
    """(v2) backlog/<id>/: the page (the matrix inline) and the matrix's SVG, whole."""
    from mopsdocs.site.families import backlog

    site = _site(REPO)
    page = next(p for p in backlog.pages(site.project, site) if p.path == "backlog/mops.md")
    markdown = render_page(page, site)
    _compare("backlog-mops.md", markdown)
    charts = _charts(markdown)
    assert [chart_id for chart_id, _ in charts] == ["backlog-mops-matrix"]
    _compare("backlog-mops-matrix.svg", charts[0][1])


def test_example_reviews_markdown_and_charts() -> None:
    """(v2) reviews/ and reviews/<id>/: the pages, each figure's line chart and the SCORE chart, whole."""
    from mopsdocs.site.families import reviews

    site = _site(REPO)
    rendered = {p.path: render_page(p, site) for p in reviews.pages(site.project, site)}
    assert sorted(rendered) == ["reviews/index.md", "reviews/y2020.md", "reviews/y2021.md"]
    for path, markdown in rendered.items():
        _compare("review-" + path.removeprefix("reviews/").replace(".md", "") + ".md", markdown)
    charts = _charts(rendered["reviews/index.md"])
    assert [chart_id for chart_id, _ in charts] == [
        "reviews-figure-campaigns",
        "reviews-figure-emails_sent",
        "reviews-figure-median_open_rate",
        "reviews-figure-median_click_rate",
        "reviews-figure-mqls",
        "reviews-score",
    ]
    for chart_id, svg in charts:
        if chart_id in ("reviews-figure-median_open_rate", "reviews-figure-emails_sent", "reviews-score"):
            _compare(f"review-chart-{chart_id.removeprefix('reviews-')}.svg", svg)


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
