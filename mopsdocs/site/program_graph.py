"""The program dependency graph as Graphviz DOT: a pure function of the project, no rendering.

Arrows follow run order: from a program to the programs that depend on it (normalisation ->
scoring -> lifecycle), left to right. Each node links to its program page (`href` decides the
URL, relative to the page the SVG lands on: raw SVG is not rewritten by MkDocs) and carries a
tooltip, which becomes the link's title in the SVG; the graph's name becomes the SVG's <title>.
Retired programs are faded and dashed, paused and draft ones dashed, and every label that is not
active says its status, e.g. "(retired)": never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import ENGLISH, N_, Words
from ..program_model import dependencies, dependency_cycles
from ..project import Project
from .diagram import quote, wrap  # the one DOT escaping of the site

GRAPH_TITLE = N_("Program dependencies")
# Program statuses as words (labels, tooltips, badges); the status id stays in classes
STATUS_LABELS: dict[str, str] = {
    "active": N_("active"),
    "paused": N_("paused"),
    "draft": N_("draft"),
    "retired": N_("retired"),
}
LABEL_WIDTH = 24  # characters per label line: keeps nodes compact in a left-to-right layout

# (fill, border, text, style) per status. The site turns every colour into `currentColor` so
# diagrams follow the light or dark scheme (mopsdocs.site.svg) and keeps opacities: so statuses
# differ by opacity and dash, never by hue. Black with alpha, 8-digit hex (dot 2.43 rejects
# 3-digit colours). Active: a faint tint; paused and draft: dashed; retired: dashed and faded, but
# no further than 4.5:1 for its name and 3:1 for its border in both palettes (tests/browser).
_STATUS_STYLE = {
    "active": ("#00000012", "#000000", "#000000", "rounded,filled"),
    "paused": ("#00000008", "#000000", "#000000", "rounded,filled,dashed"),
    "draft": ("#00000008", "#000000", "#000000", "rounded,filled,dashed"),
    "retired": ("#00000000", "#0000008c", "#000000b3", "rounded,dashed"),
}


def _attrs(**values: str) -> str:
    return ", ".join(f"{k}={quote(v)}" for k, v in values.items())


def _label(name: str, status: str, words: Words) -> str:
    """Quoted multi-line label: the wrapped name, then the status unless active (text, not colour)."""
    lines = wrap(name, LABEL_WIDTH) or [" "]
    if status != "active":
        lines.append(words.gettext("(%(status)s)", status=words.gettext(STATUS_LABELS[status])))
    return '"' + "\\n".join(quote(line)[1:-1] for line in lines) + '"'


def program_dot(project: Project, href: Callable[[str], str], words: Words = ENGLISH) -> str:
    """DOT source of the dependency graph of every program; `href(program_id)` is a node's URL.
    Its title, status lines and tooltips are in `words`' language."""
    programs = project.programs
    in_cycle = {(c[i], c[(i + 1) % len(c)]) for c in dependency_cycles(project) for i in range(len(c))}
    out = [
        f"digraph {quote(words.gettext(GRAPH_TITLE))} {{",
        '  graph [rankdir="LR", nodesep="0.25", ranksep="0.5", bgcolor="transparent", fontname="Helvetica"];',
        '  node [shape="box", fontname="Helvetica", fontsize="11", margin="0.15,0.06"];',
        '  edge [color="#616161", arrowsize="0.7"];',
    ]
    for pid in sorted(programs):
        p = programs[pid]
        fill, border, font, style = _STATUS_STYLE[p.status]
        tooltip = words.gettext(
            "%(program)s (%(status)s, %(category)s)",
            program=p.name,
            status=words.gettext(STATUS_LABELS[p.status]),
            category=p.category,  # the id, as the spec writes it
        )
        # classes let the site's CSS restyle a status
        attrs = _attrs(
            tooltip=tooltip,
            URL=href(pid),
            style=style,
            fillcolor=fill,
            color=border,
            fontcolor=font,
            **{"class": f"mopsdocs-program mopsdocs-program-{p.status}"},
        )
        out.append(f"  {quote(pid)} [label={_label(p.name, p.status, words)}, {attrs}];")
    for pid in sorted(programs):
        for dep in sorted(dependencies(project, programs[pid])):
            names = {"program": programs[pid].name, "dependency": programs[dep].name}
            tooltip = words.gettext("%(program)s depends on %(dependency)s", **names)
            extra: dict[str, str] = {}
            if (pid, dep) in in_cycle:  # bold, and said in words: colour would not survive theming
                tooltip = words.gettext("%(program)s depends on %(dependency)s (part of a dependency cycle)", **names)
                extra = {"style": "bold", "penwidth": "2.5"}
            out.append(f"  {quote(dep)} -> {quote(pid)} [{_attrs(tooltip=tooltip, **extra)}];")
    out.append("}")
    return "\n".join(out) + "\n"


__all__ = ["GRAPH_TITLE", "STATUS_LABELS", "program_dot"]
