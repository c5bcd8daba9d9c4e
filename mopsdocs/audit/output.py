"""The audit's report in check's formats (text, concise, json, github, sarif) plus markdown.

The diagnostic formats are check's own (`mopsdocs.report`); the summary line counts export
files. `markdown` is for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the counts by rule,
then a table of every finding.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Report
from ..report import FORMATTERS, safe
from ..rule_catalogue import RULES
from .run import AuditResult


def summary_line(result: AuditResult) -> str:
    e = sum(1 for d in result.diagnostics if d.severity.value == "error")
    w = len(result.diagnostics) - e
    n = len(result.exports.files)
    files = f"{n} export file{'s' if n != 1 else ''}"
    if not e and not w:
        return f"All audit checks passed ({files})."
    return f"Found {e} error{'s' if e != 1 else ''} and {w} warning{'s' if w != 1 else ''} in {files}."


def render(fmt: str, result: AuditResult, root: Path) -> str:
    if fmt == "markdown":
        return markdown(result)
    report = Report(list(result.diagnostics), len(result.exports.files))
    text = FORMATTERS[fmt](report, root)
    if fmt in ("text", "concise"):
        body = text[: text.rstrip("\n").rfind("\n") + 1] if "\n" in text.rstrip("\n") else ""
        return body + summary_line(result) + "\n"
    return text


def _cell(value: str) -> str:
    return safe(value).replace("|", "\\|").replace("\n", " ")


def markdown(result: AuditResult) -> str:
    lines = ["## mopsdocs audit", "", summary_line(result), ""]
    if result.exports.files:
        lines += ["| export | type | records | newest |", "|---|---|---:|---|"]
        for f in result.exports.files:
            newest = f.newest.date().isoformat() if f.newest else ""
            lines.append(f"| `{_cell(f.path)}` | {f.type} | {f.records} | {newest} |")
        lines.append("")
    if result.diagnostics:
        counts: dict[str, int] = {}
        for d in result.diagnostics:
            counts[d.code] = counts.get(d.code, 0) + 1
        lines += ["| rule | count | what |", "|---|---:|---|"]
        for code in sorted(counts, key=lambda c: list(RULES).index(c) if c in RULES else len(RULES)):
            title = RULES[code].title if code in RULES else ""
            lines.append(f"| {code} | {counts[code]} | {_cell(title)} |")
        lines += ["", "| where | rule | finding |", "|---|---|---|"]
        for d in result.diagnostics:
            hint = f" ({_cell(d.hint)})" if d.hint else ""
            lines.append(f"| `{_cell(str(d.location))}` | {d.severity.value} {d.code} | {_cell(d.message)}{hint} |")
    return "\n".join(lines) + "\n"
