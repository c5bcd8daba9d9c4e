"""The project: every valid spec of a repository, indexed by namespace, with source locations.

`pipeline.load_project(root)` builds it (`assemble` fills the tables); rules, the site, exports and
`names` read it. It answers where things stand (`loc`, `diag`) and what was already reported
(`had_error`, `is_ghost`), so no stage piles on another's diagnostic.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import specs
from .config import LoadedSettings, Settings
from .diagnostics import Diagnostic, Location
from .loader import Document
from .rule_catalogue import RULES

Party = specs.Team | specs.Role | specs.Person | specs.Queue

# the namespaces of ids each kind defines (as `is_ghost` names them)
_KIND_NAMESPACES: dict[object, frozenset[str]] = {
    "team": frozenset({"party", "team", "role", "person", "queue"}),
    "lifecycle": frozenset({"lifecycle"}),
    "raci": frozenset({"raci"}),
    "naming": frozenset({"vocabulary", "convention"}),
    "program": frozenset({"program"}),
    "scoring": frozenset({"scoring"}),
    "channel": frozenset({"channel"}),
    "backlog": frozenset({"backlog"}),
    "review": frozenset({"review"}),
    "stack": frozenset({"stack", "tool"}),
}


@dataclass
class Project:
    root: Path
    settings: Settings  # as read, with `--as-of` applied
    config: LoadedSettings | None = None  # mkdocs.yml as read: its document keeps every position
    documents: list[tuple[Document, specs.Spec]] = field(default_factory=list)
    teams: dict[str, specs.Team] = field(default_factory=dict)
    roles: dict[str, specs.Role] = field(default_factory=dict)
    people: dict[str, specs.Person] = field(default_factory=dict)
    queues: dict[str, specs.Queue] = field(default_factory=dict)  # (v2) parties that hold records
    parties: dict[str, Party] = field(default_factory=dict)
    lifecycles: dict[str, specs.LifecycleSpec] = field(default_factory=dict)
    stages: dict[str, dict[str, specs.Stage]] = field(default_factory=dict)  # lifecycle id -> stages
    racis: dict[str, specs.RaciSpec] = field(default_factory=dict)
    activities: dict[str, dict[str, specs.Activity]] = field(default_factory=dict)  # matrix id -> rows
    vocabularies: dict[str, specs.Vocabulary] = field(default_factory=dict)
    conventions: dict[str, specs.Convention] = field(default_factory=dict)
    programs: dict[str, specs.ProgramSpec] = field(default_factory=dict)
    scorings: dict[str, specs.ScoringSpec] = field(default_factory=dict)  # scoring models
    scores: dict[str, dict[str, specs.Score]] = field(default_factory=dict)  # model id -> scores
    score_rules: dict[str, dict[str, specs.ScoringRule]] = field(default_factory=dict)  # model id -> rules
    thresholds: dict[str, dict[str, specs.Threshold]] = field(default_factory=dict)  # model id -> thresholds
    channels: dict[str, specs.ChannelSpec] = field(default_factory=dict)
    backlogs: dict[str, specs.BacklogSpec] = field(default_factory=dict)  # (v2)
    items: dict[str, dict[str, specs.Item]] = field(default_factory=dict)  # backlog id -> its items
    reviews: dict[str, specs.ReviewSpec] = field(default_factory=dict)  # (v2) years in review
    stacks: dict[str, specs.StackSpec] = field(default_factory=dict)  # (v2) martech stacks
    tools: dict[str, specs.Tool] = field(default_factory=dict)  # one namespace over every stack
    integrations: list[specs.Integration] = field(default_factory=list)  # of every stack, in spec order
    # (namespace, id) of entities dropped by validation: references to them are not REF001
    ghosts: dict[tuple[str, str], Any] = field(default_factory=dict)
    # what syntax errors cut off (`Document.unparsed`): ids they may define are not reported as
    # unknown; `unchecked` notes those references by file, for the file's error to say so
    unparsed: list[Document] = field(default_factory=list)
    unchecked: dict[str, list[str]] = field(default_factory=dict)

    # -- locations
    def document_of(self, entity: specs.Spec) -> Document:
        return entity._doc  # type: ignore[no-any-return]

    def loc(self, entity: specs.Spec, *sub: Any, key: bool = False) -> Location:
        """Where `entity` (or its key/value `sub`) stands in its file."""
        return self.document_of(entity).locate(entity.origin + sub, key=key)

    def diag(
        self, code: str, message: str, entity: specs.Spec, *sub: Any, hint: str | None = None, key: bool = False
    ) -> Diagnostic:
        return Diagnostic(code, RULES[code].severity, message, self.loc(entity, *sub, key=key), hint)

    def had_error(self, entity: specs.Spec, *sub: Any) -> bool:
        """Validation cut something out of `entity` (or its `sub` key): rules must not pile on."""
        return self.document_of(entity).had_error(entity.origin + sub)

    def is_ghost(self, namespace: str, entity_id: str) -> bool:
        """Whether a reference to `entity_id` must not be called unknown: validation dropped the entity
        (it exists, with an error of its own), or a file cut short by a syntax error may define it
        (then the reference is noted in `unchecked`)."""
        if namespace == "party":
            if any((ns, entity_id) in self.ghosts for ns in ("team", "role", "person", "queue")):
                return True
        elif (namespace, entity_id) in self.ghosts:
            return True
        doc = self.unparsed_source(namespace)
        if doc is None:
            return False
        self.unchecked.setdefault(doc.path, []).append(entity_id)
        return True

    def unparsed_source(self, namespace: str) -> Document | None:
        """The first cut-off part of a file that may define ids of `namespace`: of that kind, or of
        any kind when the kind was not read (or more documents followed the error)."""
        if namespace.startswith(("stage:", "activity:", "score:", "score-rule:", "threshold:", "item:")):
            return None  # stages and activities are referred to from their own document only
        for doc in self.unparsed:
            kind = doc.data.get("kind") if isinstance(doc.data, dict) else None
            if kind not in _KIND_NAMESPACES or namespace in _KIND_NAMESPACES[kind]:
                return doc
        return None

    # -- parties
    def today(self) -> _dt.date:
        return self.settings.today()

    def is_active(self, person: specs.Person) -> bool:
        if not person.active:
            return False
        return person.left_on is None or _dt.date.fromisoformat(person.left_on) > self.today()

    def team_of(self, party_id: str) -> str | None:
        """A team is its own; a role's or a queue's is `team`; a person's is the team of its first role."""
        party = self.parties.get(party_id)
        if isinstance(party, specs.Team):
            return party.id
        if isinstance(party, (specs.Role, specs.Queue)):
            return party.team
        if isinstance(party, specs.Person) and party.roles:
            role = self.roles.get(party.roles[0])
            return role.team if role else None
        return None

    def owner_team(self, owner: specs.Owner | None) -> str | None:
        """The team of an `owner` (one party, or an either-of list): for a list, the one team all its
        parties share, else their teams joined by " or " (sorted), so that two owners are in the same
        team exactly when their sets of teams are equal (a hand-off, LC005, is a change of that set).
        Parties without a team (or unknown) are left out; None when none has one."""
        teams = sorted({t for t in (self.team_of(pid) for pid in specs.owner_ids(owner)) if t})
        return " or ".join(teams) if teams else None

    def party_kind(self, party_id: str) -> str | None:
        party = self.parties.get(party_id)
        kinds = {specs.Team: "team", specs.Role: "role", specs.Person: "person", specs.Queue: "queue"}
        return kinds.get(type(party)) if party else None


__all__ = ["Party", "Project"]
