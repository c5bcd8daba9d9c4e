"""One field of a convention, compiled: its matcher fragment, and its verdict on a piece of text.

`score(text)` is what the explainer's search calls many times: a cost and, when the text can be
turned into a valid value (a label or alias for a code, another way of writing a date, a missing
leading zero, ...), the fixed value. `describe(text)` says why in words, for the reports. Costs
rank explanations: a value that is merely written another way is cheaper than one that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from . import dates
from . import regex as rx
from .regex import Intervals, Rx
from .userpattern import UserPattern

VALID, FIXABLE, WRONG, GARBAGE, MISSING = 0, 2, 4, 6, 6
Kind = Literal["vocabulary", "date", "text", "number"]
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
    # vocabulary
    vocabulary: str | None = None
    codes: tuple[str, ...] = ()
    terms: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded label/alias -> (code, "label"|"alias")
    # date
    date_format: dates.DateFormat | None = None
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

    def code_list(self) -> str:
        shown = ", ".join(self.codes[:MAX_LISTED_CODES])
        return shown + (", ..." if len(self.codes) > MAX_LISTED_CODES else "")


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
    hit = _vocabulary_match(f, text)
    return Score(FIXABLE, hit[0], hit[1]) if hit else Score(GARBAGE)


def _describe_vocabulary(f: CompiledField, text: str, build: bool) -> str:
    hit = _vocabulary_match(f, text)
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
    fixed = dates.render(value, f.date_format) if value else None
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
        for ch in text:
            if not rx.in_class(ch, f.allowed) and ch not in bad and ch not in f.forbidden:
                bad.append(ch)
        if bad:
            shown = ", ".join(quote_char(c) for c in bad[:5])
            verb = "is" if len(bad) == 1 else "are"
            out.append(f"{shown} {verb} not allowed in {f.name} (allowed: {describe_class(f.allowed)})")
    return out


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


_SCORERS = {"vocabulary": _score_vocabulary, "date": _score_date, "number": _score_number, "text": _score_text}
_DESCRIBERS = {
    "vocabulary": _describe_vocabulary,
    "date": _describe_date,
    "number": _describe_number,
    "text": _describe_text,
}
