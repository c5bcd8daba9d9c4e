"""What the explainer works with and hands back: problems, verdicts, readings of a name."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Reading:
    cost: int
    problems: tuple[Problem, ...]
    spans: tuple[tuple[str, int, int], ...]  # (field, start, end) in the cleaned name
    suggestion: str | None
    recognised: bool = True  # some field holds a valid value, or one written another way


class Scorer:
    """Field scores for the parts of one name, each computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[tuple[str, str], Score] = {}

    def __call__(self, f: CompiledField, p: int, q: int) -> Score:
        return self.of(f, self.text[p:q])

    def of(self, f: CompiledField, value: str) -> Score:
        key = (f.name, value)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = f.score(value)
        return hit
