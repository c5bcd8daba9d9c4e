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
from .compiler import INVISIBLE, CompiledConvention, switch_text
from .crossfield import rule_problems
from .explain import forbidden_message
from .grammar import Group, Literal, Node, Slot
from .readings import Problem


@dataclass(frozen=True)
class Built:
    name: str | None  # None when the values cannot make a conforming name
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()  # translations made (label -> code, padding)


def build_name(conv: CompiledConvention, values: Mapping[str, str]) -> Built:
    if conv.variants:
        return _build_variant(conv, values)
    problems: list[Problem] = []
    notes: list[str] = []
    used: dict[str, str] = {}
    pieces = _assemble(conv.template.nodes, values, True)
    for field_name in _included(conv.template.nodes, values, True):
        f = conv.fields[field_name]
        value = values.get(field_name, "")
        if f.accepts(value):
            used[field_name] = value
            notes.extend(f"{field_name}: {f.retired_message(code)}" for code in f.retired_in(value))
            continue
        score = f.build_fix(value)
        if score is not None and score.fix is not None:
            notes.append(f"{field_name}: {f.describe(value, build=True)}")
            used[field_name] = score.fix
            notes.extend(f"{field_name}: {f.retired_message(code)}" for code in f.retired_in(score.fix))
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
    broken = rule_problems(conv.rules, conv.fields, used) if conv.rules else []
    if broken:
        return Built(None, tuple(broken), tuple(notes))
    if conv.is_valid(name):
        return Built(name, (), tuple(notes))
    return Built(None, tuple(_whole_name_problems(conv, name, used)), tuple(notes))


def _build_variant(conv: CompiledConvention, values: Mapping[str, str]) -> Built:
    """Built by the template the variant field's value picks (its code, once a label or a letter
    case is put right); fields the picked template has no place for are said in a note."""
    assert conv.variant_field is not None
    f = conv.fields[conv.variant_field]
    value = values.get(conv.variant_field, "")
    fix = None if f.accepts(value) else f.build_fix(value)
    chosen = fix.fix if fix is not None and fix.fix is not None else value
    sub = next((s for code, s in conv.variants[1:] if code == chosen), conv.variants[0][1])
    built = build_name(sub, values)
    unused = [
        f"{n}: left out: names with this {conv.variant_field} follow {sub.template.source}"
        for n in conv.fields
        if n not in sub.fields and values.get(n, "")
    ]
    return Built(built.name, built.problems, built.notes + tuple(unused))


def _white(ch: str) -> bool:
    return ch.isspace() and not rx.in_class(ch, INVISIBLE)  # as JavaScript's \s reads it, for these


def _unique(text: str) -> list[str]:
    return list(dict.fromkeys(text))


def _has_value(nodes: tuple[Node, ...], values: Mapping[str, str]) -> bool:
    """Whether an optional group is in the name: a field in it has a value, or it is a switch
    (a group without a field, like `[_PARENT]`) turned on by a value for `+` and its text."""
    return any(
        (isinstance(n, Slot) and values.get(n.field, "") != "") or (isinstance(n, Group) and _group_on(n, values))
        for n in nodes
    )


def _group_on(group: Group, values: Mapping[str, str]) -> bool:
    text = switch_text(group)
    if text is not None:
        return values.get("+" + text, "") != ""
    return _has_value(group.children, values)


def _included(nodes: tuple[Node, ...], values: Mapping[str, str], present: bool) -> list[str]:
    """Fields that are in the name: those outside optional groups, and those of groups in use."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Slot) and present:
            out.append(node.field)
        elif isinstance(node, Group) and present and _group_on(node, values):
            out.extend(_included(node.children, values, True))
    return out


def _assemble(nodes: tuple[Node, ...], values: Mapping[str, str], present: bool) -> list[str | Slot]:
    out: list[str | Slot] = []
    for node in nodes:
        if isinstance(node, Literal):
            out.append(node.text)
        elif isinstance(node, Slot):
            out.append(node)
        elif _group_on(node, values):
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
    out.extend(Problem(None, f"contains the forbidden word '{word}'") for word, _ in conv.forbidden_words_in(name))
    if not out:
        out.append(Problem(None, f"does not follow the pattern {conv.template.source}"))
    return out
