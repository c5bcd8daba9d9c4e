"""Field values to a name: `mopsdocs names build` and, in JavaScript, the page's name builder.

An optional group is in the name when any field inside it has a value (then all of them need
one). A label, an alias or a code in the wrong letter case given for a vocabulary field is
translated to its code, and a number short of its digits gets its leading zeros; both are said
in `notes`. Anything else that is not a valid value is a problem, never guessed at.
`mopsdocs/assets/namebuilder.js` implements the same steps; tests run both on the same cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import regex as rx
from .compiler import INVISIBLE, CompiledConvention
from .explain import forbidden_message
from .fields import BUILD_FIXES
from .grammar import Group, Literal, Node, Slot
from .readings import Problem


@dataclass(frozen=True)
class Built:
    name: str | None  # None when the values cannot make a conforming name
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()  # translations made (label -> code, padding)


def build_name(conv: CompiledConvention, values: Mapping[str, str]) -> Built:
    problems: list[Problem] = []
    notes: list[str] = []
    used: dict[str, str] = {}
    pieces = _assemble(conv.template.nodes, values, True)
    for field_name in _included(conv.template.nodes, values, True):
        f = conv.fields[field_name]
        value = values.get(field_name, "")
        if f.accepts(value):
            used[field_name] = value
            continue
        score = f.score(value) if value else None
        if score is not None and score.fix is not None and score.fix_kind in BUILD_FIXES:
            notes.append(f"{field_name}: {f.describe(value, build=True)}")
            used[field_name] = score.fix
            continue
        message = f.describe(value, build=True)
        if message:
            problems.append(Problem(field_name, message))
        problems.extend(
            Problem(field_name, forbidden_message(conv, ch)) for ch in _unique(value) if ch in conv.forbidden
        )
    if problems:
        return Built(None, tuple(problems), tuple(notes))
    name = "".join(used[p.field] if isinstance(p, Slot) else p for p in pieces)
    if conv.is_valid(name):
        return Built(name, (), tuple(notes))
    return Built(None, tuple(_whole_name_problems(conv, name, used)), tuple(notes))


def _white(ch: str) -> bool:
    return ch.isspace() and not rx.in_class(ch, INVISIBLE)  # as JavaScript's \s reads it, for these


def _unique(text: str) -> list[str]:
    return list(dict.fromkeys(text))


def _has_value(nodes: tuple[Node, ...], values: Mapping[str, str]) -> bool:
    return any(
        (isinstance(n, Slot) and values.get(n.field, "") != "")
        or (isinstance(n, Group) and _has_value(n.children, values))
        for n in nodes
    )


def _included(nodes: tuple[Node, ...], values: Mapping[str, str], present: bool) -> list[str]:
    """Fields that are in the name: those outside optional groups, and those of groups in use."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Slot) and present:
            out.append(node.field)
        elif isinstance(node, Group) and present and _has_value(node.children, values):
            out.extend(_included(node.children, values, True))
    return out


def _assemble(nodes: tuple[Node, ...], values: Mapping[str, str], present: bool) -> list[str | Slot]:
    out: list[str | Slot] = []
    for node in nodes:
        if isinstance(node, Literal):
            out.append(node.text)
        elif isinstance(node, Slot):
            out.append(node)
        elif _has_value(node.children, values):
            out.extend(_assemble(node.children, values, True))
    return out


def _whole_name_problems(conv: CompiledConvention, name: str, used: Mapping[str, str]) -> list[Problem]:
    out: list[Problem] = []
    if conv.max_length is not None and len(name) > conv.max_length:
        out.append(Problem(None, f"is {len(name)} characters, the limit is {conv.max_length}"))
    for field_name, value in used.items():
        for ch in _unique(value):
            if ch in conv.forbidden:
                out.append(Problem(field_name, forbidden_message(conv, ch)))
            elif rx.in_class(ch, INVISIBLE):
                out.append(Problem(field_name, f"contains an invisible or control character (U+{ord(ch):04X})"))
    if _white(name[:1]) or _white(name[-1:]):
        out.append(Problem(None, "starts or ends with white space"))
    if not out:
        out.append(Problem(None, f"does not follow the pattern {conv.template.source}"))
    return out
