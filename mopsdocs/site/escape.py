"""Escaping spec values for the context they land in. Every value from a spec goes through one.

- `text`: plain text inside Markdown (titles, names, ids): nothing in it becomes markup.
- `cell`: the same, for a Markdown table cell (also pipes and line breaks).
- `attr`: an HTML attribute value or HTML text.
- `markdown`: a Markdown field (description, definition, ...): rendered as Markdown, but raw
  HTML is escaped unless `allow_html`, attribute lists (`{: ...}`) are disarmed, and links to
  anything but http(s), mailto, relative paths and anchors are neutralised.
- `url`: an href from a spec: only http(s)/mailto, else '#'.
DOT escaping lives with the diagram code (`mopsdocs.site.diagram`).
"""

from __future__ import annotations

import html as _html
import re

# Characters Markdown (and its extensions: attr_list, tables, emoji, macros) could read as
# syntax. Written as numeric entities they display as themselves and are never parsed.
_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()<>#+-!|~:=^$@%\"'"}
_MD_SPECIAL["&"] = "&amp;"
_TEXT_TABLE = str.maketrans(_MD_SPECIAL)
_SAFE_SCHEMES = ("http:", "https:", "mailto:")


# Runs of white space, but not the no-break spaces a locale writes inside "60 000" or "31 %":
# those must keep a number and its unit on one line.
_SPACES = re.compile(r"[^\S\xa0\u2007\u202f]+")


def _collapse(s: str) -> str:
    return _SPACES.sub(" ", s).strip(" ")


def text(value: object) -> str:
    """Inline text: every Markdown/HTML special character becomes an entity; lines are joined."""
    s = "" if value is None else str(value)
    s = _collapse(s)  # no line break can start a block (headings, lists, HTML)
    return s.translate(_TEXT_TABLE)


def cell(value: object) -> str:
    """Text for a Markdown table cell."""
    return text(value)


def attr(value: object) -> str:
    """HTML text or attribute value (quotes included; braces too, for template-running plugins)."""
    escaped = _html.escape("" if value is None else str(value), quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def url(value: object) -> str:
    """An href from a spec: allowed schemes only (the schema already enforces this)."""
    s = "" if value is None else str(value).strip()
    lowered = re.sub(r"[\x00-\x20]", "", _html.unescape(s)).lower()
    if not lowered.startswith(_SAFE_SCHEMES):
        return "#"
    return attr(s)


# a link destination, with one level of balanced parentheses (javascript:alert(1))
_LINK_DEST = re.compile(r"(\]\(\s*<?)((?:[^()\s>]|\([^()\s]*\))*)")
_REF_DEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+)", re.MULTILINE)


def _safe_dest(match: re.Match[str]) -> str:
    dest = match.group(2)
    cleaned = re.sub(r"[\x00-\x20]", "", _html.unescape(dest)).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    if scheme and f"{scheme.group(1)}:" not in _SAFE_SCHEMES:
        return match.group(1) + "#"  # the link text stays; the target goes nowhere
    return match.group(0)


# Code is shown verbatim by Markdown (HTML in it is escaped by the renderer), so it is left
# alone: `{{my.token}}` and `a < b` inside backticks or fences must read as written.
_CODE = re.compile(
    r"(^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\2[ \t]*$|(`+)(?!`).+?(?<!`)\3(?!`))", re.MULTILINE | re.DOTALL
)


def _markdown_text(s: str, allow_html: bool) -> str:
    if not allow_html:
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = s.replace("{", "&#123;").replace("}", "&#125;")  # attr_list, macros, Jinja-looking text
    s = _LINK_DEST.sub(_safe_dest, s)
    return _REF_DEF.sub(_safe_dest, s)


def markdown(value: object, *, allow_html: bool = False) -> str:
    """A Markdown field, kept as Markdown but unable to inject HTML, attributes or script links."""
    s = "" if value is None else str(value)
    out, pos = [], 0
    for match in _CODE.finditer(s):
        out.append(_markdown_text(s[pos : match.start()], allow_html))
        out.append(match.group(0))
        pos = match.end()
    out.append(_markdown_text(s[pos:], allow_html))
    return "".join(out)


def markdown_inline(value: object, *, allow_html: bool = False) -> str:
    """A Markdown field shown on one line (a table cell): emphasis and links kept, no blocks."""
    s = markdown(value, allow_html=allow_html)
    s = _collapse(s)
    return s.replace("|", "&#124;")
