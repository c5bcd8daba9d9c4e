"""A text field's `pattern`: read with Python's own parser, re-written for both engines.

Users write ordinary regular expressions. Re-emitting them from Python's parse tree (rather than
pasting the source into a bigger expression) gives three guarantees: the pattern's own groups
cannot shift or capture anything; `\\d`, `\\w`, `\\s` and `.` mean the same in Python and in the
browser (ASCII digits, ASCII word characters, ASCII white space, any character but a line
break); and constructs one engine lacks (look-behind, possessive repeats, inline flags, ...) are
refused with a message instead of behaving differently on the page.
"""

from __future__ import annotations

import re
import re._constants as _c  # the parser behind `re` (Python >= 3.11); typeshed has no stubs for it
import re._parser as _sre
from dataclasses import dataclass
from typing import Any

from . import regex as rx
from .regex import Intervals, Rx

MAX_PATTERN_LENGTH = 1000
MAX_DEPTH = 40

_CATEGORIES: dict[Any, Intervals] = {
    _c.CATEGORY_DIGIT: [(48, 57)],
    _c.CATEGORY_SPACE: [(9, 13), (32, 32)],
    _c.CATEGORY_WORD: [(48, 57), (65, 90), (95, 95), (97, 122)],
}
_NEGATED = {
    _c.CATEGORY_NOT_DIGIT: _c.CATEGORY_DIGIT,
    _c.CATEGORY_NOT_SPACE: _c.CATEGORY_SPACE,
    _c.CATEGORY_NOT_WORD: _c.CATEGORY_WORD,
}
_LINE_BREAK: Intervals = [(10, 10)]


class PatternProblem(ValueError):
    """The pattern cannot be used; the message says why in the user's words."""


@dataclass(frozen=True)
class UserPattern:
    source: str
    rx: Rx
    min_width: int
    max_width: int | None  # None: unbounded
    # (allowed characters, min, max) when the pattern is one character class repeated, e.g.
    # `[A-Za-z0-9-]+`: lengths then fold into the repeat, and explanations can name the bad character
    single_class: tuple[Intervals, int, int | None] | None


def compile_user_pattern(source: str) -> UserPattern:
    if len(source) > MAX_PATTERN_LENGTH:
        raise PatternProblem(f"the pattern is {len(source):,} characters long; the limit is {MAX_PATTERN_LENGTH:,}")
    try:
        tree = _sre.parse(source)
    except re.error as exc:
        raise PatternProblem(f"not a valid regular expression: {exc.msg} (character {(exc.pos or 0) + 1})") from None
    except RecursionError:
        raise PatternProblem("the pattern nests too deeply") from None
    if tree.state.flags & ~re.UNICODE:
        raise PatternProblem("inline flags such as (?i) are not supported; list both cases in a class, e.g. [Aa]")
    items = list(tree)
    if items and items[0] == (_c.AT, _c.AT_BEGINNING):
        items = items[1:]  # `^...$` is what "matches whole" means anyway
    if items and items[-1] == (_c.AT, _c.AT_END):
        items = items[:-1]
    body = _emit(items, 0)
    low, high = _width(items)
    return UserPattern(source, body, low, high, _single_class(items))


def _width(items: list[Any]) -> tuple[int, int | None]:
    sub = _sre.SubPattern(_sre.State(), items)
    low, high = sub.getwidth()
    return int(low), (None if high >= _c.MAXREPEAT else int(high))


def _single_class(items: list[Any]) -> tuple[Intervals, int, int | None] | None:
    if len(items) != 1:
        return None
    op, av = items[0]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and len(av[2]) == 1:
        ranges = _class_of(av[2][0])
        if ranges is not None:
            return ranges, int(av[0]), (None if av[1] >= _c.MAXREPEAT else int(av[1]))
        return None
    ranges = _class_of(items[0])
    return (ranges, 1, 1) if ranges is not None else None


def _class_of(item: Any) -> Intervals | None:
    op, av = item
    if op == _c.LITERAL:
        return [(av, av)]
    if op == _c.NOT_LITERAL:
        return rx.complement([(av, av)])
    if op == _c.ANY:
        return rx.complement(_LINE_BREAK)
    if op == _c.IN:
        return _in_class(av)
    if op == _c.CATEGORY:
        return _category(av)
    return None


def _category(cat: Any) -> Intervals:
    if cat in _CATEGORIES:
        return _CATEGORIES[cat]
    if cat in _NEGATED:
        return rx.complement(_CATEGORIES[_NEGATED[cat]])
    raise PatternProblem("this character class escape is not supported; use \\d, \\w, \\s or an explicit class")


def _in_class(members: list[Any]) -> Intervals:
    negate = False
    ranges: Intervals = []
    for op, av in members:
        if op == _c.NEGATE:
            negate = True
        elif op == _c.LITERAL:
            ranges.append((av, av))
        elif op == _c.RANGE:
            ranges.append((av[0], av[1]))
        elif op == _c.CATEGORY:
            ranges.extend(_category(av))
        else:
            raise PatternProblem("this kind of character class is not supported")
    ranges = rx.normalize(ranges)
    return rx.complement(ranges) if negate else ranges


_REFUSED = {
    _c.ASSERT: "look-ahead and look-behind ((?=...), (?!...), (?<=...)) are not supported in a field pattern",
    _c.ASSERT_NOT: "look-ahead and look-behind ((?=...), (?!...), (?<=...)) are not supported in a field pattern",
    _c.GROUPREF: "back-references (\\1, (?P=name)) are not supported",
    _c.GROUPREF_EXISTS: "conditional groups (?(1)...) are not supported",
    _c.AT: "anchors (\\b, \\A, ^ or $ inside the pattern) are not supported: a pattern always matches the whole field",
}
for _name in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP"):
    if hasattr(_c, _name):
        _REFUSED[getattr(_c, _name)] = "possessive repeats and atomic groups are not supported in browsers"


def _emit(items: list[Any], depth: int) -> Rx:
    if depth > MAX_DEPTH:
        raise PatternProblem("the pattern nests too deeply")
    parts: list[Rx] = []
    for op, av in items:
        if op in _REFUSED:
            raise PatternProblem(_REFUSED[op])
        ranges = _class_of((op, av))
        if ranges is not None:
            parts.append(rx.char_class(ranges) if op != _c.LITERAL else rx.char(chr(av)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            inner = rx.group(_emit(list(sub), depth + 1))
            parts.append(
                rx.repeat(inner, int(low), None if high >= _c.MAXREPEAT else int(high), lazy=op == _c.MIN_REPEAT)
            )
        elif op == _c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise PatternProblem("inline flags such as (?i:...) are not supported; list both cases in a class")
            parts.append(rx.group(_emit(list(sub), depth + 1)))
        elif op == _c.BRANCH:
            parts.append(rx.alternation([rx.group(_emit(list(b), depth + 1)) for b in av[1]]))
        else:
            raise PatternProblem(f"this construct is not supported in a field pattern ({str(op).lower()})")
    return rx.concat(parts)
