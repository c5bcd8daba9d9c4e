"""What the explainer works with and hands back: problems, verdicts, readings of a name."""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import CompiledField, Score


@dataclass(frozen=True)
class Problem:
    field: str | None
    message: str


@dataclass(frozen=True)
class Verdict:
    name: str
    valid: bool
    problems: tuple[Problem, ...] = ()
    suggestion: str | None = None
    warnings: tuple[Problem, ...] = ()  # NAME006: retired codes in a name that conforms


@dataclass(frozen=True)
class Reading:
    cost: int
    problems: tuple[Problem, ...]
    spans: tuple[tuple[str, int, int], ...]  # (field, start, end) in the cleaned name
    suggestion: str | None
    recognised: bool = True  # some field holds a valid value, or one written another way
    # how the search reached it, to read another name of the same shape the same way (see shapes.py)
    recipe: tuple[object, ...] | None = field(default=None, compare=False, repr=False)


SCORE_MEMORY = 200_000  # scores kept per field; past it the memo starts again (memory stays bounded)


class Scorer:
    """Field scores for the parts of one name, each computed once, and remembered on the field
    across names: real lists repeat their parts ('2021-12', 'Webinar', 'Peak-Capacity') endlessly."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, f: CompiledField, p: int, q: int) -> Score:
        return self.of(f, self.text[p:q])

    def of(self, f: CompiledField, value: str) -> Score:
        memo = f.scores
        hit = memo.get(value)
        if hit is None:
            if len(memo) >= SCORE_MEMORY:
                memo.clear()
            hit = memo[value] = f.score(value)
        return hit
