"""Operational programs, resolved: review status, dependencies both ways, cycles, and the audit.

One source for three readers: the PRG rules (`mopsdocs check`), the `programs/` pages and the
health page. Everything here is plain data computed from the `Project`; nothing renders, and
nothing imports jinja2, mkdocs or graphviz (this runs in every commit hook).

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
# Statuses of a program that is not running now (what PRG005/PRG006 warn about relying on).
NOT_RUNNING = ("draft", "paused", "retired")
MAX_CYCLES = 50  # beyond this a project has a modelling problem, not fifty separate ones


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
    days = durations.whole_days(every)
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


# --------------------------------------------------------------------------- the mini-audit

# The playbook's mini-audit (section 7, operational programs), plus the questions a team asks of
# its own catalogue. Order: how the health page lists passed checks.
QUESTIONS: dict[str, str] = {
    "privacy": "Are there privacy and compliance programs?",
    "preference-center": "Is there a subscription or preference centre?",
    "bounces": "Are there bounce-management campaigns?",
    "owners": "Is every running program owned by someone active?",
    "reviews": "Are program reviews current?",
    "not-running": "Does anything rely on a program that is not running?",
}
_CATEGORY_QUESTIONS = (
    ("privacy", "privacy-compliance", "privacy and compliance"),
    ("preference-center", "preference-center", "preference centre"),
    ("bounces", "bounce-management", "bounce-management"),
)


@dataclass(frozen=True)
class Finding:
    """One answer of the audit: a problem (`ok` False) or a question that passed (`ok` True)."""

    question: str  # key of QUESTIONS
    ok: bool
    message: str  # plain text, one sentence (escape it like any spec value)
    location: Location | None = None  # where to fix it
    programs: tuple[str, ...] = ()  # the programs concerned
    since: _dt.date | None = None  # when the problem began, when known
    code: str | None = None  # the diagnostic code `check` reports the same problem under

    @property
    def title(self) -> str:
        return QUESTIONS[self.question]


def audit(project: Project) -> list[Finding]:
    """The mini-audit of the operational programs, problems first and newest first.

    Problems come first, the most recent first (`since` descending; a problem without a start
    date is a gap that exists today, so it sorts as of the as-of date), then one passing
    finding per question that found nothing. Deterministic for a given project and as-of date.
    """
    problems = [*_category_gaps(project), *_inactive_owners(project), *_reviews(project), *_not_running(project)]
    asked = {f.question for f in problems}
    passed = [Finding(q, True, _PASSED[q]) for q in QUESTIONS if q not in asked]
    order = {q: i for i, q in enumerate(QUESTIONS)}
    today = project.today()
    problems.sort(key=lambda f: (-(f.since or today).toordinal(), order[f.question], f.programs, f.message))
    return problems + passed


_PASSED = {
    "privacy": "An active privacy and compliance program exists.",
    "preference-center": "An active preference-centre program exists.",
    "bounces": "An active bounce-management program exists.",
    "owners": "Every active or paused program has an active owner.",
    "reviews": "Every active or paused program was reviewed within its cadence.",
    "not-running": "No active program or lifecycle transition relies on a program that is not running.",
}


def required_category_locations(project: Project) -> dict[str, Location]:
    """Where each required category is set: its entry in `required_program_categories`.

    A category required by default (the setting is absent) points at the `mopsdocs` plugin
    entry of mkdocs.yml, where the setting would be written; without a plugin entry, at
    mkdocs.yml:1:1. mkdocs.yml is read again here because settings keep values, not positions.
    """
    from .config import CONFIG_FILE, plugin_block
    from .loader import load_file

    loaded = load_file(str(project.root / CONFIG_FILE), CONFIG_FILE)
    doc = loaded.documents[0] if loaded.documents else None
    block, at = plugin_block(doc.data if doc else None)
    out: dict[str, Location] = {}
    for category in project.settings.required_program_categories:
        if doc is None or block is None:
            out[category] = Location(CONFIG_FILE)
            continue
        listed = block.get("required_program_categories")
        if isinstance(listed, list) and category in listed:
            out[category] = doc.locate(at + ("required_program_categories", listed.index(category)))
        else:
            out[category] = doc.locate(at, key=True)
    return out


def _category_gaps(project: Project) -> Iterator[Finding]:
    where = required_category_locations(project)
    for question, category, noun in _CATEGORY_QUESTIONS:
        members = sorted(p.id for p in project.programs.values() if p.category == category)
        if any(project.programs[m].status == "active" for m in members):
            continue
        others = f" ({', '.join(members)} exist but none is active)" if members else ""
        yield Finding(
            question,
            False,
            f"No active {noun} program{others}.",
            where.get(category),
            tuple(members),
            code="PRG004" if category in project.settings.required_program_categories else None,
        )


def _inactive_owners(project: Project) -> Iterator[Finding]:
    held = {r for person in project.people.values() if project.is_active(person) for r in person.roles}
    for pid in sorted(project.programs):
        program = project.programs[pid]
        if program.status not in REVIEWED_STATUSES:
            continue
        owner = program.owner
        person = project.people.get(owner)
        where = project.loc(program, "owner")
        if person is not None and not project.is_active(person):
            since = _dt.date.fromisoformat(person.left_on) if person.left_on else None
            yield Finding(
                "owners",
                False,
                f"{program.name} is owned by {person.name}, who is inactive.",
                where,
                (pid,),
                since,
                "TEAM001",
            )
        elif owner in project.roles and owner not in held:
            yield Finding(
                "owners",
                False,
                f"{program.name} is owned by the role '{owner}', which no active person holds.",
                where,
                (pid,),
                None,
                "TEAM002",
            )


def review_location(project: Project, program: specs.ProgramSpec) -> Location:
    """Where a review problem is fixed: the date of the last review (in `reviewed.on` or the
    history), else the `reviewed` key, else the program's id."""
    latest = next(iter(review_history(program)), None)
    if latest is not None:
        return project.loc(latest, "on")
    if program.reviewed is not None:
        return project.loc(program, "reviewed", key=True)
    return project.loc(program, "id")


def _reviews(project: Project) -> Iterator[Finding]:
    for pid in sorted(project.programs):
        program = project.programs[pid]
        status = review_status(project, program)
        if not status.overdue:
            continue
        where = review_location(project, program)
        if status.never:
            yield Finding("reviews", False, f"{program.name} has never been reviewed.", where, (pid,), None, "PRG002")
        else:
            days = status.overdue_days
            yield Finding(
                "reviews",
                False,
                f"{program.name}'s review is {days} day{'s' if days != 1 else ''} overdue (due {status.due}).",
                where,
                (pid,),
                status.due,
                "PRG002",
            )


def _not_running(project: Project) -> Iterator[Finding]:
    programs = project.programs
    for pid in sorted(programs):
        program = programs[pid]
        if program.status != "active":
            continue
        for i, dep in enumerate(program.depends_on):
            target = programs.get(dep)
            if target is not None and target.status in ("paused", "retired") and dep not in program.depends_on[:i]:
                yield Finding(
                    "not-running",
                    False,
                    f"{program.name} (active) depends on {target.name}, which is {target.status}.",
                    project.loc(program, "depends_on", i),
                    (pid, dep),
                    None,
                    "PRG005",
                )
    for lc_id in sorted(project.lifecycles):
        for t in project.lifecycles[lc_id].transitions:
            target = programs.get(t.automated_by or "")
            if target is not None and target.status in NOT_RUNNING:
                yield Finding(
                    "not-running",
                    False,
                    f"The {lc_id} transition {t.from_} -> {t.to} is automated by "
                    f"{target.name}, which is {status_phrase(target.status)}.",
                    project.loc(t, "automated_by"),
                    (target.id,),
                    None,
                    "PRG006",
                )
