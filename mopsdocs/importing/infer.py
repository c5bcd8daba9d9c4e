"""`import --infer-convention`: a naming convention proposed from the names a platform holds.

Names that follow a convention share a shape: the same separator, the same number of parts, a
date in one place, a handful of codes in another, free text at the end. The inference reads that
shape in three steps, each a small function over plain lists of tokens:
- `_separators` and `_shapes`: the separators that split the names consistently, and for each
  the part counts common enough to be the full shape;
- `positions.guess_position`: what one position holds (a literal, a date in a format
  `naming.dates` reads, codes repeated often enough to be a vocabulary, a number, free text);
- `positions.optional_positions`: positions whole groups of shorter names leave out (`[_{region}]`).
Every candidate becomes a real `Convention`, compiled by the naming engine (`mopsdocs.naming`),
and the one that matches the most names wins; the figure reported is that engine's count, so
"matches 1,142 of 1,204 names" is exactly what `names check` would say of the proposal.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from .. import specs
from ..naming.compiler import compile_convention
from ..wording import slug
from .positions import Position, guess_position, optional_positions, without_swapped_codes

# Separators tried, in order of preference when two explain the names equally well.
SEPARATORS = ("_", " | ", "|", " - ", " / ", "-", ".", " ", "/", "+")
SHAPE_SHARE = 0.05  # a part count held by fewer names than this is not a shape of its own
EXAMPLES = 3
CONSISTENCY_MARGIN = 0.02  # separators this close in consistency are compared by coverage
# A later separator must fit this much better than an earlier one to win: `-` and `_` can split
# `AA_2021-05` equally consistently, and only `_` is the convention's (`-` is inside the date).
SEPARATOR_MARGIN = 0.1


@dataclass
class Proposal:
    """A proposed convention and how well it fits, as the naming engine counts it."""

    separator: str
    template: str
    vocabularies: list[specs.Vocabulary]  # the new ones only
    convention: specs.Convention
    matched: int
    total: int
    left_out: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> rare tokens
    reused: dict[str, str] = field(default_factory=dict)  # field -> existing vocabulary id
    unmatched: list[str] = field(default_factory=list)  # a few names the proposal does not match
    kinds: tuple[str, ...] = ()  # what each position holds (literal, date, vocabulary, number, text)

    @property
    def coverage(self) -> str:
        return f"matches {self.matched:,} of {self.total:,} names"


def infer_convention(
    names: Sequence[str],
    convention_id: str,
    known: Mapping[str, specs.Vocabulary] | None = None,
    title: str | None = None,
) -> Proposal | None:
    """The convention that matches the most of `names`, or None when they share no shape.

    `known` are the project's vocabularies: a position whose codes are (mostly) one of them uses
    it instead of proposing a new one."""
    known = known or {}
    # every name counts as often as the export lists it: codes are what names repeat
    listed = [n.strip() for n in names if n.strip()]
    if not listed:
        return None
    best: Proposal | None = None
    for separator in _separators(listed):  # in order of preference
        candidates = [_propose(listed, separator, count, convention_id, known) for count in _shapes(listed, separator)]
        found = max((c for c in candidates if c is not None), key=_fit, default=None)
        if found is not None and (best is None or _fit(found) > (1 + SEPARATOR_MARGIN) * _fit(best)):
            best = found
    if best is None:  # no separator: the whole name is one part
        best = _propose(listed, "", 1, convention_id, known)
    if best is not None and set(best.kinds) <= {"text"}:
        return None  # free text split at a separator is no convention
    if best is not None and title:
        best.convention = best.convention.model_copy(update={"name": title})
    return best


def _fit(proposal: Proposal) -> float:
    """Names matched, weighed by the share of parts that are not free text: free text matches
    anything, so a wrong split that leaves `05_123` as text would match as many names."""
    structured = sum(1 for kind in proposal.kinds if kind != "text")
    return proposal.matched * (structured + 1) / (len(proposal.kinds) + 1)


def _separators(names: Sequence[str]) -> list[str]:
    """The separators that split the names most consistently.

    Consistency is the share of names in the two most common adjacent part counts (a full shape
    and the shape one optional part shorter). A separator that also occurs inside parts (`-` in
    `2021-12_WBN_Peak-Capacity`) splits names into counts that vary, so `_` wins there; coverage
    alone would not tell, since free text can swallow any structure."""
    scores: dict[str, float] = {}
    for separator in SEPARATORS:
        if sum(separator in n for n in names) < len(names) / 2:
            continue
        counts = Counter(len(n.split(separator)) for n in names)
        scores[separator] = max(counts[k] + counts.get(k - 1, 0) for k in counts) / len(names)
    # `|` inside ` | `: the longer one is the separator when it splits as consistently
    scores = {
        s: v
        for s, v in scores.items()
        if not any(s in longer and longer != s and w >= v - CONSISTENCY_MARGIN for longer, w in scores.items())
    }
    if not scores:
        return []
    top = max(scores.values())
    return [s for s in SEPARATORS if s in scores and scores[s] >= top - CONSISTENCY_MARGIN]


def _shapes(names: Sequence[str], separator: str) -> list[int]:
    counts = Counter(len(n.split(separator)) for n in names)
    floor = max(2, math.ceil(SHAPE_SHARE * len(names)))
    common = sorted((c for c, k in counts.items() if k >= floor), reverse=True)
    return common or [counts.most_common(1)[0][0]]


def _propose(
    listed: Sequence[str],
    separator: str,
    count: int,
    convention_id: str,
    known: Mapping[str, specs.Vocabulary],
) -> Proposal | None:
    rows = [n.split(separator) if separator else [n] for n in listed]
    full = [r for r in rows if len(r) == count]
    if not full:
        return None
    columns = [[r[i] for r in full] for i in range(count)]
    positions = without_swapped_codes([guess_position(c, known) for c in columns], columns)
    shorter = [r for r in rows if len(r) == count - 1]
    for i in optional_positions(positions, shorter, len(listed)):
        positions[i] = replace(positions[i], optional=True)
    return _build(listed, separator, positions, convention_id, known)


# --------------------------------------------------------------------------- the convention


def _build(
    listed: Sequence[str],
    separator: str,
    positions: Sequence[Position],
    convention_id: str,
    known: Mapping[str, specs.Vocabulary],
) -> Proposal | None:
    names = _field_names(positions)
    new_vocabularies: list[specs.Vocabulary] = []
    fields: dict[str, specs.NameField] = {}
    pieces: list[str] = []
    left_out: dict[str, tuple[str, ...]] = {}
    reused: dict[str, str] = {}
    for i, (position, name) in enumerate(zip(positions, names)):
        # an optional first part carries the separator after it: `[{lang}_]{date}`
        sep = _escape(separator) if i and not (i == 1 and positions[0].optional) else ""
        if position.kind == "literal":
            pieces.append(sep + _escape(position.literal))
            continue
        slot = "{" + name + "}"
        if position.optional:
            pieces.append(f"[{sep}{slot}]" if i else f"[{slot}{_escape(separator)}]")
        else:
            pieces.append(sep + slot)
        fields[name] = _field_spec(position, name, convention_id, known, new_vocabularies)
        if position.kind == "vocabulary":
            if position.left_out:
                left_out[name] = position.left_out
            if position.vocabulary:
                reused[name] = position.vocabulary
    template = "".join(pieces)
    if not fields:
        return None
    vocabularies = {**known, **{v.id: v for v in new_vocabularies}}
    spec = specs.Convention.model_validate(
        {"id": convention_id, "name": f"Inferred from {len(listed):,} names", "template": template, "fields": fields}
    )
    compiled, _ = compile_convention(spec, vocabularies)
    if compiled is None:
        return None
    valid = compiled.is_valid
    matched = 0
    unmatched: list[str] = []
    examples: list[str] = []
    for name in listed:
        if valid(name):
            matched += 1
            if len(examples) < EXAMPLES and name not in examples:
                examples.append(name)
        elif len(unmatched) < 10 and name not in unmatched:
            unmatched.append(name)
    spec = spec.model_copy(update={"examples": examples})
    kinds = tuple(p.kind for p in positions)
    return Proposal(
        separator, template, new_vocabularies, spec, matched, len(listed), left_out, reused, unmatched, kinds
    )


def _escape(text: str) -> str:
    """Literal text in a template: brackets and braces escaped with a backslash."""
    return re.sub(r"([\\\[\]{}])", r"\\\1", text)


def _field_names(positions: Sequence[Position]) -> list[str]:
    """`date`, `name` and the reused vocabulary's id where they say what a part is; else the
    position (`part2`): renaming them is the first thing a person does with the proposal."""
    out: list[str] = []
    for i, position in enumerate(positions, start=1):
        wanted = {"date": "date", "text": "name", "number": "number"}.get(position.kind, "")
        if position.kind == "vocabulary" and position.vocabulary:
            wanted = position.vocabulary
        name = wanted if wanted and wanted not in out else f"part{i}"
        out.append(name)
    return out


def _field_spec(
    position: Position,
    name: str,
    convention_id: str,
    known: Mapping[str, specs.Vocabulary],
    new_vocabularies: list[specs.Vocabulary],
) -> specs.NameField:
    if position.kind == "date":
        return specs.NameField(type="date", format=position.format)
    if position.kind == "number":
        return specs.NameField(type="number", digits=position.digits)
    if position.kind == "text":
        return specs.NameField(type="text", pattern=position.pattern)
    vocab_id = position.vocabulary
    if not vocab_id:
        vocab_id = _free_id(slug(f"{convention_id}-{name}"), known, new_vocabularies)
        new_vocabularies.append(
            specs.Vocabulary(
                id=vocab_id,
                name=f"Codes of {name} (inferred)",
                values=[specs.VocabularyValue(code=c) for c in position.codes],
            )
        )
    return specs.NameField(type="vocabulary", vocabulary=vocab_id)


def _free_id(wanted: str, known: Mapping[str, specs.Vocabulary], new: Sequence[specs.Vocabulary]) -> str:
    taken = set(known) | {v.id for v in new}
    candidate, n = wanted[:60], 2
    while candidate in taken:
        candidate, n = f"{wanted[:60]}-{n}", n + 1
    return candidate
