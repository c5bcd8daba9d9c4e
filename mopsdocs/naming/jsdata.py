"""A compiled convention as JSON for the page's JavaScript engine (`mopsdocs/assets/namebuilder.js`).

The expressions are the JavaScript spellings of the very fragments the Python matcher is built
from (see `regex.Rx`), so the page and `names check` cannot drift apart. `script_json` makes the
JSON safe to place inside a `<script>` element.
"""

from __future__ import annotations

import json
from typing import Any

from . import dates
from .compiler import INVISIBLE, CompiledConvention
from .fields import CompiledField
from .grammar import Group, Literal, Node, Slot


def convention_data(conv: CompiledConvention) -> dict[str, Any]:
    return {
        "id": conv.id,
        "name": conv.name,
        "template": conv.template.source,
        "regex": conv.rx.js,
        "maxLength": conv.max_length,
        "forbidden": conv.forbidden,
        "marketo": conv.marketo_forbidden,
        "invisible": [list(r) for r in INVISIBLE],
        "nodes": _nodes(conv.template.nodes),
        "fields": [_field(f) for f in conv.fields.values()],
    }


def _nodes(nodes: tuple[Node, ...]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        if isinstance(node, Literal):
            out.append({"lit": node.text})
        elif isinstance(node, Slot):
            out.append({"field": node.field})
        elif isinstance(node, Group):
            out.append({"group": _nodes(node.children)})
    return out


def _field(f: CompiledField) -> dict[str, Any]:
    return {
        "name": f.name,
        "kind": f.kind,
        "regex": f.rx.js,
        "optional": f.optional,
        "codes": list(f.codes),
        "terms": {k: list(v) for k, v in sorted(f.terms.items())},
        "longestTerm": f.longest_term,
        "format": f.date_format.source if f.date_format else None,
        "shape": dates.shape_rx(f.date_format, f.case_sensitive).js if f.date_format else None,
        "digits": f.digits,
        # strings: JavaScript numbers lose digits past 2**53, BigInt reads these exactly
        "min": None if f.minimum is None else str(f.minimum),
        "max": None if f.maximum is None else str(f.maximum),
        "minLength": f.min_length,
        "maxLength": f.max_length,
        "allowed": [list(r) for r in f.allowed] if f.allowed is not None else None,
        "pattern": f.pattern.source if f.pattern else None,
    }


_SCRIPT_SAFE = {
    "&": "\\u0026",
    "<": "\\u003c",
    ">": "\\u003e",
    "{": "\\u007b",
    "}": "\\u007d",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: Any) -> str:
    """JSON that cannot end its `<script>` element early, open a comment there, or look like a
    Jinja/macros tag (`{{`) to a Markdown plugin that expands them: those characters are written
    as escapes inside strings. Structural braces never form `{{`, `{%` or `{#` in JSON."""
    if isinstance(data, dict):
        return "{" + ",".join(f"{script_json(str(k))}:{script_json(v)}" for k, v in sorted(data.items())) + "}"
    if isinstance(data, (list, tuple)):
        return "[" + ",".join(script_json(v) for v in data) + "]"
    text = json.dumps(data, ensure_ascii=False)
    if isinstance(data, str):
        for ch, escaped in _SCRIPT_SAFE.items():
            text = text.replace(ch, escaped)
    return text
