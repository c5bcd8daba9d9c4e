"""What every chart shares: the SVG document, escaping, numbers, coordinates, text measure.

- A chart is an `<svg role="img">` whose `<title>` and `<desc>` name it (`aria-labelledby`), with
  a table or text alternative next to it (`figure`, `data_table`): the picture repeats the
  numbers, it never holds them alone.
- Colours are CSS classes only (`mopsdocs-chart-s1` ... `-s6` for series, `-grid`, `-label`,
  `-value`, `-axis`), styled by `mopsdocs/assets/charts.css` from Material's palette variables,
  light and `[data-md-color-scheme=slate]`; the presentation attributes written here
  (`currentColor`) are only the fallback of an SVG opened on its own.
- Byte-identical output: coordinates are rounded to 2 decimals (`coord`), text is measured by a
  fixed table (`text_width`), ids come from the caller, nothing depends on time or fonts.
- Readable on a phone: the drawing is `WIDTH` units wide and shown at the column's width, never
  narrower than `MIN_CSS_WIDTH` px (charts.css; a narrower screen scrolls the box), so `FONT`-unit
  text is never drawn smaller than 11 CSS px.
- User text (names, categories) is escaped for XML and for the Markdown page around the SVG.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WIDTH = 360.0  # user units across; about the text column of a 390 px phone
FONT = 12.0  # user units; at MIN_CSS_WIDTH px wide, 12 * 330 / 360 = 11 CSS px
MIN_CSS_WIDTH = 330  # charts.css: `min-width` of a chart, in CSS px
LINE = 16.0  # one line of FONT-sized text
SERIES_COLOURS = 6  # classes mopsdocs-chart-s1 .. -s6 in charts.css; more series cycle
SVG_NS = "http://www.w3.org/2000/svg"

_CHART_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,127}$")
# XML 1.0 forbids these characters even as entities; they cannot be shown, so they are dropped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# -- numbers -----------------------------------------------------------------------------------


def coord(value: float) -> str:
    """A coordinate or length as written in the SVG: at most 2 decimals, no trailing zeros, no -0."""
    if not math.isfinite(value):
        raise ValueError(f"coordinate {value!r} is not a finite number")
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(value: float, decimals: int = 0, *, group: str = ",", point: str = ".") -> str:
    """`1234567.891` -> `1,234,568` (or `1,234,567.89` with decimals=2); separators per language."""
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]  # -0.00 reads as 0.00
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


def nice_step(largest: float, steps: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) so `steps` of them cover `largest`."""
    if largest <= 0 or not math.isfinite(largest):
        return 1.0
    raw = largest / steps
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * power * (1 + 1e-9):
            return factor * power
    return 10.0 * power  # pragma: no cover - the loop always returns


def ticks(largest: float, steps: int = 4) -> list[float]:
    """Tick values from 0 up to the first round value at or above `largest`."""
    step = nice_step(largest, steps)
    count = max(1, math.ceil(largest / step - 1e-9)) if largest > 0 else 1
    return [round(i * step, 10) for i in range(count + 1)]


# -- text --------------------------------------------------------------------------------------


def xml(value: object) -> str:
    """Text or an attribute value inside the SVG: XML-escaped, on one line, braces disarmed.

    Braces become entities because the SVG sits in a Markdown page that plugins may run as a
    template (as `mopsdocs.site.escape.attr` does); whitespace runs become one space so that user
    text can never end the HTML block the page's Markdown holds the SVG in.
    """
    text = "" if value is None else " ".join(str(value).split())
    text = _NOT_XML.sub("", text)
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


_NARROW = frozenset("fijlrtI.,:;!|'()[]{} -")
_WIDE = frozenset("mwMW@%")


def char_width(ch: str) -> float:
    """A character's advance in em, from a fixed table (a sans-serif like Roboto), for layout only."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0  # marks sit on the letter before them (Thai vowels and tones, accents)
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if "\u0e00" <= ch <= "\u0e7f":
        return 0.63  # Thai letters run wider than Latin lower case (about 0.6 em measured in Chromium)
    if ch in _NARROW:
        return 0.32
    if ch in _WIDE:
        return 0.86
    if ch.isupper() or ch.isdigit():
        return 0.64
    return 0.54


def text_width(text: str, size: float = FONT) -> float:
    """How wide `text` is drawn at `size`, in user units (estimated, the same on every machine)."""
    return sum(char_width(ch) for ch in text) * size


def clip(text: str, width: float, size: float = FONT) -> str:
    """`text` cut with an ellipsis to fit `width` (the whole text stays in the alternative)."""
    text = " ".join(text.split())
    if text_width(text, size) <= width:
        return text
    room = width - text_width("…", size)
    kept = ""
    for ch in text:
        if text_width(kept + ch, size) > room:
            break
        kept += ch
    return kept.rstrip() + "…"


# -- elements ----------------------------------------------------------------------------------


def _class(cls: str) -> str:
    return f' class="{xml(cls)}"' if cls else ""


def rect(x: float, y: float, width: float, height: float, *, cls: str, title: str | None = None) -> str:
    """A filled box; `title` (escaped) is its tooltip."""
    size = f'x="{coord(x)}" y="{coord(y)}" width="{coord(max(width, 0.0))}" height="{coord(height)}"'
    if title is None:
        return f'<rect{_class(cls)} {size} fill="currentColor"/>'
    return f'<rect{_class(cls)} {size} fill="currentColor"><title>{xml(title)}</title></rect>'


def line(x1: float, y1: float, x2: float, y2: float, *, cls: str) -> str:
    return (
        f'<line{_class(cls)} x1="{coord(x1)}" y1="{coord(y1)}" x2="{coord(x2)}" y2="{coord(y2)}" '
        'stroke="currentColor"/>'
    )


def text(x: float, y: float, content: str, *, cls: str = "", anchor: str = "start", bold: bool = False) -> str:
    """One line of text at FONT size, its baseline at `y`; `content` is escaped here."""
    extra = "" if anchor == "start" else f' text-anchor="{anchor}"'
    weight = ' font-weight="bold"' if bold else ""
    return f'<text{_class(cls)} x="{coord(x)}" y="{coord(y)}"{extra}{weight} fill="currentColor">{xml(content)}</text>'


def group(children: Iterable[str], *, cls: str = "") -> str:
    return f"<g{_class(cls)}>" + "".join(children) + "</g>"


def series_class(index: int) -> str:
    """The colour class of the `index`-th series (0-based): mopsdocs-chart-s1 ... -s6, then again."""
    return f"mopsdocs-chart-s{index % SERIES_COLOURS + 1}"


# -- the document ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    """One chart: its id (unique in the page), size in user units, words and drawn elements."""

    chart_id: str
    kind: str  # "bars", "quadrant", "lines": the class mopsdocs-chart-<kind>
    height: float
    title: str
    desc: str
    body: Sequence[str]
    width: float = WIDTH

    def svg(self) -> str:
        """The inline `<svg>`: no XML declaration, no blank line, the same bytes for the same chart."""
        if not _CHART_ID.match(self.chart_id):
            raise ValueError(f"chart id {self.chart_id!r} is not an id (a-z, 0-9, - and _)")
        cid = self.chart_id
        w, h = coord(self.width), coord(self.height)
        opening = (
            f'<svg xmlns="{SVG_NS}" class="mopsdocs-chart mopsdocs-chart-{xml(self.kind)}" id="{cid}" '
            f'viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-size="{coord(FONT)}" '
            f'role="img" aria-labelledby="{cid}-title {cid}-desc">'
        )
        head = f'<title id="{cid}-title">{xml(self.title)}</title>\n<desc id="{cid}-desc">{xml(self.desc)}</desc>'
        return "\n".join([opening, head, *self.body, "</svg>"]) + "\n"


def data_table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: int = 1) -> str:
    """The chart's numbers as an HTML table: first column row headers, the last `numeric` right-aligned."""
    head = "".join(f'<th scope="col">{xml(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{xml(row[0])}</th>']
        for i, value in enumerate(row[1:], start=1):
            align = ' class="mopsdocs-num"' if i >= len(row) - numeric else ""
            cells.append(f"<td{align}>{xml(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        # no class on the table: Material styles (and scroll-wraps) `table:not([class])`
        f"<table>\n<caption>{xml(caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )


def figure(svg: str, alternative: str) -> str:
    """The chart and, after it, its alternative, each scrolling sideways in its own box when the
    screen is narrower (the page itself never does)."""
    return (
        '<figure class="mopsdocs-chart-figure">\n<div class="mopsdocs-chart-scroll">\n'
        + svg
        + "</div>\n"
        + alternative  # a table: Material wraps it in its own scroll box (a11y.js makes that focusable)
        + "\n</figure>\n"
    )


__all__ = [
    "FONT",
    "LINE",
    "MIN_CSS_WIDTH",
    "SERIES_COLOURS",
    "WIDTH",
    "Chart",
    "char_width",
    "clip",
    "coord",
    "data_table",
    "figure",
    "group",
    "line",
    "nice_step",
    "number",
    "rect",
    "series_class",
    "text",
    "text_width",
    "ticks",
    "xml",
]


# -- appended for the backlog and review charts (helper C2) -------------------------------------


def linked_svg(chart: Chart) -> str:
    """`chart.svg()` for a chart whose marks are links: `role="group"`, not `img`.

    An image's children are presentational, so links inside `role="img"` would be hidden from
    screen readers (and fail axe's nested-interactive); a group keeps its title as its name and
    its links reachable.
    """
    return chart.svg().replace(' role="img" ', ' role="group" ', 1)


def polyline_band(points: Sequence[tuple[float, float]], *, cls: str, thickness: float = 2.0) -> str:
    """A line through `points` drawn as filled quadrilaterals (series classes colour fills, not
    strokes), one per segment, so a line chart follows the palettes like the bars do."""
    parts = []
    half = thickness / 2
    for i in range(len(points) - 1):
        (x1, y1), (x2, y2) = points[i], points[i + 1]
        length = math.hypot(x2 - x1, y2 - y1)
        if length == 0:
            continue
        nx, ny = -(y2 - y1) / length * half, (x2 - x1) / length * half
        corners = ((x1 + nx, y1 + ny), (x2 + nx, y2 + ny), (x2 - nx, y2 - ny), (x1 - nx, y1 - ny))
        shape = " ".join(f"{coord(x)},{coord(y)}" for x, y in corners)
        parts.append(f'<polygon{_class(cls)} points="{shape}" fill="currentColor"/>')
    return "".join(parts)


def dot(x: float, y: float, radius: float, *, cls: str, title: str | None = None) -> str:
    """A filled circle (a line chart's point); `title` (escaped) is its tooltip."""
    at = f'cx="{coord(x)}" cy="{coord(y)}" r="{coord(radius)}"'
    if title is None:
        return f'<circle{_class(cls)} {at} fill="currentColor"/>'
    return f'<circle{_class(cls)} {at} fill="currentColor"><title>{xml(title)}</title></circle>'
