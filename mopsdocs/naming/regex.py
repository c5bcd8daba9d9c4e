"""Regular-expression fragments written twice at once: for Python's `re` and for JavaScript.

Every fragment is an `Rx` holding both spellings, built by the same combinators, so the page's
name builder runs the very matcher `names check` runs. Only syntax both engines read the same way
is emitted: `(?:...)`, classes of explicit code-point ranges (never `\\d`, `\\w`, `.`, which differ
between the engines), counted repeats, lookaheads and named groups with back-references. The
JavaScript side is compiled with the `u` flag, so both count code points, not UTF-16 units.
Letter case is never a flag: a case-insensitive literal becomes a class (`[Ww][Bb][Nn]`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

MAX_CODE_POINT = 0x10FFFF
Intervals = list[tuple[int, int]]  # sorted, disjoint, inclusive code-point ranges


@dataclass(frozen=True)
class Rx:
    py: str
    js: str

    def __add__(self, other: Rx) -> Rx:
        return Rx(self.py + other.py, self.js + other.js)


EMPTY = Rx("", "")
NEVER = Rx("(?!)", "(?!)")
ANY = Rx(r"[\s\S]", r"[\s\S]")


def concat(parts: Iterable[Rx]) -> Rx:
    items = list(parts)
    return Rx("".join(p.py for p in items), "".join(p.js for p in items))


def group(rx: Rx) -> Rx:
    return Rx(f"(?:{rx.py})", f"(?:{rx.js})")


def optional(rx: Rx) -> Rx:
    return Rx(f"(?:{rx.py})?", f"(?:{rx.js})?")


def alternation(options: Sequence[Rx]) -> Rx:
    if not options:
        return NEVER
    if len(options) == 1:
        return group(options[0])
    return Rx("(?:" + "|".join(o.py for o in options) + ")", "(?:" + "|".join(o.js for o in options) + ")")


def repeat(rx: Rx, low: int, high: int | None, lazy: bool = False) -> Rx:
    if (low, high) == (1, 1):
        return rx
    count = f"{{{low}}}" if low == high else f"{{{low},{'' if high is None else high}}}"
    suffix = count + ("?" if lazy else "")
    return Rx(rx.py + suffix, rx.js + suffix)


def named(name: str, rx: Rx) -> Rx:
    return Rx(f"(?P<{name}>{rx.py})", f"(?<{name}>{rx.js})")


def backref(name: str) -> Rx:
    return Rx(f"(?P={name})", f"\\k<{name}>")


def lookahead(rx: Rx) -> Rx:
    return Rx(f"(?={rx.py})", f"(?={rx.js})")


def negative_lookahead(rx: Rx) -> Rx:
    """Nowhere from here on: `rx` matching at any later position makes this fail (both engines
    read `[\\s\\S]*?` alike)."""
    return Rx(f"(?![\\s\\S]*?{rx.py})", f"(?![\\s\\S]*?{rx.js})")


def negative(rx: Rx) -> Rx:
    """Not followed by `rx`, here."""
    return Rx(f"(?!{rx.py})", f"(?!{rx.js})")


# --------------------------------------------------------------------------- characters


def _escape_py(cp: int) -> str:
    ch = chr(cp)
    if ch.isascii() and ch.isalnum():
        return ch
    return f"\\x{cp:02x}" if cp < 0x100 else (f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}")


def _escape_js(cp: int) -> str:
    ch = chr(cp)
    if ch.isascii() and ch.isalnum():
        return ch
    return f"\\u{{{cp:x}}}"


def char(ch: str) -> Rx:
    cp = ord(ch)
    return Rx(_escape_py(cp), _escape_js(cp))


def case_variants(ch: str) -> set[str]:
    """The characters a case-insensitive comparison accepts for `ch` (single characters only)."""
    return {v for v in (ch, ch.lower(), ch.upper()) if len(v) == 1}


def same_ignoring_case(text: str, target: str) -> bool:
    """Whether `text` matches `target` the way a case-insensitive literal of `target` does."""
    return len(text) == len(target) and all(t in case_variants(c) for t, c in zip(text, target))


def literal(text: str, case_sensitive: bool = True) -> Rx:
    parts = []
    for ch in text:
        variants = case_variants(ch) if not case_sensitive else {ch}
        parts.append(char(ch) if len(variants) == 1 else char_class(intervals_of(ord(v) for v in variants)))
    return concat(parts)


def intervals_of(code_points: Iterable[int]) -> Intervals:
    return normalize([(cp, cp) for cp in code_points])


def normalize(ranges: Iterable[tuple[int, int]]) -> Intervals:
    out: Intervals = []
    for low, high in sorted(ranges):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def complement(ranges: Intervals) -> Intervals:
    out: Intervals = []
    start = 0
    for low, high in normalize(ranges):
        if low > start:
            out.append((start, low - 1))
        start = high + 1
    if start <= MAX_CODE_POINT:
        out.append((start, MAX_CODE_POINT))
    return out


def char_class(ranges: Intervals) -> Rx:
    ranges = normalize(ranges)
    if not ranges:
        return NEVER
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return char(chr(ranges[0][0]))
    py, js = [], []
    for low, high in ranges:
        py.append(_escape_py(low) if low == high else f"{_escape_py(low)}-{_escape_py(high)}")
        js.append(_escape_js(low) if low == high else f"{_escape_js(low)}-{_escape_js(high)}")
    return Rx("[" + "".join(py) + "]", "[" + "".join(js) + "]")


def in_class(ch: str, ranges: Intervals) -> bool:
    cp = ord(ch)
    return any(low <= cp <= high for low, high in ranges)


DIGITS: Intervals = [(48, 57)]


# --------------------------------------------------------------------------- alternatives of words


_Trie: TypeAlias = dict[str, "_Trie"]  # one character -> the rest; "" marks the end of a word


def words(options: Iterable[str], case_sensitive: bool = True) -> Rx:
    """An alternation of literal words as a trie, so that a large vocabulary costs one pass and
    codes that are prefixes of each other (`EM`, `EMN`) are all tried."""
    trie: _Trie = {}
    for word in sorted(set(options)):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_rx(trie, case_sensitive)


def _trie_rx(node: _Trie, case_sensitive: bool) -> Rx:
    ends = "" in node
    branches = [
        literal(ch, case_sensitive) + _trie_rx(child, case_sensitive) for ch, child in sorted(node.items()) if ch != ""
    ]
    if not branches:
        return EMPTY
    body = branches[0] if len(branches) == 1 else alternation(branches)
    return optional(body) if ends else body


# --------------------------------------------------------------------------- integers


def int_range(low: int, high: int | None, width: int | None) -> Rx:
    """Decimal numbers from `low` to `high` (None: no upper bound); written with exactly `width`
    digits (zero-padded) when `width` is set, else with any number of leading zeros."""
    low = max(low, 0)
    if width is not None:
        top = 10**width - 1
        high = top if high is None else min(high, top)
        if low > high:
            return NEVER
        return _same_width(str(low).zfill(width), str(high).zfill(width))
    if high is not None and low > high:
        return NEVER
    options = []
    low_len = len(str(low))
    high_len = len(str(high)) if high is not None else None
    for length in range(low_len, (high_len or low_len) + 1):
        a = str(low) if length == low_len else "1" + "0" * (length - 1)
        b = str(high) if high is not None and length == high_len else "9" * length
        options.append(_same_width(a, b))
    if high is None:  # longer than `low`: any number without a leading zero
        options.append(Rx(f"[1-9][0-9]{{{low_len},}}", f"[1-9][0-9]{{{low_len},}}"))
    return concat([Rx("0*", "0*"), alternation(options)])


def _same_width(a: str, b: str) -> Rx:
    """Digit strings of len(a) == len(b) between a and b inclusive."""
    if a == b:
        return literal(a)
    if len(a) == 1:
        return char_class([(ord(a), ord(b))])
    rest = len(a) - 1
    if a[0] == b[0]:
        return literal(a[0]) + group(_same_width(a[1:], b[1:]))
    if a[1:] == "0" * rest and b[1:] == "9" * rest:
        return char_class([(ord(a[0]), ord(b[0]))]) + _digits(rest)
    options = [literal(a[0]) + group(_same_width(a[1:], "9" * rest))]
    if int(b[0]) - int(a[0]) > 1:
        options.append(char_class([(ord(a[0]) + 1, ord(b[0]) - 1)]) + _digits(rest))
    options.append(literal(b[0]) + group(_same_width("0" * rest, b[1:])))
    return alternation(options)


def _digits(count: int) -> Rx:
    return repeat(char_class(DIGITS), count, count)
