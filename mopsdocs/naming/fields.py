"""One field of a convention, compiled: its matcher fragment, and its verdict on a piece of text.

`score(text)` is what the explainer's search calls many times: a cost and, when the text can be
turned into a valid value (a label or alias for a code, another way of writing a date, a missing
leading zero, ...), the fixed value. `describe(text)` says why in words, for the reports. Costs
rank explanations: a value that is merely written another way is cheaper than one that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from . import dates
from . import regex as rx
from .regex import Intervals, Rx
from .userpattern import UserPattern

VALID, FIXABLE, WRONG, GARBAGE, MISSING = 0, 2, 4, 6, 6
Kind = Literal["vocabulary", "date", "text", "number", "choice", "literal"]
FixKind = Literal["case", "label", "alias", "pad", "date", "text"]
BUILD_FIXES = ("case", "label", "alias", "pad")  # what `names build` and the page translate
MAX_LISTED_CODES = 10


@dataclass(frozen=True)
class Score:
    cost: int
    fix: str | None = None
    fix_kind: FixKind | None = None


@dataclass
class CompiledField:
    name: str
    kind: Kind
    rx: Rx
    optional: bool = False
    case_sensitive: bool = True
    current: Rx | None = None  # the matcher without retired codes (None: the field has none)
    # vocabulary
    vocabulary: str | None = None
    codes: tuple[str, ...] = ()
    terms: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded label/alias -> (code, "label"|"alias")
    multiple: tuple[str, int] | None = None  # (separator, most codes): one or more codes joined
    retired: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # code -> (replaced_by, retired_on)
    # date
    date_format: dates.DateFormat | None = None
    fiscal_start: tuple[int, int] = (1, 1)  # (month, day) a fiscal year starts on
    # choice: the alternatives, in order; literal: the text
    choices: tuple[CompiledField, ...] = ()
    literal: str = ""
    # text
    pattern: UserPattern | None = None
    min_length: int = 0
    max_length: int | None = None
    allowed: Intervals | None = None  # the characters a one-class pattern allows
    # number
    forbidden: str = ""  # the convention's; reported once for the whole name, not per field
    digits: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    _matcher: re.Pattern[str] | None = None
    longest_term: int = 0  # the longest code, label or alias: longer text is no vocabulary value
    by_lower: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lowercased code -> codes
    # scores already computed, shared by every name this field reads (a score depends on the text only)
    scores: dict[str, Score] = field(default_factory=dict, repr=False, compare=False)
    descriptions: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._matcher = re.compile(self.rx.py)
        terms = list(self.codes) + [t for t in self.terms if not t.startswith("~")]
        self.longest_term = max((len(t) for t in terms), default=0)
        if self.multiple is not None:  # the longest value is `max` of the longest terms, joined
            self.longest_term = self.multiple[1] * (self.longest_term + len(self.multiple[0]))
        grouped: dict[str, list[str]] = {}
        for code in self.codes:
            grouped.setdefault(code.lower(), []).append(code)
        self.by_lower = {k: tuple(v) for k, v in grouped.items()}

    def accepts(self, text: str) -> bool:
        assert self._matcher is not None
        return self._matcher.fullmatch(text) is not None

    # ----------------------------------------------------------------- scoring
    def score(self, text: str) -> Score:
        if self.accepts(text):
            return Score(VALID)
        if not text:
            return Score(MISSING)
        return _SCORERS[self.kind](self, text)

    def describe(self, text: str, build: bool = False) -> str:
        """Why `text` is not a valid value of this field (empty when it is)."""
        if not build:  # what names check asks, again and again: remembered
            known = self.descriptions.get(text)
            if known is None:
                if len(self.descriptions) >= 100_000:
                    self.descriptions.clear()
                known = self.descriptions[text] = self._describe(text, build)
            return known
        return self._describe(text, build)

    def _describe(self, text: str, build: bool) -> str:
        if self.accepts(text):
            return ""
        if not text:
            return "is required" if build else "is missing"
        return _DESCRIBERS[self.kind](self, text, build)

    def build_fix(self, text: str) -> Score | None:
        """The fix `names build` and the page's builder make (a code for a label, alias or wrong
        case, leading zeros), or None. A choice takes its first alternative that has one."""
        if self.kind == "choice":
            return next((s for s in (c.build_fix(text) for c in self.choices) if s is not None), None)
        if not text or self.accepts(text):
            return None
        score = self.score(text)
        return score if score.fix is not None and score.fix_kind in BUILD_FIXES else None

    def retired_in(self, value: str) -> list[str]:
        """The retired codes a valid value uses."""
        if self.kind == "choice":
            return next((c.retired_in(value) for c in self.choices if c.accepts(value)), [])
        if not self.retired:
            return []
        parts = value.split(self.multiple[0]) if self.multiple else [value]
        return [p for p in parts if p in self.retired]

    def retired_message(self, code: str) -> str:
        replacement, since = self.retired.get(code, (None, None))
        when = f" (since {since})" if since else ""
        return f"'{code}' is retired{when}: " + (f"use {replacement}" if replacement else "it has no replacement")

    def code_list(self) -> str:
        """The codes to offer (retired ones are not), the first MAX_LISTED_CODES of them."""
        codes = [c for c in self.codes if c not in self.retired]
        shown = ", ".join(codes[:MAX_LISTED_CODES]) or "none"  # none: every code has a variant of its own
        return shown + (", ..." if len(codes) > MAX_LISTED_CODES else "")


def fold(text: str) -> str:
    return text.casefold()


_NOT_ALNUM = re.compile(r"[\W_]+")  # Python's \w is isalnum() or '_'


def squash(text: str) -> str:
    """Letters and digits only, lowercased: 'Trade-Show', 'trade show' and 'TradeShow' meet."""
    return _NOT_ALNUM.sub("", text.lower())


# --------------------------------------------------------------------------- vocabulary


def _vocabulary_match(f: CompiledField, text: str) -> tuple[str, FixKind] | None:
    for code in f.by_lower.get(text.lower(), ()):
        if rx.same_ignoring_case(text, code):
            return code, "case"
    if len(f.by_lower) != len(f.codes) or not text.isascii():  # exotic letter cases: look at every code
        for code in f.codes:
            if rx.same_ignoring_case(text, code):
                return code, "case"
    hit = f.terms.get(fold(text)) or f.terms.get("~" + squash(text))
    if hit is not None:
        return hit[0], "label" if hit[1] == "label" else "alias"
    return None


def _score_vocabulary(f: CompiledField, text: str) -> Score:
    if len(text) > f.longest_term + 4:
        return Score(GARBAGE)
    if f.multiple is not None:
        return _score_multiple(f, text)
    hit = _vocabulary_match(f, text)
    return Score(FIXABLE, hit[0], hit[1]) if hit else Score(GARBAGE)


def _parts(f: CompiledField, text: str) -> list[tuple[str, tuple[str, FixKind] | None]]:
    """Each code of a multiple value, and the code it is another spelling of (None: none)."""
    assert f.multiple is not None
    return [(p, (p, "case") if p in f.codes else _vocabulary_match(f, p)) for p in text.split(f.multiple[0])]


def _score_multiple(f: CompiledField, text: str) -> Score:
    assert f.multiple is not None
    parts = _parts(f, text)
    codes = [hit[0] for _, hit in parts if hit is not None]
    if len(codes) < len(parts) or len(set(codes)) < len(codes) or len(codes) > f.multiple[1]:
        return Score(GARBAGE if not codes else WRONG)
    fixed = f.multiple[0].join(codes)
    kinds = [hit[1] for p, hit in parts if hit is not None and hit[0] != p]
    how: FixKind = "label" if "label" in kinds else ("alias" if "alias" in kinds else "case")
    return Score(FIXABLE, fixed, how) if f.accepts(fixed) else Score(WRONG)


def _describe_multiple(f: CompiledField, text: str, build: bool) -> str:
    assert f.multiple is not None
    separator, most = f.multiple
    parts = _parts(f, text)
    out, seen = [], []
    for part, hit in parts:
        if hit is None or hit[0] != part:
            out.append(_describe_code(f, part, hit))
        if hit is not None:
            if hit[0] in seen:
                out.append(f"'{hit[0]}' is given twice")
            seen.append(hit[0])
    if len(parts) > most:
        out.append(f"has {len(parts)} codes joined by '{separator}', at most {most}")
    return "; ".join(dict.fromkeys(out))


def _describe_vocabulary(f: CompiledField, text: str, build: bool) -> str:
    if f.multiple is not None:
        return _describe_multiple(f, text, build)
    return _describe_code(f, text, _vocabulary_match(f, text))


def _describe_code(f: CompiledField, text: str, hit: tuple[str, FixKind] | None) -> str:
    if hit is None:
        article = "an" if f.name[:1] and f.name[0].lower() in "aeiou" else "a"
        return f"'{text}' is not {article} {f.name} code: use one of {f.code_list()}"
    code, how = hit
    if how == "case":
        return f"'{text}' has the wrong letter case: use {code}"
    return f"'{text}' is the {how} of {f.name} code {code}: use {code}"


# --------------------------------------------------------------------------- date


def _score_date(f: CompiledField, text: str) -> Score:
    assert f.date_format is not None
    if len(text) > 24 or not any(ch.isdigit() for ch in text):
        return Score(GARBAGE)  # every way of writing a date has digits
    if dates.problems_in(text, f.date_format, f.case_sensitive) is not None:
        return Score(WRONG)
    fixed = _date_fix(f, text)
    return Score(FIXABLE, fixed, "date") if fixed else Score(GARBAGE)


def _date_fix(f: CompiledField, text: str) -> str | None:
    if len(text) > 24:
        return None
    assert f.date_format is not None
    value = dates.read_loosely(text)
    fixed = dates.render(value, f.date_format, f.fiscal_start) if value else None
    return fixed if fixed is not None and fixed != text and f.accepts(fixed) else None


def _describe_date(f: CompiledField, text: str, build: bool) -> str:
    assert f.date_format is not None
    problems = dates.problems_in(text, f.date_format, f.case_sensitive)
    if problems:
        return "; ".join(problems)
    fixed = None if build else _date_fix(f, text)
    if fixed:
        return f"'{text}' is not written {f.date_format.source}: use {fixed}"
    return f"'{text}' is not a date written {f.date_format.source}"


# --------------------------------------------------------------------------- number


def _number_fix(f: CompiledField, text: str) -> str | None:
    if f.digits is None or not text.isascii() or not text.isdigit() or len(text) >= f.digits:
        return None
    padded = text.zfill(f.digits)
    return padded if f.accepts(padded) else None


def _score_number(f: CompiledField, text: str) -> Score:
    fixed = _number_fix(f, text)
    if fixed:
        return Score(FIXABLE, fixed, "pad")
    return Score(WRONG if text.isascii() and text.isdigit() else GARBAGE)


def _describe_number(f: CompiledField, text: str, build: bool) -> str:
    if not (text.isascii() and text.isdigit()):
        return f"'{text}' is not a number"
    fixed = _number_fix(f, text)
    if fixed:
        return f"'{text}' must have {f.digits} digits: use {fixed}"
    if f.digits is not None and len(text) != f.digits:
        return f"'{text}' has {len(text)} digits; {f.name} has {f.digits}"
    value = int(text)
    if f.minimum is not None and value < f.minimum:
        return f"{value} is below the minimum, {f.minimum}"
    return f"{value} is above the maximum, {f.maximum}"


# --------------------------------------------------------------------------- text


def _text_candidates(text: str) -> list[str]:
    base = text.strip()
    inner = r"(?<=[^\W_])[\s_]+(?=[^\W_])"  # between letters or digits only: a trailing '_' is a
    # separator of the name, not a space in the field
    out = [
        base,
        re.sub(r"(?<=\S)\s+(?=\S)", "-", base),
        re.sub(inner, "-", base),
        re.sub(r"\s+", "", base),
        re.sub(r"(?<=[^\W_])[^\w-]+(?=[^\W_])", "-", base),
    ]
    out += [c.lower() for c in out]
    seen: list[str] = []
    for c in out:
        if c and c not in seen:
            seen.append(c)
    return seen


def _text_fix(f: CompiledField, text: str) -> str | None:
    if len(text) > 200:
        return None
    for candidate in _text_candidates(text):
        if candidate != text and f.accepts(candidate):
            return candidate
    return None


def _score_text(f: CompiledField, text: str) -> Score:
    fixed = _text_fix(f, text)
    return Score(FIXABLE, fixed, "text") if fixed else Score(WRONG)


def _describe_text(f: CompiledField, text: str, build: bool) -> str:
    problems = text_problems(f, text)
    if not problems and any(ch in f.forbidden for ch in text) and f.allowed is not None:
        return ""  # only the forbidden characters are wrong: reported for the whole name
    fixed = None if build else _text_fix(f, text)
    source = f.pattern.source if f.pattern else ""
    message = "; ".join(problems) if problems else f"'{text}' does not match the pattern {source}"
    return f"{message}: use {fixed}" if fixed else message


def text_problems(f: CompiledField, text: str) -> list[str]:
    out = []
    n = len(text)
    if f.max_length is not None and n > f.max_length:
        out.append(f"is {n} characters, the limit for {f.name} is {f.max_length}")
    if n < f.min_length:
        out.append(f"is {n} character{'s' if n != 1 else ''}, {f.name} needs at least {f.min_length}")
    if f.allowed is not None:
        bad = []
        for ch in _outside(tuple(f.allowed)).findall(text):  # in the order they first occur
            if ch not in bad and ch not in f.forbidden:
                bad.append(ch)
        if bad:
            shown = ", ".join(quote_char(c) for c in bad[:5])
            verb = "is" if len(bad) == 1 else "are"
            out.append(f"{shown} {verb} not allowed in {f.name} (allowed: {describe_class(f.allowed)})")
    return out


@lru_cache(maxsize=256)
def _outside(allowed: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    """One character outside the class (a names check reads thousands of names: no Python loop)."""
    return re.compile(rx.char_class(rx.complement(list(allowed))).py)


def quote_char(ch: str) -> str:
    if ch.isprintable():
        return f"'{ch}'"
    return f"U+{ord(ch):04X}"


def describe_class(ranges: Intervals) -> str:
    size = sum(high - low + 1 for low, high in ranges)
    if size > 0x10000:
        return "anything but " + _ranges_text(rx.complement(ranges))
    return _ranges_text(ranges)


def _ranges_text(ranges: Intervals) -> str:
    parts = []
    for low, high in ranges[:12]:
        a, b = chr(low), chr(high)

        def shown(c: str) -> str:
            return c if c.isprintable() and c != " " else ("space" if c == " " else f"U+{ord(c):04X}")

        parts.append(shown(a) if low == high else f"{shown(a)}-{shown(b)}")
    return " ".join(parts) + (" ..." if len(ranges) > 12 else "")


# --------------------------------------------------------------------------- choice and literal


def _score_literal(f: CompiledField, text: str) -> Score:
    return Score(FIXABLE, f.literal, "case") if rx.same_ignoring_case(text, f.literal) else Score(GARBAGE)


def _describe_literal(f: CompiledField, text: str, build: bool) -> str:
    if rx.same_ignoring_case(text, f.literal):
        return f"'{text}' has the wrong letter case: use {f.literal}"
    return f"'{text}' is not '{f.literal}'"


def _score_choice(f: CompiledField, text: str) -> Score:
    return min((c.score(text) for c in f.choices), key=lambda s: s.cost)


def alternative_words(f: CompiledField) -> str:
    """What a value of this field is, in a few words: 'a date written YYYYMMDD', "'eg'"."""
    if f.kind == "literal":
        return f"'{f.literal}'"
    if f.kind == "date":
        assert f.date_format is not None
        return f"a date written {f.date_format.source}"
    if f.kind == "vocabulary":
        return f"a {f.vocabulary} code"
    if f.kind == "number":
        return "a number"
    return f"text matching {f.pattern.source}" if f.pattern else "text"


def _describe_choice(f: CompiledField, text: str, build: bool) -> str:
    """The alternative the text comes closest to says why; when it is none of them, all are named.
    In build mode only what the page's engine can tell too: a fix it makes, or a date that does
    not exist."""
    if build:
        close = next((c for c in f.choices if c.build_fix(text) is not None), None)
        if close is None:
            close = next(
                (
                    c
                    for c in f.choices
                    if c.date_format is not None and dates.problems_in(text, c.date_format, c.case_sensitive)
                ),
                None,
            )
    else:
        best = min(f.choices, key=lambda c: c.score(text).cost)
        close = best if best.score(text).cost < GARBAGE else None
    if close is not None:
        return close.describe(text, build)
    words = [alternative_words(c) for c in f.choices]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    return f"'{text}' is not {listed}"


_SCORERS = {
    "vocabulary": _score_vocabulary,
    "date": _score_date,
    "number": _score_number,
    "text": _score_text,
    "choice": _score_choice,
    "literal": _score_literal,
}
_DESCRIBERS = {
    "vocabulary": _describe_vocabulary,
    "date": _describe_date,
    "number": _describe_number,
    "text": _describe_text,
    "choice": _describe_choice,
    "literal": _describe_literal,
}
