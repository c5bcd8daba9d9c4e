"""Line charts over years: one or more series, a point per year, a value label per point when
there is one series (a figure over the years), a legend when there are several (SCORE pillars).

Years are evenly spaced across (a year with no value leaves a gap in the line, not a zero). The
value axis starts at `low` (0 for figures, 1 for ratings) and ends at a round value at or above
the largest (`base.ticks`), or at `high` when the caller fixes it (5 for ratings). Lines are
filled bands (`base.polyline_band`) so the series colours follow the palettes like bars do.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .base import (
    FONT,
    LINE,
    WIDTH,
    Chart,
    clip,
    dot,
    group,
    line,
    polyline_band,
    rect,
    series_class,
    text,
    text_width,
    ticks,
)

PLOT_H = 96.0  # the plot's height, user units
RIGHT = 12.0  # at least, right of the last year
SWATCH = 10.0
PAD_LEFT = 8.0  # a rating chart's scale starts here (room for the first dot)
INSET = 16.0  # between the value axis and the first year (and the last year and the edge)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per year, in year order


def _legend(series: Sequence[Series], top: float) -> tuple[list[str], float]:
    parts: list[str] = []
    x, y = 0.0, top + LINE
    for i, s in enumerate(series):
        shown = clip(s.name, WIDTH - SWATCH - 4)
        needed = SWATCH + 4 + text_width(shown) + 12
        if x > 0 and x + needed > WIDTH:
            x, y = 0.0, y + LINE
        parts.append(rect(x, y - SWATCH, SWATCH, SWATCH, cls=series_class(i)))
        parts.append(text(x + SWATCH + 4, y - 1, shown, cls="mopsdocs-chart-label"))
        x += needed
    return [group(parts, cls="mopsdocs-chart-legend")], y + LINE / 2


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    years: Sequence[str],
    series: Sequence[Series],
    shown: Callable[[float], str],
    *,
    low: float = 0.0,
    high: float | None = None,
) -> Chart:
    """A line chart of `series` over `years`; `shown(value)` writes a value as the page does."""
    if any(len(s.values) != len(years) for s in series):
        raise ValueError("every series needs one value (or None) per year")
    values = [v for s in series for v in s.values if v is not None]
    if any(v < low for v in values):
        raise ValueError(f"values must be {low} or more")
    top_value = high if high is not None else max(ticks(max(values, default=0.0) - low)) + low
    scale = (
        [low + t for t in ticks(top_value - low)]
        if high is None
        else [float(v) for v in range(int(low), int(high) + 1)]
    )
    labels = [shown(v) for v in values] if len(series) == 1 else []
    edge = max([text_width(y) for y in years[-1:]] + [text_width(v) for v in labels], default=0.0) / 2 + 2
    left = max(max(text_width(shown(t)) for t in scale) + 6, text_width(years[0]) / 2 + 2 if years else 0.0)
    right = max(RIGHT, edge)
    body: list[str] = []
    y0 = 0.0
    if len(series) > 1:
        legend, y0 = _legend(series, 0.0)
        body.extend(legend)
    elif series:  # one series: its name is the chart's visible heading
        body.append(text(0, FONT, clip(series[0].name, WIDTH), cls="mopsdocs-chart-label", bold=True))
        y0 = LINE
    plot_top = y0 + LINE  # room for the value label of a point at the top
    plot_bottom = plot_top + PLOT_H
    span = (top_value - low) or 1.0

    def y_of(value: float) -> float:
        return plot_bottom - (value - low) / span * PLOT_H

    count = len(years)
    step = (WIDTH - left - right - 2 * INSET) / max(count - 1, 1)

    def x_of(index: int) -> float:  # inset from the axis, so a point's label clears the axis' numbers
        return left + INSET + (index * step if count > 1 else (WIDTH - left - right - 2 * INSET) / 2)

    grid = []
    for t in scale:
        grid.append(line(left, y_of(t), WIDTH - right / 2, y_of(t), cls="mopsdocs-chart-grid"))
        grid.append(text(left - 4, y_of(t) + FONT / 3, shown(t), cls="mopsdocs-chart-value", anchor="end"))
    grid.append(line(left, plot_top, left, plot_bottom, cls="mopsdocs-chart-axis"))
    # many years: every k-th year is named (the last always), so the names never overlap
    widest = max((text_width(y) for y in years), default=0.0) + 6
    every = max(1, math.ceil(widest / step)) if count > 1 else 1
    for i, year in enumerate(years):
        if i % every == 0 or (i == count - 1 and (count - 1) % every >= every / 2):
            grid.append(text(x_of(i), plot_bottom + LINE, year, cls="mopsdocs-chart-label", anchor="middle"))
    body.append(group(grid, cls="mopsdocs-chart-axes"))
    for k, s in enumerate(series):
        cls = series_class(k)
        runs: list[list[tuple[float, float]]] = [[]]
        marks = []
        for i, value in enumerate(s.values):
            if value is None:
                runs.append([])
                continue
            point = (x_of(i), y_of(value))
            runs[-1].append(point)
            tip = f"{s.name}, {years[i]}: {shown(value)}" if len(series) > 1 else f"{years[i]}: {shown(value)}"
            marks.append(dot(*point, 3.5, cls=cls, title=tip))
            if len(series) == 1 and (every == 1 or i in (0, count - 1)):  # crowded: the ends only
                marks.append(text(point[0], point[1] - 7, shown(value), cls="mopsdocs-chart-value", anchor="middle"))
        bands = [polyline_band(run, cls=cls) for run in runs if len(run) > 1]
        body.append(group([*bands, *marks], cls="mopsdocs-chart-series"))
    height = plot_bottom + LINE + 6
    return Chart(chart_id=chart_id, kind="lines", height=height, title=title, desc=desc, body=body)


def rating_chart(
    chart_id: str,
    title: str,
    desc: str,
    years: Sequence[str],
    rows: Sequence[Series],
    *,
    low: int = 1,
    high: int = 5,
) -> Chart:
    """Ratings on a fixed scale (SCORE: 1 to 5), a row per pillar (`Series.name`), a dot per year
    (its colour, as in the legend) with the year's value beside it; the years of one row are
    joined by a line, so a row reads as "from 2 to 4". A fixed scale keeps a 4 looking like 4 of 5.
    """
    if any(len(r.values) != len(years) for r in rows):
        raise ValueError("every row needs one rating (or None) per year")
    legend_series = [Series(y, ()) for y in years]
    body, y = _legend(legend_series, 0.0) if len(years) > 1 else ([], 0.0)
    left = PAD_LEFT
    span = WIDTH - left - RIGHT

    def x_of(value: float) -> float:
        return left + (value - low) / (high - low) * span

    scale = [text(x_of(v), y + FONT, str(v), cls="mopsdocs-chart-value", anchor="middle") for v in range(low, high + 1)]
    body.append(group(scale, cls="mopsdocs-chart-axes"))
    y += LINE + 4
    for r in rows:
        items = [text(0, y + FONT, clip(r.name, WIDTH), cls="mopsdocs-chart-label", bold=True)]
        mid = y + LINE + 8
        items.append(line(x_of(low), mid, x_of(high), mid, cls="mopsdocs-chart-grid"))
        points = [(x_of(v), mid) for v in r.values if v is not None]
        if len(points) > 1:
            items.append(polyline_band([min(points), max(points)], cls="mopsdocs-chart-s6", thickness=2))
        for k, value in enumerate(r.values):
            if value is None:
                continue
            tip = f"{r.name}, {years[k]}: {value:g}"
            lift = (k - (len(years) - 1) / 2) * min(4.0, 8.0 / max(len(years) - 1, 1))  # equal ratings all show
            items.append(dot(x_of(value), mid + lift, 5.0, cls=series_class(k), title=tip))
        body.append(group(items, cls="mopsdocs-chart-row"))
        y = mid + 12
    return Chart(chart_id=chart_id, kind="ratings", height=y, title=title, desc=desc, body=body)


__all__ = ["Series", "line_chart", "rating_chart"]
