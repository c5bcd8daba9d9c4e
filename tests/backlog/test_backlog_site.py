"""A real site with a backlog and reviews: `mkdocs build --strict`, then Debian's Chromium.

The matrix's links land on their items, and chart text is never drawn below 11 CSS px on a
390 px phone (the charts' minimum width keeps it there; a narrower screen scrolls the chart's box).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_project, require_tool

BIN = Path(sys.executable).parent
MKDOCS = """\
site_name: Backlog site
theme: {name: material, font: false}
plugins:
  - search
  - mopsdocs:
      as_of: 2021-12-01
      required_program_categories: []
"""
FILES = {
    "docs/index.md": "# Home\n",
    "specs/team.yaml": """\
        kind: team
        teams: [{id: ops, name: Ops}]
        roles: [{id: admin, name: Admin, team: ops}]
        people: [{id: ana, name: Ana, roles: [admin]}]
        """,
    "specs/lead.yaml": """\
        kind: lifecycle
        id: lead
        name: Lead
        stages:
          - {id: known, name: Known, initial: true, owner: ops}
          - {id: won, name: Won, terminal: true, owner: ops}
        transitions: [{from: known, to: won}]
        """,
    "specs/dedupe.yaml": """\
        kind: program
        id: dedupe
        name: Dedupe
        category: deduplication
        status: active
        owner: admin
        reviewed: {on: 2021-11-01, every: 365d}
        """,
    "specs/backlog.yaml": """\
        kind: backlog
        id: ops
        name: Ops backlog
        items:
          - {id: auto-dedupe, name: Automate the weekly dedupe, impact: high, effort: low, owner: admin,
             status: planned, due: 2022-Q1, refs: [program:dedupe, stage:lead/known]}
          - {id: rebuild, name: Rebuild the lifecycle, impact: high, effort: high, owner: ana, status: idea}
          - {id: tidy, name: Tidy the tokens, impact: low, effort: low, status: idea}
          - {id: folders, name: Rebuild the folders, impact: low, effort: high, status: idea}
        """,
    "specs/y2020.yaml": """\
        kind: review
        id: y2020
        name: 2020 in review
        year: 2020
        figures: {campaigns: 96, median_open_rate: 0.27}
        score: {scalable: {rating: 2}, reliable: {rating: 3}}
        """,
    "specs/y2021.yaml": """\
        kind: review
        id: y2021
        name: 2021 in review
        year: 2021
        figures: {campaigns: 148, median_open_rate: 0.31}
        goals: [{name: Weekly dedupe, item: ops/auto-dedupe}]
        score: {scalable: {rating: 3}, reliable: {rating: 4}}
        """,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("backlog") / "project", FILES, MKDOCS)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return root / "site"


def test_the_strict_build_has_every_page(built: Path) -> None:
    for page in ("backlog/ops", "reviews", "reviews/y2020", "reviews/y2021", "people/admin", "programs/dedupe"):
        assert (built / page / "index.html").is_file(), page
    admin = (built / "people/admin/index.html").read_text(encoding="utf-8")
    assert 'href="../../backlog/ops/#item-auto-dedupe"' in admin
    program = (built / "programs/dedupe/index.html").read_text(encoding="utf-8")
    assert 'href="../../backlog/ops/#item-auto-dedupe"' in program


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # the test output is for the tests


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


SMALLEST_TEXT = """
() => [...document.querySelectorAll('svg.mopsdocs-chart')].map(svg => {
  const box = svg.viewBox.baseVal;
  return svg.getBoundingClientRect().width / box.width * parseFloat(svg.getAttribute('font-size'));
})
"""


def test_on_a_phone_the_matrix_reads_and_its_links_land_on_their_items(served: str) -> None:
    from playwright.sync_api import sync_playwright

    chromium = require_tool("chromium", "driving Debian's Chromium through Playwright", path="/usr/bin/chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(served + "backlog/ops/")
            assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page never scrolls sideways
            sizes = page.evaluate(SMALLEST_TEXT)
            assert len(sizes) == 1 and min(sizes) >= 11, sizes
            links = page.locator("svg.mopsdocs-chart a")
            assert links.count() == 4
            links.first.click()
            page.wait_for_function("location.hash.startsWith('#item-')")
            anchor = page.evaluate("location.hash.slice(1)")
            assert page.locator(f"[id='{anchor}']").count() == 1
            page.goto(served + "reviews/")
            sizes = page.evaluate(SMALLEST_TEXT)
            assert len(sizes) == 3 and min(sizes) >= 11, sizes  # two figures and SCORE
        finally:
            browser.close()
