"""`read_exports`: every file under the given paths, recognised by content, read into `Exports`.

One file at a time, each on its own: a file that cannot be read or recognised is one FILE001
(what was recognised, and the `exports:` entry that would map it) and the others are still
read. Folders are walked at any depth, in sorted order; in a folder only files that can be
exports are read (`.json`, `.csv`, `.tsv`, `.txt`, or no extension; hidden files skipped), a
file given by name always.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Location, Severity
from . import formats as f
from . import model as m
from .csvscan import CsvProblem, Table, read_table
from .jsonscan import JsonProblem, Lines, Record, Scanned, key_offset, list_offsets, record_at, scan
from .text import Unreadable, decode

if TYPE_CHECKING:
    from ..config import ExportEntry, Settings

EXPORT_SUFFIXES = frozenset({".json", ".csv", ".tsv", ".txt", ""})
DETECT_RECORDS = 20  # records whose keys decide a JSON file's type
Progress = Callable[[str], None]


class FileProblem(Exception):
    """One file's FILE001: its message, where, and the hint that says how to map it."""

    def __init__(self, message: str, line: int = 1, column: int = 1, hint: str | None = None) -> None:
        super().__init__(message)
        self.line, self.column, self.hint = line, column, hint


def read_exports(
    paths: Sequence[Path],
    *,
    root: Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Exports:
    """Everything in `paths` (files, or folders at any depth), in sorted order of path."""
    entries = list(settings.exports) if settings is not None else []
    out = m.Exports()
    for path, label in _files(paths, root, out):
        if progress is not None:
            progress(label)
        entry = _entry_for(label, entries)
        try:
            _read_file(path, label, entry, out)
        except FileProblem as problem:
            out.diagnostics.append(
                Diagnostic(
                    "FILE001",
                    Severity.ERROR,
                    str(problem),
                    Location(label, problem.line, problem.column),
                    problem.hint,
                )
            )
    return out


Exports = m.Exports


def _files(paths: Iterable[Path], root: Path, out: m.Exports) -> list[tuple[Path, str]]:
    found: dict[str, Path] = {}
    for given in paths:
        if given.is_dir():
            for folder, dirs, names in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in names:
                    candidate = Path(folder, name)
                    if not name.startswith(".") and candidate.suffix.lower() in EXPORT_SUFFIXES:
                        found.setdefault(_label(candidate, root), candidate)
        elif given.is_file():
            found.setdefault(_label(given, root), given)
        else:
            label = _label(given, root)
            out.diagnostics.append(Diagnostic("FILE001", Severity.ERROR, "no such file or folder", Location(label)))
    return sorted(((p, label) for label, p in found.items()), key=lambda item: item[1])


def _label(path: Path, root: Path) -> str:
    """Project-relative with '/' separators, or as given for a file outside the project."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _entry_for(label: str, entries: Sequence[ExportEntry]) -> ExportEntry | None:
    for entry in entries:
        pattern = entry.path.replace("\\", "/").removeprefix("./")
        if label == pattern or fnmatch.fnmatchcase(label, pattern):
            return entry
    return None


def _read_file(path: Path, label: str, entry: ExportEntry | None, out: m.Exports) -> None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(f"the file cannot be read ({exc.strerror or exc})") from None
    try:
        decoded = decode(raw)
    except Unreadable as exc:
        raise FileProblem(str(exc)) from None
    del raw  # the text is what is read from here on: the file is not held twice
    notes = [decoded.note] if decoded.note else []
    text = decoded.text
    stripped = text.lstrip(" \t\r\n")
    wanted = entry.type if entry is not None else None
    if stripped[:1] in ("{", "[") and wanted not in _CSV_TYPES:
        _read_json(text, label, wanted, decoded.encoding, notes, out)
    else:
        _read_csv(text, label, entry, decoded.encoding, notes, out)


_CSV_TYPES = frozenset(fmt.type for fmt in f.CSV_FORMATS) - {"marketo-users"}


# -- JSON -------------------------------------------------------------------------------------


def _read_json(text: str, label: str, wanted: str | None, encoding: str, notes: list[str], out: m.Exports) -> None:
    lines = Lines(text)
    builder = _JsonBuilder(text, label, wanted, lines)
    try:
        scanned = scan(text, builder.take)
    except JsonProblem as problem:
        line, column = lines.at(problem.offset)
        raise FileProblem(str(problem), line, column) from None
    builder.scanned = scanned
    builder.finish()
    scanned.sink = None  # no cycle left holding the file's text until the next garbage collection
    if builder.kind is None:
        raise AssertionError("finish() decides the type or raises")  # pragma: no cover
    if scanned.shape == "pages" and scanned.responses > 1:
        notes.append(f"{scanned.responses} pages of API responses")
    _add(out, builder.kind, f.JSON_SYSTEM[builder.kind], label, builder.built, encoding, notes)


class _JsonBuilder:
    """Records into model objects as the scan hands them over: the first ones are held until
    their keys tell the file's type, then each is built and dropped (memory stays near the
    file's size however many records it holds)."""

    def __init__(self, text: str, label: str, wanted: str | None, lines: Lines) -> None:
        self.text, self.label, self.lines = text, label, lines
        self.kind: str | None = wanted
        self.held: list[Record] = []
        self.built: list[Any] = []
        self.scanned: Scanned | None = None
        if wanted is not None and wanted not in f.JSON_FIELDS:
            raise FileProblem(f"the file is JSON, but type {wanted} is read from CSV", hint="check its exports: entry")

    def take(self, record: Record) -> None:
        if self.kind is not None:
            self._build(record)
            return
        self.held.append(record)
        if len(self.held) >= DETECT_RECORDS:
            self._decide()
            held, self.held = self.held, []
            for r in held:
                self._build(r)

    def finish(self) -> None:
        scanned = self.scanned
        assert scanned is not None
        if scanned.errors and not scanned.count:
            raise FileProblem(
                f"the file is an API error response ({'; '.join(scanned.errors[:3])}), not an export",
                hint="export it again: the request failed",
            )
        if self.kind is None:
            self._decide()
        held, self.held = self.held, []
        for r in held:
            self._build(r)

    def _decide(self) -> None:
        keys: set[str] = set()
        for record in self.held[:DETECT_RECORDS]:
            keys |= record.data.keys()
        kind = f.detect_json(keys) if keys else None
        if kind is None and not self.held:
            shape = _shape_words(self.scanned) if self.scanned is not None else "JSON"
            raise FileProblem(
                f"the file is JSON ({shape}) with no records: what it lists cannot be told",
                hint="if the listing is empty on purpose, name its type in mkdocs.yml: "
                f"exports: [{{path: {self.label}, type: marketo-programs}}]",
            )
        if kind is None:
            listed = sorted(keys)
            seen = ", ".join(listed[:15]) + (", ..." if len(listed) > 15 else "")
            raise FileProblem(
                f"the file is JSON but no export mopsdocs knows: its records have {seen}",
                hint="if it is one, name its type in mkdocs.yml: "
                f"exports: [{{path: {self.label}, type: marketo-programs}}]",
            )
        self.kind = kind

    def _where(self, offset: int) -> m.Where:
        return m.Where(self.label, *self.lines.at(offset))

    def _build(self, r: Record) -> None:
        kind, text = self.kind, self.text
        assert kind is not None
        at = self._where(key_offset(text, r, f.JSON_KEY_FIELD[kind]))
        if kind == "marketo-programs":
            self.built.append(f.program(r.data, at))
        elif kind == "marketo-campaigns":
            self.built.append(f.campaign(r.data, at))
        elif kind == "marketo-folders":
            self.built.append(f.folder(r.data, at))
        elif kind == "marketo-users":
            self.built.append(f.user_json(r.data, at))
        elif kind == "hubspot-workflows":
            self.built.append(f.workflow(r.data, at))
        elif kind == "marketo-channels":
            self.built.append(f.channel(r.data, at, self._places(r, "progressionStatuses", "name")))
        elif kind == "hubspot-property":
            self.built.append(f.prop(r.data, at, self._places(r, "options", "label")))

    def _places(self, r: Record, nested: str, key: str) -> list[m.Where]:
        """Where each element of a record's own list (a channel's statuses) has its `key`."""
        offsets = list_offsets(self.text, r, nested) or []
        return [self._where(key_offset(self.text, record_at(self.text, o), key)) for o in offsets]


def _shape_words(scanned: Scanned) -> str:
    if scanned.shape in ("response", "pages"):
        n = scanned.responses
        return "one API response" if n == 1 else f"{n} API responses"
    return "a list of records" if scanned.shape == "list" else "one object"


# -- CSV --------------------------------------------------------------------------------------


def _read_csv(
    text: str, label: str, entry: ExportEntry | None, encoding: str, notes: list[str], out: m.Exports
) -> None:
    try:
        table = read_table(text)
    except CsvProblem as problem:
        raise FileProblem(str(problem), problem.line) from None
    notes.extend(table.notes)
    mapped = dict(entry.columns) if entry is not None else {}
    wanted = entry.type if entry is not None else None
    if wanted is not None and wanted not in {fmt.type for fmt in f.CSV_FORMATS}:
        raise FileProblem(
            f"the file is not JSON, but type {wanted} is read from the platform's JSON",
            hint="export it from the API as JSON, or check the type in its exports: entry",
        )
    single = len(table.header) == 1 and all(len(r.cells) <= 1 for r in table.rows)
    if single:
        _names_list(table, label, entry, encoding, notes, out)
        return
    fmt = next((x for x in f.CSV_FORMATS if x.type == wanted), None) if wanted else f.detect_csv(table.header)
    if fmt is None:
        listing = ", ".join(h for h in table.header[:15] if h) or "none"
        raise FileProblem(
            f"the file is a table ({_delimiter_word(table.delimiter)}-separated) that mopsdocs does not recognise: "
            f"its columns are {listing}",
            table.header_line,
            hint=(
                "if it is an export, name its type (marketo-users, salesforce-lead-status, salesforce-member-status, "
                f"salesforce-campaigns or names) and its columns in mkdocs.yml: exports: [{{path: {label}, "
                f"type: names, columns: {{name: {table.header[0] if table.header else 'Name'}}}}}]"
            ),
        )
    unknown = sorted(set(mapped) - set(fmt.fields))
    if unknown:
        raise FileProblem(
            f"the exports: entry of the file maps unknown field(s) {', '.join(unknown)} for {fmt.type}",
            hint=f"the fields of {fmt.type} are {', '.join(fmt.fields)}",
        )
    columns = f.columns_of(table.header, fmt, mapped)
    missing = [x for x in fmt.required if x not in columns]
    if missing:
        listing = ", ".join(h for h in table.header[:15] if h)
        raise FileProblem(
            f"the file is read as {fmt.type} but has no column for {', '.join(missing)} (its columns are {listing})",
            table.header_line,
            hint=f"map it in its exports: entry: columns: {{{missing[0]}: <its header>}}",
        )
    _build_csv(fmt, table, columns, label, entry, encoding, notes, out)


def _delimiter_word(delimiter: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(delimiter, repr(delimiter))


def _build_csv(
    fmt: f.Format,
    table: Table,
    columns: dict[str, int],
    label: str,
    entry: ExportEntry | None,
    encoding: str,
    notes: list[str],
    out: m.Exports,
) -> None:
    key_index = columns.get(fmt.key_field, 0)
    built: list[Any] = []
    for row in table.rows:
        cells = row.cells

        def get(field: str, cells: list[str] = cells) -> str:
            index = columns.get(field)
            return cells[index] if index is not None and index < len(cells) else ""

        if not get(fmt.key_field).strip():
            continue  # a row without its key (an email, a label, a name) is nobody
        at = m.Where(label, *table.cell_place(row, key_index))
        if fmt is f.USERS:
            built.append(f.user_csv(get, at, "last_login" in columns))
        elif fmt is f.LEAD_STATUS:
            built.append(f.lead_status(get, at))
        elif fmt is f.MEMBER_STATUS:
            built.append(f.member_status(get, at))
        elif fmt is f.SF_CAMPAIGNS:
            built.append(f.sf_campaign(get, at))
        else:
            built.append(
                m.ExportedName(at, get("name").strip(), entry.system if entry else None, entry.asset if entry else None)
            )
    system = fmt.system if fmt.system else (entry.system if entry else None)
    _add(out, fmt.type, system, label, built, encoding, notes)


def _names_list(
    table: Table, label: str, entry: ExportEntry | None, encoding: str, notes: list[str], out: m.Exports
) -> None:
    """A text list, one name a line (its first line a `Name` header, or a name itself)."""
    rows = list(table.rows)
    header_is_name = f.normal(table.header[0]) not in f.NAMES.fields["name"] if table.header else False
    built = []
    if header_is_name and table.header and table.header[0].strip():
        built.append(m.ExportedName(m.Where(label, table.header_line, 1), table.header[0].strip(), *_scope(entry)))
    for row in rows:
        if row.cells and row.cells[0].strip():
            built.append(m.ExportedName(m.Where(label, row.line, 1), row.cells[0].strip(), *_scope(entry)))
    _add(out, "names", entry.system if entry else None, label, built, encoding, notes)


def _scope(entry: ExportEntry | None) -> tuple[m.System | None, str | None]:
    return (entry.system, entry.asset) if entry is not None else (None, None)


# -- into Exports -----------------------------------------------------------------------------

_LISTS = {
    "marketo-programs": "programs",
    "marketo-channels": "channels",
    "marketo-campaigns": "campaigns",
    "marketo-folders": "folders",
    "marketo-users": "users",
    "salesforce-lead-status": "lead_statuses",
    "salesforce-member-status": "member_statuses",
    "salesforce-campaigns": "sf_campaigns",
    "hubspot-property": "hubspot_properties",
    "hubspot-workflows": "workflows",
    "names": "names",
}


def _add(
    out: m.Exports, kind: str, system: m.System | None, label: str, built: list[Any], encoding: str, notes: list[str]
) -> None:
    getattr(out, _LISTS[kind]).extend(built)
    out.files.append(m.ExportFile(label, kind, system, len(built), _newest(built), encoding, tuple(notes)))


def _newest(records: list[Any]) -> datetime | None:
    newest: datetime | None = None
    for record in records:
        for name in ("updated_at", "last_login_at"):
            when = getattr(record, name, None)
            if when is not None and (newest is None or when > newest):
                newest = when
    return newest
