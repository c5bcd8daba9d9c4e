"""`mopsdocs.charts`: the SVG every chart is (accessible, escaped, rounded, deterministic) and its CSS."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import REPO

from mopsdocs.charts.bars import Bar, Row, bar_chart
from mopsdocs.charts.base import (
    FONT,
    MIN_CSS_WIDTH,
    SERIES_COLOURS,
    WIDTH,
    Chart,
    coord,
    data_table,
    number,
    ticks,
    xml,
)

CSS = (REPO / "mopsdocs" / "assets" / "charts.css").read_text(encoding="utf-8")
HOSTILE = 'A & B <script>alert(1)</script> {{ x }} "q" \x07\nnext'


def _chart(label: str = "CRM", series: tuple[str, ...] = ()) -> Chart:
    width = max(1, len(series))
    rows = [Row(label, tuple(Bar(1000.0 * (i + 1) / 3, f"{i} USD") for i in range(width))), Row("B", (None,) * width)]
    return bar_chart("cost", "Yearly cost", "The same figures are in the table.", rows, series)


def test_svg_is_an_accessible_image_named_by_title_and_desc() -> None:
    svg = _chart().svg()
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "cost-title cost-desc"
    assert root.find(f"{ns}title").get("id") == "cost-title"  # type: ignore[union-attr]
    assert root.find(f"{ns}desc").text == "The same figures are in the table."  # type: ignore[union-attr]
    assert "\n\n" not in svg  # a blank line would end the HTML block the Markdown page holds it in


def test_user_text_is_escaped_and_never_markup() -> None:
    svg = _chart(HOSTILE, series=(HOSTILE, "two")).svg()
    root = ET.fromstring(svg)  # well-formed XML: nothing the user wrote closed an element
    assert "<script" not in svg and "{{" not in svg and "\x07" not in svg
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any(t.startswith("A & B <script>") for t in texts)  # shown as written (clipped), as text
    table = data_table(HOSTILE, [HOSTILE], [[HOSTILE, HOSTILE]])
    assert "<script" not in table and "{{" not in table


def test_coordinates_are_rounded_and_output_is_byte_identical() -> None:
    assert [coord(v) for v in (0.0, -0.001, 3.14159, 2.5, 100.0, 1e-9)] == ["0", "0", "3.14", "2.5", "100", "0"]
    numbers = re.findall(r' (?:x|y|width|height|x1|x2|y1|y2)="([^"]+)"', _chart(series=("a", "b")).svg())
    assert all(re.fullmatch(r"-?\d+(\.\d{1,2})?", n) for n in numbers)
    assert _chart(series=("a", "b")).svg() == _chart(series=("a", "b")).svg()


def test_numbers_and_ticks() -> None:
    assert number(1234567.891) == "1,234,568"
    assert number(1234.5, 2, group=" ", point=",") == "1 234,50"
    assert number(-0.001, 2) == "0.00"
    assert ticks(130000) == [0.0, 50000.0, 100000.0, 150000.0]
    assert ticks(0) == [0.0, 1.0]


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="one bar"):
        bar_chart("c", "t", "d", [Row("a", (Bar(1, "1"),))], series=("x", "y"))
    with pytest.raises(ValueError, match="zero or more"):
        bar_chart("c", "t", "d", [Row("a", (Bar(-1, "-1"),))])
    with pytest.raises(ValueError, match="not an id"):
        bar_chart("Bad id", "t", "d", []).svg()
    assert xml("a\x00b") == "ab"


def test_text_is_at_least_11_css_px_at_the_smallest_width_the_css_allows() -> None:
    min_width = re.search(r"svg\.mopsdocs-chart \{[^}]*min-width: (\d+)px", CSS)
    assert min_width is not None and int(min_width.group(1)) == MIN_CSS_WIDTH
    assert FONT * MIN_CSS_WIDTH / WIDTH >= 11
    assert 'font-size="12"' in _chart().svg() and FONT == 12


def test_every_series_colour_has_a_light_and_a_dark_value() -> None:
    light = CSS.split('[data-md-color-scheme="slate"]')[0]
    dark = CSS.split('[data-md-color-scheme="slate"]')[1].split("}")[0]
    for i in range(1, SERIES_COLOURS + 1):
        assert f"--mopsdocs-chart-{i}:" in light and f"--mopsdocs-chart-{i}:" in dark
        assert f".mopsdocs-chart-s{i} {{ fill: var(--mopsdocs-chart-{i}); }}" in CSS
    assert "#" not in _chart(series=("a", "b")).svg()  # no colour baked into the SVG: the CSS decides
