"""Assembling the project: every valid spec indexed by namespace.

A second use of an id in a namespace is SPEC005 and is left out. Entities validation dropped
whole are kept as "ghosts" by namespace, so references to them are not reported again (REF001).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from . import specs
from .diagnostics import Diagnostic, Location, Severity
from .loader import Document
from .project import Project


class _Namespaces:
    """Registers ids per namespace; a second use of an id is SPEC005 and is left out."""

    def __init__(self, project: Project, diags: list[Diagnostic]) -> None:
        self.project = project
        self.diags = diags
        self.first: dict[tuple[str, str], Location] = {}

    def add(self, namespace: str, table: dict[str, Any], entity: Any, noun: str) -> bool:
        key = (namespace, entity.id)
        where = self.project.loc(entity, "id")
        if key in self.first:
            self.diags.append(
                Diagnostic(
                    "SPEC005",
                    Severity.ERROR,
                    f"duplicate {noun} id '{entity.id}' (also defined at {self.first[key]})",
                    where,
                    "ids must be unique: rename one of them",
                )
            )
            return False
        self.first[key] = where
        table[entity.id] = entity
        return True


_GHOST_NAMESPACES = {
    ("team", "teams"): "team",
    ("team", "roles"): "role",
    ("team", "people"): "person",
    ("team", "queues"): "queue",
    ("lifecycle", "stages"): "stage",
    ("raci", "activities"): "activity",
    ("naming", "vocabularies"): "vocabulary",
    ("naming", "conventions"): "convention",
    ("scoring", "scores"): "score",
    ("scoring", "rules"): "score-rule",
    ("scoring", "thresholds"): "threshold",
    ("backlog", "items"): "item",
    ("stack", "tools"): "tool",  # one namespace over every stack
}


def _ghosts(doc: Document) -> Iterator[tuple[tuple[str, str], Any]]:
    """Entities validation dropped whole, by namespace, so references to them still resolve."""
    data = doc.data if isinstance(doc.data, dict) else {}
    kind, owner_id = data.get("kind"), data.get("id")
    for path, raw in doc.dropped:
        ghost_id = raw.get("id")
        if not isinstance(ghost_id, str):
            continue
        if not path and isinstance(kind, str):
            yield (kind, ghost_id), raw
        elif len(path) == 2 and isinstance(kind, str) and (kind, path[0]) in _GHOST_NAMESPACES:
            ns = _GHOST_NAMESPACES[(kind, path[0])]
            if ns in ("stage", "activity", "score", "score-rule", "threshold", "item"):
                ns = f"{ns}:{owner_id}"
            yield (ns, ghost_id), raw


def assemble(
    project: Project, documents: Iterable[tuple[Document, specs.Spec | None]], diags: list[Diagnostic]
) -> None:
    ns = _Namespaces(project, diags)
    for doc, spec in documents:
        for key, raw in _ghosts(doc):
            project.ghosts.setdefault(key, raw)
        if doc.unparsed:
            project.unparsed.append(doc)
        if spec is None:
            continue
        project.documents.append((doc, spec))
    for _, spec in project.documents:
        if isinstance(spec, specs.TeamSpec):
            for team in spec.teams:
                if ns.add("party", project.parties, team, "party"):
                    project.teams[team.id] = team
            for role in spec.roles:
                if ns.add("party", project.parties, role, "party"):
                    project.roles[role.id] = role
            for person in spec.people:
                if ns.add("party", project.parties, person, "party"):
                    project.people[person.id] = person
            for queue in spec.queues:
                if ns.add("party", project.parties, queue, "party"):
                    project.queues[queue.id] = queue
        elif isinstance(spec, specs.LifecycleSpec):
            if ns.add("lifecycle", project.lifecycles, spec, "lifecycle"):
                table = project.stages.setdefault(spec.id, {})
                for stage in spec.stages:
                    ns.add(f"stage:{spec.id}", table, stage, "stage")
        elif isinstance(spec, specs.RaciSpec):
            if ns.add("raci", project.racis, spec, "RACI matrix"):
                rows = project.activities.setdefault(spec.id, {})
                for activity in spec.activities:
                    ns.add(f"activity:{spec.id}", rows, activity, "activity")
        elif isinstance(spec, specs.NamingSpec):
            for vocab in spec.vocabularies:
                ns.add("vocabulary", project.vocabularies, vocab, "vocabulary")
            for convention in spec.conventions:
                ns.add("convention", project.conventions, convention, "convention")
        elif isinstance(spec, specs.ProgramSpec):
            ns.add("program", project.programs, spec, "program")
        elif isinstance(spec, specs.ScoringSpec):
            if ns.add("scoring", project.scorings, spec, "scoring model"):
                scores = project.scores.setdefault(spec.id, {})
                for score in spec.scores:
                    ns.add(f"score:{spec.id}", scores, score, "score")
                score_rules = project.score_rules.setdefault(spec.id, {})
                for score_rule in spec.rules:
                    ns.add(f"score-rule:{spec.id}", score_rules, score_rule, "scoring rule")
                thresholds = project.thresholds.setdefault(spec.id, {})
                for threshold in spec.thresholds:
                    ns.add(f"threshold:{spec.id}", thresholds, threshold, "threshold")
        elif isinstance(spec, specs.ChannelSpec):
            ns.add("channel", project.channels, spec, "channel")
        elif isinstance(spec, specs.BacklogSpec):
            if ns.add("backlog", project.backlogs, spec, "backlog"):
                items = project.items.setdefault(spec.id, {})
                for item in spec.items:
                    ns.add(f"item:{spec.id}", items, item, "backlog item")
        elif isinstance(spec, specs.ReviewSpec):
            ns.add("review", project.reviews, spec, "review")
        elif isinstance(spec, specs.StackSpec) and ns.add("stack", project.stacks, spec, "stack"):
            for tool in spec.tools:
                ns.add("tool", project.tools, tool, "tool")
            project.integrations.extend(spec.integrations)
