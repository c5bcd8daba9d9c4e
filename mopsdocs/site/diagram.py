"""The lifecycle diagram as DOT: a pure function of the model, no rendering here.

Layout decisions (readable from 5 to 60+ stages):
- top to bottom, so a long main path scrolls down the page instead of off its side; no
  `newrank`: with clusters and groups it makes dot 2.43 fail ("trouble in init_rank") on many
  60-stage lifecycles, while the default ranking lays out all of them;
- one swimlane (cluster) per owner team, in order of first appearance on the main path;
- main-path stages share a `group` and are chained in spec order by heavy edges (invisible where
  no transition joins two neighbours), so the success path is one straight column per lane;
- detours (recycled, disqualified, ...) have no group: dot sets them beside the main column;
- one edge style per transition type; the legend is not drawn here but written on the page
  beside the picture (`lifecycle.md.j2`), in text that stays readable when the picture is shrunk
  to a phone's width, with only the kinds of edges and stages this diagram has;
- a timeout is labelled with its wait (`after 30d`); an override without `to` (a correction to
  any stage) points at a small "any stage" note of its own beside its stage;
- only hand-offs and timeouts carry a label (SLA, wait), as a real edge `label`: the layout
  makes room for it beside its own edge, so it reads with that edge and never lands on a lane
  title (an `xlabel` is placed after the layout, wherever it fits). dot 2.43 draws these
  without "trouble in init_rank" on every generated lifecycle of 20 to 90 stages tried
  (tests/site/test_site_diagram.py); everything else (conditions, automation) is in tooltips;
- moves back up the page (reopen, backward progress) do not constrain ranks.
Colours are not chosen here: every element gets a class and the site's CSS colours it from the
theme (see `mopsdocs/assets/mopsdocs.css`).
"""

from __future__ import annotations

import itertools
import re

from .. import specs
from ..project import Project
from .lifecycle_view import LifecycleView, StageView, TransitionView, lifecycle_view

FONT = "Helvetica"  # metric-compatible fonts exist for both dot and graphviz-pure (Arimo)
WRAP = 22  # characters per line of a node label
TOOLTIP_MAX = 300

# (dot style, arrowhead) per transition type: the legend is drawn from this table too
EDGE_STYLES: dict[str, tuple[str, str]] = {
    "progress": ("solid", "normal"),
    "recycle": ("dashed", "normal"),
    "disqualify": ("dotted", "tee"),
    "reopen": ("dashed", "empty"),
    "timeout": ("dashed", "vee"),
    "override": ("dotted", "odot"),
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def quote(value: object) -> str:
    """A DOT double-quoted string holding `value` as plain text.

    Backslashes are doubled (so `\\N`, `\\l`, `\\G` ... stay literal), quotes escaped, and line breaks
    and control characters removed: no spec value can end the string or add graph structure.
    """
    s = _CONTROL.sub(" ", "" if value is None else str(value))
    s = " ".join(s.split())
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _join_lines(lines: tuple[str, ...] | list[str]) -> str:
    """A quoted multi-line label: each line escaped, joined by DOT's centred line break `\\n`."""
    parts = [quote(line)[1:-1] for line in lines if line]
    return '"' + "\\n".join(parts) + '"'


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Break a name into lines of at most `width` characters, at spaces where possible."""
    lines: list[str] = []
    current = ""
    for word in " ".join(text.split()).split(" "):
        while len(word) > width:  # one very long word: cut it
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def _short(text: str | None, limit: int = TOOLTIP_MAX) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _attrs(**attrs: str) -> str:
    """`[a="x", b=y]` from already-quoted values, in the order given."""
    return "[" + ", ".join(f"{k}={v}" for k, v in attrs.items()) + "]"


def node_id(lc_id: str, stage_id: str) -> str:
    """The node's id in the SVG: distinct from the page's `stage-<id>` section anchors."""
    return f"mopsdocs-{lc_id}-{stage_id}"


def lifecycle_dot(project: Project, lc: specs.LifecycleSpec) -> str:
    """The DOT source of a lifecycle's diagram. Deterministic: same model, same bytes."""
    view = lifecycle_view(project, lc)
    out = [
        f"digraph {quote(lc.name + ' diagram')} {{",
        (
            f"  graph [rankdir=TB, nodesep=0.35, ranksep=0.45, bgcolor=transparent, "
            f"fontname={quote(FONT)}, fontsize=12, id={quote('mopsdocs-' + lc.id)}];"
        ),
        f'  node [shape=box, style=rounded, fontname={quote(FONT)}, fontsize=12, margin="0.15,0.06"];',
        f"  edge [fontname={quote(FONT)}, fontsize=10, arrowsize=0.7];",
    ]
    for n, (team_id, team_name) in enumerate(view.teams):
        out.extend(_lane(view, n, team_id, team_name))
    out.extend(_main_path_spine(view))
    for t in view.transitions:
        out.extend("  " + line for line in _edge(view, t))
    out.append("}")
    return "\n".join(out) + "\n"


def _lane(view: LifecycleView, n: int, team_id: str, team_name: str) -> list[str]:
    lc_id = view.lifecycle.id
    lines = [
        f'  subgraph "cluster_lane_{n}" {{',
        (
            f'    graph [label={quote(team_name)}, class="lane lane-{n % 8}", style=rounded, '
            f"labeljust=l, margin=12, id={quote(f'mopsdocs-{lc_id}-lane-{n}')}, "
            f"tooltip={quote('Team: ' + team_name)}];"
        ),
    ]
    for s in view.stages:
        if s.team_id == team_id:
            lines.append(f"    {quote(s.id)} {_stage_attrs(lc_id, s)};")
    lines.append("  }")
    return lines


def _stage_attrs(lc_id: str, s: StageView) -> str:
    stage = s.stage
    classes = ["stage", "main" if s.main else "detour"]
    style = "rounded" if s.main else "rounded,dashed"
    marks = ([f"SLA {stage.sla}"] if stage.sla else []) + (["(queue)"] if s.queue else [])
    attrs = {"label": _join_lines(wrap(stage.name) + marks)}
    if s.queue:  # (v2) records wait in a queue here: marked in the label (both renderers) and class
        classes.append("queue")
    if stage.initial:
        classes.append("initial")
        style += ",bold"
    if stage.terminal:
        classes.append("terminal")
        attrs["peripheries"] = "2"
    attrs.update(
        {
            "style": quote(style),
            "class": quote(" ".join(classes)),
            "id": quote(node_id(lc_id, stage.id)),
            "URL": quote(f"#stage-{stage.id}"),
            "tooltip": quote(_stage_tooltip(s)),
        }
    )
    if s.main:
        attrs["group"] = "main"
    return _attrs(**attrs)


def _stage_tooltip(s: StageView) -> str:
    stage = s.stage
    parts = [f"{stage.name}: owner {s.owner_name}" + (" (queue)" if s.queue else "")]
    if stage.sla:
        parts.append(f"SLA {stage.sla}")
    if not s.main:
        parts.append("detour")
    text = "; ".join(parts) + "."
    if stage.definition:
        text += " " + _short(stage.definition, TOOLTIP_MAX - len(text))
    return text


def _main_path_spine(view: LifecycleView) -> list[str]:
    """Heavy edges along the main path keep it in spec order; invisible where no transition is."""
    main = [s.id for s in view.stages if s.main]
    direct = {
        (t.transition.from_, t.transition.to)
        for t in view.transitions
        if not t.backward and t.transition.type != "override"
    }
    lines = []
    for a, b in itertools.pairwise(main):
        if (a, b) not in direct:
            lines.append(f"  {quote(a)} -> {quote(b)} [style=invis, weight=10];")
    return lines


def _anywhere_node(view: LifecycleView, t: TransitionView) -> str:
    # A colon cannot occur in a spec id, so no stage can ever share this node's name.
    return quote(f"any:{t.index}")


def _edge(view: LifecycleView, t: TransitionView) -> list[str]:
    """The transition's edge (and, for an override to any stage, the note it points at)."""
    tr = t.transition
    style, head = EDGE_STYLES[tr.type]
    src = view.stage(tr.from_)
    dst = view.stage(tr.to) if tr.to is not None else None
    classes = ["transition", f"t-{tr.type}"] + (["handoff"] if t.handoff else [])
    attrs = {
        "style": quote(style),
        "arrowhead": head,
        "class": quote(" ".join(classes)),
        "id": quote(f"mopsdocs-{view.lifecycle.id}-t{t.index}"),
        "URL": quote(f"#stage-{tr.from_}"),
        "tooltip": quote(_edge_tooltip(src, dst, t)),
    }
    if dst is not None and src.main and dst.main and tr.type == "progress" and not t.backward:
        attrs["weight"] = "10"
    if t.backward or tr.type in ("reopen", "override"):
        attrs["constraint"] = "false"
    labels = [f"after {tr.after}"] if tr.type == "timeout" and tr.after else []
    labels += [f"SLA {t.sla}" if t.sla else "no SLA"] if t.handoff else []
    if labels:
        attrs["label"] = _join_lines(labels)
    if t.handoff:
        attrs["penwidth"] = "1.6"
    if dst is not None:
        return [f"{quote(tr.from_)} -> {quote(tr.to)} {_attrs(**attrs)};"]
    note = _anywhere_node(view, t)
    note_attrs = _attrs(
        shape="note",
        label='"any stage"',
        fontsize="9",
        margin='"0.06,0.02"',
        height="0.3",
        **{"class": '"any-stage"', "id": quote(f"mopsdocs-{view.lifecycle.id}-any-{t.index}")},
        tooltip=quote("An override may move the record to any stage"),
    )
    del attrs["constraint"]  # the note is placed by this edge, just below its stage
    return [f"{note} {note_attrs};", f"{quote(tr.from_)} -> {note} {_attrs(**attrs)};"]


def _edge_tooltip(src: StageView, dst: StageView | None, t: TransitionView) -> str:
    tr = t.transition
    text = f"{src.stage.name} → {dst.stage.name if dst is not None else 'any stage'} ({tr.type})"
    if tr.type == "timeout" and tr.after:
        text += f", after {tr.after} in {src.stage.name}"
    if t.handoff and dst is not None:
        text += f", hand-off {src.team_name} → {dst.team_name}"
        text += f", SLA {t.sla}" if t.sla else ", no SLA"
    elif tr.sla:
        text += f", SLA {tr.sla}"
    if tr.when:
        text += f". When: {_short(tr.when, 160)}"
    if tr.automated_by:
        text += f". Automated by {tr.automated_by}"
    if tr.reasons:
        text += ". Reasons: " + ", ".join(tr.reasons)
    return text
