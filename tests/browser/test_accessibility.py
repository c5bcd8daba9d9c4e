"""axe-core on every generated page type: no serious or critical violation, in both palettes and
on a phone; the diagrams carry titles and text alternatives.

axe-core is the pinned npm package (tests/js), injected from disk: nothing is fetched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import require_tool

from .browsertools import AXE, DESKTOP, PAGE_TYPES, PHONE, ServedSite, accessible_names, open_page, set_scheme

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow
RUN_AXE = """
async (colourOnly) => {
  const options = {resultTypes: ['violations']};
  if (colourOnly) options.runOnly = {type: 'rule', values: ['color-contrast', 'link-in-text-block']};
  const result = await axe.run(document, options);
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 3).join(' '))}));
}
"""
TEXT_OF = "id => document.getElementById(id).textContent"
# (palette, viewport, colour rules only): every rule in the light palette on a laptop and on a
# phone (layout rules: scrolling regions, target sizes), the colour rules in the dark palette
SETUPS = [("default", DESKTOP, False), ("slate", DESKTOP, True), ("default", PHONE, False)]


@pytest.fixture(scope="session")
def axe_source() -> str:
    return require_tool(
        "axe-core", "the accessibility rules", path=AXE, install="npm ci in tests/js (scripts/test does it)"
    )


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_nothing_serious_on_each_page_type(
    browser: Browser, site: ServedSite, axe_source: str, kind: str
) -> None:
    found = []
    for scheme, viewport, colour_only in SETUPS:
        with open_page(browser, site, PAGE_TYPES[kind], viewport) as (page, _):
            set_scheme(page, scheme)
            page.add_script_tag(path=axe_source)
            for v in page.evaluate(RUN_AXE, colour_only):
                if v["impact"] in ("serious", "critical"):
                    more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
                    where = "; ".join(v["nodes"][:3]) + more
                    found.append(f"[{scheme}, {viewport['width']}px] {v['impact']} {v['id']}: {v['help']} -- {where}")
    assert not found, f"{PAGE_TYPES[kind]}:\n" + "\n".join(found)


def test_the_lifecycle_diagram_has_a_title_a_description_and_named_stage_links(
    browser: Browser, site: ServedSite
) -> None:
    with open_page(browser, site, "lifecycle/lead/") as (page, _):
        svg = page.locator("figure.mopsdocs-diagram svg.mopsdocs-svg")
        title_id = svg.get_attribute("aria-labelledby")
        assert title_id and page.evaluate(TEXT_OF, title_id) == "Lead lifecycle diagram"
        assert page.evaluate("id => document.getElementById(id).parentElement.tagName.toLowerCase()", title_id) == "svg"
        description = page.locator("figure.mopsdocs-diagram").get_attribute("aria-describedby")
        text = page.evaluate("id => document.getElementById(id).textContent", description)
        stages = page.locator("article table").first.locator("tbody tr td:first-child").all_inner_texts()
        assert len(stages) == 8 and all(name in text for name in stages), (stages, text)  # the diagram in words
        links = [
            name for role, name in accessible_names(page, "figure.mopsdocs-diagram svg a[*|href]") if role == "link"
        ]
        for name in stages:  # every stage is a link a screen reader announces by its name first
            assert any(link.startswith(f"{name}: owner ") for link in links), (name, links)
        assert ("figure", "Lead lifecycle diagram") in accessible_names(page, "figure.mopsdocs-diagram")


def test_the_program_graph_has_a_title_and_named_program_links(browser: Browser, site: ServedSite) -> None:
    with open_page(browser, site, "programs/") as (page, _):
        figure = page.locator(".mopsdocs-program-graph")
        assert figure.get_attribute("role") == "figure" and figure.get_attribute("aria-label") == "Program dependencies"
        svg = figure.locator("svg.mopsdocs-svg")
        title_id = svg.get_attribute("aria-labelledby")
        assert title_id and page.evaluate(TEXT_OF, title_id) == "Program dependencies"
        links = [
            name for role, name in accessible_names(page, ".mopsdocs-program-graph svg a[*|href]") if role == "link"
        ]
        assert len(links) == 15 and "Bounce management (active, bounce-management)" in links, links
        assert "Lead scoring (single score, 2019) (retired, lead-scoring)" in links  # the status in words
        retired = svg.locator("g.mopsdocs-program-retired").text_content() or ""
        assert "(retired)" in retired  # and on the picture, not only a faded colour
