"""YAML 1.2 rules that libyaml does not enforce, checked without slowing the common case.

libyaml accepts a few inputs that YAML 1.2 (and the YAML test suite) rejects:
- a comment glued to a token: `"quoted"#c`, `[a]#c`, `[a,#c`, `>#c`, `%YAML 1.2#c` (a comment
  needs whitespace before it; `key: value#c` is fine: there `#c` is part of the plain scalar);
- a directive (`%YAML`, `%TAG`) after a document's content or `---` without a `...` first;
- continuation lines of a flow collection or of a quoted scalar inside block context that are not
  indented more than the block node that holds them (a tab is not indentation);
- `-` alone as a plain scalar inside a flow collection (`[-]`, `[-, -]`);
- blank lines at the start of a block scalar holding more spaces than its first line (libyaml
  then ends the scalar, and a `# heading` line after them silently becomes a comment).

Cost: `guard` first runs a few regexes over the text (in C). Only when one finds a candidate (a
line that may open a multi-line flow collection or quoted scalar, a `#` right after a token, a
line starting with `%`, a lone `-`, a line of spaces after `|` or `>`) does it walk libyaml's
tokens once, in Python. When
it finds a problem, the parser is wrapped: events before the problem pass, then the problem is
reported as YAML001 and the stream ends there, as it does for a libyaml syntax error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

try:
    from yaml._yaml import CParser as _TokenParser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    _TokenParser = yaml.Loader

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Together a superset of the places where a problem can be: when none matches (the common case),
# there is no problem. Each regex starts with one character, so that the search skips ahead in C;
# all cost about 2% of loading. A line that opens a flow collection and does not close it is found
# by how it ends ('[' or '{', or ',' on a line that has one; a comment after it is missed), a quoted
# scalar that does not close on its line by its opening quote. Each false alarm costs one token pass
# (about half a load of that file), so prose lines ending in ',' are not alarms.
# a '#' right after a token (a glued comment?), or after an opening bracket and a space or two
_GLUED = re.compile(r"\#(?:(?<=[^\s\#]\#)|(?<=[\[{,][ \t]\#)|(?<=[\[{,][ \t][ \t]\#))")
_LONE_DASH = re.compile(r"-(?<=[\s\[{,]-)[ \t]*+[,\]}]")  # a lone '-' in a flow collection?
_OPENER_AT_EOL = re.compile(r"\n(?:(?<=[\[{]\n)|(?<=[\[{][ \t\r]\n))")  # one space or CR allowed before it
_COMMA_AT_EOL = re.compile(r",[ \t\r]?\n")  # a flow's first line when that line has '[' or '{'
_OPEN_DOUBLE = re.compile(r""""(?<![^\s\[{,:]")[^"\\\n]*+(?:\\[^\n][^"\\\n]*+)*+\\?\r?$""", re.MULTILINE)
_OPEN_SINGLE = re.compile(r"'(?<![^\s\[{,:]')[^'\n]*+(?:''[^'\n]*+)*+\r?$", re.MULTILINE)
# a line of spaces, checked for a block scalar's header on the line before (blank lines between)
_SPACES_LINE = re.compile(r"\n\t*+ [ \t]*+(?=\r?\n)")
_HEADER_AT_END = re.compile(r"[|>][-+]?[ \t]*+(?:\#[^\n]*+)?$")


def _has_opener(text: str, end: int) -> bool:
    line_start = text.rfind("\n", 0, end) + 1
    return text.find("[", line_start, end) >= 0 or text.find("{", line_start, end) >= 0


def _after_header(text: str, end: int) -> bool:
    while end > 0 and text[end - 1] in "\r\n":
        end -= 1
    return _HEADER_AT_END.search(text, text.rfind("\n", 0, end) + 1, end) is not None


def _candidate(text: str) -> bool:
    return bool(
        ("%" in text and (text.startswith("%") or "\n%" in text or "\r%" in text))
        or _GLUED.search(text)
        or _LONE_DASH.search(text)
        or _OPENER_AT_EOL.search(text)
        or any(_has_opener(text, m.start()) for m in _COMMA_AT_EOL.finditer(text))
        or text.rstrip(" \t\r\n")[-1:] in ("[", "{", ",")
        or _OPEN_DOUBLE.search(text)
        or _OPEN_SINGLE.search(text)
        or any(_after_header(text, m.start()) for m in _SPACES_LINE.finditer(text))
    )


_BLOCK_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")

_COMMENT_HINT = "put a space before '#': a comment must follow whitespace"


@dataclass(frozen=True)
class Problem:
    offset: int  # character index in the text
    message: str
    hint: str
    # when libyaml fails later in the file, its error wins: an under-indented line of a quoted
    # scalar is most often a quote never closed, and the loader's hint for that names the quote
    defer: bool = False


def _under_indented(text: str, start: int, end: int, indent: int, comments: bool) -> int | None:
    """Offset of the first line after the one holding `start` (up to `end`) indented <= `indent`."""
    first_break = _LINE_BREAK.search(text, start, end)
    if first_break is None:
        return None
    offset = first_break.end()
    for line in _LINE_BREAK.split(text[offset:end]):
        content = line.lstrip(" ")
        spaces = len(line) - len(content)
        stripped = content.strip(" \t")
        if stripped and spaces <= indent and not (comments and stripped.startswith("#")):
            return offset + spaces
        offset += len(line) + 1
        if offset - 1 < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            offset += 1
    return None


_EXPLICIT_INDENT = re.compile(r"[|>][-+]?[1-9]")


def _less_indented_than_blanks(text: str, start: int, indent: int) -> int | None:
    """A block scalar's first non-empty line, when the blank lines before it hold more spaces.

    YAML 1.2 forbids it; libyaml takes the blank lines' spaces as the indentation and ends the
    scalar, so a `#` line after them becomes a comment. Only the lines up to that one are read.
    """
    if _EXPLICIT_INDENT.match(text, start):
        return None
    line_break = _LINE_BREAK.search(text, start)
    if line_break is None:
        return None
    offset, most = line_break.end(), 0
    while offset < len(text):
        next_break = _LINE_BREAK.search(text, offset)
        end = next_break.start() if next_break else len(text)
        line = text[offset:end]
        content = line.lstrip(" ")
        spaces = len(line) - len(content)
        if content.strip(" \t"):
            return offset + spaces if indent < spaces < most else None
        most = max(most, spaces)
        if next_break is None:
            return None
        offset = next_break.end()
    return None


def find_problem(text: str) -> Problem | None:
    """The first YAML 1.2 error that libyaml lets through, or None (also when libyaml fails first)."""
    if not _candidate(text):
        return None
    problems: list[Problem] = []
    parser = _TokenParser(text)
    try:
        _walk(parser, text, problems)
    except yaml.YAMLError:
        pass  # libyaml's own error: the loader reports it; keep what was found before it
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()
    return min(problems, key=lambda p: p.offset) if problems else None


def _walk(parser: Any, text: str, problems: list[Problem]) -> None:
    n = len(text)
    flow_level = 0
    block_indent = -1  # column of the innermost block key or '-' (-1: top level)
    flow_start = 0
    flow_indent = -1
    in_document = False  # content or '---' seen since the stream start or the last '...'
    while True:
        token = parser.get_token()
        if token is None:
            return
        name = token.__class__.__name__
        start, end = token.start_mark.index, token.end_mark.index
        if name == "StreamEndToken":
            return
        if name == "ScalarToken":
            style = token.style
            if style == '"' or style == "'":
                if end < n and text[end] == "#":
                    problems.append(Problem(end, "a comment glued to a quoted value", _COMMENT_HINT))
                if flow_level == 0 and block_indent >= 0:
                    bad = _under_indented(text, start, end, block_indent, comments=False)
                    if bad is not None:
                        problems.append(_indent_problem(text, bad, start, block_indent, quoted=True))
            elif style == "|" or style == ">":
                header = _BLOCK_HEADER_COMMENT.match(text, start)
                if header is None:
                    bad = _less_indented_than_blanks(text, start, block_indent)
                    if bad is not None:
                        problems.append(
                            Problem(
                                bad,
                                "this line is indented less than the blank lines that start the block text above",
                                f"remove the spaces from the blank lines after the '{text[start]}' on line "
                                f"{position(text, start)[0]}: they set a deeper indentation and end the text",
                            )
                        )
                else:
                    problems.append(
                        Problem(header.end() - 1, "a comment glued to the '|' or '>' of a block text", _COMMENT_HINT)
                    )
            elif flow_level and text[start] == "-" and (end - start == 1 or text[start + 1] in " \t\r\n,[]{}"):
                problems.append(
                    Problem(
                        start,
                        "'-' alone is not a value inside brackets",
                        "quote it as '-' if it is text: in brackets a value cannot be a bare '-'",
                    )
                )
        elif name in ("FlowSequenceStartToken", "FlowMappingStartToken"):
            if flow_level == 0:
                flow_start, flow_indent = start, block_indent
            flow_level += 1
        elif name in ("FlowSequenceEndToken", "FlowMappingEndToken"):
            flow_level = max(flow_level - 1, 0)
            if end < n and text[end] == "#":
                problems.append(Problem(end, "a comment glued to a closing bracket", _COMMENT_HINT))
            if flow_level == 0 and flow_indent >= 0:
                bad = _under_indented(text, flow_start, end, flow_indent, comments=True)
                if bad is not None:
                    problems.append(_indent_problem(text, bad, flow_start, flow_indent, quoted=False))
        elif name == "FlowEntryToken":
            if end < n and text[end] == "#":
                problems.append(Problem(end, "a comment glued to ','", _COMMENT_HINT))
        elif name in ("KeyToken", "BlockEntryToken"):
            if flow_level == 0:
                block_indent = token.start_mark.column
        elif name == "DirectiveToken":
            if in_document:
                problems.append(
                    Problem(
                        start,
                        "a directive ('%...') after a document's content",
                        "end the document with '...' before the directive, or remove the directive",
                    )
                )
            if end < n and text[end] == "#":
                problems.append(Problem(end, "a comment glued to a directive", _COMMENT_HINT))
        elif name == "DocumentEndToken":
            in_document = False
            block_indent = -1
            continue
        elif name == "DocumentStartToken":
            block_indent = -1
        if name != "StreamStartToken" and name != "DirectiveToken":
            in_document = True
        if problems and problems[0].offset < start:
            return  # the first problem is behind us: no need to read further


def _indent_problem(text: str, offset: int, opened: int, indent: int, quoted: bool) -> Problem:
    line = position(text, opened)[0]
    indent_it = (
        f"indent this line by at least {indent + 1} space{'s' if indent else ''}"
        ": more than the key or '-' that holds the value, and a tab does not count"
    )
    if quoted:
        what = "the quoted value"
        hint = f"close the quote on line {line} if the value ends there; otherwise {indent_it}"
    else:
        what = "the brackets"
        hint = f"write the whole value on line {line}, or {indent_it}"
    return Problem(offset, f"this line continues {what} opened on line {line} but is not indented enough", hint, quoted)


class _Guarded:
    """A parser that ends the event stream at `problem` and reports it there."""

    def __init__(self, parser: Any, problem: Problem, report: Callable[[Problem], None]) -> None:
        self.parser = parser
        self.problem = problem
        self.report = report
        self.done = False

    def get_event(self) -> Any:
        if self.done:
            return None
        try:
            event = self.parser.get_event()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            if self.problem.defer or (mark is not None and mark.index < self.problem.offset):
                raise
            event = None
        if event is None or event.start_mark.index >= self.problem.offset or isinstance(event, yaml.StreamEndEvent):
            self.done = True
            if self.problem.defer:  # libyaml's own error later on, if any, is raised from here
                while event is not None and not isinstance(event, yaml.StreamEndEvent):
                    event = self.parser.get_event()
            self.report(self.problem)
            return None
        return event

    def dispose(self) -> None:
        dispose = getattr(self.parser, "dispose", None)
        if dispose:
            dispose()


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character index (lines end at LF, CRLF or CR)."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text, 0, offset)]
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def guard(parser: Any, text: str, report: Callable[[str, str, tuple[int, int], str | None], None]) -> Any:
    """`parser` itself when `text` has none of these problems, else a parser that stops at the first."""
    problem = find_problem(text)
    if problem is None:
        return parser
    return _Guarded(
        parser,
        problem,
        lambda p: report("YAML001", f"YAML syntax error: {p.message}", position(text, p.offset), p.hint),
    )
