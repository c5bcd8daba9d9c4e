"""`mopsdocs diff`'s formats: text (a terminal), markdown (a pull-request comment or
`$GITHUB_STEP_SUMMARY`) and json (`version` 1; its shape is in docs/reviewing-changes.md).

One phrase per change, in the order the entity's spec writes its fields, under a heading per
entity: "stage mql: sla 4h -> 8h", "activity dedupe: A moved from mops-director to sfdc-admin",
"value cicd retired". The markdown format puts every value in a code span, so spec text never
becomes markup in a comment.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from typing import Any

from ..i18n import ENGLISH, Words
from .changeset import ChangeSet, Side
from .compare import Change
from .follows import Duty, NameShift
from .phrases import Phrase, parts, phrases

CLIP = 120  # characters of a value shown in text and markdown (json has it whole)
Show = Callable[[Any], str]


def value(v: Any, words: Words = ENGLISH) -> str:
    """A value as a reviewer reads it: `4h`, `yes`, `a, b`, `amount: 60000, currency: USD`.

    `diff` says it in English; the site's changes page passes its `words` (spec text, keys and
    numbers stay as written either way)."""
    if v is None:
        return words.gettext("none")
    if isinstance(v, bool):
        return words.gettext("yes") if v else words.gettext("no")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))  # an amount written 60000 reads back as 60000, not 60000.0
    if isinstance(v, list):
        if all(not isinstance(x, (dict, list)) for x in v):
            return ", ".join(value(x, words) for x in v) if v else words.gettext("(empty)")
        return words.ngettext("%(num)s item", "%(num)s items", len(v))
    if isinstance(v, dict):
        return ", ".join(f"{k}: {value(x, words)}" for k, x in v.items())
    text = " ".join(str(v).split())
    return text if len(text) <= CLIP else text[: CLIP - 1] + "…"


def phrase(change: Change, show: Show) -> str:
    """One line for one change, values shown by `show` (the forms: `history.phrases`)."""
    return say(parts(change), show)


def say(p: Phrase, show: Show) -> str:
    """A phrase in words."""
    items = ", ".join(f"{noun} {show(key)}" for noun, key in p.items)
    body = {
        "entity-added": "added",
        "entity-removed": "removed",
        "item-added": "added" + (f" ({show(p.named)})" if p.named else ""),
        "item-removed": "removed",
        "retired": "retired" + (f" (replaced by {show(p.after)})" if p.after is not None else ""),
        "unretired": "back in use",
        "letter-moved": f"{p.letter} moved from {show(p.before)} to {show(p.after)}",
        "letter-added": f"{show(p.after)} is now {p.letter}",
        "letter-removed": f"{show(p.before)} is no longer {p.letter}",
        "changed": f"{show(p.before)} -> {show(p.after)}",
        "added": f"added {show(p.after)}",
        "removed": f"removed {show(p.before)}",
        "reordered": f"order {show(p.before)} -> {show(p.after)}",
    }[p.form]
    if p.form in ("item-added", "item-removed", "retired", "unretired"):
        return f"{items} {body}" if items else body
    field = f"{p.keys}:" if p.keys and p.form == "changed" and not items else p.keys
    text = f"{field} {body}" if field else body
    return f"{items}: {text}" if items else text


def _heading(kind: str, entity_id: str, name: str) -> str:
    return f"{kind} {entity_id}" + (f" ({name})" if name and name != entity_id else "")


def _duty(duty: Duty) -> str:
    inside = ", ".join(duty.where)
    return f"{duty.role} of {duty.kind} {duty.id}" + (f", {inside}" if inside else "")


def _names_line(shift: NameShift, show: Show) -> list[str]:
    out = []
    for names, verb in ((shift.stopped, "conformed before and do not now"), (shift.started, "conform now, not before")):
        if names:
            listed = ", ".join(show(n) for n in names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
            count = f"{len(names)} exported name{'s' if len(names) != 1 else ''}"
            out.append(f"convention {shift.convention}: {count} {verb}: {listed}")
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _side(side: Side) -> str:
    sha = f" ({side.commit[:7]})" if side.commit else ""
    problems = f"{_count(side.errors, 'error')}, {_count(side.warnings, 'warning')}"
    return f"{side.label}{sha}: {_count(side.files, 'spec file')}, {problems}"


def _summary(cs: ChangeSet) -> str:
    if cs.empty:
        return "no spec changes"
    n = len({(c.kind, c.id) for c in cs.changes})
    return f"{len(cs.changes)} change{'s' if len(cs.changes) != 1 else ''} in {n} entit{'ies' if n != 1 else 'y'}"


def _unvalidated(cs: ChangeSet) -> list[str]:
    return [
        f"{s.label}: its specs do not validate ({s.errors} error{'s' if s.errors != 1 else ''}); "
        "compared as far as they go: run `mopsdocs check` there to see them"
        for s in (cs.base, cs.head)
        if s.errors
    ]


def text(cs: ChangeSet) -> str:
    lines = [f"mopsdocs diff: {cs.base.label} -> {cs.head.label}", f"  {_side(cs.base)}", f"  {_side(cs.head)}"]
    lines += [f"  note: {n}" for n in _unvalidated(cs)]
    for (kind, entity_id), group in groupby(cs.changes, key=lambda c: (c.kind, c.id)):
        changes = list(group)
        lines += ["", _heading(kind, entity_id, changes[0].name)]
        lines += [f"  {say(p, value)}" for p in phrases(changes)]
    follows = _follows(cs, value)
    if follows:
        lines += ["", "What follows", *(f"  {f}" for f in follows)]
    lines += ["", _summary(cs)]
    return _lines(lines)


def _lines(lines: list[str]) -> str:
    """The output, each line safe for a terminal: spec text cannot add lines or send escapes."""
    from ..report import safe

    return "".join(safe(line) + "\n" for line in lines)


def _follows(cs: ChangeSet, show: Show) -> list[str]:
    out = []
    for shift in cs.duties:
        if shift.gained:
            out.append(f"{show(shift.party)} gains: " + "; ".join(_duty(d) for d in shift.gained))
        if shift.lost:
            out.append(f"{show(shift.party)} loses: " + "; ".join(_duty(d) for d in shift.lost))
    for names in cs.names:
        out.extend(_names_line(names, show))
    return out


def _code(v: Any) -> str:
    shown = value(v) if not isinstance(v, str) or len(v) > CLIP else " ".join(v.split())
    shown = shown.replace("`", "'")
    return f"`{shown}`" if shown else "` `"


def markdown(cs: ChangeSet) -> str:
    lines = [
        f"### Spec changes: {_code(cs.base.label)} → {_code(cs.head.label)}",
        "",
        f"**{_summary(cs)}**",
        "",
    ]
    lines += [f"> {n}" for n in _unvalidated(cs)]
    if _unvalidated(cs):
        lines.append("")
    for (kind, entity_id), group in groupby(cs.changes, key=lambda c: (c.kind, c.id)):
        changes = list(group)
        name = changes[0].name
        title = f"**{kind} {_code(entity_id)}**" + (f" {_escape(name)}" if name and name != entity_id else "")
        lines += [title, ""]
        lines += [f"- {say(p, _code)}" for p in phrases(changes)]
        lines.append("")
    follows = _follows(cs, _code)
    if follows:
        lines += ["**What follows**", "", *(f"- {f}" for f in follows), ""]
    lines += [f"<sub>{_escape(_side(cs.base))} · {_escape(_side(cs.head))}</sub>"]
    return _lines(lines)


def _escape(s: str) -> str:
    """Markdown text that stays text: every punctuation character that could start markup escaped."""
    out = []
    for ch in s:
        out.append("\\" + ch if ch in "\\`*_{}[]()#+-.!|<>~&" else ch)
    return "".join(out)


def as_json(cs: ChangeSet) -> str:
    def side(s: Side) -> dict[str, Any]:
        return {"revision": s.label, "commit": s.commit, "files": s.files, "errors": s.errors, "warnings": s.warnings}

    def duty(d: Duty) -> dict[str, Any]:
        return {"role": d.role, "kind": d.kind, "id": d.id, "where": list(d.where)}

    data = {
        "version": 1,
        "base": side(cs.base),
        "head": side(cs.head),
        "changes": [
            {
                "kind": c.kind,
                "id": c.id,
                "name": c.name,
                "op": c.op,
                "path": list(c.fields),
                "before": c.before,
                "after": c.after,
                "text": phrase(c, value),
            }
            for c in cs.changes
        ],
        "duties": [
            {"party": s.party, "gained": [duty(d) for d in s.gained], "lost": [duty(d) for d in s.lost]}
            for s in cs.duties
        ],
        "names": [
            {
                "convention": n.convention,
                "stopped": list(n.stopped),
                "started": list(n.started),
                "files": list(n.files),
            }
            for n in cs.names
        ],
        "summary": {"changes": len(cs.changes), "entities": len({(c.kind, c.id) for c in cs.changes})},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[ChangeSet], str]] = {"text": text, "markdown": markdown, "json": as_json}

__all__ = ["FORMATS", "as_json", "markdown", "phrase", "say", "text", "value"]
