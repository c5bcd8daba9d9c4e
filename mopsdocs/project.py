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

Party = specs.Team | specs.Role | specs.Person


@dataclass
class Project:
    root: Path
    settings: Settings  # as read, with `--as-of` applied
    config: LoadedSettings | None = None  # mkdocs.yml as read: its document keeps every position
    documents: list[tuple[Document, specs.Spec]] = field(default_factory=list)
    teams: dict[str, specs.Team] = field(default_factory=dict)
    roles: dict[str, specs.Role] = field(default_factory=dict)
    people: dict[str, specs.Person] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    lifecycles: dict[str, specs.LifecycleSpec] = field(default_factory=dict)
    stages: dict[str, dict[str, specs.Stage]] = field(default_factory=dict)  # lifecycle id -> stages
    racis: dict[str, specs.RaciSpec] = field(default_factory=dict)
    activities: dict[str, dict[str, specs.Activity]] = field(default_factory=dict)  # matrix id -> rows
    vocabularies: dict[str, specs.Vocabulary] = field(default_factory=dict)
    conventions: dict[str, specs.Convention] = field(default_factory=dict)
    programs: dict[str, specs.ProgramSpec] = field(default_factory=dict)
    # (namespace, id) of entities dropped by validation: references to them are not REF001
    ghosts: dict[tuple[str, str], Any] = field(default_factory=dict)

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
        if namespace == "party":
            return any((ns, entity_id) in self.ghosts for ns in ("team", "role", "person"))
        return (namespace, entity_id) in self.ghosts

    # -- parties
    def today(self) -> _dt.date:
        return self.settings.today()

    def is_active(self, person: specs.Person) -> bool:
        if not person.active:
            return False
        return person.left_on is None or _dt.date.fromisoformat(person.left_on) > self.today()

    def team_of(self, party_id: str) -> str | None:
        """A team is its own; a role's is `team`; a person's is the team of its first role."""
        party = self.parties.get(party_id)
        if isinstance(party, specs.Team):
            return party.id
        if isinstance(party, specs.Role):
            return party.team
        if isinstance(party, specs.Person) and party.roles:
            role = self.roles.get(party.roles[0])
            return role.team if role else None
        return None

    def party_kind(self, party_id: str) -> str | None:
        party = self.parties.get(party_id)
        return {specs.Team: "team", specs.Role: "role", specs.Person: "person"}.get(type(party)) if party else None


__all__ = ["Party", "Project"]
