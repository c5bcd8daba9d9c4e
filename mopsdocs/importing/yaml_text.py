"""Drafted specs as YAML text, written by hand so that the bytes are stable and `fmt` keeps them.

The layout is `mopsdocs fmt`'s: two-space mappings, lists indented two spaces under their key,
keys in the order the caller gives (the kind's model order), short flat mappings and lists of
plain values in flow style (`{code: WBN}`, `[a, b]`), entities (mappings with an `id`) and
everything else in block style. Strings
go through `raci.spec_writer.scalar`, which quotes whatever a YAML 1.1 or 1.2 reader could read
as something other than the same text. The tests format every draft with `fmt` to prove it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..raci.spec_writer import scalar

FLOW_WIDTH = 120  # a flat mapping longer than this on one line is written as a block


def spec_text(data: Mapping[str, Any], comments: Sequence[str] = ()) -> str:
    """One YAML document: `comments` as `#` lines first, then the mapping."""
    lines = [f"# {c}" if c else "#" for c in comments]
    lines.extend(_mapping(data, 0))
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return scalar(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{scalar(str(k))}: {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")  # a bug in a drafting module


def _flat(value: Any, depth: int = 2) -> bool:
    """Plain values, lists of them, and mappings of those, `depth` levels down at most:
    `{name: Attended, crm: {status: Attended, responded: true}}` stays on one line."""
    if isinstance(value, Mapping):
        return depth > 0 and all(_flat(v, depth - 1) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    return _plain(value)


def _plain(value: Any) -> bool:
    return isinstance(value, (str, int, bool))


def _mapping(data: Mapping[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    out = []
    for key, value in data.items():
        if value is None:
            continue
        head = f"{pad}{scalar(str(key))}:"
        if isinstance(value, Mapping) and value and not (_flat(value) and _short(head, value)):
            out.append(head)
            out.extend(_mapping(value, indent + 2))
        elif isinstance(value, (list, tuple)) and value and not _flat(value):
            out.append(head)
            out.extend(_sequence(value, indent + 2))
        else:
            out.append(f"{head} {_value(value)}")
    return out


def _short(head: str, value: Any) -> bool:
    return len(head) + 1 + len(_value(value)) <= FLOW_WIDTH


def _sequence(items: Sequence[Any], indent: int) -> list[str]:
    pad = " " * indent
    out = []
    for item in items:
        if isinstance(item, Mapping) and item and ("id" in item or not (_flat(item) and _short(pad + "- ", item))):
            inner = _mapping(item, indent + 2)
            out.append(f"{pad}- {inner[0].lstrip()}")
            out.extend(inner[1:])
        else:
            out.append(f"{pad}- {_value(item)}")
    return out
