"""Writing a matrix as a `kind: raci` spec, by hand, so the output is stable and reads like ours.

Values are written plain when every YAML reader (1.2 core like ours, and 1.1 tools) reads them
back as the same text, and double-quoted otherwise. The test suite loads the output through the
real loader and validator to prove it.
"""

from __future__ import annotations

import re

from ..loader import resolve_plain
from .model import Matrix

# Plain-safe text: starts with a letter or digit; no YAML indicators (no ':', '#', ',', brackets,
# quotes at the start); no trailing space. Flow collections (`[...]`, `{...}`) need the same.
_PLAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 ._/&()'+-]*[A-Za-z0-9._/&()'+-])?")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}.*")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _printable(ch: str) -> bool:
    """YAML's c-printable set (raw characters outside it must be escaped)."""
    o = ord(ch)
    return (
        0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF
    ) and o not in (0x2028, 0x2029, 0xFEFF)


def _double_quoted(value: str) -> str:
    out = ['"']
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as exactly this text."""
    if (
        _PLAIN.fullmatch(value)
        and resolve_plain(value) == value
        and value.lower() not in _YAML11_WORDS
        and not _DATE_LIKE.match(value)
    ):
        return value
    return _double_quoted(value)


def _comment(text: str) -> str:
    return "".join(ch if _printable(ch) else "?" for ch in text)


def raci_spec(matrix: Matrix, source: str) -> str:
    """The YAML text of a `kind: raci` spec holding `matrix`."""
    lines = [
        f"# Imported from {_comment(source)} by `mopsdocs raci import`. Review it, then run `mopsdocs check`.",
        "kind: raci",
        f"id: {scalar(matrix.id)}",
        f"name: {scalar(matrix.name)}",
        *([f"description: {scalar(matrix.description)}"] if matrix.description else []),
        f"parties: [{', '.join(scalar(p) for p in matrix.columns)}]",
    ]
    if not matrix.rows:
        lines.append("activities: []")
    else:
        lines.append("activities:")
    for row in matrix.rows:
        lines.append(f"  - id: {scalar(row.id)}")
        lines.append(f"    name: {scalar(row.name)}")
        if row.group is not None:
            lines.append(f"    group: {scalar(row.group)}")
        if row.description:
            lines.append(f"    description: {scalar(row.description)}")
        cells = ", ".join(f"{scalar(p)}: {row.assign[p]}" for p in matrix.columns if p in row.assign)
        lines.append(f"    assign: {{{cells}}}")
    return "\n".join(lines) + "\n"
