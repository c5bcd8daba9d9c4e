"""YAML loading for `check`: plain data plus the position of every key and value.

Why not ruamel round-trip: it costs ~25x more than libyaml's event stream (benchmarks/). We walk
libyaml's events (through PyYAML's C binding) with an iterative composer, so that:
- every key and value keeps its 1-based line and column;
- anchors, aliases, merge keys and non-core tags are reported (YAML003) and never expanded or
  constructed: an alias bomb costs nothing, a `!!python/object` tag runs nothing;
- plain scalars resolve by the YAML 1.2 core schema (`NO`, `on`, `2021-11-02` stay strings);
- nesting depth, file size and document count are capped (LIMIT001), and no recursion happens.
A syntax error ends the file, but the documents completed before it are still checked; what is
cut off is `LoadedFile.unparsed` (so references into it are not reported as unknown).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.parser import Parser as _PyParser
from yaml.reader import Reader
from yaml.scanner import Scanner

from . import yaml_strict
from .diagnostics import Diagnostic, Location, Severity


class _PurePythonParser(Reader, Scanner, _PyParser):  # type: ignore[misc]  # PyYAML is untyped
    """PyYAML's pure-Python parser: the same events as libyaml's, slower, and with no nesting cap."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        _PyParser.__init__(self)


try:  # libyaml's parser
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    _Parser = _PurePythonParser

# libyaml 0.2.6 (PyYAML 6.0.4's wheels) stops at 1000 levels with this problem; its scanner looks up
# to 1024 characters ahead for a simple key, so in `[[[[...` it stops before our composer sees
# level `max_depth` (LIMIT001). Such a file is read again with the pure-Python parser.
_LIBYAML_NESTING = "maximum nesting depth"


KeyPath = tuple[Any, ...]  # a path of keys and list indexes inside a YAML document


@dataclass(frozen=True)
class Limits:
    """Caps that protect the user's machine; real projects never meet the defaults."""

    max_file_bytes: int = 10_000_000
    max_documents: int = 10_000
    max_depth: int = 100


@dataclass
class Document:
    """One YAML document: its data and where each key and value stands in the file."""

    path: str  # relative to the project root, '/' separators
    index: int
    data: Any
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    poisoned: set[KeyPath] = field(default_factory=set)  # already reported at YAML level
    # how values were written, for hints that depend on it: `[...]` lists and quoted scalars
    flow: set[KeyPath] = field(default_factory=set)
    quoted: set[KeyPath] = field(default_factory=set)
    # filled by validation: values cut out after a schema error, and entities dropped whole
    pruned: set[KeyPath] = field(default_factory=set)
    dropped: list[tuple[KeyPath, Any]] = field(default_factory=list)
    # the document a syntax error cut short: `data` is what was read before the error (or None when
    # more documents may follow, so any kind may be lost), the root position is the error's
    unparsed: bool = False

    def locate(self, path: KeyPath = (), *, key: bool = False) -> Location:
        """The most specific known position for `path` (its key when `key`, else its value)."""
        p = tuple(path)
        while True:
            if key and p in self.keys:
                return Location(self.path, *self.keys[p])
            if p in self.values:
                return Location(self.path, *self.values[p])
            if not p:
                return Location(self.path, 1, 1)
            p = p[:-1]

    def had_error(self, path: KeyPath) -> bool:
        """Whether validation cut out `path` or something inside it (so rules stay silent on it)."""
        p = tuple(path)
        return any(q[: len(p)] == p for q in self.pruned)

    def is_poisoned(self, path: KeyPath) -> bool:
        return any(tuple(path[: i + 1]) in self.poisoned for i in range(len(path))) or () in self.poisoned


@dataclass
class LoadedFile:
    path: str
    documents: list[Document]
    diagnostics: list[Diagnostic]
    unparsed: Document | None = None  # the rest of the file after an error that stopped reading


def _diag(code: str, message: str, loc: Location, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, loc, hint)


# --------------------------------------------------------------------------- decoding

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def decode(raw: bytes, rel: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text (BOM dropped, CRLF kept for libyaml) or a located YAML004."""
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            return None, _diag(
                "YAML004", f"file is {name}-encoded, not UTF-8", Location(rel, 1, 1), "save the file as UTF-8"
            )
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        return None, _diag(
            "YAML004",
            f"file is not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded",
            Location(rel, line, column),
            "save the file as UTF-8 (in most editors: 'Save with encoding')",
        )


# --------------------------------------------------------------------------- scalars

_CORE = "tag:yaml.org,2002:"
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
_NUMBER_START = frozenset("0123456789+-.")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def resolve_plain(value: str) -> Any:
    """A plain (unquoted, untagged) scalar by the YAML 1.2 core schema."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[0] not in _NUMBER_START:
        return value
    try:
        if _INT.match(value):
            return int(value)
        if value.startswith("0o") and len(value) > 2:
            return int(value[2:], 8)
        if value.startswith("0x") and len(value) > 2:
            return int(value[2:], 16)
        if _FLOAT.match(value):
            return float(value)
        if value.lower() in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[value.lower()]
    except ValueError:  # e.g. an int of more digits than Python converts
        return value
    return value


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}


def _tagged(tag: str, value: str) -> tuple[bool, Any]:
    """Apply an explicit core tag; (False, None) when the value does not fit it."""
    kind = tag[len(_CORE) :]
    if kind == "str":
        return True, value
    resolved = resolve_plain(value) if value else None
    want = _TAG_TYPES.get(kind)
    if want is None or (isinstance(resolved, bool) and kind != "bool"):
        return False, None
    if isinstance(resolved, want):
        return True, float(resolved) if kind == "float" and isinstance(resolved, (int, float)) else resolved
    return False, None


_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null")}
_TAG_SHORT = re.compile(r"^tag:yaml\.org,2002:")


def _show_tag(tag: str) -> str:
    return _TAG_SHORT.sub("!!", tag)


# --------------------------------------------------------------------------- composing


class _Frame:
    __slots__ = ("bad_tag", "container", "discard", "is_key", "key", "key_pos", "path", "start")

    def __init__(
        self, container: Any, path: KeyPath, start: tuple[int, int], bad_tag: bool, discard: bool, is_key: bool = False
    ):
        self.is_key = is_key  # a mapping or list used as a key: reported, then dropped with its value
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.key_pos = (1, 1)
        self.bad_tag = bad_tag
        self.discard = discard
        self.start = start


_NO_KEY = object()
_SKIP = object()  # a key that was reported (non-string, complex, merge): its value is dropped

_SCALAR = yaml.ScalarEvent
_MAP_START = yaml.MappingStartEvent
_SEQ_START = yaml.SequenceStartEvent
_MAP_END = yaml.MappingEndEvent
_SEQ_END = yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_DOC_START = yaml.DocumentStartEvent
_DOC_END = yaml.DocumentEndEvent


class _Composer:
    def __init__(self, rel: str, limits: Limits) -> None:
        self.rel = rel
        self.limits = limits
        self.diags: list[Diagnostic] = []
        self.docs: list[Document] = []
        self.doc: Document | None = None
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.ended = False  # the stream's end was reached: nothing was cut off

    def report(self, code: str, message: str, pos: tuple[int, int], hint: str | None = None) -> None:
        self.diags.append(_diag(code, message, Location(self.rel, *pos), hint))

    # -- the event loop
    def run(self, text: str, parser_class: Any = _Parser) -> None:
        self.text = text
        self.ended = False
        self._starts: list[int] | None = None
        # libyaml also breaks lines at NEL, U+2028 and U+2029; editors and GitHub do not. Then
        # positions are recomputed from the character index, counting LF, CRLF and CR only.
        self.own_lines = "\x85" in text or "\u2028" in text or "\u2029" in text
        parser = None
        try:
            parser = yaml_strict.guard(parser_class(text), text, self.report)  # what libyaml lets through
            while True:
                event = parser.get_event()
                if event is None or isinstance(event, yaml.StreamEndEvent):
                    self.ended = event is not None
                    break
                if not self.feed(event):
                    break
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_NESTING in (exc.problem or "") and parser_class is not _PurePythonParser:
                self.diags, self.docs, self.doc, self.stack, self.root = [], [], None, [], None
                self.run(text, _PurePythonParser)  # the same events without libyaml's cap: LIMIT001
            else:
                self.syntax_error(exc)
        except yaml.reader.ReaderError as exc:  # carries a character offset, not a mark
            self.report(
                "YAML001",
                f"control character U+{exc.character:04X} is not allowed",
                self.position_of(exc.position),
                "remove the invisible control character (often pasted from a document)",
            )
        except yaml.YAMLError as exc:
            self.report("YAML001", f"YAML syntax error: {exc}", (1, 1))
        finally:
            dispose = getattr(parser, "dispose", None) if parser is not None else None
            if dispose:
                dispose()

    def syntax_error(self, exc: yaml.MarkedYAMLError) -> None:
        """A libyaml error as a YAML001 where the mistake is, with the fix in the user's terms."""
        mark = exc.problem_mark or exc.context_mark
        pos = self.mark_position(mark) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        message = f"YAML syntax error: {problem}"
        if exc.context:
            message += f" ({exc.context})"
        hint = None
        # libyaml reports an unclosed quote where it gave up (often lines later): point at the quote
        opened = _unclosed_quote(self.text, self.line_starts(), pos)
        if self.char_at(pos) == "\t" and "tab" not in problem:
            message = "YAML syntax error: a tab character where YAML does not allow one"
        if opened is not None:
            quote_pos, quote, first_line = opened
            shown = first_line if len(first_line) <= 40 else first_line[:40] + "…"
            message = f"YAML syntax error: the quote {quote} opened here is not closed on its line"
            hint = f"close the quote where the value ends: {quote}{shown}{quote}"
            pos = quote_pos
        elif self.char_at(pos) == "\t" or "'\\t'" in problem or "tab" in problem.lower():
            hint = "indent with spaces: YAML does not allow tabs for indentation"
        elif "control characters" in problem or "special characters" in problem:
            hint = "remove the invisible control character (often pasted from a document)"
        elif "mapping values are not allowed" in problem:
            message = "YAML syntax error: ': ' inside a value that is not quoted"
            hint = _quote_hint(self.line_text(pos[0]), pos[1])
        self.report("YAML001", message, pos, hint)

    def line_text(self, line: int) -> str:
        starts = self.line_starts()
        if not 0 < line <= len(starts):
            return ""
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[starts[line - 1] : end].rstrip("\r\n")

    def line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        return self._starts

    def char_at(self, pos: tuple[int, int]) -> str:
        starts = self.line_starts()
        if not 0 < pos[0] <= len(starts):
            return ""
        index = starts[pos[0] - 1] + pos[1] - 1
        end = starts[pos[0]] if pos[0] < len(starts) else len(self.text)
        return self.text[index] if index < end else ""

    def position_of(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character index (lines end at LF, CRLF or CR)."""
        starts = self.line_starts()
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def mark_position(self, mark: Any) -> tuple[int, int]:
        if self.own_lines:
            return self.position_of(mark.index)
        return mark.line + 1, mark.column + 1

    def cut_off(self) -> Document | None:
        """What an error that stopped reading left unread, as an `unparsed` document (None: nothing)."""
        if self.ended or not self.diags:
            return None
        pos = self.diags[-1].location.line, self.diags[-1].location.column
        partial = None
        if self.doc is not None:
            partial = self.stack[0].container if self.stack else self.root
        starts = self.line_starts()
        offset = starts[pos[0] - 1] + pos[1] - 1 if 0 < pos[0] <= len(starts) else 0
        if re.search(r"^---", self.text[offset:], re.MULTILINE):
            partial = None  # more documents after the error: of any kind
        doc = Document(self.rel, len(self.docs), partial, unparsed=True)
        doc.values[()] = pos
        return doc

    def feed(self, event: Any) -> bool:
        cls = event.__class__
        mark = event.start_mark
        pos = self.position_of(mark.index) if self.own_lines else (mark.line + 1, mark.column + 1)
        if cls is _SCALAR:
            self.scalar(event, pos)
        elif cls is _MAP_START or cls is _SEQ_START:
            return self.start(event, pos, {} if cls is _MAP_START else [])
        elif cls is _MAP_END or cls is _SEQ_END:
            self.end()
        elif cls is _ALIAS:
            self.report(
                "YAML003",
                f"alias '*{event.anchor}' is not allowed",
                pos,
                "write the value out in full: specs do not use anchors or aliases",
            )
            self.place(None, pos, poison=True)
        elif cls is _DOC_START:
            if len(self.docs) >= self.limits.max_documents:
                self.report(
                    "LIMIT001",
                    f"more than {self.limits.max_documents} documents in one file",
                    pos,
                    "split the file, or raise the limit `max_documents`",
                )
                return False
            self.doc = Document(self.rel, len(self.docs), None)
            self.root = None
        elif cls is _DOC_END:
            assert self.doc is not None
            self.doc.data = self.root
            self.docs.append(self.doc)
            self.doc = None
        return True

    def check_anchor(self, event: Any, pos: tuple[int, int]) -> None:
        if event.anchor is not None:
            self.report(
                "YAML003",
                f"anchor '&{event.anchor}' is not allowed",
                pos,
                "write values out in full: specs do not use anchors or aliases",
            )

    def scalar(self, event: Any, pos: tuple[int, int]) -> None:
        self.check_anchor(event, pos)
        tag, value = event.tag, event.value
        poison = False
        if tag is None or tag == "!":
            result = resolve_plain(value) if event.implicit[0] and not event.style else value
        elif tag in _SCALAR_TAGS:
            ok, result = _tagged(tag, value)
            if not ok:
                self.report("YAML003", f"'{value[:40]}' is not a valid {_show_tag(tag)}", pos)
                poison = True
        else:
            self.report(
                "YAML003",
                f"tag '{_show_tag(tag)}' is not allowed",
                pos,
                "specs are plain data: remove the tag",
            )
            result, poison = None, True
        self.place(result, pos, poison=poison, quoted=event.style in ("'", '"'))

    def start(self, event: Any, pos: tuple[int, int], container: Any) -> bool:
        self.check_anchor(event, pos)
        if len(self.stack) >= self.limits.max_depth:
            self.report(
                "LIMIT001",
                f"nesting deeper than {self.limits.max_depth} levels",
                pos,
                "specs never nest this deep; raise the limit `max_depth` if this is intended",
            )
            if self.doc is not None:
                self.doc.poisoned.add(())
                self.doc.data = None
                self.docs.append(self.doc)
                self.doc = None
            return False
        tag = event.tag
        bad_tag = tag is not None and tag != "!" and tag not in (_CORE + "map", _CORE + "seq")
        if bad_tag:
            self.report(
                "YAML003", f"tag '{_show_tag(tag)}' is not allowed", pos, "specs are plain data: remove the tag"
            )
        parent = self.stack[-1] if self.stack else None
        is_key = parent is not None and isinstance(parent.container, dict) and parent.key is _NO_KEY
        discard = parent is not None and (parent.discard or is_key or parent.key is _SKIP)
        if is_key:
            assert parent is not None
            if not parent.discard:
                self.report(
                    "SPEC004", "a key must be a plain string, not a mapping or list", pos, "write the key as text"
                )
            parent.key = _SKIP
            parent.key_pos = pos
        path = self.child_path(parent) if parent is not None and not discard else ()
        if event.flow_style and self.doc is not None and not discard:
            self.doc.flow.add(path)
        self.stack.append(_Frame(container, path, pos, bad_tag, discard, is_key))
        return True

    def end(self) -> None:
        frame = self.stack.pop()
        value = None if frame.bad_tag else frame.container
        if not self.stack:
            self.set_root(value, frame.start, frame.bad_tag)
            return
        if frame.is_key:  # the complex key ended; the value that follows is dropped with it
            return
        self.place(value, frame.start, poison=frame.bad_tag)

    def child_path(self, parent: _Frame) -> KeyPath:
        if isinstance(parent.container, list):
            return parent.path + (len(parent.container),)
        return parent.path + (parent.key,)

    def set_root(self, value: Any, pos: tuple[int, int], poison: bool) -> None:
        self.root = value
        if self.doc is not None:
            self.doc.values[()] = pos
            if poison:
                self.doc.poisoned.add(())

    def place(self, value: Any, pos: tuple[int, int], *, poison: bool, quoted: bool = False) -> None:
        """Put a finished value (or a key) into the container on top of the stack."""
        if not self.stack:
            self.set_root(value, pos, poison)
            return
        frame = self.stack[-1]
        container = frame.container
        doc = self.doc
        if isinstance(container, list):
            if not frame.discard and doc is not None:
                path = frame.path + (len(container),)
                doc.values[path] = pos
                if poison:
                    doc.poisoned.add(path)
                if quoted:
                    doc.quoted.add(path)
            container.append(value)
            return
        if frame.key is _NO_KEY:  # this value is a key
            frame.key_pos = pos
            if frame.discard:
                frame.key = _SKIP
            elif not isinstance(value, str):
                shown = "null" if value is None else repr(value) if not isinstance(value, bool) else str(value).lower()
                if not poison:
                    self.report("SPEC004", f"key {shown} is not a string", pos, "quote the key")
                frame.key = _SKIP
            elif value == "<<" and not poison:
                self.report("YAML003", "merge keys ('<<') are not allowed", pos, "write the keys out in full")
                frame.key = _SKIP
                if doc is not None:  # its keys are missing: say nothing more about this mapping
                    doc.poisoned.add(frame.path)
            else:
                frame.key = value
            return
        key, frame.key = frame.key, _NO_KEY
        if key is _SKIP or frame.discard or doc is None:
            return
        path = frame.path + (key,)
        if key in container:
            first = doc.keys.get(path, (0, 0))[0]
            self.report(
                "YAML002",
                f"duplicate key '{key}' (first defined on line {first})",
                frame.key_pos,
                "remove one of the two; YAML keeps only one value",
            )
            return
        container[key] = value
        doc.keys[path] = frame.key_pos
        doc.values[path] = pos
        if poison:
            doc.poisoned.add(path)
        if quoted:
            doc.quoted.add(path)


_KEY_THEN_VALUE = re.compile(r"^(\s*(?:-\s+)*[^\s#'\"{}\[\],][^:#]*?):[ \t]+(\S.*?)\s*$")


def _quote_hint(line: str, column: int) -> str:
    """`definition: Note: a person` -> quote the value, showing the quoted form when it is short."""
    match = _KEY_THEN_VALUE.match(line)
    if match is None or match.end(1) >= column - 1:
        return "quote the value: ': ' inside a plain value starts a new key"
    key, value = match.group(1).strip(), match.group(2)
    value = re.sub(r"\s+#.*$", "", value)  # a comment is not part of the value
    if len(value) > 60:
        return 'quote the value: put it in double quotes "..."'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'quote the value: {key}: "{escaped}"'


_QUOTE_OPENS = frozenset(" \t[{,:-?")  # a quote right after one of these (or a line start) opens a value
# what ends each state of the scan: outside quotes, inside "..." and inside '...'
_NEXT_IN_QUOTE = {"": re.compile("[\"'#]"), '"': re.compile('["\\\\]'), "'": re.compile("'")}


def _unclosed_quote(text: str, starts: list[int], pos: tuple[int, int]) -> tuple[tuple[int, int], str, str] | None:
    """The opening quote of a quoted value that runs past its line up to the error (or never closes).

    A light scan of the text before the error: comments skipped, `\\"` and `''` escapes kept in the
    quote. Quoted values may span lines in YAML, so this only names one when the parser failed
    at or after the quote's end: then the quote is the likely mistake.
    """
    line = min(max(pos[0], 1), len(starts))
    error_at = min(starts[line - 1] + pos[1] - 1, len(text))
    i, quote, opened_at, closed_at = 0, "", -1, -1
    while True:
        found = _NEXT_IN_QUOTE[quote].search(text, i, error_at)
        if found is None:
            break
        i, ch = found.start(), found.group()
        if quote:
            if ch == "\\" or (quote == "'" and text[i + 1 : i + 2] == "'"):  # an escape: \" or ''
                i += 2
            else:
                quote, closed_at = "", i
                i += 1
            continue
        if ch == "#" and (i == 0 or text[i - 1] in " \t\r\n"):
            newline = text.find("\n", i, error_at)
            if newline < 0:
                break
            i = newline
            continue
        if ch != "#" and (i == 0 or text[i - 1] in _QUOTE_OPENS or text[i - 1] in "\r\n"):
            quote, opened_at = ch, i
        i += 1
    if opened_at < 0:
        return None
    opened_line = bisect.bisect_right(starts, opened_at)
    # still open at the error, or closed on the error's line after starting on an earlier one
    if quote == "" and (bisect.bisect_right(starts, closed_at) != line or opened_line >= line):
        return None
    end_of_line = starts[opened_line] if opened_line < len(starts) else len(text)
    spans = "\n" in text[opened_at:error_at] or "\r" in text[opened_at:error_at]
    if not spans:
        return None
    first_line = text[opened_at + 1 : end_of_line].rstrip("\r\n").rstrip().rstrip(",]}").rstrip()
    return (opened_line, opened_at - starts[opened_line - 1] + 1), text[opened_at], first_line


def load_text(text: str, rel: str, limits: Limits = Limits()) -> LoadedFile:
    composer = _Composer(rel, limits)
    composer.run(text)
    return LoadedFile(rel, composer.docs, composer.diags, composer.cut_off())


def load_file(abspath: str, rel: str, limits: Limits = Limits()) -> LoadedFile:
    """Read, decode and compose one spec file; never raises for bad input, never blocks on a pipe."""
    from .files import FileTooBig, NotRegularFile, read_regular

    try:
        raw = read_regular(abspath, limits.max_file_bytes)
    except FileTooBig as exc:
        return LoadedFile(
            rel,
            [],
            [
                _diag(
                    "LIMIT001",
                    f"file is {exc.size:,} bytes, more than the limit of {limits.max_file_bytes:,}",
                    Location(rel, 1, 1),
                    "split the file, or raise the limit `max_file_bytes`",
                )
            ],
        )
    except NotRegularFile:
        return LoadedFile(
            rel,
            [],
            [
                _diag(
                    "FILE001",
                    "not a regular file (a pipe, socket or device)",
                    Location(rel, 1, 1),
                    "specs must be ordinary files: remove or rename it",
                )
            ],
        )
    except OSError as exc:
        return LoadedFile(
            rel,
            [],
            [
                _diag(
                    "FILE001",
                    f"cannot read file: {exc.strerror or exc}",
                    Location(rel, 1, 1),
                    "check the file's permissions and that links point to a file",
                )
            ],
        )
    text, problem = decode(raw, rel)
    if problem is not None:  # nothing could be read: the whole file is unparsed
        unread = Document(rel, 0, None, unparsed=True)
        unread.values[()] = problem.location.line, problem.location.column
        return LoadedFile(rel, [], [problem], unread)
    assert text is not None
    return load_text(text, rel, limits)
