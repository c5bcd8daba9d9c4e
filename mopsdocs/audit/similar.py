"""Near-duplicate names (AUDIT006) among up to a hundred thousand programs, in about n log n.

Comparing every pair of 100,000 names is 5 billion comparisons. Names that are the same apart
from case and punctuation are grouped by a key; near duplicates are looked for among
neighbours: names sorted forwards and by their reversed text (so a difference at either end
still leaves them side by side), within groups of names carrying the same numbers when numbers
must match (recurring programs differ by their dates on purpose). Similarity is rapidfuzz's
normalised Indel ratio (the measure of difflib's `ratio`, computed in C++ some hundred times
faster), from 0 to 1.
"""

from __future__ import annotations

import re

WINDOW = 6  # neighbours compared on each side in a sorted order
SMALL = 400  # groups this small are compared pair by pair
_DIGITS = re.compile(r"\d+")
_LOOSE = re.compile(r"[\W_]+")


def loose(name: str) -> str:
    """A name without case, spaces and punctuation: 'Peak-Capacity Webinar' == 'peak capacity webinar'."""
    return _LOOSE.sub("", name).casefold()


def similar_pairs(names: list[str], threshold: float, *, numbers_must_match: bool) -> list[tuple[int, int]]:
    """(first, later) index pairs, one per later name that is the same as, or at least
    `threshold` similar to, an earlier one (the earliest such), sorted by the later index."""
    keys = [loose(n) for n in names]
    found: dict[int, int] = {}
    first_of: dict[str, int] = {}
    for i, key in enumerate(keys):
        if not key:
            continue
        if key in first_of:
            found[i] = first_of[key]
        else:
            first_of[key] = i
    groups: dict[tuple[str, ...], list[int]] = {}
    for key, i in first_of.items():
        digits = tuple(_DIGITS.findall(key)) if numbers_must_match else ()
        groups.setdefault(digits, []).append(i)
    from rapidfuzz.fuzz import ratio  # here: `check` imports this module (the catalogue) but never runs it

    cutoff = threshold * 100
    for members in groups.values():
        for i, j in _candidates(members, keys):
            a, b = (i, j) if i < j else (j, i)
            if ratio(keys[a], keys[b], score_cutoff=cutoff) >= cutoff and (b not in found or found[b] > a):
                found[b] = a
    return sorted(((a, b) for b, a in found.items()), key=lambda p: (p[1], p[0]))


def _candidates(members: list[int], keys: list[str]) -> set[tuple[int, int]]:
    if len(members) <= SMALL:
        return {(a, b) for n, a in enumerate(members) for b in members[n + 1 :]}
    out: set[tuple[int, int]] = set()
    for order in (sorted(members, key=lambda i: keys[i]), sorted(members, key=lambda i: keys[i][::-1])):
        for n, a in enumerate(order):
            for b in order[n + 1 : n + 1 + WINDOW]:
                out.add((a, b) if a < b else (b, a))
    return out
