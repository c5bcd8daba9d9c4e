"""Schema validation of loaded documents, with error recovery.

Each document is validated against its kind's pydantic model. Every error becomes a located
diagnostic (SPEC002-004, RACI003). Then the offending values are pruned and the document is
validated again, so that what remains still exists for cross-references: a bad optional value is
dropped (a stage with a malformed `sla` still exists), an entity missing a required key is dropped,
and only the first pass is reported (no cascade of follow-on errors).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeAlias, Union, get_args, get_origin

from pydantic import ValidationError

from . import specs
from .diagnostics import Diagnostic, Location, Severity, did_you_mean
from .loader import Document, KeyPath
from .wording import clip, describe, field_pattern, known_keys, slug, unwrap

MAX_PASSES = 8


def _kind_names() -> str:
    return ", ".join(sorted(specs.KINDS))


def validate_document(doc: Document) -> tuple[specs.Spec | None, list[Diagnostic]]:
    """The document's spec model (pruned of bad parts) and the diagnostics found."""
    data = doc.data
    if () in doc.poisoned:
        return None, []
    if not isinstance(data, dict):
        found = {list: "a list", type(None): "nothing"}.get(type(data), f"a single value ({data!r:.40})")
        return None, [
            _error(
                "SPEC001",
                f"a spec must be a mapping with `kind:`, found {found}",
                doc.locate(()),
                f"start the document with `kind:` (one of {_kind_names()})",
            )
        ]
    if "kind" not in data:
        return None, [_error("SPEC001", "missing `kind`", doc.locate(()), f"add `kind:` with one of {_kind_names()}")]
    kind = data["kind"]
    model = specs.KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        if ("kind",) in doc.poisoned:
            return None, []
        shown = f"'{clip(kind)}'" if isinstance(kind, str) else ("null" if kind is None else f"{kind!r:.40}")
        hint = did_you_mean(kind, specs.KINDS) if isinstance(kind, str) else None
        return None, [
            _error("SPEC001", f"unknown kind {shown}", doc.locate(("kind",)), hint or f"use one of {_kind_names()}")
        ]
    return _validate_with_recovery(doc, model)


def _error(code: str, message: str, loc: Location, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, loc, hint)


# --------------------------------------------------------------------------- recovery loop


def _validate_with_recovery(doc: Document, model: type[specs.Spec]) -> tuple[specs.Spec | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    removed: set[KeyPath] = set()
    for attempt in range(MAX_PASSES):
        pruned, origins, index_maps, extras = _prune(doc.data, removed, model)
        try:
            result = model.model_validate(pruned)
            _attach(result, pruned, origins, extras, doc)
            _record(doc, removed)
            return result, diagnostics
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=True, include_input=True)
        progress = False
        for err in errors:
            path, on_key = _original_path(err["loc"], pruned, index_maps)
            if attempt == 0 and not doc.is_poisoned(path):
                diagnostics.append(_to_diagnostic(doc, model, err, path, on_key))
            target = _removal_target(model, err, path)
            if target is None:  # the document itself cannot stand
                _record(doc, removed | {()})
                return None, diagnostics
            if target not in removed:
                removed.add(target)
                progress = True
        if not progress:
            break
    _record(doc, removed | {()})
    return None, diagnostics


def _record(doc: Document, removed: set[KeyPath]) -> None:
    """Tell later stages what was cut: rules stay silent about it, references to it still resolve."""
    doc.pruned = set(removed)
    for path in sorted(removed, key=len):
        if not path or isinstance(path[-1], int):
            raw = _at(doc.data, path)
            if isinstance(raw, dict):
                doc.dropped.append((path, raw))


def _at(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _removal_target(model: type[specs.Spec], err: Any, path: KeyPath) -> KeyPath | None:
    """What to cut so the error goes away: the value, or for a missing key the whole entity."""
    if err["type"] != "missing":
        return path if path else None
    # walk up to the nearest list item or dict entry: that entity is dropped
    entity = path[:-1]
    return entity if entity else None


# --------------------------------------------------------------------------- shapes
# Which mappings hold field names (there `x-` keys are the user's extensions) and which hold ids
# (`assign`, `values`, `fields`: every key is an id, whatever it starts with; contract 2) is read
# from the models' annotations, so the models stay the one source and a new `dict[...]` field is
# id-keyed without anyone listing it. Built lazily, once per model: no validators (see specs.Spec
# on model build cost).


@dataclass(frozen=True)
class _Items:
    """A list (`keyed=False`) or an id-keyed mapping (`keyed=True`) whose values have `shape`."""

    shape: Shape
    keyed: bool


# a spec model (keys are field names), a list or an id-keyed mapping, or None (a plain value)
Shape: TypeAlias = type[specs.Spec] | _Items | None


def _shape(annotation: Any) -> Shape:
    """The shape of a value annotated `annotation`."""
    annotation = unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, specs.Spec):
        return annotation
    origin = get_origin(annotation)
    if origin is list:
        return _Items(_shape(get_args(annotation)[0]), keyed=False)
    if origin is dict:
        return _Items(_shape(get_args(annotation)[1]), keyed=True)
    if origin in (Union, types.UnionType):  # a name or a mapping (a channel status' `crm`)
        shapes = [s for s in map(_shape, get_args(annotation)) if s is not None]
        return shapes[0] if len(shapes) == 1 else None
    return None


@functools.cache
def _field_shapes(model: type[specs.Spec]) -> dict[str, Shape]:
    """Each field's shape, by every key a document may write for it (alias, and name: by_name)."""
    shapes: dict[str, Shape] = {}
    for name, field in model.model_fields.items():
        shapes[name] = shapes[field.alias or name] = _shape(field.annotation)
    return shapes


def _inside(shape: Shape, keyed: bool) -> Shape:
    """The shape of the values in a list (`keyed=False`) or an id-keyed mapping of `shape`."""
    return shape.shape if isinstance(shape, _Items) and shape.keyed == keyed else None


def _is_extension(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("x-")


# --------------------------------------------------------------------------- pruning


def _prune(
    data: Any, removed: set[KeyPath], model: type[specs.Spec]
) -> tuple[Any, dict[int, KeyPath], dict[int, list[int]], dict[int, dict[str, Any]]]:
    """A copy of `data` without the `removed` paths and without `x-` keys where keys are field
    names (kept aside in `extras`); the keys of id-keyed mappings are all kept."""
    origins: dict[int, KeyPath] = {}
    index_maps: dict[int, list[int]] = {}
    extras: dict[int, dict[str, Any]] = {}

    def copy_mapping(value: dict[Any, Any], at: KeyPath, shape: Shape) -> dict[Any, Any]:
        if not isinstance(shape, type):  # ids, or not what the model wants: every key is data
            inner = _inside(shape, keyed=True)
            return {k: copy(v, at + (k,), inner) for k, v in value.items() if at + (k,) not in removed}
        fields = _field_shapes(shape)
        out = {
            k: copy(v, at + (k,), fields.get(k))
            for k, v in value.items()
            if at + (k,) not in removed and not _is_extension(k)
        }
        mine = {k: v for k, v in value.items() if _is_extension(k)}
        if mine:
            extras[id(out)] = mine
        return out

    def copy(value: Any, at: KeyPath, shape: Shape) -> Any:
        if isinstance(value, dict):
            out = copy_mapping(value, at, shape)
            origins[id(out)] = at
            return out
        if isinstance(value, list):
            inner = _inside(shape, keyed=False)
            kept = [i for i in range(len(value)) if at + (i,) not in removed]
            out_list = [copy(value[i], at + (i,), inner) for i in kept]
            origins[id(out_list)] = at
            index_maps[id(out_list)] = kept
            return out_list
        return value

    result = copy(data, (), model)
    return result, origins, index_maps, extras


def _attach(
    model: Any, data: Any, origins: dict[int, KeyPath], extras: dict[int, dict[str, Any]], doc: Document
) -> None:
    """Give every spec model its document, the path in it it came from, and its `x-` keys."""
    stack = [(model, data)]
    while stack:
        obj, raw = stack.pop()
        if isinstance(obj, specs.Spec) and isinstance(raw, dict):
            obj._origin = origins.get(id(raw), ())
            obj._doc = doc
            if id(raw) in extras:
                obj._extras = extras[id(raw)]
            for name, field in type(obj).model_fields.items():
                stack.append((getattr(obj, name), raw.get(field.alias or name)))
        elif isinstance(obj, list) and isinstance(raw, list):
            stack.extend(zip(obj, raw))
        elif isinstance(obj, dict) and isinstance(raw, dict):
            stack.extend((v, raw.get(k)) for k, v in obj.items())


def _original_path(loc: tuple[Any, ...], pruned: Any, index_maps: dict[int, list[int]]) -> tuple[KeyPath, bool]:
    """Map a pydantic `loc` in the pruned data back to the document's path; flag dict-key errors."""
    out: list[Any] = []
    node = pruned
    on_key = False
    for part in loc:
        if part == "[key]":
            on_key = True
            break
        if part in specs.UNION_TAGS:  # the branch of a text-or-mapping value: not a key
            continue
        if isinstance(node, list) and isinstance(part, int):
            mapping = index_maps.get(id(node))
            out.append(mapping[part] if mapping and part < len(mapping) else part)
            node = node[part] if part < len(node) else None
        elif isinstance(node, dict):
            out.append(part)
            node = node.get(part)
        else:
            out.append(part)
            node = None
    return tuple(out), on_key


# --------------------------------------------------------------------------- messages

_PATTERN_WORDS = {
    specs.ID_PATTERN: (
        "is not a valid id",
        "ids use lowercase letters, digits, '-' and '_', start with a letter or digit, at most 64 characters",
    ),
    specs.DURATION_PATTERN: (
        "is not a duration",
        ("write a whole number and a unit: 30m, 24h, 2d, 1w, or business time 24bh, 5bd"),
    ),
    specs.DATE_PATTERN: ("is not a date", "write dates as YYYY-MM-DD, e.g. 2021-11-02"),
    specs.URL_PATTERN: ("is not an allowed link", "links must start with https://, http:// or mailto:"),
    specs.EMAIL_PATTERN: ("is not an e-mail address", "write it as name@example.com"),
}

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "float_type": "a number",
}


_SINGULAR = {
    "stages": "stage",
    "transitions": "transition",
    "people": "person",
    "teams": "team",
    "roles": "role",
    "activities": "activity",
    "vocabularies": "vocabulary",
    "values": "value",
    "conventions": "convention",
    "links": "link",
    "history": "review",
    "fields": "field",
    "items": "item",  # (v2) backlog
    "goals": "goal",  # (v2) review
}


def _field_label(path: KeyPath) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "document"


def _to_diagnostic(doc: Document, model: type[specs.Spec], err: Any, path: KeyPath, on_key: bool) -> Diagnostic:
    etype = err["type"]
    value = err.get("input")
    field = _field_label(path)
    if etype == "missing":
        entity = path[:-1]
        noun = _SINGULAR.get(_field_label(entity), _field_label(entity)) if entity else model.KIND  # type: ignore[attr-defined]
        return _error(
            "SPEC003", f"missing required key '{path[-1]}'", doc.locate(entity), f"add `{path[-1]}:` to this {noun}"
        )
    if etype == "extra_forbidden":
        known = known_keys(model, path[:-1])
        hint = did_you_mean(str(path[-1]), known) or (f"allowed keys: {', '.join(sorted(known))}" if known else None)
        if hint and not hint.startswith("did"):
            hint += "; your own keys may start with 'x-'"
        hint = _split_by_comma(doc, path) or hint
        return _error("SPEC002", f"unknown key '{clip(str(path[-1]))}'", doc.locate(path, key=True), hint)
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'", expected)
        if "assign" in path[-2:-1] and not on_key:
            meant = {"AR": "A/R", "A / R": "A/R", "RA": "A/R", "R/A": "A/R"}.get(
                str(value).upper().strip(), str(value).upper().strip()
            )
            hint = f"did you mean '{meant}'?" if meant in ("R", "A", "C", "I", "A/R") else "use R, A, C, I or A/R"
            return _error("RACI003", f"{describe(value)} is not a RACI letter", doc.locate(path), hint)
        hint = did_you_mean(str(value), options) if isinstance(value, str) else None
        return _error(
            "SPEC004", f"{field}: {describe(value)} is not one of {', '.join(options)}", doc.locate(path), hint
        )
    loc = doc.locate(path, key=on_key)
    if etype == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        words, hint = _PATTERN_WORDS.get(pattern, ("does not have the expected form", None))
        if pattern == specs.ID_PATTERN and isinstance(value, str) and slug(value):
            hint = f"{hint}, e.g. '{slug(value)}'"
        if pattern == specs.DURATION_PATTERN and isinstance(value, str):
            hint = _duration_hint(value) or hint
        return _error("SPEC004", f"{field}: {describe(value)} {words}", loc, hint)
    if etype == "value_error" and isinstance(value, str) and re.match(specs.DATE_PATTERN, value):
        return _error("SPEC004", f"{field}: '{value}' is not a real date", loc, "check the month and day")
    if etype in _TYPE_WORDS and field_pattern(model, path) == specs.DURATION_PATTERN:
        return _error(
            "SPEC004",
            f"{field}: expected a duration, found {describe(value)}",
            loc,
            _duration_hint(str(value)) or _PATTERN_WORDS[specs.DURATION_PATTERN][1],
        )
    if etype == "string_type" and isinstance(value, dict) and len(value) == 1:
        ((k, v),) = value.items()
        if isinstance(k, str) and isinstance(v, (str, type(None))):  # `- Smart list: Bounced`
            whole = f"{k}: {v}" if v is not None else f"{k}:"
            escaped = whole.replace("\\", "\\\\").replace('"', '\\"')
            return _error(
                "SPEC004",
                f"{field}: expected text, found a mapping ('{clip(k, 40)}: ...')",
                loc,
                f"': ' made it a mapping: quote the value, \"{clip(escaped)}\"",
            )
    if etype == "too_short" and value == [] and field == "owner":  # an either-of owner names one at least
        return _error("SPEC004", "owner: the list is empty", loc, "name at least one party, e.g. `owner: [sdr, bdr]`")
    if etype in _TYPE_WORDS:
        return _error(
            "SPEC004",
            f"{field}: expected {_TYPE_WORDS[etype]}, found {describe(value)}",
            loc,
            "quote the value to make it text" if etype == "string_type" and value is not None else None,
        )
    ctx = err.get("ctx")
    if isinstance(ctx, dict) and isinstance(ctx.get("hint"), str):  # a model's own check says how to fix it
        return _error("SPEC004", f"{field}: {describe(value)} {err['msg']}", loc, ctx["hint"])
    message = err.get("msg", "invalid value")
    return _error("SPEC004", f"{field}: {describe(value)}: {message[0].lower() + message[1:]}", loc)


_UNIT_WORDS = {
    "min": "m",
    "mins": "m",
    "minute": "m",
    "minutes": "m",
    "hr": "h",
    "hrs": "h",
    "hour": "h",
    "hours": "h",
    "day": "d",
    "days": "d",
    "wk": "w",
    "week": "w",
    "weeks": "w",
    "bhr": "bh",
    "bhrs": "bh",
    "bday": "bd",
    "bdays": "bd",
}


_SMALLER_UNITS = {"h": ("m", 60), "d": ("h", 24), "w": ("d", 7)}  # not bd: a business day's hours vary


def _unit(word: str) -> str:
    return _UNIT_WORDS.get(word.lower(), word.lower())


def _duration_hint(value: str) -> str | None:
    """The fix for a malformed duration in the user's terms: `4` -> add a unit, `4H` -> `4h`."""
    text = value.strip()
    if re.fullmatch(r"[0-9]{1,6}", text):
        # the units offered are the ones the schema accepts (`bh` business hours once it has them)
        units = [u for u in ("h", "bh", "d", "w") if re.match(specs.DURATION_PATTERN, f"{text}{u}")][:3]
        return "add a unit: " + ", ".join(f"{text}{u}" for u in units)
    if re.fullmatch(r"[A-Za-z]+", text) and re.match(specs.DURATION_PATTERN, f"4{_unit(text)}"):
        return f"a duration starts with a whole number, e.g. 4{_unit(text)}"  # `bh` alone
    fraction = re.fullmatch(r"([0-9]{1,6})[.,]([0-9]{1,3})\s*([A-Za-z]+)", text)
    if fraction is not None and re.match(specs.DURATION_PATTERN, f"1{_unit(fraction.group(3))}"):
        whole, part, unit = int(fraction.group(1)), fraction.group(2), _unit(fraction.group(3))
        smaller, factor = _SMALLER_UNITS.get(unit, ("", 0))
        exact = (whole + int(part) / 10 ** len(part)) * factor
        if factor and exact == int(exact):
            return f"durations are whole numbers: write it as {int(exact)}{smaller}"
        return f"durations are whole numbers: {whole}{unit} or {whole + 1}{unit}"
    match = re.fullmatch(r"([0-9]{1,6})\s*([A-Za-z]+)", text)
    if match is None:
        return None
    number, unit = match.groups()
    unit = _unit(unit)
    meant = f"{number}{unit}"
    return f"did you mean {meant}?" if meant != value and re.match(specs.DURATION_PATTERN, meant) else None


def _split_by_comma(doc: Document, path: KeyPath) -> str | None:
    """The hint for `{label: Europe, Middle East}`: the comma ended `label`'s value, the rest became a key."""
    key = path[-1] if path else None
    if not isinstance(key, str) or _at(doc.data, path) is not None or path not in doc.keys:
        return None
    line, column = doc.keys[path]
    before = [
        p
        for p, (at_line, c) in doc.values.items()
        if len(p) == len(path) and p[:-1] == path[:-1] and p != path and at_line == line and c < column
    ]
    if not before:  # a key on a line of its own: a block mapping, not `{...}`
        return None
    previous = max(before, key=lambda p: doc.values[p])
    value = _at(doc.data, previous)
    if not isinstance(value, str) or not isinstance(previous[-1], str):
        return None
    whole = f"{value}, {key}".replace("\\", "\\\\").replace('"', '\\"')
    return f'in `{{...}}` a comma ends the value: quote it, `{previous[-1]}: "{clip(whole)}"`'


def iter_specs(obj: Any) -> Iterable[specs.Spec]:
    """Every spec model inside `obj`, itself included (for registering locations)."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, specs.Spec):
            yield item
            stack.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
