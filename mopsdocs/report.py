"""Formatters: one function per output format, from a `Report` to text. No logic elsewhere."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

from .diagnostics import Diagnostic, Report, Severity

INFORMATION_URI = "https://github.com/mopsdocs/mopsdocs"


# Characters that would let a spec value break out of its line or drive the terminal: line
# breaks (also NEL and U+2028/9), C0/C1 controls (ESC starts ANSI sequences), bidi overrides
# ("Trojan source"), and lone surrogates. Values come from specs: an escape such as \n or \e in a
# double-quoted YAML string must not forge a diagnostic line or recolour the screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def safe(value: str) -> str:
    """`value` on one line, with control and bidi characters written as escapes (`\\n`, `\\x1b`)."""
    return _UNSAFE.sub(_escape_char, value)


def _excerpt_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: one column wide, the caret stays aligned
    return "\u2421" if code == 0x7F else "\ufffd"


def _safe_excerpt(line: str) -> str:
    return _UNSAFE.sub(_excerpt_char, line.expandtabs(1))


def concise_line(d: Diagnostic) -> str:
    hint = f" ({safe(d.hint)})" if d.hint else ""
    return f"{safe(str(d.location))}: {d.severity}[{d.code}]: {safe(d.message)}{hint}"


def _summary_line(report: Report) -> str:
    e, w = report.errors, report.warnings
    files = f"{report.files} spec file{'s' if report.files != 1 else ''}"
    if not e and not w:
        return f"All checks passed ({files})."
    return f"Found {e} error{'s' if e != 1 else ''} and {w} warning{'s' if w != 1 else ''} in {files}."


def format_concise(report: Report, root: Path) -> str:
    lines = [concise_line(d) for d in report.sorted()]
    lines.append(_summary_line(report))
    return "\n".join(lines) + "\n"


class _Sources:
    """Source lines for the text format's excerpts, read once per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str | None:
        if path not in self.cache:
            from .files import read_regular

            try:  # never a pipe or a device: a diagnostic may name one
                raw = read_regular(self.root / path)
                # lines as the loader counts them (LF, CRLF, CR): not str.splitlines, which also
                # breaks at U+2028, form feeds and more, and would show the wrong line
                self.cache[path] = re.split(r"\r\n|\r|\n", raw.decode("utf-8-sig", "replace"))
            except OSError:
                self.cache[path] = []
        lines = self.cache[path]
        return lines[number - 1] if 0 < number <= len(lines) else None


def format_text(report: Report, root: Path) -> str:
    sources = _Sources(root)
    out: list[str] = []
    for d in report.sorted():
        out.append(f"{safe(str(d.location))}: {d.severity}[{d.code}]: {safe(d.message)}")
        src = sources.line(d.location.path, d.location.line)
        if src is not None:
            gutter = str(d.location.line)
            shown = src if len(src) <= 200 else src[:200] + "…"
            out.append(f"{' ' * len(gutter)} |")
            out.append(f"{gutter} | {_safe_excerpt(shown)}")
            caret_at = min(d.location.column - 1, 200)
            out.append(f"{' ' * len(gutter)} | {' ' * caret_at}^")
        if d.hint:
            out.append(f"  = hint: {safe(d.hint)}")
        out.append("")
    out.append(_summary_line(report))
    return "\n".join(out) + "\n"


def _as_dict(d: Diagnostic) -> dict[str, object]:
    item: dict[str, object] = {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "path": d.location.path,
        "line": d.location.line,
        "column": d.location.column,
    }
    if d.hint:
        item["hint"] = d.hint
    return item


def format_json(report: Report, root: Path) -> str:
    payload = {
        "version": 1,
        "diagnostics": [_as_dict(d) for d in report.sorted()],
        "summary": {"errors": report.errors, "warnings": report.warnings, "files": report.files},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _github_escape(value: str, *, prop: bool = False) -> str:
    # GitHub's workflow-command escaping; properties also escape ':' and ','
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return safe(value)


def format_github(report: Report, root: Path) -> str:
    lines = []
    for d in report.sorted():
        level = "error" if d.severity is Severity.ERROR else "warning"
        message = d.message + (f" ({d.hint})" if d.hint else "")
        props = (
            f"file={_github_escape(d.location.path, prop=True)},line={d.location.line},"
            f"col={d.location.column},title={_github_escape(d.code, prop=True)}"
        )
        lines.append(f"::{level} {props}::{_github_escape(message)}")
    lines.append(_summary_line(report))
    return "\n".join(lines) + "\n"


def format_sarif(report: Report, root: Path) -> str:
    from .rules import load_all

    rules = load_all()
    used = sorted({d.code for d in report.diagnostics})
    driver_rules = [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": rules[code].title if code in rules else code},
            "fullDescription": {"text": rules[code].doc if code in rules and rules[code].doc else code},
            "defaultConfiguration": {"level": rules[code].severity.value if code in rules else "error"},
        }
        for code in used
    ]
    index = {code: i for i, code in enumerate(used)}
    results = []
    for d in report.sorted():
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": "error" if d.severity is Severity.ERROR else "warning",
            "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.location.path, "uriBaseId": "PROJECTROOT"},
                        "region": {"startLine": d.location.line, "startColumn": d.location.column},
                    }
                }
            ],
        }
        results.append(result)
    from . import __version__

    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mopsdocs",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": driver_rules,
                    }
                },
                "originalUriBaseIds": {"PROJECTROOT": {"uri": root.resolve().as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


FORMATTERS: dict[str, Callable[[Report, Path], str]] = {
    "text": format_text,
    "concise": format_concise,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}


def pick_format(name: str) -> str:
    """`auto`: GitHub annotations inside GitHub Actions, else text."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
