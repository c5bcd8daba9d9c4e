"""The scoring search against brute force: every reported smallest set reaches its threshold,
no smaller set does, and as many sets are listed as exist (up to `MAX_SETS`)."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mopsdocs import specs
from mopsdocs.scoring_model import MAX_SETS, describe_set, reach

SCORES = ["b", "f"]


@st.composite
def models(draw: st.DrawFn) -> specs.ScoringSpec:
    rules: list[dict[str, Any]] = []
    for i in range(draw(st.integers(0, 5))):
        rule: dict[str, Any] = {
            "id": f"r{i}",
            "score": draw(st.sampled_from(SCORES)),
            "points": draw(st.integers(-5, 15)),
        }
        if draw(st.booleans()):
            rule["limit"] = {"times": draw(st.integers(1, 3))}
        rules.append(rule)
    bars = st.dictionaries(st.sampled_from(SCORES), st.integers(-5, 40), max_size=2)
    threshold = {"id": "t", "name": "T", "all": draw(bars), "any": draw(bars)}
    data = {"kind": "scoring", "id": "m", "name": "M", "scores": [{"id": s, "name": s} for s in SCORES]}
    return specs.ScoringSpec.model_validate({**data, "rules": rules, "thresholds": [threshold]}, strict=False)


def _reaches(th: specs.Threshold, totals: dict[str, int]) -> bool:
    ok_all = all(totals.get(s, 0) >= bar for s, bar in th.all.items())
    return ok_all and (not th.any or any(totals.get(s, 0) >= bar for s, bar in th.any.items()))


def _brute(m: specs.ScoringSpec) -> tuple[int | None, set[tuple[tuple[str, int], ...]]]:
    th = m.thresholds[0]
    # an uncapped rule never needs more firings than the highest bar divided by its points
    top = max([0, *th.all.values(), *th.any.values()])
    ranges = [range((r.limit.times if r.limit else max(1, -(-top // max(r.points, 1)))) + 1) for r in m.rules]
    found: dict[int, set[tuple[tuple[str, int], ...]]] = {}
    for counts in itertools.product(*ranges):
        totals: dict[str, int] = {}
        for r, c in zip(m.rules, counts, strict=True):
            totals[r.score] = totals.get(r.score, 0) + c * r.points
        if _reaches(th, totals):
            key = tuple(sorted((r.id, c) for r, c in zip(m.rules, counts, strict=True) if c))
            found.setdefault(sum(counts), set()).add(key)
    if not found:
        return None, set()
    fewest = min(found)
    return fewest, found[fewest]


@given(models())
def test_smallest_sets_match_brute_force(m: specs.ScoringSpec) -> None:
    th = m.thresholds[0]
    r = reach(m, th)
    fewest, minimal = _brute(m)
    assert r.reachable == (fewest is not None)
    assert r.firings == fewest
    reported = [tuple(sorted(s)) for s in r.sets]
    assert len(set(reported)) == len(reported), r.sets
    assert len(reported) == min(MAX_SETS, len(minimal)), (r.sets, minimal)
    points = {x.id: (x.score, x.points) for x in m.rules}
    for s in reported:
        assert s in minimal, describe_set(s)  # it reaches the threshold with the fewest firings
        totals: dict[str, int] = {}
        for rule_id, times in s:
            score, p = points[rule_id]
            totals[score] = totals.get(score, 0) + times * p
        assert _reaches(th, totals)


def test_the_brief_example() -> None:
    data = {
        "kind": "scoring",
        "id": "m",
        "name": "M",
        "scores": [{"id": "behaviour", "name": "B"}, {"id": "fit", "name": "F"}],
        "rules": [
            {"id": "form-fill", "score": "behaviour", "points": 15, "limit": {"times": 1, "per": "1d"}},
            {"id": "pricing", "score": "behaviour", "points": 10},
            {"id": "student", "score": "fit", "points": -50},
        ],
        "thresholds": [{"id": "b", "name": "B", "all": {"behaviour": 50}}, {"id": "f", "name": "F", "all": {"fit": 1}}],
    }
    m = specs.ScoringSpec.model_validate(data, strict=False)
    b = reach(m, m.thresholds[0])
    assert [describe_set(s) for s in b.sets] == ["form-fill ×1 + pricing ×4", "pricing ×5"]
    assert not reach(m, m.thresholds[1]).reachable  # only negative fit rules
