"""JSON exports with positions: the records of one response, a list of responses, or a bare list.

`json.load` gives no positions and a position-keeping parser written in Python is many times
slower. The records are decoded one at a time with the C decoder (`raw_decode` from each
record's offset), so each record's place is known for the price of `json.load`; the place of
a key inside a record is found by searching its text (`key_offset`), checked so that it can
only be that record's own key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_FIRST_KEY = re.compile(r'\{[ \t\n\r]*"([^"\\]{1,40})"')
# Keys that make an object an API response rather than a record (Marketo, HubSpot v3/v4)
RESPONSE_KEYS = frozenset(
    {"requestId", "success", "result", "errors", "warnings", "moreResult", "nextPageToken", "results", "paging"}
    | {"workflows"}  # HubSpot's legacy v3 workflows list
)
LIST_KEYS = ("result", "results", "workflows")  # where a response keeps its records


class JsonProblem(Exception):
    """Not JSON, or JSON in no shape an export has; `offset` is where (a character index)."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass
class Record:
    data: dict[str, Any]
    start: int  # offset of its `{`
    end: int  # offset just past its `}`


@dataclass
class Scanned:
    records: list[Record] = field(default_factory=list)  # without a sink: every record
    shape: str = "list"  # response | pages | list | object
    responses: int = 0
    errors: list[str] = field(default_factory=list)  # what error responses said: "601 Access token invalid"
    sink: Callable[[Record], None] | None = None  # given: each record goes there, in order, and is not kept
    count: int = 0

    def add(self, record: Record) -> None:
        self.count += 1
        if self.sink is not None:
            self.sink(record)
        else:
            self.records.append(record)


def scan(text: str, sink: Callable[[Record], None] | None = None) -> Scanned:
    """Every record of a JSON export, with its offsets: kept, or handed to `sink` one by one (so
    that a caller turning records into something smaller never holds them all)."""
    at = _skip(text, 0)
    if at >= len(text):
        raise JsonProblem("the file is empty")
    if text[at] not in "{[":
        raise JsonProblem("the file is not JSON (it does not start with { or [)", at)
    out = Scanned(sink=sink)
    if text[at] == "{":
        end = _object_or_response(text, at, out, top=True)
    else:
        kinds: set[str] = set()
        end = _walk_list(text, at, lambda start: _element(text, start, out, kinds))
        if len(kinds) > 1:
            raise JsonProblem("a list mixes API responses and bare records", at)
        out.shape = "pages" if "page" in kinds else "list"
    tail = _skip(text, end)
    if tail < len(text):
        raise JsonProblem("there is more after the JSON value (two documents in one file?)", tail)
    return out


def _element(text: str, start: int, out: Scanned, kinds: set[str]) -> int:
    if text[start] != "{":
        _, end = _decode(text, start)
        raise JsonProblem("a list holds something other than objects", start)
    before = out.responses
    end = _object_or_response(text, start, out, top=False)
    kinds.add("page" if out.responses > before else "record")
    return end


def _object_or_response(text: str, at: int, out: Scanned, *, top: bool) -> int:
    if not _looks_like_response(text, at):
        data, end = _decode(text, at)
        if not _has_list(data) and not (isinstance(data, dict) and "errors" in data and "success" in data):
            out.add(Record(data, at, end))
            if top:
                out.shape = "object"
            return end
    # a response: its members one by one, its list of records element by element
    out.responses += 1
    if top:
        out.shape = "response"
    return _response(text, at, out)


def _response(text: str, at: int, out: Scanned) -> int:
    i = _skip(text, at + 1)
    if text.startswith("}", i):
        return i + 1
    while True:
        key, i = _decode(text, i)
        if not isinstance(key, str):
            raise JsonProblem("expected a key", i)
        i = _skip(text, i)
        if not text.startswith(":", i):
            raise JsonProblem("expected ':' after a key", i)
        i = _skip(text, i + 1)
        if key in LIST_KEYS and text.startswith("[", i):
            i = _walk_list(text, i, lambda start: _record(text, start, out))
        else:
            value, i = _decode(text, i)
            if key == "errors" and isinstance(value, list):
                out.errors.extend(_error_text(e) for e in value)
        i = _skip(text, i)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
            continue
        if text.startswith("}", i):
            return i + 1
        raise JsonProblem("expected ',' or '}' in an object", i)


def _record(text: str, start: int, out: Scanned) -> int:
    data, end = _decode(text, start)
    if not isinstance(data, dict):
        raise JsonProblem("a list of results holds something other than objects", start)
    out.add(Record(data, start, end))
    return end


def _walk_list(text: str, at: int, each: Callable[[int], int]) -> int:
    """Call `each` with the offset of every element of the list at `at`; the list's end."""
    i = _skip(text, at + 1)
    if text.startswith("]", i):
        return i + 1
    while True:
        if i >= len(text):
            raise JsonProblem("the file ends inside a list", i)
        i = _skip(text, each(i))
        if text.startswith(",", i):
            i = _skip(text, i + 1)
            continue
        if text.startswith("]", i):
            return i + 1
        raise JsonProblem("expected ',' or ']' in a list", i)


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _decode(text: str, at: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, at)
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"the file is not valid JSON: {exc.msg}", exc.pos) from None
    except RecursionError:
        raise JsonProblem("the file is nested too deeply to be an export", at) from None


def _looks_like_response(text: str, at: int) -> bool:
    match = _FIRST_KEY.match(text, at)
    return bool(match and match.group(1) in RESPONSE_KEYS)


def _has_list(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and bool(RESPONSE_KEYS & data.keys())
        and any(isinstance(data.get(k), list) for k in LIST_KEYS)
    )


def _error_text(error: Any) -> str:
    if isinstance(error, dict):
        return " ".join(str(error[k]) for k in ("code", "message") if error.get(k) is not None) or "an error"
    return str(error)


def key_offset(text: str, record: Record, key: str) -> int:
    """Where `record`'s own key `key` is written, or the record's `{` when it cannot be sure.

    Sure means: the first `"key"` in the record's text, followed by a colon, with no `{`, `[`
    or other quoted `"key"` before it inside the record (so not a nested object's key).
    """
    needle = f'"{key}"'
    found = text.find(needle, record.start + 1, record.end)
    if found < 0:
        return record.start
    if text.find("{", record.start + 1, found) >= 0 or text.find("[", record.start + 1, found) >= 0:
        return record.start
    after = _skip(text, found + len(needle))
    return found if text.startswith(":", after) else record.start


def list_offsets(text: str, record: Record, key: str) -> list[int] | None:
    """Offsets of the elements of `record`'s own list `key` (a channel's statuses, a property's
    options), found by reading the record's members one by one; None when it is not a list."""
    i = _skip(text, record.start + 1)
    try:
        while i < record.end and not text.startswith("}", i):
            name, i = _decode(text, i)
            i = _skip(text, _skip(text, i) + 1)  # past ':'
            if name == key and text.startswith("[", i):
                offsets: list[int] = []
                _walk_list(text, i, partial(_noted, text, found=offsets))
                return offsets
            _, i = _decode(text, i)
            i = _skip(text, i)
            if text.startswith(",", i):
                i = _skip(text, i + 1)
    except JsonProblem:
        return None
    return None


def _noted(text: str, start: int, *, found: list[int]) -> int:
    found.append(start)
    return _decode(text, start)[1]


def record_at(text: str, offset: int) -> Record:
    """The object starting at `offset` (a nested one: a status, an option), as a `Record`."""
    data, end = _decode(text, offset)
    return Record(data if isinstance(data, dict) else {}, offset, end)


class Lines:
    """Offsets to 1-based (line, column), for offsets asked in increasing order (fast) or not."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._offset = 0
        self._line = 1
        self._line_start = 0

    def at(self, offset: int) -> tuple[int, int]:
        if offset < self._offset:
            self._offset, self._line, self._line_start = 0, 1, 0
        newlines = self.text.count("\n", self._offset, offset)
        if newlines:
            self._line += newlines
            self._line_start = self.text.rfind("\n", self._offset, offset) + 1
        self._offset = offset
        return self._line, offset - self._line_start + 1
