"""The scoring search (`mopsdocs.scoring_model.reach`) on models of 10, 50 and 200 rules.

Baselines measured in the same run: Python sorting the same rules by points (the floor for any
search that orders them), and on the small size a brute-force enumeration of every multiset of
firings (what the search replaces). Prints seconds and ratios; no assertion.

    .venv/bin/python benchmarks/scoring_search.py
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable
from functools import partial

from mopsdocs import specs
from mopsdocs.scoring_model import reach


def model(n: int, seed: int = 7) -> specs.ScoringSpec:
    rng = random.Random(seed)
    rules = []
    for i in range(n):
        rule: dict[str, object] = {
            "id": f"r{i}",
            "score": rng.choice(["behaviour", "fit"]),
            "points": rng.randint(-20, 30),
        }
        if rng.random() < 0.7:
            rule["limit"] = {"times": rng.randint(1, 3)}
        rules.append(rule)
    data = {
        "kind": "scoring",
        "id": "bench",
        "name": "Bench",
        "scores": [{"id": "behaviour", "name": "B"}, {"id": "fit", "name": "F"}],
        "rules": rules,
        "thresholds": [
            {"id": "mql", "name": "MQL", "all": {"behaviour": 100, "fit": 60}},
            {"id": "hot", "name": "Hot", "any": {"behaviour": 150, "fit": 90}},
        ],
    }
    return specs.ScoringSpec.model_validate(data, strict=False)


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def brute_force(m: specs.ScoringSpec) -> int:
    """Fewest firings for the first threshold by trying every multiset (firings bounded by caps or 6)."""
    th = m.thresholds[0]
    rules = [r for r in m.rules if r.points > 0]
    ranges = [range((r.limit.times if r.limit else 6) + 1) for r in rules]
    best = -1
    for counts in itertools.product(*ranges):
        totals: dict[str, int] = {}
        for r, c in zip(rules, counts, strict=True):
            totals[r.score] = totals.get(r.score, 0) + c * r.points
        if all(totals.get(s, 0) >= bar for s, bar in th.all.items()):
            n = sum(counts)
            best = n if best < 0 else min(best, n)
    return best


def _search(m: specs.ScoringSpec) -> object:
    return [reach(m, th) for th in m.thresholds]


def _sort(m: specs.ScoringSpec) -> object:
    return sorted(m.rules, key=lambda r: -r.points)


def main() -> None:
    print(f"{'rules':>6} {'search (s)':>12} {'sort (s)':>12} {'search/sort':>12}")
    for n in (10, 50, 200):
        m = model(n)
        search = timed(partial(_search, m))
        sort = timed(partial(_sort, m))
        print(f"{n:>6} {search:>12.6f} {sort:>12.6f} {search / sort:>12.1f}")
    small = model(10)
    brute = timed(lambda: brute_force(small), repeat=1)
    search = timed(lambda: reach(small, small.thresholds[0]))
    print(f"brute force on 10 rules: {brute:.4f} s, search {search:.6f} s ({brute / search:.0f}x faster)")
    assert reach(small, small.thresholds[0]).firings == (brute_force(small) if brute_force(small) >= 0 else None)


if __name__ == "__main__":
    main()
