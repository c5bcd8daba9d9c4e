"""Horizontal bar charts: a row per category, one bar per series in it (grouped bars).

Laid out for a phone first: each row's label stands on its own line above its bars (long names
are not squeezed into a left margin), every bar carries its value at its end (no axis to read
across), and a legend names the series when there is more than one. All bars share one scale,
so a chart only groups values that compare (one currency per chart: the caller splits them).
Values are zero or more; a missing value (`None`) draws no bar and says "no value" in its tooltip
only if the caller gives such a label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .base import FONT, LINE, WIDTH, Chart, clip, group, line, rect, series_class, text, text_width

BAR = 12.0  # bar thickness, user units
BAR_GAP = 3.0  # between the bars of one row
ROW_GAP = 8.0  # between rows
SWATCH = 10.0  # legend square
VALUE_GAP = 4.0  # between a bar's end and its value


@dataclass(frozen=True)
class Bar:
    value: float  # >= 0
    label: str  # the value as the page shows it, e.g. "60,000 USD"


@dataclass(frozen=True)
class Row:
    label: str  # the category, as the user wrote it
    bars: tuple[Bar | None, ...]  # one per series, in series order; None: no value there


def _legend(series: Sequence[str], top: float) -> tuple[list[str], float]:
    """Swatch and name per series, flowing onto more lines as needed; returns (elements, bottom)."""
    parts: list[str] = []
    x, y = 0.0, top + LINE
    for i, name in enumerate(series):
        shown = clip(name, WIDTH - SWATCH - 4)
        needed = SWATCH + 4 + text_width(shown) + 12
        if x > 0 and x + needed > WIDTH:
            x, y = 0.0, y + LINE
        parts.append(rect(x, y - SWATCH, SWATCH, SWATCH, cls=series_class(i)))
        parts.append(text(x + SWATCH + 4, y - 1, shown, cls="mopsdocs-chart-label"))
        x += needed
    return [group(parts, cls="mopsdocs-chart-legend")], y + ROW_GAP


def bar_chart(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[Row],
    series: Sequence[str] = (),
) -> Chart:
    """A horizontal bar chart; `series` names the bars of a row when there are several (legend)."""
    width = len(series) or 1
    if any(len(r.bars) != width for r in rows):
        raise ValueError("every row needs one bar (or None) per series")
    values = [b for r in rows for b in r.bars if b is not None]
    if any(b.value < 0 for b in values):
        raise ValueError("bar values must be zero or more")
    largest = max((b.value for b in values), default=0.0)
    room = max((text_width(b.label) for b in values), default=0.0) + VALUE_GAP + 2
    length = max(WIDTH - room, WIDTH / 3)  # the longest bar; very long value labels are clipped
    body: list[str] = []
    y = 0.0
    if len(series) > 1:
        legend, y = _legend(series, y)
        body.extend(legend)
    for r in rows:
        y += LINE
        items = [text(0, y - 4, clip(r.label, WIDTH), cls="mopsdocs-chart-label", bold=True)]
        top = y
        for i, b in enumerate(r.bars):
            if b is not None:
                size = length * b.value / largest if largest > 0 else 0.0
                tip = f"{series[i]}: {b.label}" if len(series) > 1 else b.label
                items.append(rect(0, top, size, BAR, cls=series_class(i), title=tip))
                value = clip(b.label, WIDTH - size - VALUE_GAP)
                items.append(text(size + VALUE_GAP, top + BAR - 2, value, cls="mopsdocs-chart-value"))
            top += BAR + BAR_GAP
        items.append(line(0, y, 0, top - BAR_GAP, cls="mopsdocs-chart-axis"))
        body.append(group(items, cls="mopsdocs-chart-row"))
        y = top - BAR_GAP + ROW_GAP
    height = max(y, FONT)
    return Chart(chart_id=chart_id, kind="bars", height=height, title=title, desc=desc, body=body)


__all__ = ["Bar", "Row", "bar_chart"]
