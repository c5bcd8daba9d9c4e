"""Names to check, from files or standard input: one per line, or one column of a CSV export.

Real exports (Marketo, HubSpot, Salesforce, Excel) come with byte-order marks, CRLF line ends,
quoted fields holding commas or line breaks, semicolons for delimiters (European Excel), tabs
(UTF-16 "Unicode text"), preamble lines above the header and footer lines below the data. The
readers below take all of that in their stride and turn anything unreadable into one
`InputProblem` with a plain message (the command exits 2), never a traceback.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..diagnostics import did_you_mean

DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_ROWS = 10
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class InputProblem(Exception):
    """The input cannot be read; the message says why (exit code 2)."""


Row = tuple[str | None, int, list[str] | None]  # (name or None when skipped, line, CSV row)


@dataclass
class Table:
    """One input: where it came from, how it was written, and its rows."""

    label: str  # file path as given, or <stdin>
    rows: Iterator[Row]
    header: list[str] | None = None  # CSV header; None for plain lines
    delimiter: str = ","
    bom: bool = False
    crlf: bool = False
    notes: list[str] = field(default_factory=list)  # said on stderr (encoding guessed, ...)


def decode(raw: bytes, label: str) -> tuple[str, bool, list[str]]:
    """Text, whether it had a byte-order mark, and notes for the user."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), True, []
            except UnicodeDecodeError:
                raise InputProblem(
                    f"{label} starts with a {codec.upper()} byte-order mark but is not {codec.upper()}"
                ) from None
    if raw.startswith(b"PK\x03\x04"):
        raise InputProblem(f"{label} is a ZIP file (an Excel workbook?): save it as CSV and check that")
    if b"\x00" in raw[:65536]:
        raise InputProblem(f"{label} looks like a binary file, not a list of names or a CSV export")
    try:
        return raw.decode("utf-8"), False, []
    except UnicodeDecodeError:
        # Excel's plain "CSV" on Windows; every byte decodes, undefined ones as Latin-1
        text = raw.decode("cp1252", errors="strict") if _is_cp1252(raw) else raw.decode("latin-1")
        return text, False, [f"{label} is not UTF-8; read it as Windows-1252 (save as 'CSV UTF-8' to avoid this)"]


def _is_cp1252(raw: bytes) -> bool:
    return not any(b in raw for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def read_bytes(path: str, stdin: io.BufferedIOBase | None) -> bytes:
    if path == "-":
        return stdin.read() if stdin is not None else b""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputProblem(f"{path} is a folder, not a file") from None
    except FileNotFoundError:
        raise InputProblem(f"{path} does not exist") from None
    except OSError as exc:
        raise InputProblem(f"cannot read {path}: {exc.strerror or exc}") from None


def open_table(path: str, stdin: io.BufferedIOBase | None, column: str | None, header: bool = True) -> Table:
    label = "<stdin>" if path == "-" else path
    text, bom, notes = decode(read_bytes(path, stdin), label)
    crlf = "\r\n" in text[:65536]
    if column is None:
        found = _name_column(label, text)
        if found is None:
            return Table(label, _lines(text), bom=bom, crlf=crlf, notes=notes)
        column = found
        notes.append(f"{label} is a CSV file: checking its column '{found}' (pass --column to choose another)")
    return _csv_table(label, text, column, header, bom, crlf, notes)


def _lines(text: str) -> Iterator[tuple[str | None, int, list[str] | None]]:
    # str.split is several times faster than the regular expression; CR only when there is one
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final line break ends the last line; it does not start an empty one
    for number, line in enumerate(lines, 1):
        yield (line if line and not line.isspace() else None), number, None  # the row: made when needed


# Headers that plainly hold asset names, as exports write them (compared ignoring case and spaces)
NAME_HEADERS = (
    "name",
    "program name",
    "asset name",
    "campaign name",
    "email name",
    "smart campaign name",
    "landing page name",
    "form name",
)


def _name_column(label: str, text: str) -> str | None:
    """Without --column: the name column of a file whose first line is a CSV header, None for a
    list of names; a header with no single obvious name column is a usage error (exit 2)."""
    first = _LINE_BREAK.split(text[:65536].lstrip("\ufeff"), 1)[0]
    for delimiter in DELIMITERS:
        if delimiter not in first:
            continue
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(cells) < 2:
            continue
        cleaned = [_clean_header(c) for c in cells]
        obvious = [c.strip() for c, k in zip(cells, cleaned) if k in NAME_HEADERS]
        if len(obvious) == 1:
            return obvious[0]
        if len(obvious) > 1 or (len(cells) > 2 and any("name" in k for k in cleaned)):
            listing = ", ".join(c.strip() for c in cells[:20] if c.strip())
            which = "several name columns" if obvious else "no obvious name column"
            raise InputProblem(
                f"{label} is a CSV file with {which} (its columns are: {listing}); "
                "pass --column with the header of the column to check"
            )
    return None


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-empty line: the candidate it holds most of outside quotes."""
    first = next((line for line in _LINE_BREAK.split(text[:65536]) if line.strip()), "")
    outside = re.sub(r'"[^"]*"', "", first)
    counts = [(outside.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] > 0 else ","


def _csv_table(label: str, text: str, column: str, header: bool, bom: bool, crlf: bool, notes: list[str]) -> Table:
    delimiter = sniff_delimiter(text)
    # csv's cell-size limit (128 KB) is process-wide state: left as it is, a bigger cell is an error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    head: list[tuple[int, list[str]]] = []  # rows read while looking for the header
    previous = 0
    try:
        for row in reader:
            head.append((previous + 1, row))
            previous = reader.line_num
            if len(head) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error as exc:
        raise InputProblem(f"{label}: cannot read line {reader.line_num}: {exc}") from None
    index, header_at = _column_index(label, head, column, header)
    columns = head[header_at][1] if header_at is not None else None
    start = header_at + 1 if header_at is not None else 0
    # With a header of several columns, short rows after a blank line at the end are a footer
    # (Salesforce's "Generated By: ...", "Confidential Information"); any other row with a value
    # in the column is checked, however short
    width = len(columns) if columns is not None and len(columns) > 1 else 0
    rows = _without_footer(_csv_rows(label, reader, head[start:], index, previous), width)
    return Table(label, rows, columns, delimiter, bom, crlf, notes)


def _column_index(label: str, head: list[tuple[int, list[str]]], column: str, header: bool) -> tuple[int, int | None]:
    if column.strip().isdigit():
        index = int(column) - 1
        if index < 0:
            raise InputProblem("--column: column numbers start at 1")
        if head and header and len(head[0][1]) <= index:
            raise InputProblem(f"{label} has {len(head[0][1])} column(s); there is no column {column}")
        return index, (0 if header and head else None)
    wanted = _clean_header(column)
    for at, (_, row) in enumerate(head):
        cells = [_clean_header(c) for c in row]
        if wanted in cells:
            return cells.index(wanted), at
    columns = [c for c in (head[0][1] if head else []) if c.strip()]
    hint = did_you_mean(column, columns)
    listing = ", ".join(columns[:20]) if columns else "none: the file is empty"
    raise InputProblem(
        f"{label} has no column '{column}'{' (' + hint + ')' if hint else ''}; its columns are: {listing}"
    )


def _clean_header(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


FOOTER_ROWS = 20  # a footer is a few lines; more short rows than this are data


def _without_footer(
    rows: Iterator[tuple[str | None, int, list[str]]], width: int
) -> Iterator[tuple[str | None, int, list[str] | None]]:
    """The rows, with a footer at the end skipped: a blank row, then only rows shorter than the
    header. Such rows are held back until a full row or the end of the file decides."""
    held: list[tuple[str | None, int, list[str]]] = []
    for name, line, row in rows:
        blank = not any(c.strip() for c in row)
        if width and (held or blank) and len(row) < width and len(held) < FOOTER_ROWS:
            held.append((name, line, row))
            continue
        yield from held  # not a footer after all: a full row (or too many short ones) follows
        held.clear()
        yield name, line, row
    if held and not any(c.strip() for c in held[0][2]):
        for _, line, row in held:
            yield None, line, row  # the footer: skipped
    else:
        yield from held


def _csv_rows(
    label: str,
    reader: Iterator[list[str]],
    buffered: list[tuple[int, list[str]]],
    index: int,
    previous: int,
) -> Iterator[tuple[str | None, int, list[str]]]:
    for line, row in buffered:
        yield _cell(row, index), line, row
    try:
        for row in reader:
            line = previous + 1
            previous = reader.line_num  # type: ignore[attr-defined]
            yield _cell(row, index), line, row
    except csv.Error as exc:
        raise InputProblem(f"{label}: cannot read line {previous + 1}: {exc}") from None


def _cell(row: list[str], index: int) -> str | None:
    """The name in this row, or None when the row has no value in the column."""
    if index >= len(row):
        return None
    value = row[index]
    return value if value.strip() else None
