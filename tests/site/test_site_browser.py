"""Chromium on the built site: clicking a stage in the diagram, and the dark scheme's colours."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from conftest import require_tool
from sitetools import mini_project, run_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow
PALETTE = """\
  font: false
  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: Dark}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: Light}
"""


@pytest.fixture(scope="module")
def lifecycle_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = mini_project(tmp_path_factory.mktemp("browser") / "p")
    config = root / "mkdocs.yml"  # both schemes, as a real site offers them (Material's palette.css)
    config.write_text(config.read_text().replace("  font: false\n", PALETTE, 1), encoding="utf-8")
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert proc.returncode == 0, proc.stderr
    return (root / "site" / "lifecycle" / "lead" / "index.html").as_uri()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=require_tool(
                "chromium", "driving Debian's Chromium through Playwright", path="/usr/bin/chromium"
            )
        )
        yield b
        b.close()


def _luminance(css_colour: str) -> float:
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", css_colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_clicking_a_stage_in_the_diagram_goes_to_its_section(browser: Browser, lifecycle_url: str) -> None:
    page = browser.new_page()
    page.goto(lifecycle_url)
    page.locator("svg.mopsdocs-svg g.stage a").filter(has_text="MQL").first.click()
    assert page.evaluate("location.hash") == "#stage-mql"
    heading = page.locator("h2#stage-mql")
    assert heading.is_visible()
    box, viewport = heading.bounding_box(), page.viewport_size
    assert box is not None and viewport is not None and 0 <= box["y"] < viewport["height"]  # scrolled to it
    tooltip = page.locator("svg.mopsdocs-svg g.stage a").filter(has_text="MQL").first.get_attribute("xlink:title")
    assert tooltip and tooltip.startswith("MQL: owner Marketing Ops")
    page.close()


def test_the_diagram_follows_the_light_and_dark_schemes(browser: Browser, lifecycle_url: str) -> None:
    page = browser.new_page()
    page.goto(lifecycle_url)
    probe = """() => {
        const edge = document.querySelector('svg.mopsdocs-svg g.t-progress path');
        const label = document.querySelector('svg.mopsdocs-svg g.lane text');
        const bg = getComputedStyle(document.body).backgroundColor;
        return [getComputedStyle(edge).stroke, getComputedStyle(label).fill, bg];
    }"""
    light_edge, light_text, light_bg = page.evaluate(probe)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_timeout(600)  # Material animates link colours (125 ms transitions)
    dark_edge, dark_text, dark_bg = page.evaluate(probe)
    assert _luminance(light_bg) > _luminance(light_edge) and _luminance(light_bg) > _luminance(light_text)
    assert _luminance(dark_bg) < _luminance(dark_edge) and _luminance(dark_bg) < _luminance(dark_text)
    assert _luminance(dark_text) > 128  # light text on the dark scheme, not black
    page.close()
