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
Words (labels, lane tooltips, the graph's title) are in the language of the `words` given, so the
DOT text, and with it the diagram cache key, differs per language; spec values stay as written.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from .. import specs
from ..i18n import ENGLISH, N_, Words
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
# transition types as words (the legend, tables, tooltips); the type id stays in classes and ids
KIND_LABELS: dict[str, str] = {
    "progress": N_("progress"),
    "recycle": N_("recycle"),
    "disqualify": N_("disqualify"),
    "reopen": N_("reopen"),
    "timeout": N_("timeout"),
    "override": N_("override"),
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Thai letters a line never breaks around: leading vowels (เ แ โ ใ ไ) are written before the
# consonant they follow in speech; following vowels (ะ า ำ), lakkhangyao and mai yamok (ๆ) never
# begin a syllable. (Marks above and below are combining characters: Unicode says so itself.)
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
_FOLLOWING = frozenset("\u0e30\u0e32\u0e33\u0e45\u0e46")


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


def _clusters(word: str) -> list[str]:
    """A word as the pieces a line may break between: a character with the combining marks that
    follow it (Thai vowel and tone marks), and Thai vowels with their consonant, so that a cut
    never strands a mark or a vowel."""
    out: list[str] = []
    for ch in word:
        joined = unicodedata.category(ch).startswith("M") or ch in _FOLLOWING
        if out and (joined or out[-1][-1] in _LEADING_VOWELS):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _shown(text: str) -> int:
    """How many characters `text` shows side by side: combining marks take no room of their own."""
    return sum(1 for ch in text if not unicodedata.category(ch).startswith("M"))


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Break a name into lines of at most `width` characters (as shown), at spaces where possible;
    a word longer than a line is cut between clusters (`_clusters`), never inside one."""
    lines: list[str] = []
    current = ""
    for word in " ".join(text.split()).split(" "):
        pieces = _clusters(word)
        while _shown(word) > width:  # one very long word: cut it
            if current:
                lines.append(current)
                current = ""
            cut = 1
            while cut < len(pieces) and _shown("".join(pieces[: cut + 1])) <= width:
                cut += 1
            lines.append("".join(pieces[:cut]))
            pieces = pieces[cut:]
            word = "".join(pieces)
        if current and _shown(current) + 1 + _shown(word) > width:
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


def lifecycle_dot(project: Project, lc: specs.LifecycleSpec, words: Words = ENGLISH) -> str:
    """The DOT source of a lifecycle's diagram. Deterministic: same model and language, same bytes."""
    view = lifecycle_view(project, lc, words)
    title = words.gettext("%(name)s diagram", name=lc.name)  # outside the f-string: Babel finds it
    out = [
        f"digraph {quote(title)} {{",
        (
            f"  graph [rankdir=TB, nodesep=0.35, ranksep=0.45, bgcolor=transparent, "
            f"fontname={quote(FONT)}, fontsize=12, id={quote('mopsdocs-' + lc.id)}];"
        ),
        f'  node [shape=box, style=rounded, fontname={quote(FONT)}, fontsize=12, margin="0.15,0.06"];',
        f"  edge [fontname={quote(FONT)}, fontsize=10, arrowsize=0.7];",
    ]
    for n, (team_id, team_name) in enumerate(view.teams):
        out.extend(_lane(view, n, team_id, team_name, words))
    out.extend(_main_path_spine(view))
    for t in view.transitions:
        out.extend("  " + line for line in _edge(view, t, words))
    out.append("}")
    return "\n".join(out) + "\n"


def _lane(view: LifecycleView, n: int, team_id: str, team_name: str, words: Words) -> list[str]:
    lc_id = view.lifecycle.id
    tooltip = words.gettext("Team: %(team)s", team=team_name)
    lines = [
        f'  subgraph "cluster_lane_{n}" {{',
        (
            f'    graph [label={quote(team_name)}, class="lane lane-{n % 8}", style=rounded, '
            f"labeljust=l, margin=12, id={quote(f'mopsdocs-{lc_id}-lane-{n}')}, "
            f"tooltip={quote(tooltip)}];"
        ),
    ]
    for s in view.stages:
        if s.team_id == team_id:
            lines.append(f"    {quote(s.id)} {_stage_attrs(lc_id, s, words)};")
    lines.append("  }")
    return lines


def _stage_attrs(lc_id: str, s: StageView, words: Words) -> str:
    stage = s.stage
    classes = ["stage", "main" if s.main else "detour"]
    style = "rounded" if s.main else "rounded,dashed"
    # the SLA as the spec writes it (`4bh`): short enough for a node; the page says it in words
    marks = [words.gettext("SLA %(duration)s", duration=stage.sla)] if stage.sla else []
    marks += [words.gettext("(queue)")] if s.queue else []
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
            "tooltip": quote(_stage_tooltip(s, words)),
        }
    )
    if s.main:
        attrs["group"] = "main"
    return _attrs(**attrs)


def _stage_tooltip(s: StageView, words: Words) -> str:
    stage = s.stage
    if s.queue:
        parts = [words.gettext("%(stage)s: owner %(owner)s (queue)", stage=stage.name, owner=s.owner_name)]
    else:
        parts = [words.gettext("%(stage)s: owner %(owner)s", stage=stage.name, owner=s.owner_name)]
    if stage.sla:
        parts.append(words.gettext("SLA %(duration)s", duration=stage.sla))
    if not s.main:
        parts.append(words.gettext("detour"))
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


def _edge(view: LifecycleView, t: TransitionView, words: Words) -> list[str]:
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
        "tooltip": quote(_edge_tooltip(src, dst, t, words)),
    }
    if dst is not None and src.main and dst.main and tr.type == "progress" and not t.backward:
        attrs["weight"] = "10"
    if t.backward or tr.type in ("reopen", "override"):
        attrs["constraint"] = "false"
    labels = [words.gettext("after %(wait)s", wait=tr.after)] if tr.type == "timeout" and tr.after else []
    if t.handoff:
        labels.append(words.gettext("SLA %(duration)s", duration=t.sla) if t.sla else words.gettext("no SLA"))
    if labels:
        attrs["label"] = _join_lines(labels)
    if t.handoff:
        attrs["penwidth"] = "1.6"
    if dst is not None:
        return [f"{quote(tr.from_)} -> {quote(tr.to)} {_attrs(**attrs)};"]
    note = _anywhere_node(view, t)
    note_attrs = _attrs(
        shape="note",
        label=quote(words.gettext("any stage")),
        fontsize="9",
        margin='"0.06,0.02"',
        height="0.3",
        **{"class": '"any-stage"', "id": quote(f"mopsdocs-{view.lifecycle.id}-any-{t.index}")},
        tooltip=quote(words.gettext("An override may move the record to any stage")),
    )
    del attrs["constraint"]  # the note is placed by this edge, just below its stage
    return [f"{note} {note_attrs};", f"{quote(tr.from_)} -> {note} {_attrs(**attrs)};"]


def _edge_tooltip(src: StageView, dst: StageView | None, t: TransitionView, words: Words) -> str:
    """`A → B (timeout), after 30d in A, hand-off X → Y, SLA 4h. When: .... Automated by p. Reasons: r`:
    clauses (one message each) joined by commas, sentences by full stops."""
    tr = t.transition
    target = dst.stage.name if dst is not None else words.gettext("any stage")
    kind = words.gettext(KIND_LABELS[tr.type])
    clauses = [words.gettext("%(source)s → %(target)s (%(kind)s)", source=src.stage.name, target=target, kind=kind)]
    if tr.type == "timeout" and tr.after:
        clauses.append(words.gettext("after %(wait)s in %(stage)s", wait=tr.after, stage=src.stage.name))
    if t.handoff and dst is not None:
        clauses.append(words.gettext("hand-off %(source)s → %(target)s", source=src.team_name, target=dst.team_name))
        clauses.append(words.gettext("SLA %(duration)s", duration=t.sla) if t.sla else words.gettext("no SLA"))
    elif tr.sla:
        clauses.append(words.gettext("SLA %(duration)s", duration=tr.sla))
    sentences = [", ".join(clauses)]
    if tr.when:
        sentences.append(words.gettext("When: %(condition)s", condition=_short(tr.when, 160)))
    if tr.automated_by:
        sentences.append(words.gettext("Automated by %(program)s", program=tr.automated_by))
    if tr.reasons:
        sentences.append(words.gettext("Reasons: %(reasons)s", reasons=", ".join(tr.reasons)))
    return ". ".join(sentences)
