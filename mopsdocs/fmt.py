"""`mopsdocs fmt`: one layout for every spec file, keeping every comment and value.

Round-trips each file through ruamel.yaml (the mode that keeps comments) and normalises:
- key order: the order the kind's model defines (kind, id, name, ...), unknown keys next, then
  `x-` keys, each group in the author's order;
- indentation: two spaces for mappings, lists indented two spaces under their key;
- quoting: the author's quotes are kept; plain values that YAML 1.1 tools would misread as
  booleans or numbers (`yes`, `no`, `on`, `off`, `y`, `n`, `010`, ...) get single quotes, so every tool
  reads what mopsdocs reads.
Files that do not load cleanly (YAML errors, anchors, tags, limits) are left untouched and named.
A file is rewritten only when its text changes, atomically.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from . import specs
from .wording import unwrap

_YAML11_TRAPS = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-9_]+|[0-9]+:[0-9]+)$")


@dataclass
class FmtResult:
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (path, why): formatting would lose something


# --------------------------------------------------------------------------- the safety net

_COMMENT = re.compile(r"(?:^|[ \t])(#.*)$", re.MULTILINE)


def _comments(text: str) -> list[str]:
    """Every `#...` that could be a comment (also inside block scalars: those are kept as values)."""
    return sorted(m.group(1).rstrip() for m in _COMMENT.finditer(text))


def _same(a: Any, b: Any) -> bool:
    """Equal data, NaN equal to NaN (`.nan` must not make a file look changed)."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def _what_would_be_lost(original: str, formatted: str, loaded: Any, rel: str, limits: Any) -> str | None:
    """Why `formatted` must not replace `original`: it reads back differently or drops a comment."""
    from collections import Counter

    from .loader import load_text

    again = load_text(formatted, rel, limits)
    if again.diagnostics or not _same([d.data for d in again.documents], [d.data for d in loaded.documents]):
        return "the formatted text would not read back the same"
    missing = Counter(_comments(original)) - Counter(_comments(formatted))
    if missing:
        return f"formatting would drop the comment {next(iter(missing))!r}"
    return None


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.emitter import Emitter

    class BracedEmitter(Emitter):
        """Keep `{...}` around one-key mappings in flow lists: `[{code: A}]`, not `[code: A]`."""

        def expect_flow_mapping(self, single: Any = False, force_flow_indent: Any = False) -> None:
            super().expect_flow_mapping(single=False, force_flow_indent=force_flow_indent)

    yaml = YAML(typ="rt")
    yaml.Emitter = BracedEmitter
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold long lines: a diff should show the value the author changed
    return yaml


def _model_of(annotation: Any) -> tuple[str, Any]:
    """('model', M) | ('list', M) | ('dict', M) | ('', None) for a field annotation."""
    annotation = unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    origin = get_origin(annotation)
    if origin in (list, dict):
        inner = unwrap(get_args(annotation)[-1])
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return ("list" if origin is list else "dict"), inner
    return "", None


def _reorder(node: Any, model: type[BaseModel]) -> None:
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(node, CommentedMap):
        return
    fields = {(f.alias or name): f for name, f in model.model_fields.items()}
    known = [k for k in fields if k in node]
    unknown = [k for k in node if k not in fields and not (isinstance(k, str) and k.startswith("x-"))]
    extra = [k for k in node if isinstance(k, str) and k.startswith("x-")]
    for key in known + unknown + extra:
        node.move_to_end(key)
    for key in known:
        how, inner = _model_of(fields[key].annotation)
        value = node[key]
        if how == "model":
            _reorder(value, inner)
        elif how == "list" and isinstance(value, list):
            for item in value:
                _reorder(item, inner)
        elif how == "dict" and isinstance(value, dict):
            for item in value.values():
                _reorder(item, inner)


def _quote_traps(node: Any) -> None:
    """Quote plain strings that YAML 1.1 readers would turn into booleans or numbers."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CommentedMap):
            for key, value in item.items():
                if type(value) is str and _YAML11_TRAPS.match(value):
                    item[key] = SingleQuotedScalarString(value)
                else:
                    stack.append(value)
        elif isinstance(item, CommentedSeq):
            for i, value in enumerate(item):
                if type(value) is str and _YAML11_TRAPS.match(value):
                    item[i] = SingleQuotedScalarString(value)
                else:
                    stack.append(value)


_PREAMBLE = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)+(?=---(?:[ \t\n]|$))")


def format_text(text: str) -> str:
    """The normalised text of one spec file (all its documents).

    Comment and blank lines before a leading `---` are kept as they are (ruamel drops them).
    """
    preamble = _PREAMBLE.match(text)
    if preamble:
        return preamble.group() + _format_documents(text[preamble.end() :])
    return _format_documents(text)


def _format_documents(text: str) -> str:
    yaml = _yaml()
    documents = list(yaml.load_all(text))
    for doc in documents:
        kind = doc.get("kind") if isinstance(doc, dict) else None
        model = specs.KINDS.get(kind) if isinstance(kind, str) else None
        if model is not None:
            _reorder(doc, model)
        _quote_traps(doc)
    out = io.StringIO()
    if len(documents) == 1:
        yaml.dump(documents[0], out)
    else:
        yaml.explicit_start = True
        yaml.dump_all(documents, out)
    formatted = out.getvalue()
    if text.startswith("---") and not formatted.startswith("---"):
        formatted = "---\n" + formatted
    return formatted


def format_files(files: list[tuple[str, str]], *, write: bool, limits: Any) -> FmtResult:
    """Format (abs path, rel path) pairs; with `write`, rewrite changed ones atomically."""
    from .files import write_atomic
    from .loader import load_file

    result = FmtResult()
    for abspath, rel in files:
        loaded = load_file(abspath, rel, limits)  # the fast loader vets the file first
        if loaded.diagnostics:
            first = loaded.diagnostics[0]
            result.skipped.append((rel, f"{first.location}: {first.message}"))
            continue
        original = Path(abspath).read_bytes().decode("utf-8-sig")
        try:
            formatted = format_text(original.replace("\r\n", "\n"))
        except Exception as exc:
            result.skipped.append((rel, f"{rel}: not formatted ({type(exc).__name__})"))
            continue
        if formatted != original:
            lost = _what_would_be_lost(original, formatted, loaded, rel, limits)
            if lost:
                result.kept.append((rel, lost))
                continue
        if formatted == original:
            result.unchanged.append(rel)
            continue
        result.changed.append(rel)
        if write:
            write_atomic(Path(abspath), formatted)
    return result
