"""The impact/effort matrix: the four quadrants of the playbook (quick wins, big bets, fill-ins,
deprioritise), each item a numbered link in its quadrant.

Two columns by effort (low; medium or high) and two rows by impact (high or medium; low), where
`backlog_model.quadrant` draws the lines. Laid out for a phone: a quadrant lists its items one
under the other ("3. Automate the weekly dedupe"), each name wrapped onto at most two lines of
its half of the width (the full names are in the table after the chart), so a crowded quadrant
grows its row instead of overlapping. The quadrants are tinted with the series colours at a low
opacity and named at their top.

The marks are links (`<a href="#item-...">` to the item's section on the same page), so the SVG is
a `role="group"` rather than an image (`base.linked_svg`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .base import LINE, WIDTH, Chart, clip, coord, group, line, series_class, text, text_width, xml

LEFT = 20.0  # the impact axis (its words turned upright)
BOTTOM = 2 * LINE + 4  # below the grid: the effort words and the axis name
PAD = 4.0  # inside a quadrant
ITEM_GAP = 4.0  # between two items of a quadrant
MAX_LINES = 2  # of one item's name
MAX_SHOWN = 12  # items drawn in one quadrant; the rest are counted ("+ 30 more") and in the table
QUADRANT_CELLS = {"quick-wins": (0, 0), "big-bets": (0, 1), "fill-ins": (1, 0), "deprioritise": (1, 1)}
TINTS = {"quick-wins": 2, "big-bets": 0, "fill-ins": 5, "deprioritise": 3}  # series colour of each


@dataclass(frozen=True)
class Mark:
    number: int  # its number in the table after the chart
    name: str
    quadrant: str  # quick-wins | big-bets | fill-ins | deprioritise
    anchor: str  # the id of its section on the page (`item-<id>`)


@dataclass(frozen=True)
class Words:
    """What the chart says, in the site's language (the caller takes them from the templates)."""

    impact: str  # the axes' names
    effort: str
    high_impact: str  # "high or medium"
    low_impact: str
    low_effort: str
    high_effort: str  # "medium or high"
    quick_wins: str
    big_bets: str
    fill_ins: str
    deprioritise: str
    more: str = "more in the table"  # after "+ 30" when a quadrant holds more than MAX_SHOWN
    # The whole "+ 30 more in the table" for a count, when the caller words it (a translated plural:
    # word order is the language's); otherwise "+ {count} {more}".
    more_counted: Callable[[int], str] | None = None
    impact_axis: str = ""  # the whole "Impact: high or medium"; otherwise "{impact}: {high_impact}"


def wrap(content: str, width: float, lines: int = MAX_LINES) -> list[str]:
    """`content` in at most `lines` lines of `width`, the last one clipped with an ellipsis."""
    words = content.split()
    out: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join(words[i:])
            break
    out.append(current)
    return [clip(piece, width) for piece in out[:lines]]


def _tint(x: float, y: float, width: float, height: float, index: int) -> str:
    return (
        f'<rect class="{series_class(index)}" x="{coord(x)}" y="{coord(y)}" width="{coord(width)}" '
        f'height="{coord(height)}" fill="currentColor" fill-opacity="0.12"/>'
    )


def _upright(x: float, y: float, content: str, *, cls: str, bold: bool = False) -> str:
    """Text turned to read bottom to top, centred on (x, y)."""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text class="{xml(cls)}" x="{coord(x)}" y="{coord(y)}" text-anchor="middle"{weight} '
        f'transform="rotate(-90 {coord(x)} {coord(y)})" fill="currentColor">{xml(content)}</text>'
    )


def quadrant_chart(chart_id: str, title: str, desc: str, marks: Sequence[Mark], words: Words) -> Chart:
    """The matrix; `marks` in table order (their numbers) fill their quadrants top to bottom."""
    half = (WIDTH - LEFT) / 2
    room = half - 2 * PAD
    placed: dict[str, list[tuple[Mark, list[str]]]] = {q: [] for q in QUADRANT_CELLS}
    hidden = dict.fromkeys(QUADRANT_CELLS, 0)
    for mark in marks:
        if len(placed[mark.quadrant]) < MAX_SHOWN:
            placed[mark.quadrant].append((mark, wrap(f"{mark.number}. {mark.name}", room)))
        else:
            hidden[mark.quadrant] += 1

    def needed(q: str) -> float:  # the quadrant's name, its items, the count of the others
        more = LINE if hidden[q] else 0.0
        return LINE + PAD + sum(len(lines) * LINE + ITEM_GAP for _, lines in placed[q]) + more + PAD

    heights = [max(needed("quick-wins"), needed("big-bets"), 2 * LINE), max(needed("fill-ins"), needed("deprioritise"))]
    tops = (0.0, heights[0])
    grid_h = heights[0] + heights[1]
    names = {
        "quick-wins": words.quick_wins,
        "big-bets": words.big_bets,
        "fill-ins": words.fill_ins,
        "deprioritise": words.deprioritise,
    }
    tints, titles, links = [], [], []
    for q, (row, col) in QUADRANT_CELLS.items():
        x, y = LEFT + col * half, tops[row]
        tints.append(_tint(x, y, half, heights[row], TINTS[q]))
        titles.append(text(x + PAD, y + LINE, clip(names[q], room), cls="mopsdocs-chart-label", bold=True))
        y += LINE + PAD
        for mark, lines in placed[q]:
            label = [
                text(x + PAD, y + (k + 1) * LINE - 4, piece, cls="mopsdocs-chart-label")
                for k, piece in enumerate(lines)
            ]
            aria = xml(f"{mark.number}. {mark.name}")
            # an invisible box under the name: a tap between its letters (or lines) still follows the link
            hit = (
                f'<rect class="mopsdocs-chart-hit" x="{coord(x + PAD / 2)}" y="{coord(y)}" width="{coord(room + PAD)}" '
                f'height="{coord(len(lines) * LINE)}" fill="currentColor" fill-opacity="0"/>'
            )
            links.append(f'<a href="#{xml(mark.anchor)}" aria-label="{aria}">' + hit + "".join(label) + "</a>")
            y += len(lines) * LINE + ITEM_GAP
        if hidden[q]:
            counted = words.more_counted(hidden[q]) if words.more_counted else f"+ {hidden[q]} {words.more}"
            more = clip(counted, room)
            titles.append(text(x + PAD, y + LINE - 4, more, cls="mopsdocs-chart-value"))
    body = [
        group(tints, cls="mopsdocs-chart-quadrants"),
        group(titles, cls="mopsdocs-chart-quadrant-names"),
        group(
            [
                line(LEFT + half, 0, LEFT + half, grid_h, cls="mopsdocs-chart-axis"),
                line(LEFT, heights[0], WIDTH, heights[0], cls="mopsdocs-chart-axis"),
                line(LEFT, 0, LEFT, grid_h, cls="mopsdocs-chart-axis"),
                line(LEFT, grid_h, WIDTH, grid_h, cls="mopsdocs-chart-axis"),
            ],
            cls="mopsdocs-chart-grid-lines",
        ),
        group(links, cls="mopsdocs-chart-marks"),
    ]
    axis_x = LEFT - 6
    axes = [
        _upright(
            axis_x,
            heights[0] / 2,
            clip(words.impact_axis or f"{words.impact}: {words.high_impact}", heights[0] - 4),
            cls="mopsdocs-chart-value",
        ),
        _upright(
            axis_x, heights[0] + heights[1] / 2, clip(words.low_impact, heights[1] - 4), cls="mopsdocs-chart-value"
        ),
        text(LEFT + half / 2, grid_h + LINE, clip(words.low_effort, half), cls="mopsdocs-chart-value", anchor="middle"),
        text(
            LEFT + 1.5 * half, grid_h + LINE, clip(words.high_effort, half), cls="mopsdocs-chart-value", anchor="middle"
        ),
        text(
            LEFT + half,
            grid_h + 2 * LINE,
            clip(words.effort, WIDTH - LEFT),
            cls="mopsdocs-chart-label",
            anchor="middle",
            bold=True,
        ),
    ]
    body.append(group(axes, cls="mopsdocs-chart-axes"))
    return Chart(chart_id=chart_id, kind="quadrant", height=grid_h + BOTTOM, title=title, desc=desc, body=body)


__all__ = ["Mark", "Words", "quadrant_chart", "wrap"]
