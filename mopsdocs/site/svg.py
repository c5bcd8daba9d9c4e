"""Graphviz's SVG made fit for inlining in a themed page.

- no XML declaration, DOCTYPE or comments (an inline SVG is an element, not a document);
- colours: Graphviz writes black strokes and white/transparent fills; they become
  `currentColor` and `none`, so the picture takes the text colour of the page (light or dark
  scheme) and the shipped CSS colours lanes and transition types from Material's variables;
- class `mopsdocs-wide` on diagrams too wide to shrink into the text column;
- a `<title>` first in the `<svg>`, referenced by `aria-labelledby`, as its text alternative.
The result is the same for the same input (no ids or dates invented here).
"""

from __future__ import annotations

import re

VERSION = "1"  # part of the diagram cache key: bump when the output of finish_svg changes

_PROLOGUE = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)
_COLOUR = re.compile(r'\b(fill|stroke)="([^"]*)"')
_SVG_OPEN = re.compile(r"<svg\b([^>]*)>", re.DOTALL)
_ID = re.compile(r'\bid="([^"]*)"')
_WIDTH = re.compile(r'\bwidth="([0-9.]+)pt"')
# Up to this natural width (in points) a diagram is shrunk to fit the column, which keeps text
# at 3/4 of its size or more; wider ones keep their size and scroll sideways (CSS).
WIDE_PT = 800.0
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_KEEP = {"none", "currentColor"}
_NOTHING = {"transparent", "white", "#ffffff", "#fff"}


def _colour(match: re.Match[str]) -> str:
    attr, value = match.group(1), match.group(2)
    if value in _KEEP:
        return match.group(0)
    if value.lower() in _NOTHING:
        return f'{attr}="none"'
    return f'{attr}="currentColor"'


def finish_svg(raw: str) -> str:
    """Inline-ready SVG: cleaned, theme-coloured, named by the graph's own title.

    The title is the DOT graph's name (already XML-escaped by Graphviz), and the `<title>`
    element's id is the graph's id plus `-title`, unique as long as graph ids are.
    """
    svg = _PROLOGUE.sub("", raw).strip()
    svg = _COLOUR.sub(_colour, svg)
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        raise ValueError("Graphviz output has no <svg> element")
    title = _TITLE.search(svg, opening.end())
    graph_id = _ID.search(svg, opening.end())
    title_id = f"{graph_id.group(1) if graph_id else 'mopsdocs-diagram'}-title"
    width = _WIDTH.search(opening.group(1))
    wide = width is not None and float(width.group(1)) > WIDE_PT
    classes = "mopsdocs-svg mopsdocs-wide" if wide else "mopsdocs-svg"
    new_open = (
        f'<svg{opening.group(1).rstrip()} class="{classes}" role="group" '
        f'aria-labelledby="{title_id}">\n<title id="{title_id}">{title.group(1) if title else ""}</title>'
    )
    svg = svg[: opening.start()] + new_open + svg[opening.end() :]
    return re.sub(r"\n{2,}", "\n", svg) + "\n"


__all__ = ["VERSION", "finish_svg"]
