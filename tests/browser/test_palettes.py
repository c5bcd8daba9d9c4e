"""Light and dark palettes: text, diagram strokes and RACI colours readable in both.

Colours are read with getComputedStyle after switching the palette with Material's own toggle,
composited with every opacity on the way (SVG fill-/stroke-opacity, translucent swimlanes) over
what is behind them, and measured as WCAG 2 contrast ratios: 4.5:1 for text, 3:1 for the lines
and shapes a diagram is read by (WCAG 1.4.11).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pytest

from .browsertools import Colour, ServedSite, contrast, luminance, open_page, over, parse_colour, set_scheme

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow
SCHEMES = ["default", "slate"]
TEXT, GRAPHICS = 4.5, 3.0

# Colour of an element (fill, stroke or color) with every opacity on the way to the <svg> applied.
PROBE = """
([selector, prop]) => {
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    let alpha = prop === 'fill' ? parseFloat(style.fillOpacity)
              : prop === 'stroke' ? parseFloat(style.strokeOpacity) : 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      alpha *= parseFloat(getComputedStyle(node).opacity);
      if (node.tagName.toLowerCase() === 'svg') break;
    }
    const value = style[prop];
    if (value === 'none' || !value) continue;
    const box = el.getBBox ? el.getBBox() : null;
    out.push({value, alpha, text: (el.textContent || '').trim().slice(0, 40),
              centre: box ? [box.x + box.width / 2, box.y + box.height / 2] : null});
  }
  return out;
}
"""
# Each swimlane's box (in the graph's coordinates) and its fill over the page.
LANES = """
() => [...document.querySelectorAll('svg.mopsdocs-svg g.lane')].map(g => {
  const shape = g.querySelector('path, polygon');
  const box = shape.getBBox();
  const style = getComputedStyle(shape);
  return {box: [box.x, box.y, box.x + box.width, box.y + box.height], value: style.fill,
          alpha: parseFloat(style.fillOpacity)};
})
"""


def colour(item: dict[str, Any]) -> Colour:
    r, g, b, a = parse_colour(item["value"])
    return r, g, b, a * item["alpha"]


Lanes = list[tuple[list[float], Colour]]  # swimlane boxes (x0, y0, x1, y1) and their composited fills


def probe(page: Page, selector: str, prop: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(PROBE, [selector, prop])
    assert found, f"nothing matches {selector}"
    return found


def page_background(page: Page) -> Colour:
    """The page's background, checked to be the scheme's: light for default, dark for slate."""
    bg = parse_colour(page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert bg[3] == 1.0 and (luminance(bg) < 0.05) == (scheme == "slate"), (scheme, bg)
    return bg


def lane_backgrounds(page: Page, bg: Colour) -> Lanes:
    return [(lane["box"], over(colour(lane), bg)) for lane in page.evaluate(LANES)]


def behind(centre: list[float] | None, lanes: Lanes, bg: Colour) -> Colour:
    """What a diagram element stands on: the swimlane around its centre, else the page."""
    for box, fill in lanes:
        if centre and box[0] <= centre[0] <= box[2] and box[1] <= centre[1] <= box[3]:
            return fill
    return bg


def weakest(items: Iterable[tuple[dict[str, Any], Colour]]) -> tuple[float, str]:
    """The lowest contrast among (element, what it stands on) pairs, and which element it is."""
    worst = (99.0, "")
    for item, bg in items:
        ratio = contrast(over(colour(item), bg), bg)
        worst = min(worst, (ratio, f"{item['text'] or item['value']!r} {item['value']} alpha {item['alpha']:.2f}"))
    return worst


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_lifecycle_diagram_is_readable_in_both_palettes(browser: Browser, site: ServedSite, scheme: str) -> None:
    with open_page(browser, site, "lifecycle/lead/") as (page, _):
        set_scheme(page, scheme)
        bg = page_background(page)
        lanes = lane_backgrounds(page, bg)
        everywhere = [bg] + [fill for _, fill in lanes]  # lines cross lanes: weakest of all
        checks = {
            "stage names": (
                [(i, behind(i["centre"], lanes, bg)) for i in probe(page, "svg g.stage text", "fill")],
                TEXT,
            ),
            "lane names": ([(i, behind(i["centre"], lanes, bg)) for i in probe(page, "svg g.lane text", "fill")], TEXT),
            # the legend is a list under the picture (only what it draws), its samples small SVGs
            "legend words": ([(i, bg) for i in probe(page, "ul.mopsdocs-diagram-legend li", "color")], TEXT),
            "legend samples": ([(i, bg) for i in probe(page, "svg.mopsdocs-legend-sample path", "stroke")], GRAPHICS),
            "SLA labels": ([(i, b) for i in probe(page, "svg g.handoff text", "fill") for b in everywhere], TEXT),
            "stage borders": (
                [(i, behind(i["centre"], lanes, bg)) for i in probe(page, "svg g.stage path", "stroke")],
                GRAPHICS,
            ),
            "lane borders": ([(i, bg) for i in probe(page, "svg g.lane path", "stroke")], GRAPHICS),
        }
        for kind in ("progress", "recycle", "disqualify", "reopen"):
            lines = probe(page, f"svg g.t-{kind} path", "stroke")
            checks[f"{kind} arrows"] = ([(i, b) for i in lines for b in everywhere], GRAPHICS)
        weak = []
        for what, (items, needed) in checks.items():
            ratio, which = weakest(items)
            if ratio < needed:
                weak.append(f"{what}: {ratio:.2f}:1 < {needed}:1 ({which})")
        assert not weak, f"{scheme}: " + "; ".join(weak)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_program_graph_is_readable_in_both_palettes(browser: Browser, site: ServedSite, scheme: str) -> None:
    with open_page(browser, site, "programs/") as (page, _):
        set_scheme(page, scheme)
        bg = page_background(page)
        weak = []
        for status in ("active", "paused", "retired"):
            node = f"svg g.mopsdocs-program-{status}"
            shapes = probe(page, f"{node} path", "fill") if status != "retired" else []
            ground = over(colour(shapes[0]), bg) if shapes else bg  # the node's own tint
            for what, items, needed in (
                ("names", [(i, ground) for i in probe(page, f"{node} text", "fill")], TEXT),
                ("borders", [(i, bg) for i in probe(page, f"{node} path", "stroke")], GRAPHICS),
            ):
                ratio, which = weakest(items)
                if ratio < needed:
                    weak.append(f"{status} program {what}: {ratio:.2f}:1 < {needed}:1 ({which})")
        ratio, which = weakest([(i, bg) for i in probe(page, "svg g.edge path", "stroke")])
        if ratio < GRAPHICS:
            weak.append(f"dependency arrows: {ratio:.2f}:1 ({which})")
        assert not weak, f"{scheme}: " + "; ".join(weak)


CELL = """
() => [...document.querySelectorAll('.mopsdocs-raci-table td[data-letter], .mopsdocs-raci-key')].map(el => {
  const style = getComputedStyle(el);
  const shown = el.querySelector('abbr') || el;  // the visible letter (the word beside it is for screen readers)
  return {letter: el.getAttribute('data-letter') || el.textContent.trim(), fg: style.color,
          bg: style.backgroundColor, shown: shown.textContent.trim()};
})
"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_raci_letters_are_readable_and_written_out_in_both_palettes(
    browser: Browser, site: ServedSite, scheme: str
) -> None:
    with open_page(browser, site, "raci/mops/") as (page, _):
        set_scheme(page, scheme)
        bg = page_background(page)
        cells = page.evaluate(CELL)
        assert {c["letter"] for c in cells} == {"R", "A", "C", "I", "A/R"}
        weak: list[str] = []
        by_colour: dict[str, set[str]] = {}
        for c in cells:
            assert c["shown"] == c["letter"], c  # the letter is in the cell as text: never colour alone
            cell_bg = over(parse_colour(c["bg"]), bg)
            ratio = contrast(over(parse_colour(c["fg"]), cell_bg), cell_bg)
            if ratio < TEXT:
                weak.append(f"{c['letter']}: {ratio:.2f}:1 ({c['fg']} on {c['bg']})")
            by_colour.setdefault(c["letter"], set()).add(c["bg"])
        assert not weak, f"{scheme}: " + "; ".join(sorted(set(weak)))
        assert all(len(v) == 1 for v in by_colour.values()), by_colour  # one colour per letter
        words = page.eval_on_selector_all(
            ".mopsdocs-raci-table td[data-letter]",
            "els => [...new Set(els.map(e => e.dataset.letter + '=' + "
            "e.querySelector('.mopsdocs-raci-sr').textContent))]",
        )
        assert (
            set(words)
            <= {"R=Responsible", "A=Accountable", "C=Consulted", "I=Informed", "A/R=Accountable and Responsible"}
            and len(words) >= 4
        ), words  # for screen readers


TEXTS = r"""
(selector) => [...document.querySelectorAll(selector)].filter(el => el.offsetParent !== null).map(el => {
  let bg = 'rgba(0, 0, 0, 0)';
  for (let node = el; node; node = node.parentElement) {
    const b = getComputedStyle(node).backgroundColor;
    if (!/rgba\(.*, 0\)$/.test(b) && b !== 'transparent') { bg = b; break; }
  }
  return {fg: getComputedStyle(el).color, bg, text: el.textContent.trim().slice(0, 40)};
})
"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("programs/", ".mopsdocs-badge"),
        ("programs/bounce-management/", "article p, article td, article code"),
        ("people/priya/", "article p, article td, article th, article code"),
        ("lifecycle/lead/", "article p, article td, figcaption"),
    ],
)
def test_page_text_is_readable_in_both_palettes(
    browser: Browser,
    site: ServedSite,
    scheme: str,
    path: str,
    selector: str,
) -> None:
    with open_page(browser, site, path) as (page, _):
        set_scheme(page, scheme)
        bg = page_background(page)
        items = page.evaluate(TEXTS, selector)
        assert items, selector
        weak = set()
        for item in items:
            ground = over(parse_colour(item["bg"]), bg)
            ratio = contrast(over(parse_colour(item["fg"]), ground), ground)
            if ratio < TEXT:
                weak.add(f"{item['text']!r}: {ratio:.2f}:1 ({item['fg']} on {item['bg']})")
        assert not weak, f"{scheme} {path}: " + "; ".join(sorted(weak))
