"""RACI matrices as spreadsheets: CSV and Markdown export, CSV import.

The CSV is what Excel and Google Sheets open cleanly: UTF-8 with a byte-order mark (so Excel
does not guess a legacy code page), CRLF line ends, a first row `matrix,<id>,<name>,<description>`,
a header row `activity_id,activity,group,description,<party ids...>`, and every cell that a
spreadsheet would run as a formula (starting with = + - @, tab or CR) prefixed with an
apostrophe. Import undoes exactly that prefix, so export -> import gives back the same matrix:
id, name, description, activities with their names, groups and descriptions, letters, columns.
The `matrix` row and the `description` column are optional on import.

Import is forgiving where a spreadsheet is sloppy (`;` or tab delimiters, Excel's `sep=` line,
lowercase letters, `AR` or `A / R` for `A/R`, trailing empty columns and rows) and precise where
it must refuse: every bad cell is reported with its line and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..specs import ID_PATTERN
from ..wording import slug
from .model import LETTERS, WORDS, Matrix, Row, column_order

HEADER = ("activity_id", "activity", "group")
DESCRIPTION = "description"  # optional fourth column
MATRIX_ROW = "matrix"  # optional first row: matrix,<id>,<name>,<description>
FORMULA_STARTS = "=+-@\t\r"  # what Excel, LibreOffice and Google Sheets evaluate (OWASP CSV injection)
DELIMITERS = (",", ";", "\t")
MAX_BYTES = 10_000_000
NO_HEADER = (
    "has no header row: its first line must be activity_id,activity,group,<party ids...> (export a matrix to see one)"
)
A_R_SPELLINGS = {"A/R", "AR", "RA", "R/A", "A+R", "A&R"}
_ID = re.compile(ID_PATTERN)


# --------------------------------------------------------------------------- formula defusing


def defuse(value: str) -> str:
    """Prefix a cell a spreadsheet would evaluate with an apostrophe.

    A value that already starts with an apostrophe followed by such a character (or by another
    apostrophe) is prefixed too, so that `restore` can always tell our prefix from the user's own.
    """
    if value and (
        value[0] in FORMULA_STARTS or (value[0] == "'" and len(value) > 1 and value[1] in FORMULA_STARTS + "'")
    ):
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo `defuse`: restore(defuse(v)) == v for every string v."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS + "'":
        return value[1:]
    return value


# --------------------------------------------------------------------------- export


def export_csv(matrix: Matrix) -> str:
    """The matrix as CSV text (BOM and CRLF included; write it without newline translation)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([defuse(c) for c in (MATRIX_ROW, matrix.id, matrix.name, matrix.description or "")])
    writer.writerow([defuse(c) for c in (*HEADER, DESCRIPTION, *matrix.columns)])
    for row in matrix.rows:  # spec order: the round trip gives back the same file
        cells = [row.id, row.name, row.group or "", row.description or "", *(row.letter(p) for p in matrix.columns)]
        writer.writerow([defuse(c) for c in cells])
    return "\ufeff" + buf.getvalue()


_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>|#!~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def md_cell(value: str) -> str:
    """Text for a Markdown table cell that stays readable as plain text: backslash escapes only."""
    value = " ".join(value.split())
    value = _ENTITY.sub("&amp;", value)
    return _MD_ESCAPE.sub(r"\\\1", value)


def export_markdown(matrix: Matrix, names: Mapping[str, str] | None = None) -> str:
    """A Markdown table (rows grouped as on the site), for a wiki, a README or a ticket."""
    names = names or {}
    heads = ["Activity", "Group", *(md_cell(names.get(p, p)) for p in matrix.columns)]
    lines = [
        f"# {md_cell(matrix.name)}",
        "",
        "| " + " | ".join(heads) + " |",
        "| " + " | ".join(["---", "---", *(":-:" for _ in matrix.columns)]) + " |",
    ]
    for row in matrix.grouped_rows():
        cells = [md_cell(row.name), md_cell(row.group or ""), *(row.letter(p) for p in matrix.columns)]
        lines.append("| " + " | ".join(cells) + " |")
    legend = "; ".join(f"**{letter}** {WORDS[letter]}" for letter in LETTERS)
    lines += ["", legend + ".", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- import


class Unreadable(Exception):
    """The file is not a CSV table at all (empty, binary, not UTF-8, no header): a usage error."""


@dataclass(frozen=True, order=True)
class Problem:
    line: int
    column: int
    message: str

    def render(self, path: str, label: str = "") -> str:
        return f"{path}:{self.line}:{self.column}: {label}{self.message}"


@dataclass
class Imported:
    """What a CSV held: the matrix if every cell was readable, and what was found on the way."""

    columns: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # activity id -> line, for later notes
    problems: list[Problem] = field(default_factory=list)  # bad cells: nothing is written
    notes: list[Problem] = field(default_factory=list)  # what was normalised, said once each
    bad_columns: set[int] = field(default_factory=set)  # header cells already reported
    header_line: int = 1
    column_of: dict[str, int] = field(default_factory=dict)  # party id -> its column (1-based)
    matrix_id: str | None = None  # from the `matrix` row, when there is one
    name: str | None = None
    description: str | None = None

    def matrix(self, matrix_id: str, name: str) -> Matrix:
        rows = tuple(self.rows)
        return Matrix(matrix_id, name, column_order(self.columns, rows), rows, self.description)


def decode(raw: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM) or Excel's UTF-16 'Unicode text'."""
    if len(raw) > MAX_BYTES:
        raise Unreadable(f"is larger than {MAX_BYTES // 1_000_000} MB; a RACI sheet never is")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Unreadable("is not valid UTF-16 text") from None
    if b"\x00" in raw[:65536]:
        raise Unreadable("is not a text file (it holds NUL bytes): export the sheet as CSV first")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise Unreadable(
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}): in Excel save it "
            "as 'CSV UTF-8', in Google Sheets use File > Download > CSV"
        ) from None


def _split_sep_line(text: str) -> tuple[str | None, str, int]:
    """Excel's optional first line `sep=;` names the delimiter: (delimiter, rest, lines skipped)."""
    first, _, rest = text.partition("\n")
    m = re.fullmatch(r"sep=(.)\r?", first)
    if m and m.group(1) in DELIMITERS:
        return m.group(1), rest, 1
    return None, text, 0


def _pick_delimiter(text: str) -> str:
    """The delimiter that makes the first line a header starting with `activity_id`."""
    best: tuple[int, str] | None = None
    for delim in DELIMITERS:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        try:
            first = next((row for row in rows if any(c.strip() for c in row)), [])
        except csv.Error:
            continue
        if first and first[0].strip().lower() == MATRIX_ROW:
            try:
                first = next((row for row in rows if any(c.strip() for c in row)), [])
            except csv.Error:
                continue
        if first and first[0].strip().lower() == HEADER[0] and (best is None or len(first) > best[0]):
            best = (len(first), delim)
    if best is None:
        raise Unreadable(NO_HEADER)
    return best[1]


def _records(text: str, delim: str, offset: int, out: Imported) -> list[tuple[int, list[str]]]:
    """(first line of the record, cells) for every record; a CSV syntax error ends the reading."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    records: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for cells in reader:
            records.append((previous + 1 + offset, cells))
            previous = reader.line_num
    except csv.Error as exc:
        out.problems.append(Problem(previous + 1 + offset, 1, f"cannot read this line as CSV: {exc}"))
    return records


def _clean(value: str) -> str:
    return restore(value.strip()).strip()


def read_matrix_csv(raw: bytes, known: Mapping[str, str] | None = None) -> Imported:
    """Read a RACI CSV. Raises Unreadable when it is not a CSV table; bad cells are `problems`.

    `known` is the project's parties (id -> name as the site shows it), when there is a project:
    then a header cell may be a party's name in any letter case ("MOPs Manager" for
    `mops-manager`), and a column that is no party is left out (said in a note)."""
    text = decode(raw)
    if not text.strip():
        raise Unreadable("is empty: nothing to import")
    delim, body, offset = _split_sep_line(text)
    delim = delim or _pick_delimiter(body)
    out = Imported()
    records = [(line, cells) for line, cells in _records(body, delim, offset, out) if any(c.strip() for c in cells)]
    if records and records[0][1][0].strip().lower() == MATRIX_ROW:
        _read_matrix_row(records[0][1], out)
        records = records[1:]
    if not records or records[0][1][0].strip().lower() != HEADER[0]:
        raise Unreadable(NO_HEADER)
    (out.header_line, header), body_records = records[0], records[1:]
    described = len(header) > 3 and header[3].strip().lower() == DESCRIPTION
    first_party = 4 if described else 3
    parties = _read_header(out.header_line, header, out, first_party, known)
    for line, cells in body_records:
        _read_row(line, cells, parties, out, first_party if described else None)
    out.columns = tuple(p for p in parties if p)
    return out


def _read_matrix_row(cells: list[str], out: Imported) -> None:
    values = [_clean(c) for c in cells[1:3]] + ["", ""]
    out.matrix_id, out.name = values[0] or None, values[1] or None
    if len(cells) > 3 and cells[3].strip():
        out.description = restore(cells[3])  # kept as written, line breaks and all


def _party_names(known: Mapping[str, str]) -> dict[str, str]:
    """Every way a header may name a party: its id, its name, the slug of its name (casefolded)."""
    names: dict[str, str] = {}
    for pid, shown in known.items():
        for key in (pid, " ".join(shown.split()), slug(shown)):
            if key:
                names.setdefault(key.casefold(), pid)
    return names


def _read_header(
    line: int, header: list[str], out: Imported, first_party: int = 3, known: Mapping[str, str] | None = None
) -> list[str]:
    """Party id per column index (from `first_party` on); '' for a column with no usable party id."""
    names = _party_names(known) if known else {}
    for i, expected in enumerate(HEADER[1:], start=1):
        found = header[i].strip() if i < len(header) else ""
        if found.lower() != expected:
            out.problems.append(
                Problem(
                    line,
                    i + 1,
                    f"expected the column '{expected}' here, found "
                    f"'{found}' (the header is activity_id,activity,group,<party ids...>)",
                )
            )
    parties: list[str] = [""] * first_party
    seen: dict[str, int] = {}
    for col, cell in enumerate(header[first_party:], start=first_party + 1):
        party = cell.strip()
        if party and known and party not in known:
            pid = names.get(" ".join(party.split()).casefold()) or names.get(slug(party).casefold())
            if pid is not None:
                out.notes.append(Problem(line, col, f"column '{party}' read as party '{pid}'"))
                party = pid
            elif not _ID.fullmatch(party):  # a header written as an id stays: check says REF001
                out.notes.append(Problem(line, col, f"column '{party}' is no party of this project; left out"))
                out.bad_columns.add(col)
                parties.append("")
                continue
        if party and not _ID.fullmatch(party) and _ID.fullmatch(party.lower()):
            out.notes.append(Problem(line, col, f"party '{party}' read as '{party.lower()}'"))
            party = party.lower()
        if party and not _ID.fullmatch(party):
            hint = f", e.g. '{slug(party)}'" if slug(party) else ""
            message = f"'{party}' is not a party id: use the id from your team spec{hint}"
            out.problems.append(Problem(line, col, message))
            out.bad_columns.add(col)
            party = ""
        elif party in seen:
            out.problems.append(Problem(line, col, f"party '{party}' has two columns (also column {seen[party]})"))
            out.bad_columns.add(col)
            party = ""
        elif party:
            seen[party] = col
            out.column_of[party] = col
        parties.append(party)
    return parties


def _letter(raw: str, line: int, col: int, out: Imported) -> str | None:
    compact = re.sub(r"\s+", "", raw).upper()
    letter = "A/R" if compact in A_R_SPELLINGS else compact
    if letter not in LETTERS:
        out.problems.append(Problem(line, col, f"'{raw}' is not a RACI letter (use R, A, C, I or A/R)"))
        return None
    if raw != letter and raw.upper() != letter:
        out.notes.append(Problem(line, col, f"'{raw}' read as '{letter}'"))
    elif raw != letter:
        out.notes.append(Problem(line, col, f"'{raw}' read as '{letter}' (letters are capitals)"))
    return letter


def _read_row(line: int, cells: list[str], parties: list[str], out: Imported, described: int | None = None) -> None:
    cells = cells + [""] * (len(parties) - len(cells))
    name, group = _clean(cells[1]), _clean(cells[2]) or None
    description = restore(cells[3]) if described and cells[3].strip() else None  # kept as written
    activity = _clean(cells[0])
    if not activity and name and slug(name):
        activity = slug(name)
        out.notes.append(Problem(line, 1, f"no activity_id: '{activity}' made from the name"))
    if not _ID.fullmatch(activity):
        hint = f" (e.g. '{slug(activity)}')" if slug(activity) else ""
        out.problems.append(
            Problem(
                line, 1, f"'{activity}' is not an activity id{hint}; or leave the cell empty to make one from the name"
            )
        )
    elif activity in out.lines:
        first = out.lines[activity]
        out.problems.append(Problem(line, 1, f"duplicate activity id '{activity}' (also on line {first})"))
    if not name:
        out.problems.append(Problem(line, 2, f"activity '{activity}' has no name"))
    assign: dict[str, str] = {}
    start = described or 3
    for col, raw in enumerate(cells[start:], start=start + 1):
        value = raw.strip()
        party = parties[col - 1] if col - 1 < len(parties) else ""
        if not value or col in out.bad_columns:  # a bad header cell is reported once, not per row
            continue
        if not party:
            out.problems.append(Problem(line, col, f"'{value}' is in a column with no party id in the header"))
            continue
        letter = _letter(value, line, col, out)
        if letter is not None:
            assign[party] = letter
    out.lines.setdefault(activity, line)
    out.rows.append(Row(activity, name, group, assign, description))


def rule_warnings(imported: Imported) -> list[Problem]:
    """What `mopsdocs check` will say about the imported rows (RACI001, RACI002), said up front."""
    from ..rules.raci import accountable, and_list, responsible

    out = []
    for row in imported.rows:
        line = imported.lines.get(row.id, 0)
        owners = accountable(row.assign)
        if len(owners) != 1:
            now = and_list(owners) if owners else "none"
            out.append(Problem(line, 1, f"'{row.id}' needs exactly one A (now {now}): check will report RACI001"))
        if not responsible(row.assign):
            out.append(Problem(line, 1, f"'{row.id}' has no R (nobody does the work): check will report RACI002"))
    return out
