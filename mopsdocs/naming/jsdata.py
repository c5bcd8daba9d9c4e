"""A compiled convention as JSON for the page's JavaScript engine (`mopsdocs/assets/namebuilder.js`).

The expressions are the JavaScript spellings of the very fragments the Python matcher is built
from (see `regex.Rx`), so the page and `names check` cannot drift apart. `script_json` makes the
JSON safe to place inside a `<script>` element.
"""

from __future__ import annotations

import json
from typing import Any

from . import dates
from .compiler import INVISIBLE, CompiledConvention, forbidden_words_rx, switch_text
from .crossfield import CompiledRule
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
        **_v2_convention(conv),
    }


def _v2_convention(conv: CompiledConvention) -> dict[str, Any]:
    """Keys of what v2 added, only when used: a v1 convention's page stays byte for byte the same."""
    out: dict[str, Any] = {}
    if conv.variants:  # the engine builds with the convention of the template the field's value picks
        out["variants"] = {
            "field": conv.variant_field,
            "default": convention_data(conv.variants[0][1]),
            "options": [[code, convention_data(sub)] for code, sub in conv.variants[1:]],
        }
    if conv.rules:
        out["rules"] = [_rule(r) for r in conv.rules]
        assert conv.capture_rx is not None
        out["captureRegex"] = conv.capture_rx.js  # each field in a group v<k>, k its place in the template
    if conv.switches:
        out["switches"] = list(conv.switches)
    if conv.forbidden_words:
        out["forbiddenWords"] = list(conv.forbidden_words)
        # finds them, the word in group 1 (run with the g and u flags)
        out["forbiddenWordsRegex"] = forbidden_words_rx(conv.forbidden_words).js
    return out


def _nodes(nodes: tuple[Node, ...]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        if isinstance(node, Literal):
            out.append({"lit": node.text})
        elif isinstance(node, Slot):
            out.append({"field": node.field})
        elif isinstance(node, Group):
            text = switch_text(node)
            out.append({"group": _nodes(node.children), **({"switch": text} if text else {})})
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
        **_v2_field(f),
    }


def _rule(rule: CompiledRule) -> dict[str, Any]:
    if rule.after is not None:
        return {"field": rule.field, "after": rule.after}
    table = [[other, [[code, list(allowed)] for code, allowed in by_code]] for other, by_code in rule.allowed_with]
    return {"field": rule.field, "allowedWith": table}


def _v2_field(f: CompiledField) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if f.date_format is not None and f.date_format.fiscal:
        out["fiscal"] = list(f.fiscal_start)
    if f.multiple is not None:
        out["multiple"] = list(f.multiple)
    if f.retired:
        out["retired"] = {code: list(why) for code, why in sorted(f.retired.items())}
    if f.choices:
        out["choices"] = [{**_field(c), "vocabulary": c.vocabulary, "literal": c.literal} for c in f.choices]
    return out


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
