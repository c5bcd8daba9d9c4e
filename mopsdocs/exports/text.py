"""Bytes to text as the platforms and Excel write them.

UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"), and
Windows-1252 (Excel's plain "CSV" on a Western Windows machine), said in a note because a
character may have been guessed. Telling Windows-1252 from other code pages (charset-normalizer
can guess) was left out on purpose: the contract reads Excel's Western default, a guess would
make the same file read differently as it grows, and the note tells the user how to be exact.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class Unreadable(Exception):
    """The bytes are not text we can read; the message says what they look like."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # utf-8, utf-8-sig, utf-16-le, utf-16-be, cp1252, ...
    note: str | None = None


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)


def decode(raw: bytes) -> Decoded:
    for bom, name, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(codec), name)
            except UnicodeDecodeError:
                what = codec.upper()
                raise Unreadable(f"the file starts with a {what} byte-order mark but is not {what}") from None
    if raw.startswith(b"PK\x03\x04"):
        raise Unreadable("the file is a ZIP file (an Excel workbook?); save it as CSV UTF-8")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable("the file is an old Excel workbook (.xls); save it as CSV UTF-8")
    if b"\x00" in raw[:65536]:
        raise Unreadable("the file is a binary file, not JSON or CSV")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252: Latin-1 then
    encoding = "latin-1" if any(b in raw for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")) else "cp1252"
    label = "Windows-1252" if encoding == "cp1252" else "Latin-1"
    return Decoded(
        raw.decode(encoding),
        encoding,
        f"not UTF-8: read as {label} (as Excel saves CSV); save it as 'CSV UTF-8' to be sure of every character",
    )
