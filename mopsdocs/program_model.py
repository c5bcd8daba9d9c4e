"""Operational programs, resolved: review status, dependencies both ways, cycles.

One source for three readers: the PRG rules (`mopsdocs check`), the `programs/` pages and the
health page (whose audit shows the rules' diagnostics, dated with `review_status`). Everything
here is plain data computed from the `Project`; nothing renders, and nothing imports jinja2,
mkdocs or graphviz (this runs in every commit hook).

"Today" is always `project.today()` (the `as_of` setting or `--as-of`), so output is reproducible.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass

from . import durations, specs
from .diagnostics import Location
from .project import Project

# Statuses whose program still exists in the MAP and may run: these need reviews.
REVIEWED_STATUSES = ("active", "paused")
MAX_CYCLES = 50  # beyond this a project has a modelling problem, not fifty separate ones


def program_triggers(program: specs.ProgramSpec) -> list[specs.Trigger]:
    """Its `trigger`, or (v2) each of its `triggers` (both given is SPEC004; then `triggers` counts)."""
    return list(program.triggers) if program.triggers else ([program.trigger] if program.trigger else [])


# --------------------------------------------------------------------------- reviews


@dataclass(frozen=True)
class ReviewStatus:
    """Where a program stands against its review cadence on the as-of date."""

    last: _dt.date | None  # latest of `reviewed.on` and `reviewed.history[].on`
    by: str | None  # who reviewed last, when known
    every: str  # the cadence as written (the program's, else the `review_every` setting)
    due: _dt.date | None  # last + every; None when never reviewed
    required: bool  # only active and paused programs are expected to be reviewed
    today: _dt.date

    @property
    def never(self) -> bool:
        return self.last is None

    @property
    def overdue_days(self) -> int:
        """Days past the due date (0 on the due day itself and before it)."""
        if self.due is None:
            return 0
        return max(0, (self.today - self.due).days)

    @property
    def overdue(self) -> bool:
        return self.required and (self.never or self.overdue_days > 0)

    @property
    def next_review(self) -> _dt.date:
        """When the next review is due: now (the as-of date) if it never happened."""
        return self.due if self.due is not None else self.today


def review_status(project: Project, program: specs.ProgramSpec) -> ReviewStatus:
    reviewed = program.reviewed
    every = (reviewed.every if reviewed and reviewed.every else None) or project.settings.review_every
    dated: list[tuple[_dt.date, str | None]] = []
    if reviewed is not None:
        if reviewed.on is not None:
            dated.append((_dt.date.fromisoformat(reviewed.on), reviewed.by))
        dated.extend((_dt.date.fromisoformat(e.on), e.by) for e in reviewed.history)
    # The latest date wins, whichever list it is in; on a tie `reviewed.on` (listed first) wins.
    last, by = max(dated, key=lambda d: d[0]) if dated else (None, None)
    days = durations.whole_days(every, project.settings.business_calendar())
    due = last + _dt.timedelta(days=days) if last is not None and days is not None else None
    return ReviewStatus(last, by, every, due, program.status in REVIEWED_STATUSES, project.today())


def review_history(program: specs.ProgramSpec) -> list[specs.ReviewEntry | specs.Review]:
    """Every recorded review, newest first (the last one, `reviewed`, included when dated)."""
    reviewed = program.reviewed
    if reviewed is None:
        return []
    entries: list[specs.ReviewEntry | specs.Review] = [reviewed] if reviewed.on else []
    entries.extend(reviewed.history)
    return sorted(entries, key=lambda e: e.on or "", reverse=True)


# --------------------------------------------------------------------------- dependencies


def dependencies(project: Project, program: specs.ProgramSpec) -> list[str]:
    """Known programs this one depends on, in the order written, each once (unknown ids: REF001)."""
    return list(dict.fromkeys(d for d in program.depends_on if d in project.programs))


def dependents(project: Project) -> dict[str, list[str]]:
    """Program id -> ids of the programs that depend on it, sorted."""
    out: dict[str, list[str]] = {pid: [] for pid in project.programs}
    for pid in sorted(project.programs):
        for dep in dependencies(project, project.programs[pid]):
            out[dep].append(pid)
    return out


def automations(project: Project) -> dict[str, list[tuple[specs.LifecycleSpec, specs.Transition]]]:
    """Program id -> the lifecycle transitions it automates, by lifecycle id, in file order."""
    out: dict[str, list[tuple[specs.LifecycleSpec, specs.Transition]]] = {}
    for lc_id in sorted(project.lifecycles):
        lc = project.lifecycles[lc_id]
        for t in lc.transitions:
            if t.automated_by is not None and t.automated_by in project.programs:
                out.setdefault(t.automated_by, []).append((lc, t))
    return out


def dependency_cycles(project: Project, limit: int = MAX_CYCLES) -> list[list[str]]:
    """Every elementary dependency cycle once (at most `limit`), each starting at its smallest id, sorted.

    Johnson's algorithm (iterative: no recursion limit), always starting from the smallest id of
    a strongly connected component, so each cycle is found exactly once and in the same order
    every run. A cycle `[a, b, c]` reads: a depends on b, b on c, c on a.
    """
    graph = {pid: sorted(set(dependencies(project, p))) for pid, p in project.programs.items()}
    cycles = [[pid] for pid in sorted(graph) if pid in graph[pid]][:limit]  # depends on itself
    pending = sorted((c for c in _components(graph) if len(c) > 1), key=min, reverse=True)
    while pending and len(cycles) < limit:
        component = pending.pop()
        start = min(component)
        sub = {n: [m for m in graph[n] if m in component] for n in component}
        cycles.extend(_cycles_through(start, sub, limit - len(cycles)))
        rest = {n: [m for m in sub[n] if m != start] for n in component if n != start}
        pending.extend(c for c in _components(rest) if len(c) > 1)
        pending.sort(key=min, reverse=True)  # smallest start next: deterministic
    return sorted(cycles)


def _cycles_through(start: str, graph: dict[str, list[str]], limit: int) -> Iterator[list[str]]:
    """Johnson's circuit search from `start` (self-loops excluded: reported separately)."""
    path, blocked, closed = [start], {start}, set()
    blocked_by: dict[str, set[str]] = {n: set() for n in graph}
    stack = [(start, [m for m in reversed(graph[start]) if m != start])]
    found = 0
    while stack and found < limit:
        node, nbrs = stack[-1]
        if nbrs:
            nxt = nbrs.pop()
            if nxt == start:
                found += 1
                yield list(path)
                closed.update(path)
            elif nxt not in blocked:
                path.append(nxt)
                stack.append((nxt, [m for m in reversed(graph[nxt]) if m != nxt]))
                closed.discard(nxt)
                blocked.add(nxt)
                continue
        if not nbrs:
            if node in closed:
                _unblock(node, blocked, blocked_by)
            else:
                for m in graph[node]:
                    blocked_by[m].add(node)
            stack.pop()
            path.pop()


def _unblock(node: str, blocked: set[str], blocked_by: dict[str, set[str]]) -> None:
    todo = {node}
    while todo:
        n = todo.pop()
        if n in blocked:
            blocked.discard(n)
            todo.update(blocked_by[n])
            blocked_by[n].clear()


def _components(graph: dict[str, list[str]]) -> list[set[str]]:
    """Strongly connected components (Tarjan, iterative), for a graph given as adjacency lists."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, it = work[-1]
            nxt = next((m for m in it if m in graph), None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph[nxt])))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                out.append(component)
    return out


def status_phrase(status: str) -> str:
    """'which is ...' wording of a status: 'paused', 'retired', 'still a draft'."""
    return "still a draft" if status == "draft" else status


# --------------------------------------------------------------------------- where rules point


def required_category_locations(project: Project) -> dict[str, Location]:
    """Where each required category is set: its entry in `required_program_categories`.

    A category required by default (the setting is absent) points at the `mopsdocs` plugin
    entry of mkdocs.yml, where the setting would be written; without a plugin entry, at
    mkdocs.yml:1:1. The positions come from mkdocs.yml as the pipeline read it (`project.config`).
    """
    from .config import CONFIG_FILE

    config = project.config
    out: dict[str, Location] = {}
    for category in project.settings.required_program_categories:
        if config is None or config.document is None or config.at is None:
            out[category] = Location(CONFIG_FILE)
            continue
        listed = config.raw.get("required_program_categories")
        if isinstance(listed, list) and category in listed:
            out[category] = config.locate(("required_program_categories", listed.index(category)))
        else:
            out[category] = config.locate(key=True)
    return out


def review_location(project: Project, program: specs.ProgramSpec) -> Location:
    """Where a review problem is fixed: the date of the last review (in `reviewed.on` or the
    history), else the `reviewed` key, else the program's id."""
    latest = next(iter(review_history(program)), None)
    if latest is not None:
        return project.loc(latest, "on")
    if program.reviewed is not None:
        return project.loc(program, "reviewed", key=True)
    return project.loc(program, "id")
