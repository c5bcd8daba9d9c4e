"""Why a name does not conform, field by field, and the conforming name it was probably meant to be.

Only names the fast matcher rejected come here. The explainer looks for the reading of the name
that needs the fewest and smallest repairs: it lines the name up against each expansion of the
template (optional groups in or out), trying field boundaries only where the name changes between
letters/digits and other characters or where a template separator occurs, and charging each part
for what is wrong with it (a label instead of a code is cheap, a separator that is missing costs
more, a value that is no code at all costs most). A second reading tries the name's words in any
order, for names whose fields are swapped. The suggestion is kept only if the matcher accepts it.
The search runs on the name's shape (its plain title words replaced by stand-ins: shapes.py), so
names with the same mistake share it; the reading is then rebuilt on the name as written.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from . import regex as rx
from . import shapes
from .compiler import INVISIBLE, CompiledConvention
from .fields import FIXABLE, GARBAGE, MISSING, WRONG, CompiledField, Score
from .grammar import Literal, Slot
from .readings import Problem, Reading, Scorer, Verdict
from .reorder import REORDERED, reorder, reorder_reading, reorder_tokens

EXPLAIN_LIMIT = 500  # longer names get their global problems only
MAX_POSITIONS = 64


def verdict(conv: CompiledConvention, name: str) -> Verdict:
    """The fast path for valid names; the explanation for the others."""
    if conv.is_valid(name):
        return Verdict(name, True)
    return explain(conv, name)


def field_values(conv: CompiledConvention, name: str) -> dict[str, str] | None:
    """The value of each field of a conforming name, read as the explainer reads it (a vocabulary
    field gives its code as the vocabulary writes it); None when the name does not conform."""
    if conv.variants:  # read by the template the name follows
        sub = next((s for _, s in conv.variants if s.is_valid(name)), None)
        return field_values(sub, name) if sub is not None else None
    if not conv.is_valid(name):
        return None
    _, cleaned = _global_problems(conv, name)
    reading = _best_reading(conv, cleaned)
    if reading is None or reading.cost:
        return None
    out: dict[str, str] = {}
    for field, p, q in reading.spans:
        value = cleaned[p:q]
        compiled = conv.fields[field]
        if compiled.kind == "vocabulary" and value not in compiled.codes:
            value = compiled.by_lower.get(value.lower(), (value,))[0]  # a convention that ignores case
        out[field] = value
    return out


def explain(conv: CompiledConvention, name: str) -> Verdict:
    if conv.variants:
        return _explain_variants(conv, name)
    if conv.rules and conv.matcher.fullmatch(name) is not None:  # the template fits; a rule does not
        return Verdict(name, False, tuple(conv.broken_rules(name)))
    problems, cleaned = _global_problems(conv, name)
    if len(name) > EXPLAIN_LIMIT:
        if conv.max_length is None:  # with a limit, its problem already says how long the name is
            problems.append(Problem(None, f"is {len(name):,} characters long, too long to be a name"))
        return Verdict(name, False, tuple(_dedupe(problems)))
    if not cleaned:
        return Verdict(name, False, tuple(_dedupe(problems or [Problem(None, "is empty")])))
    reading = _shaped_reading(conv, cleaned)
    if reading is None:
        problems.append(Problem(None, f"does not follow the pattern {conv.template.source}"))
        return Verdict(name, False, tuple(_dedupe(problems)))
    if reading.recognised:
        problems.extend(reading.problems)
    else:  # nothing in it is any field: a list of per-field complaints would only be noise
        problems.append(Problem(None, f"does not follow the pattern {conv.template.source}"))
    problems.extend(_forbidden_problems(conv, cleaned, reading.spans))
    problems.extend(forbidden_word_problems(conv, cleaned, reading.spans))
    suggestion = reading.suggestion
    if suggestion is not None and (suggestion == name or not conv.is_valid(suggestion)):
        suggestion = None
    if not problems:  # the matcher said no, so something is wrong: never answer with nothing
        problems.append(Problem(None, f"does not follow the pattern {conv.template.source}"))
    return Verdict(name, False, tuple(_dedupe(problems)), suggestion)


def _explain_variants(conv: CompiledConvention, name: str) -> Verdict:
    """The explanation by the template the name comes closest to (on a tie, the first: the default)."""
    if len(name) > EXPLAIN_LIMIT or not name.strip():
        return explain(conv.variants[0][1], name)
    _, cleaned = _global_problems(conv, name)
    for _, sub in conv.variants:
        if sub.matcher.fullmatch(name) is not None:
            return explain(sub, name)  # its template fits; a cross-field rule does not
    named = [sub for code, sub in conv.variants[1:] if code is not None and _has_word(cleaned, code)]
    if len(named) == 1:  # the name holds a variant's own code: its template is the one meant
        return explain(named[0], name)
    best, best_cost = conv.variants[0][1], None
    for _, sub in conv.variants:
        reading = _shaped_reading(sub, cleaned)
        cost = reading.cost if reading is not None else None
        if cost is not None and (best_cost is None or cost < best_cost):
            best, best_cost = sub, cost
    return explain(best, name)


def _has_word(text: str, word: str) -> bool:
    at = text.lower().find(word.lower())
    while at >= 0:
        before, after = text[at - 1 : at], text[at + len(word) : at + len(word) + 1]
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.lower().find(word.lower(), at + 1)
    return False


def _dedupe(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def forbidden_message(conv: CompiledConvention, ch: str) -> str:
    where = "Marketo asset names" if conv.marketo_forbidden else "these names"
    return f"'{ch}' is not allowed in {where}"


# --------------------------------------------------------------------------- whole-name problems


def _global_problems(conv: CompiledConvention, name: str) -> tuple[list[Problem], str]:
    out: list[Problem] = []
    if conv.max_length is not None and len(name) > conv.max_length:
        out.append(Problem(None, f"is {len(name)} characters, the limit is {conv.max_length}"))
    if name[:1].isspace():
        out.append(Problem(None, f"starts with {_space_word(name[0])}"))
    if name[-1:].isspace() and name.strip():
        out.append(Problem(None, f"ends with {_space_word(name[-1])}"))
    if _INVISIBLE_RX.search(name) is None:  # the usual case: nothing to take out
        return out, name.strip()
    seen: set[str] = set()
    cleaned = []
    for i, ch in enumerate(name):
        if rx.in_class(ch, INVISIBLE):
            if ch not in seen and len(seen) < 3:
                out.append(Problem(None, f"contains {_char_word(ch)} at character {i + 1}"))
            seen.add(ch)
            cleaned.append(" " if ch.isspace() else "")
        else:
            cleaned.append(ch)
    text = "".join(cleaned).strip()
    return out, text


_INVISIBLE_RX = re.compile(rx.char_class(INVISIBLE).py)


def _space_word(ch: str) -> str:
    return {" ": "a space", "\t": "a tab", "\xa0": "a non-breaking space"}.get(ch, "white space")


def _char_word(ch: str) -> str:
    if ch == "\xa0":
        return "a non-breaking space (it looks like a space but is not one)"
    if ch == "\t":
        return "a tab"
    label = unicodedata.name(ch, "")
    kind = "a control character" if unicodedata.category(ch) == "Cc" else "an invisible character"
    return f"{kind} (U+{ord(ch):04X}{' ' + label if label else ''})"


def forbidden_word_problems(
    conv: CompiledConvention, text: str, spans: Sequence[tuple[str, int, int]] = ()
) -> list[Problem]:
    """One problem per forbidden word in the name, given to the field it stands in (if any)."""
    out = []
    for word, at in conv.forbidden_words_in(text):
        owner = next((f for f, p, q in spans if p <= at < q), None)
        out.append(Problem(owner, f"contains the forbidden word '{word}'"))
    return out


def retired_problems(conv: CompiledConvention, name: str) -> tuple[list[Problem], str | None]:
    """NAME006 for a conforming name that uses retired codes: one warning per code, and the name
    with each replaced (when every one has a replacement and the result conforms)."""
    if conv.variants:
        sub = next((s for _, s in conv.variants if s.is_valid(name)), None)
        return retired_problems(sub, name) if sub is not None else ([], None)
    values = field_values(conv, name)
    if values is None:
        return [], None
    out: list[Problem] = []
    renamed: dict[str, str] = {}
    for field, value in values.items():
        f = conv.fields[field]
        for code in f.retired_in(value):
            out.append(Problem(field, f.retired_message(code)))
            replacement = _replacement(f, code)
            if replacement is not None:
                separator = f.multiple[0] if f.multiple else None
                parts = renamed.get(field, value)
                pieces = parts.split(separator) if separator else [parts]
                renamed[field] = (separator or "").join(replacement if p == code else p for p in pieces)
    suggestion = _rewrite(conv, name, values, renamed) if renamed else None
    return out, suggestion


def _replacement(f: CompiledField, code: str) -> str | None:
    if f.kind == "choice":
        return next((_replacement(c, code) for c in f.choices if code in c.retired), None)
    return f.retired.get(code, (None, None))[0]


def _rewrite(conv: CompiledConvention, name: str, values: dict[str, str], renamed: dict[str, str]) -> str | None:
    _, cleaned = _global_problems(conv, name)
    reading = _best_reading(conv, cleaned)
    if reading is None:
        return None
    out, last = [], 0
    for field, p, q in reading.spans:
        out.append(cleaned[last:p])
        out.append(renamed.get(field, cleaned[p:q]))
        last = q
    out.append(cleaned[last:])
    text = "".join(out)
    return text if text != name and conv.is_valid(text) else None


def _forbidden_problems(conv: CompiledConvention, text: str, spans: Sequence[tuple[str, int, int]]) -> list[Problem]:
    out = []
    seen: set[str] = set()
    for i, ch in enumerate(text):
        if ch in conv.forbidden and ch not in seen:  # once per character, where it first occurs
            seen.add(ch)
            owner = next((f for f, p, q in spans if p <= i < q), None)
            out.append(Problem(owner, forbidden_message(conv, ch)))
    return out


# --------------------------------------------------------------------------- readings


# The longest text a field of each kind can be read from (dates: 'September 2021'; vocabulary:
# its longest code, label or alias, plus this): past it a part is garbage, and one token of
# garbage is enough to consider.
_SPAN_LIMITS = {"vocabulary": 4, "date": 24, "number": 20}
QUICK_ENOUGH = 4  # a reading this cheap (one wrong value, or two written another way) is taken as is


Items = tuple[Literal | Slot, ...]
Steps = tuple[tuple[int, int, int, str], ...]  # (item, start, end, how)
SHAPE_MEMORY = 100_000  # decisions remembered per convention; past it the memory starts again
_UNKNOWN = ("unknown",)


def _shaped_reading(conv: CompiledConvention, text: str) -> Reading | None:
    """The best reading of `text`, found by searching its shape (see shapes.py) once per shape and
    rebuilt on the text itself: the same reading `_best_reading(conv, text)` finds."""
    shaper = shapes.shaper(conv)
    if shaper is None:
        return _best_reading(conv, text)
    quick = _quick_reading(conv, text, Scorer(text))
    if quick is not None and quick.cost <= QUICK_ENOUGH:
        return quick  # as _best_reading decides: no search, so nothing to share
    shape = shaper.shape(text)
    decisions = conv.memo.setdefault("shapes", {})
    assert isinstance(decisions, dict)
    recipe = decisions.get(shape, _UNKNOWN)
    if recipe is _UNKNOWN:
        if len(decisions) >= SHAPE_MEMORY:
            decisions.clear()
        reading = _best_reading(conv, shape)
        recipe = decisions[shape] = reading.recipe if reading is not None else None
        if shape == text:
            return reading
    if recipe is None:
        return None
    assert isinstance(recipe, tuple)
    return _rebuild(conv, recipe, text)


def _rebuild(conv: CompiledConvention, recipe: tuple[object, ...], text: str) -> Reading:
    """The reading of `text` that the search's decisions `recipe` (found on its shape) make."""
    scorer = Scorer(text)
    if recipe[0] == "steps":
        _, items, total, steps = cast(tuple[str, Items, int, Steps], recipe)
        return _reading_from_steps(conv, items, text, total, steps, scorer)
    _, items, ranges, order, expected = cast(
        tuple[str, Items, tuple[tuple[str, int, int, bool], ...], tuple[str, ...], tuple[str, ...]], recipe
    )
    tokens = reorder_tokens(text)
    values: dict[str, tuple[int, int, Score]] = {}
    for name, a, b, missing in ranges:
        span = text[tokens[a][0] : tokens[b][1]] if not missing else ""
        values[name] = (a, b, Score(MISSING) if missing else scorer.of(conv.fields[name], span))
    return reorder_reading(conv, items, text, tokens, values, list(order), list(expected))


def _best_reading(conv: CompiledConvention, text: str) -> Reading | None:
    scorer = Scorer(text)
    quick = _quick_reading(conv, text, scorer)
    if quick is not None and quick.cost <= QUICK_ENOUGH:
        return quick  # most wrong names have their separators right: no search needed
    positions = _positions(conv, text)
    search = _Search(conv, text, positions, scorer) if positions is not None else None
    most = quick.cost if quick is not None and BOUNDED else _NO_BOUND
    # A reading of the name's words in any order costs at least REORDERED, and is taken only when
    # strictly cheaper than the alignment: an alignment that cheap makes it pointless. Otherwise
    # it is made before the rest of the search, which then only has to find one as cheap.
    first = [b for b in _BUDGETS if b <= min(REORDERED + 1, most)] if BOUNDED else []
    aligned = search.cheapest(first) if search is not None else None
    swapped = None
    if aligned is None:
        swapped = reorder(conv, text, scorer)
        if swapped is not None and BOUNDED:
            most = min(most, swapped.cost + 1)
        done = max(first, default=0)
        if search is not None and most > done:
            aligned = search.cheapest([*(b for b in _BUDGETS if done < b < most), most])
    best: Reading | None = quick
    if aligned is not None and (best is None or aligned.cost < best.cost):
        best = aligned
    if swapped is not None and (best is None or swapped.cost < best.cost):
        best = swapped
    return best


class _Search:
    """The cheapest reading of a name by any alternative of the template (on a tie, the first
    alternative's), searched on a budget.

    Most wrong names are one or two small repairs away, and a search that may spend only a
    little stays small: every alternative is searched for a reading cheaper than each budget in
    turn, and the first budget that finds any gives the answer, since every alternative that
    has a reading that cheap has found its cheapest one. What a failed search learnt (how much
    each rest costs at least) is kept for the next budget."""

    def __init__(self, conv: CompiledConvention, text: str, positions: list[int], scorer: Scorer) -> None:
        self.alignments = [_Alignment(conv, alt, text, positions, scorer) for alt in _alternatives(conv)[0]]

    def cheapest(self, budgets: Sequence[int]) -> Reading | None:
        """The cheapest reading, found with the first of `budgets` (rising) that finds one; None
        when none costs less than the last."""
        for budget in budgets:
            best: tuple[_Alignment, tuple[int, Moves]] | None = None
            for alignment in self.alignments:  # each after the first has to be strictly cheaper to win
                found = alignment.search(budget if best is None or not BOUNDED else min(budget, best[1][0]))
                if found is not None and (best is None or found[0] < best[1][0]):
                    best = (alignment, found)
            if best is not None:
                return best[0].reading(best[1])  # made only for the winner
        return None


@dataclass(frozen=True)
class _Alternative:
    """What the explainer asks of one alternative of the template, again and again: worked out
    once per convention (a template item hashes slowly, and every name would hash them all)."""

    index: int
    items: Items
    splitter: re.Pattern[str]
    short_literals: bool


def _alternatives(conv: CompiledConvention) -> tuple[tuple[_Alternative, ...], frozenset[str]]:
    """The convention's alternatives, and the template's separators."""
    known = conv.memo.get("alternatives")
    if known is None:
        alternatives = tuple(
            _Alternative(i, items, _splitter(items, conv.case_sensitive), _short_literals(items))
            for i, items in enumerate(conv.template.alternatives)
        )
        literals = frozenset(item.text for alt in alternatives for item in alt.items if isinstance(item, Literal))
        known = conv.memo["alternatives"] = (alternatives, literals)
    return cast(tuple[tuple[_Alternative, ...], frozenset[str]], known)


def _splitter(items: tuple[Literal | Slot, ...], case_sensitive: bool) -> re.Pattern[str]:
    """The alternative with every field as a lazy wildcard: where its separators fall."""
    parts = []
    for i, item in enumerate(items):
        if isinstance(item, Literal):
            parts.append(rx.literal(item.text, case_sensitive).py)
        else:
            parts.append("(.*)" if i == len(items) - 1 else "(.*?)")
    return re.compile("".join(parts), re.DOTALL)


def _quick_reading(conv: CompiledConvention, text: str, scorer: Scorer) -> Reading | None:
    """The reading that takes the template's separators where they first occur."""
    best: tuple[int, Items, Steps] | None = None  # the reading is made only for the cheapest
    for alternative in _alternatives(conv)[0]:
        m = alternative.splitter.fullmatch(text)
        if m is None:
            continue
        items = alternative.items
        steps, cost, group, p = [], 0, 1, 0
        for k, item in enumerate(items):
            if isinstance(item, Slot):
                q = m.end(group)
                group += 1
                cost += scorer(conv.fields[item.field], p, q).cost
                steps.append((k, p, q, "field"))
            else:
                q = p + len(item.text)
                steps.append((k, p, q, "ok"))
            p = q
        if best is None or cost < best[0]:
            best = (cost, items, tuple(steps))
    return None if best is None else _reading_from_steps(conv, best[1], text, best[0], best[2], scorer)


def _positions(conv: CompiledConvention, text: str) -> list[int] | None:
    """Where a field or separator may start or end: the ends, every change between letters/digits
    and other characters or between letters and digits, and both ends of every separator found."""
    cuts = {0, len(text)}
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if a.isalnum() != b.isalnum() or (a.isdigit() != b.isdigit() and a.isalnum() and b.isalnum()):
            cuts.add(i)
    folded = text.lower()
    for lit in _alternatives(conv)[1]:
        needle = lit.lower()
        start = folded.find(needle)
        while start >= 0 and len(cuts) < 4 * MAX_POSITIONS:
            cuts.update((start, start + len(lit)))
            start = folded.find(needle, start + 1)
    if len(cuts) > MAX_POSITIONS:
        return None
    return sorted(cuts)


# The last field's options stop at the end when that is provably the cheapest (see _best_from);
# False runs the whole search, for tests/naming/test_explain_speed_design.py to compare with.
LAST_FIELD_SHORTCUT = True
ALIGN_MEMORY = 300_000  # remembered alignments per convention; past it the memory starts again
_NO_BOUND = 1 << 40
BOUNDED = True  # False: every alignment searched whole, with no budget (tests compare the two)
_BUDGETS = (3, 5, 9, 17)  # what the search may spend, in turn, before it may spend anything (_Search)

Moves = tuple[tuple[int, int, str], ...]  # (item, length, how): each step starts where the last ended


class _Alignment:
    """The search for the cheapest reading of `text` as one alternative of the template: dynamic
    programming over positions, with a budget (only a reading cheaper than it is looked for).

    A budget changes nothing in what is found: options are tried in order and replace the
    winner only when strictly cheaper, so the winner is the first cheapest, and the budget only
    skips what could not win. A search that gave up is remembered too, as how much that rest
    costs at least.

    How the rest of a name from position p is best read depends only on that rest and on the
    positions in it, so it is remembered across names, as lengths rather than offsets: lists
    repeat their endings ('_WBN_Peak-Capacity'), and a wrong name then costs little more than
    its own beginning. With one-character separators only, the positions after p follow from
    the text after p; otherwise they are part of what is remembered."""

    def __init__(
        self, conv: CompiledConvention, alternative: _Alternative, text: str, positions: list[int], scorer: Scorer
    ) -> None:
        self.conv, self.items, self.text, self.positions, self.scorer = conv, alternative.items, text, positions, scorer
        shared = conv.memo.setdefault(("align", alternative.index), {})
        assert isinstance(shared, dict)
        if len(shared) >= ALIGN_MEMORY:
            shared.clear()
        self.shared: dict[tuple[object, ...], tuple[int, Moves] | int] = shared
        self.short_literals = alternative.short_literals
        self.at = set(positions)
        # (item, position) -> the cheapest rest, or (an int) how much it costs at least
        self.local: dict[tuple[int, int], tuple[int, Moves] | int] = {}

    def search(self, budget: int) -> tuple[int, Moves] | None:
        """The cheapest reading's cost and moves, if it costs less than `budget`."""
        return self._best(0, 0, budget)

    def reading(self, found: tuple[int, Moves]) -> Reading:
        total, moves = found
        steps, p = [], 0
        for k, length, how in moves:
            steps.append((k, p, p + length, how))
            p += length
        return _reading_from_steps(self.conv, self.items, self.text, total, tuple(steps), self.scorer)

    def _best(self, k: int, p: int, budget: int) -> tuple[int, Moves] | None:
        """The cheapest reading of the rest from item k at p, if it costs less than `budget`."""
        hit = self.local.get((k, p))
        if hit is None or (isinstance(hit, int) and hit < budget):  # unknown, or not known well enough
            start = bisect.bisect_left(self.positions, p)
            ahead: object = (p in self.at) if self.short_literals else tuple(q - p for q in self.positions[start:])
            key = (k, self.text[p:], ahead)
            if hit is None:
                hit = self.shared.get(key)
            if hit is None or (isinstance(hit, int) and hit < budget):
                found = self._best_from(k, p, start, budget)
                hit = self.shared[key] = found if found is not None else budget
            self.local[(k, p)] = hit
        if isinstance(hit, int) or hit[0] >= budget:
            return None
        return hit

    def _best_from(self, k: int, p: int, start: int, budget: int) -> tuple[int, Moves] | None:
        """The cheapest reading of the rest (whatever it costs, where that is known at once), or
        None when none costs less than `budget`."""
        items, text, positions, n = self.items, self.text, self.positions, len(self.text)
        if k == len(items):
            return (0, ()) if p == n else (6, ((k, n - p, "trailing"),))
        item = items[k]
        options: list[tuple[int, int, str]] = []  # (cost, end, how)
        if isinstance(item, Slot):
            f = self.conv.fields[item.field]
            limit = _SPAN_LIMITS.get(f.kind, n) + (f.longest_term if f.kind == "vocabulary" else 0)
            following = positions[min(start + 1, len(positions) - 1)]
            if LAST_FIELD_SHORTCUT and k == len(items) - 1 and p < n and (n - p <= limit or n <= following):
                # the last field: ending anywhere but the end costs 6 more ('trailing'), and no
                # field costs more than 6, so ending at the end wins unless it costs 6 itself
                # (then an earlier end with a valid value ties, and the earlier option wins)
                last = self.scorer(f, p, n).cost
                if last < GARBAGE:
                    return last, ((k, n - p, "field"),)
            memo = f.scores
            for q in positions[start:]:
                if q - p > limit and q > following:
                    break  # longer than any value of the field could be: only garbage beyond here
                score = memo.get(text[p:q])
                options.append((score.cost if score is not None else self.scorer(f, p, q).cost, q, "field"))
        else:
            options.extend(_literal_options(self.conv, item.text, text, p, positions[start:]))
        winner: tuple[int, Moves] | None = None
        threshold = budget
        for cost, q, how in options:
            if cost >= threshold:
                continue
            rest = self._best(k + 1, q, threshold - cost)
            if rest is not None:
                threshold = cost + rest[0]
                winner = (threshold, ((k, q - p, how),) + rest[1])
        return winner


def _short_literals(items: tuple[Literal | Slot, ...]) -> bool:
    return all(len(item.text) == 1 for item in items if isinstance(item, Literal))


def _literal_options(
    conv: CompiledConvention, lit: str, text: str, p: int, ahead: list[int]
) -> list[tuple[int, int, str]]:
    """The ways the separator `lit` may stand at p: (cost, end, how). What they are depends only
    on the few characters from p and the positions among them, so they are remembered."""
    size = len(lit)
    near = tuple(q - p for q in ahead if p < q <= p + size + 2)
    key = ("literal", lit, conv.case_sensitive, text[p : p + size + 2], p + size <= len(text), near)
    known = conv.memo.get(key)
    if known is None:
        if len(conv.memo) >= ALIGN_MEMORY:
            conv.memo.clear()
        known = conv.memo[key] = _literal_moves(conv, lit, text, p, ahead)
    assert isinstance(known, list)
    return [(cost, p + length, how) for cost, length, how in known]


def _literal_moves(
    conv: CompiledConvention, lit: str, text: str, p: int, ahead: list[int]
) -> list[tuple[int, int, str]]:
    return [(cost, q - p, how) for cost, q, how in _literal_options_at(conv, lit, text, p, ahead)]


def _literal_options_at(
    conv: CompiledConvention, lit: str, text: str, p: int, ahead: list[int]
) -> list[tuple[int, int, str]]:
    size = len(lit)
    seg = text[p : p + size]
    out = []
    exact = seg == lit or (not conv.case_sensitive and rx.same_ignoring_case(seg, lit))
    if exact:
        out.append((0, p + size, "ok"))
    elif len(seg) == size and rx.same_ignoring_case(seg, lit):
        out.append((2, p + size, "case"))
    else:
        out.append((3, p, "missing"))
    has_alnum = any(c.isalnum() for c in lit)
    for q in ahead:
        if q <= p:
            continue
        if q > p + size + 2:
            break
        span = text[p:q]
        if exact and q == p + size:
            continue
        if not any(c.isalnum() for c in span):
            out.append((2 if not has_alnum else 4, q, "wrong"))
        elif difflib.SequenceMatcher(None, span.lower(), lit.lower()).ratio() >= 0.5:
            out.append((4, q, "wrong"))
    return out


def _recognised(f: CompiledField, cost: int) -> bool:
    """A value that is right, written another way, or a date in its format that does not exist
    (`FY26 Q5`: the quarter is wrong, but it is clearly the quarter)."""
    return cost <= FIXABLE or (cost == WRONG and f.kind == "date")


def _reading_from_steps(
    conv: CompiledConvention,
    items: tuple[Literal | Slot, ...],
    text: str,
    total: int,
    steps: tuple[tuple[int, int, int, str], ...],
    scorer: Scorer,
) -> Reading:
    problems: list[Problem] = []
    spans: list[tuple[str, int, int]] = []
    pieces: list[str] | None = []
    previous: str | None = None
    for k, p, q, how in steps:
        if how == "trailing":
            problems.append(Problem(None, f"unexpected '{text[p:q]}' at the end"))
            pieces = None
            continue
        item = items[k]
        if isinstance(item, Slot):
            f = conv.fields[item.field]
            span = text[p:q]
            score = scorer(f, p, q)
            spans.append((f.name, p, q))
            if score.cost:
                message = f.describe(span)
                if message:
                    problems.append(Problem(f.name, message))
            value = span if score.cost == 0 else score.fix
            if pieces is not None:
                pieces = None if value is None else pieces + [value]
            previous = f.name
            continue
        where = f"after the {previous}" if previous else "at the start"
        if how == "missing":
            problems.append(Problem(None, f"expected '{item.text}' {where}"))
        elif how in ("case", "wrong"):
            problems.append(Problem(None, f"expected '{item.text}' {where}, found '{text[p:q]}'"))
        if pieces is not None:
            pieces.append(item.text)
    suggestion = "".join(pieces) if pieces is not None else None
    structured = [(f, p, q) for f, p, q in spans if conv.fields[f].kind != "text"] or spans
    recognised = any(
        _recognised(conv.fields[f], scorer(conv.fields[f], p, q).cost) and q > p for f, p, q in structured
    ) or any(
        how == "ok" and any(c.isalnum() for c in item.text)
        for item, how in ((items[k], how) for k, _, _, how in steps if k < len(items))
        if isinstance(item, Literal)
    )  # a word of the template itself, like 'OPS_', was found
    return Reading(total, tuple(problems), tuple(spans), suggestion, recognised, ("steps", items, total, steps))
