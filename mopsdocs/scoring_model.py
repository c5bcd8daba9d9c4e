"""Facts about scoring models, shared by the SCORE rules and the `scoring/<id>/` pages.

The question for each threshold: which actions, the fewest of them, take a record from the start
(every score at 0) to the threshold? The answer is exact and takes time proportional to the
number of rules (times a logarithm and the few sets listed), not to the number of combinations.

How actions count (the bound the analysis assumes, also in docs/writing/scoring.md):

- Every score starts at 0. Each rule adds its `points` to its one score each time it fires.
- A rule with `limit: {times: N}` counts at most N times: the analysis looks at one burst of
  activity (one `per` window), the fastest way to the threshold, so the limit is a hard cap.
- A rule without a limit can repeat (a person may visit the pricing page every day), so it may
  count any number of times; the smallest set is then the one with the fewest firings.
- Rules with zero or negative points never help to reach a threshold and are left out; decay
  only lowers a score, so the fastest way to a threshold never waits for it.
- "Smallest" means fewest rule firings. Among sets with equally few firings the sets are listed
  with the highest-scoring rules first (the order of the rules by points, then by their order
  in the spec), as multisets: `form-fill ×1 + pricing ×4`.

Per score, the fewest firings that reach a bar is greedy-exact: the most points that k firings
can add is the sum of the k largest firings available (each rule counted up to its cap), so the
minimum is the first k whose greedy sum reaches the bar. The sets of that size are enumerated in
order by a depth-first search over the rules (highest points first) that only enters a branch
when the greedy bound says it can still reach the bar: every branch entered yields a set, so the
search costs a few steps per rule per set listed. A threshold over several scores combines them:
`all:` needs every score at its bar (scores are independent: the sets are the products of each
score's sets, sizes added), `any:` needs one of them (the smallest sizes win).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from . import specs
from .project import Project

MAX_SETS = 3  # how many smallest sets a threshold lists


@dataclass(frozen=True)
class Action:
    """A rule that can help: its id, score, points and how many times it may count (None: any)."""

    rule: str
    score: str
    points: int
    cap: int | None


# a set of actions: (rule id, times) pairs, in listing order
ActionSet = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Reach:
    """How a threshold (or one score's bar) is reached from the start."""

    reachable: bool
    firings: int | None  # the fewest rule firings that reach it (0: reached at the start)
    sets: tuple[ActionSet, ...]  # the few smallest sets, in order (each has `firings` firings)

    @property
    def at_start(self) -> bool:
        return self.firings == 0

    @property
    def one_action(self) -> bool:
        """A single rule firing once reaches it."""
        return self.firings == 1


UNREACHABLE = Reach(False, None, ())
AT_START = Reach(True, 0, ((),))


def actions(model: specs.ScoringSpec, scores: set[str] | None = None) -> dict[str, list[Action]]:
    """The rules that can help, by score, highest points first (then spec order)."""
    out: dict[str, list[Action]] = {}
    for rule in model.rules:
        if rule.points <= 0 or (scores is not None and rule.score not in scores):
            continue
        cap = rule.limit.times if rule.limit is not None else None
        if cap is not None and cap <= 0:
            continue
        out.setdefault(rule.score, []).append(Action(rule.id, rule.score, rule.points, cap))
    for items in out.values():
        items.sort(key=lambda a: -a.points)  # stable: spec order among equal points
    return out


def reach_score(items: list[Action], bar: int, limit: int = MAX_SETS) -> Reach:
    """The fewest firings of `items` (highest points first) whose points add up to `bar` or more,
    and the first `limit` such sets in order."""
    if bar <= 0:
        return AT_START
    if not items:
        return UNREACHABLE
    # the fewest firings: walk the firings from the largest; an uncapped rule repeats forever
    firings, total = 0, 0
    for a in items:
        if a.cap is None:
            firings += -(-(bar - total) // a.points)
            total = bar
            break
        take = min(a.cap, -(-(bar - total) // a.points))
        firings += take
        total += take * a.points
        if total >= bar:
            break
    if total < bar:
        return UNREACHABLE
    return Reach(True, firings, tuple(itertools.islice(_sets(items, bar, firings), limit)))


def _sets(items: list[Action], bar: int, firings: int) -> Iterator[ActionSet]:
    """Every set of exactly `firings` firings reaching `bar`, most firings of the top rules first."""
    caps = [min(a.cap, firings) if a.cap is not None else firings for a in items]
    # cum_n[i], cum_p[i]: firings and points of the first i rules each at its cap (greedy order)
    cum_n, cum_p = [0], [0]
    for a, c in zip(items, caps, strict=True):
        cum_n.append(cum_n[-1] + c)
        cum_p.append(cum_p[-1] + c * a.points)

    def best(i: int, n: int) -> int:
        """The most points n firings of rules i.. can add (all of them when there are fewer)."""
        if n <= 0:
            return 0
        j = bisect.bisect_left(cum_n, cum_n[i] + n, lo=i)  # first prefix with n firings
        if j > len(items):
            return cum_p[-1] - cum_p[i]
        over = cum_n[j] - cum_n[i] - n  # firings of rule j-1 beyond the n wanted
        return cum_p[j] - cum_p[i] - over * items[j - 1].points

    chosen: list[tuple[str, int]] = []

    def walk(i: int, left: int, need: int) -> Iterator[ActionSet]:
        if left == 0:
            if need <= 0:
                yield tuple(chosen)
            return
        if i == len(items) or best(i, left) < need:
            return
        a = items[i]
        for k in range(min(caps[i], left), -1, -1):
            if best(i + 1, left - k) < need - k * a.points:
                return  # one firing fewer here adds at most a.points elsewhere: no smaller k fits
            if k:
                chosen.append((a.rule, k))
            yield from walk(i + 1, left - k, need - k * a.points)
            if k:
                chosen.pop()

    yield from walk(0, firings, bar)


def in_score_order(model: specs.ScoringSpec, bars: Mapping[str, int]) -> dict[str, int]:
    """`bars` in the order the model lists its scores (unknown ids last, by id): what a threshold
    says does not depend on the order its keys were written in."""
    rank = {score.id: i for i, score in enumerate(model.scores)}
    return dict(sorted(bars.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def reach(model: specs.ScoringSpec, threshold: specs.Threshold, limit: int = MAX_SETS) -> Reach:
    """How `threshold` is reached: `all:` every score at its bar, `any:` one of them (both: every
    `all:` bar and one `any:` bar)."""
    by_score = actions(model)
    every, one_of = in_score_order(model, threshold.all), in_score_order(model, threshold.any)
    options = [every]
    if one_of:
        options = [in_score_order(model, {**every, s: max(bar, every.get(s, bar))}) for s, bar in one_of.items()]
    found = [r for r in (_reach_all(by_score, bars, limit) for bars in options) if r.reachable]
    if not found:
        return UNREACHABLE
    fewest = min(r.firings or 0 for r in found)
    sets = tuple(dict.fromkeys(s for r in found if r.firings == fewest for s in r.sets))
    return Reach(True, fewest, sets[:limit])


def _reach_all(by_score: dict[str, list[Action]], bars: dict[str, int], limit: int) -> Reach:
    """Every score at its bar: scores are independent, so the sizes add up and the sets multiply."""
    parts = [reach_score(by_score.get(s, []), bar, limit) for s, bar in bars.items()]
    if not all(p.reachable for p in parts):
        return UNREACHABLE
    combos = itertools.islice(itertools.product(*(p.sets for p in parts)), limit)
    sets = tuple(tuple(pair for part in combo for pair in part) for combo in combos)
    return Reach(True, sum(p.firings or 0 for p in parts), sets)


def shortfalls(model: specs.ScoringSpec, threshold: specs.Threshold) -> list[tuple[str, int, int]]:
    """(score, bar, the most its rules can add) of every bar no combination of rules reaches."""
    by_score = actions(model)
    out = []
    for s, bar in in_score_order(model, {**threshold.any, **threshold.all}).items():
        items = by_score.get(s, [])
        if any(a.cap is None for a in items):
            continue
        most = sum((a.cap or 0) * a.points for a in items)
        if most < bar:
            out.append((s, bar, most))
    return out


def describe_set(action_set: ActionSet) -> str:
    """`form-fill ×1 + pricing ×4`; the empty set is `no action`."""
    return " + ".join(f"{rule} ×{times}" for rule, times in action_set) or "no action"


def transition_of(project: Project, threshold: specs.Threshold) -> specs.Transition | None:
    """The lifecycle transition the threshold drives, when the lifecycle has it."""
    t = threshold.transition
    lc = project.lifecycles.get(t.lifecycle) if t is not None else None
    if t is None or lc is None:
        return None
    return next((tr for tr in lc.transitions if tr.from_ == t.from_ and tr.to == t.to), None)


def thresholds_driving(project: Project, lifecycle_id: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(from, to) of a lifecycle's transitions -> (model id, threshold id) of the thresholds driving them."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for mid in sorted(project.scorings):
        for th in project.scorings[mid].thresholds:
            if th.transition is not None and th.transition.lifecycle == lifecycle_id:
                out.setdefault((th.transition.from_, th.transition.to), []).append((mid, th.id))
    return out


def models_of_program(project: Project, program_id: str) -> list[str]:
    """Ids of the scoring models a program runs."""
    return [mid for mid in sorted(project.scorings) if project.scorings[mid].program == program_id]


__all__ = [
    "AT_START",
    "MAX_SETS",
    "UNREACHABLE",
    "Action",
    "ActionSet",
    "Reach",
    "actions",
    "describe_set",
    "models_of_program",
    "reach",
    "reach_score",
    "shortfalls",
    "thresholds_driving",
    "transition_of",
]
