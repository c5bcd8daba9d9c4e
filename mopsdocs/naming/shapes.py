"""The shape of a wrong name: its plain words replaced by stand-ins that the explainer cannot tell
apart from them, so that names which share a mistake share the search for their best reading.

Exports hold thousands of names with the same mistake and different titles ('2021-12-Webinar-
Peak-Capacity', '2022-03-Webinar-Cloud-Summit'). The search for a name's best reading compares
costs only, and the cost of a part of a name depends on a plain word (an ASCII letter run) only
through its length and, letter by letter, through the character classes the convention's free-text
patterns test; never through what it says, unless the word occurs in something the explainer reads
words from. So such a word is *inert* when it is at least 3 letters long, shares no letter with a
separator of the template, is not a month name (dates are read loosely: 'Dec 2021'), and is not a
part of any code, label, alias, date-format literal or forbidden word (nor holds a forbidden word).
Inert words are replaced by runs of one stand-in letter per class ('Peak' -> 'Xxxx'), checked to be
inert themselves; the search runs on that shape (its results are remembered per shape) and the
reading is then rebuilt on the real name from the search's decisions, so every message still
quotes the name as written. Conventions with a free-text pattern that is not one character class
repeated ('[a-z0-9]+(-[a-z0-9]+)*') test more than classes, so their names are not reshaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import dates
from . import regex as rx
from .compiler import CompiledConvention
from .fields import CompiledField
from .grammar import Literal

SHAPES = True  # False: every name is searched as written (tests compare the two)
WORD_MEMORY = 100_000  # words remembered per convention; past it the memory starts again

_WORD = re.compile(r"[A-Za-z]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_STAND_INS = "xzqjkvwyfghbdmpucltnoiresa"  # preferred stand-ins first: letters codes rarely use
_EVERYTHING: rx.Intervals = [(0, 0x10FFFF)]


@dataclass
class Shaper:
    """How one convention reshapes names (None from `shaper` when it cannot)."""

    literal_letters: frozenset[str]
    corpus: str  # every text the explainer reads words from, lowercased, one per line
    forbidden_words: tuple[str, ...]
    stand_in: dict[int, int]  # str.translate table: each letter to its class's stand-in
    words: dict[str, str] = field(default_factory=dict)

    def shape(self, text: str) -> str:
        return _WORD.sub(self._word, text)

    def _word(self, m: re.Match[str]) -> str:
        word = m.group()
        known = self.words.get(word)
        if known is None:
            if len(self.words) >= WORD_MEMORY:
                self.words.clear()
            known = self.words[word] = self._replacement(word)
        return known

    def _replacement(self, word: str) -> str:
        if not self.inert(word):
            return word
        stand_in = word.translate(self.stand_in)
        return stand_in if self.inert(stand_in) else word

    def inert(self, word: str) -> bool:
        low = word.lower()
        return (
            len(word) >= 3
            and low not in dates.MONTHS
            and not self.literal_letters.intersection(low)
            and low not in self.corpus
            and not any(w in low for w in self.forbidden_words)
        )


def shaper(conv: CompiledConvention) -> Shaper | None:
    """The convention's shaper, made once and kept with the explainer's memory."""
    known = conv.memo.get("shaper", False)
    if known is False:
        known = conv.memo["shaper"] = _make_shaper(conv) if SHAPES else None
    assert known is None or isinstance(known, Shaper)
    return known


def _make_shaper(conv: CompiledConvention) -> Shaper | None:
    fields = list(_all_fields(conv.fields.values()))
    texts = [f for f in fields if f.kind == "text"]
    if any(f.allowed is None and f.pattern is not None for f in texts):
        return None  # a pattern that tests more than character classes
    classes = [f.allowed if f.allowed is not None else _EVERYTHING for f in texts]
    literal_letters = {
        ch.lower()
        for alt in conv.template.alternatives
        for item in alt
        if isinstance(item, Literal)
        for ch in item.text
        if ch.isalpha()
    }
    literal_letters |= {ch.lower() for ch in conv.forbidden if ch.isalpha()}
    corpus: list[str] = [w.lower() for w in conv.forbidden_words]
    for f in fields:
        corpus += [c.lower() for c in f.codes]
        corpus += [t.lstrip("~").lower() for t in f.terms]
        corpus += [f.literal.lower()] if f.literal else []
        corpus += [f.multiple[0].lower()] if f.multiple else []
        if f.date_format is not None:
            corpus += [t.lower() for is_part, t in f.date_format.tokens if not is_part]

    def signature(ch: str) -> tuple[bool, ...]:  # what the free-text patterns can tell of a letter
        return (ch.isupper(), *(rx.in_class(c, r) for r in classes for c in (ch, ch.lower(), ch.upper())))

    stand_in: dict[int, int] = {}
    by_class: dict[tuple[bool, ...], str] = {}
    preferred = [c for c in _STAND_INS if c not in literal_letters] + [c for c in _STAND_INS if c in literal_letters]
    for ch in _LETTERS + _LETTERS.upper():
        key = signature(ch)
        if key not in by_class:
            same = [c for c in preferred for c in (c, c.upper()) if signature(c) == key]
            by_class[key] = same[0] if same else ch
        stand_in[ord(ch)] = ord(by_class[key])
    return Shaper(
        frozenset(literal_letters), "\n".join(corpus), tuple(w.lower() for w in conv.forbidden_words), stand_in
    )


def _all_fields(fields: Iterable[CompiledField]) -> Iterator[CompiledField]:
    for f in fields:
        yield f
        yield from _all_fields(f.choices)  # a choice's alternatives read the same words
