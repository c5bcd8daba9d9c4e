"""Figures behind docs/charts.md: hand-written SVG (mopsdocs.charts) against pygal and Vega-Lite.

Not a test (no assertions on time): run it in a virtualenv with `pygal` and `vl-convert-python`
installed, e.g. `python tests/stack/chart_libraries.py`. It draws the example stack's yearly cost
chart (7 categories, 2 series) with each, N times, and prints: import time, time per chart
(median), SVG bytes, whether two runs give the same bytes, what accessibility markup the SVG
carries, whether it loads anything from the network, and whether its colours can follow the
page's light and dark schemes (CSS classes, no colours baked in).
"""

from __future__ import annotations

import importlib
import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

N = 20
ROWS = [
    ("Marketing automation", 60000, None),
    ("CRM", 72000, None),
    ("iPaaS", 24000, 588),
    ("Enrichment", 18000, None),
    ("Analytics", 30000, None),
    ("ABM", 55000, None),
    ("Webinar", 3400, None),
]


def timed_import(name: str) -> tuple[object, float]:
    start = time.perf_counter()
    module = importlib.import_module(name)
    return module, (time.perf_counter() - start) * 1000


def ours() -> str:
    from mopsdocs.charts.bars import Bar, Row, bar_chart

    rows = [Row(label, (Bar(a, f"{a:,} USD"), Bar(s, f"{s:,} USD") if s else None)) for label, a, s in ROWS]
    return bar_chart("stack-cost-usd", "Yearly cost by category, USD", "bars", rows, ["Active", "Sunsetting"]).svg()


def with_pygal() -> str:
    import pygal

    chart = pygal.HorizontalBar(title="Yearly cost by category, USD", disable_xml_declaration=True)
    chart.x_labels = [r[0] for r in ROWS]
    chart.add("Active", [r[1] for r in ROWS])
    chart.add("Sunsetting", [r[2] for r in ROWS])
    return str(chart.render(is_unicode=True))


SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "title": "Yearly cost by category, USD",
    "data": {
        "values": [{"category": c, "status": "Active", "cost": a} for c, a, _ in ROWS]
        + [{"category": c, "status": "Sunsetting", "cost": s} for c, _, s in ROWS if s]
    },
    "mark": "bar",
    "encoding": {
        "y": {"field": "category", "type": "nominal", "sort": None},
        "yOffset": {"field": "status"},
        "x": {"field": "cost", "type": "quantitative"},
        "color": {"field": "status"},
    },
}


def with_vega() -> str:
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(json.dumps(SPEC)))


BASELINE: list[float] = []  # mopsdocs' median, measured first in the same run


def report(name: str, draw: object, import_ms: float) -> None:
    assert callable(draw)
    first = time.perf_counter()
    svg = draw()
    first_ms = (time.perf_counter() - first) * 1000
    times = []
    for _ in range(N):
        start = time.perf_counter()
        again = draw()
        times.append((time.perf_counter() - start) * 1000)
    same = again == svg
    median = statistics.median(times)
    BASELINE.append(BASELINE[0] if BASELINE else median)
    ratio = median / BASELINE[0]
    network = sorted(set(re.findall(r'(?:href|src)="(https?://[^"]+)"', svg)))
    colours = len(set(re.findall(r"#[0-9a-fA-F]{6}\b|rgb\([^)]*\)", svg)))
    role = 'role="img"' in svg or ("aria-label" in svg and "role=" in svg)
    print(
        f"{name:10} import {import_ms:7.1f} ms | first {first_ms:7.1f} ms | "
        f"median {median:6.2f} ms ({ratio:5.1f}x mopsdocs) | "
        f"{len(svg):6} bytes | same bytes twice: {same} | role=img: {role} | "
        f"<title>: {'<title' in svg} <desc>: {'<desc' in svg} | baked-in colours: {colours} | "
        f"<text>: {svg.count('<text')} | network: {network or 'none'}"
    )


def main() -> None:
    importlib.import_module("mopsdocs")  # the package itself (pydantic ...) is not the chart's cost
    _, ms = timed_import("mopsdocs.charts.bars")
    report("mopsdocs", ours, ms)
    for module, name, draw in (("pygal", "pygal", with_pygal), ("vl_convert", "vl-convert", with_vega)):
        try:
            _, ms = timed_import(module)
        except ImportError:
            print(f"{name:10} not installed")
            continue
        report(name, draw, ms)


if __name__ == "__main__":
    main()
