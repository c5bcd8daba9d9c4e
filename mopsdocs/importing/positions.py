"""What one part of a set of names holds, read from the tokens found there.

`guess_position` tells a literal (`OPS`), a date in a format `naming.dates` reads, codes repeated
often enough to be a vocabulary, a number, or free text; `without_swapped_codes` takes out of a
vocabulary the tokens that belong to another position (two parts swapped by mistake);
`optional_positions` finds the parts that whole groups of shorter names leave out. Plain lists
of tokens in, frozen `Position`s out: `infer` assembles them into a convention.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from .. import specs
from ..naming import dates

# Date formats tried, most specific first (a tie goes to the earlier one).
DATE_FORMATS = (
    "YYYY-MM-DD",
    "YYYYMMDD",
    "YYYY.MM.DD",
    "YYYY/MM/DD",
    "DD-MM-YYYY",
    "MM-DD-YYYY",
    "DD.MM.YYYY",
    "MM/DD/YYYY",
    "DD/MM/YYYY",
    "YYMMDD",
    "YYYY-MM",
    "YYYYMM",
    "YYYY.MM",
    "YYYY/MM",
    "MM-YYYY",
    "YY-MM",
    "YYYY-QN",
    "YYYYQN",
    "QN-YYYY",
    "QNYYYY",
    "YYYY",
)
OPTIONAL_SHARE = 0.05  # shorter names that leave out one position, as a share of all names
DATE_SHARE = 0.8  # tokens in one date format for the position to be a date
LITERAL_SHARE = 0.95  # the same token this often: the position is literal text
NUMBER_SHARE = 0.9  # digits this often: a number (of one width, when that often too)
VOCABULARY_SHARE = 0.8  # repeated tokens covering this much of a position: a vocabulary
SWAP_SHARE = 0.2  # a code this much rarer here than at another position was swapped there
RARE_SHARE = 0.01  # tokens rarer than this share of the commonest code are left out
MAX_CODES = 100  # more distinct codes than this is free text, not a vocabulary


@dataclass(frozen=True)
class Position:
    """What one part of the names holds."""

    kind: str  # literal | date | vocabulary | number | text
    literal: str = ""
    format: str = ""
    codes: tuple[str, ...] = ()
    vocabulary: str = ""  # an existing vocabulary reused, else "" (a new one is proposed)
    left_out: tuple[str, ...] = ()  # tokens seen too rarely to be codes (typos, one-offs)
    digits: int | None = None
    pattern: str = ""
    optional: bool = False


# --------------------------------------------------------------------------- one position


def guess_position(tokens: Sequence[str], known: Mapping[str, specs.Vocabulary]) -> Position:
    n = len(tokens)
    counts = Counter(tokens)
    top, top_count = counts.most_common(1)[0]
    if top_count >= LITERAL_SHARE * n and top:
        return Position("literal", literal=top)
    date = _date_format(counts, n)
    if date is not None:
        return Position("date", format=date)
    # A code is seen a few times at least, and not far rarer than the commonest: at 100,000
    # names, parts swapped by mistake repeat a word dozens of times, codes thousands of times.
    floor = max(2, min(5, math.ceil(0.005 * n)), math.ceil(RARE_SHARE * top_count))
    frequent = {t: c for t, c in counts.items() if c >= floor and t}
    if frequent and len(frequent) <= MAX_CODES and sum(frequent.values()) >= VOCABULARY_SHARE * n:
        return _vocabulary_position(frequent, counts, known)
    numbers = [t for t in tokens if t.isascii() and t.isdigit()]
    if len(numbers) >= NUMBER_SHARE * n:
        width, same = Counter(len(t) for t in numbers).most_common(1)[0]
        return Position("number", digits=width if same >= NUMBER_SHARE * n else None)
    return Position("text", pattern=_text_pattern(tokens))


def without_swapped_codes(positions: list[Position], columns: list[list[str]]) -> list[Position]:
    """A code of one position seen a few times in another is two parts swapped, not a code of
    both: `2021-12_EMEA_WBN_x` must not make EMEA a channel. It stays where it is frequent."""
    # free text is counted by word: `Partner` swapped in from `Peak-Partner` texts
    counts = [
        Counter(w for t in c for w in _WORD.findall(t)) if p.kind == "text" else Counter(c)
        for p, c in zip(positions, columns)
    ]
    out = list(positions)
    for i, here in enumerate(positions):
        if here.kind != "vocabulary" or here.vocabulary:
            continue
        swapped = {
            code
            for code in here.codes
            for j, there in enumerate(positions)
            if j != i and _belongs_there(code, there, counts[i][code], counts[j][code])
        }
        if swapped:
            out[i] = replace(
                here,
                codes=tuple(c for c in here.codes if c not in swapped),
                left_out=tuple(sorted({*here.left_out, *swapped})),
            )
    return out


_WORD = re.compile(r"[^\W_]+")


def _belongs_there(code: str, there: Position, here: int, count_there: int) -> bool:
    if there.kind in ("date", "number"):  # a date or a number is never a code next to one
        return _token_matcher(there)(code)
    if there.kind == "text":  # a word of the free text, swapped in a few times
        return here < SWAP_SHARE * count_there
    codes = there.codes if there.kind == "vocabulary" else (there.literal,)
    return code in codes and here < SWAP_SHARE * count_there


def _date_format(counts: Mapping[str, int], n: int) -> str | None:
    best, best_count = None, 0
    for source in DATE_FORMATS:
        matcher = _date_matcher(source)
        hits = sum(c for t, c in counts.items() if matcher.fullmatch(t) is not None)
        if hits > best_count:
            best, best_count = source, hits
    return best if best_count >= DATE_SHARE * n else None


_DATE_MATCHERS: dict[str, re.Pattern[str]] = {}


def _date_matcher(source: str) -> re.Pattern[str]:
    matcher = _DATE_MATCHERS.get(source)
    if matcher is None:
        matcher = _DATE_MATCHERS[source] = re.compile(dates.date_rx(dates.parse_format(source)).py)
    return matcher


def _vocabulary_position(
    frequent: Mapping[str, int], counts: Mapping[str, int], known: Mapping[str, specs.Vocabulary]
) -> Position:
    seen = sum(frequent.values())
    for vocab in known.values():  # the project's own vocabulary, when the codes are mostly its codes
        known_codes = {v.code for v in vocab.values}
        if sum(c for t, c in frequent.items() if t in known_codes) >= 0.9 * seen:
            rare = tuple(sorted(t for t in counts if t not in known_codes))
            return Position("vocabulary", codes=tuple(v.code for v in vocab.values), vocabulary=vocab.id, left_out=rare)
    typos = {t for t, c in frequent.items() if any(c < SWAP_SHARE * k and _one_edit(t, o) for o, k in frequent.items())}
    codes = tuple(sorted((t for t in frequent if t not in typos), key=lambda t: (-frequent[t], t)))
    rare = tuple(sorted(t for t in counts if t not in codes))
    return Position("vocabulary", codes=codes, left_out=rare)


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped: `WCN` for `WBN` is a typo of a code, not a code
    (unless it is about as common, as `EMN` beside `EM` is)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_CLASS_RANGES = (("A-Z", str.isupper), ("a-z", str.islower), ("0-9", str.isdigit))


def _text_pattern(tokens: Sequence[str]) -> str:
    """A character class of what the tokens hold: `[A-Za-z0-9-]+` (other letters kept as seen)."""
    chars = set("".join(tokens))
    parts = []
    for spelled, test in _CLASS_RANGES:
        members = {c for c in chars if c.isascii() and test(c)}
        if members:
            parts.append(spelled)
            chars -= members
    rest = sorted(chars - {"-"})
    parts.extend(re.escape(c) if c in "\\]^[" else c for c in rest)
    if "-" in chars:
        parts.append("-")  # last in the class: a hyphen, not a range
    return f"[{''.join(parts)}]+" if parts else ".+"


# --------------------------------------------------------------------------- optional parts


def optional_positions(positions: Sequence[Position], shorter: Sequence[list[str]], total: int) -> list[int]:
    """Positions that enough names one part shorter leave out while matching everything else."""
    if not shorter or len(positions) < 2:
        return []
    matchers = [_token_matcher(p) for p in positions]
    rows = Counter(tuple(r) for r in shorter)
    floor = max(3, math.ceil(OPTIONAL_SHARE * total))
    out = []
    for skip in range(len(positions)):
        if positions[skip].kind == "literal":
            continue
        rest = [m for i, m in enumerate(matchers) if i != skip]
        hits = sum(k for row, k in rows.items() if all(m(t) for m, t in zip(rest, row)))
        if hits >= floor:
            out.append(skip)
    return out


def _token_matcher(position: Position) -> Callable[[str], bool]:
    if position.kind == "literal":
        return position.literal.__eq__
    if position.kind == "date":
        return lambda t: _date_matcher(position.format).fullmatch(t) is not None
    if position.kind == "vocabulary":
        return set(position.codes).__contains__
    if position.kind == "number":
        return lambda t: t.isascii() and t.isdigit() and (position.digits is None or len(t) == position.digits)
    text = re.compile(position.pattern)
    return lambda t: text.fullmatch(t) is not None
