"""What the audit rules read: the project, the exports, and the indexes they match by.

Matching, as the contract says: people to users by email (letter case aside); programs by
`asset_name` against the listings of their `systems` (exactly, then letter case aside, which a
hint points out); channels by name (letter case aside). Ages count to the as-of date.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from .. import specs
from ..config import AuditSettings
from ..diagnostics import Diagnostic, Location
from ..exports.model import (
    Exports,
    PlatformCampaign,
    PlatformChannel,
    PlatformProgram,
    PlatformUser,
    Where,
)
from ..project import Project
from ..rule_catalogue import RULES

ARCHIVE_WORD = "archive"


class Asset(NamedTuple):
    """A named object of a platform's program or campaign listing."""

    name: str
    system: str
    kind: str  # program | campaign | salesforce-campaign | workflow
    at: Where
    active: bool | None  # on/active/enabled there; None: the listing does not say
    record: Any


@dataclass
class Match:
    asset: Asset
    exact: bool


@dataclass
class Audit:
    project: Project
    exports: Exports

    @property
    def settings(self) -> AuditSettings:
        return self.project.settings.audit

    @property
    def today(self) -> _dt.date:
        return self.project.today()

    def days_since(self, when: _dt.datetime) -> int:
        return (self.today - when.astimezone(_dt.UTC).date()).days

    # -- diagnostics
    def at_export(self, code: str, message: str, where: Where, hint: str | None = None) -> Diagnostic:
        return Diagnostic(code, RULES[code].severity, message, where.location(), hint)

    def at_spec(
        self, code: str, message: str, entity: specs.Spec, *sub: Any, hint: str | None = None, key: bool = False
    ) -> Diagnostic:
        return self.project.diag(code, message, entity, *sub, hint=hint, key=key)

    # -- assets: programs, campaigns, workflows by system
    @cached_property
    def _exact(self) -> dict[str, dict[str, tuple[str, Any]]]:
        """System -> name -> (kind, record), the first of a name in export order."""
        out: dict[str, dict[str, tuple[str, Any]]] = {}
        for kind, records in (
            ("program", self.exports.programs),
            ("campaign", self.exports.campaigns),
            ("salesforce-campaign", self.exports.sf_campaigns),
            ("workflow", self.exports.workflows),
        ):
            for record in records:
                out.setdefault(record.system, {}).setdefault(record.name, (kind, record))
        return out

    _folded: dict[str, dict[str, tuple[str, Any]]] | None = None

    def _folded_index(self, system: str) -> dict[str, tuple[str, Any]]:
        """Casefolded name -> (kind, record): built on the first name not found as written."""
        if self._folded is None:
            self._folded = {}
        if system not in self._folded:
            index: dict[str, tuple[str, Any]] = {}
            for kind, record in self._exact.get(system, {}).values():
                index.setdefault(record.name.casefold(), (kind, record))
            self._folded[system] = index
        return self._folded[system]

    def _asset(self, kind: str, record: Any) -> Asset:
        if kind == "program":
            active = _program_active(record, self.campaigns_by_program)
        elif kind == "workflow":
            active = record.enabled
        else:
            active = record.active
        return Asset(record.name, record.system, kind, record.at, active, record)

    @cached_property
    def listed_systems(self) -> list[str]:
        """Systems whose program or campaign listing was read (an empty listing counts), sorted."""
        return sorted(self.exports.systems_listing_assets())

    def find_asset(self, name: str, system: str) -> Match | None:
        exact = self._exact.get(system, {})
        if name in exact:
            return Match(self._asset(*exact[name]), True)
        folded = self._folded_index(system)
        if name.casefold() in folded:
            return Match(self._asset(*folded[name.casefold()]), False)
        return None

    def program_systems(self, program: specs.ProgramSpec) -> list[str]:
        """The listed systems a documented program is matched against: its `systems` that were
        exported, or every listed system when it names none."""
        if not program.systems:
            return self.listed_systems
        wanted = {s.casefold() for s in program.systems}
        return [s for s in self.listed_systems if s in wanted]

    @cached_property
    def campaigns_by_program(self) -> dict[str, list[PlatformCampaign]]:
        out: dict[str, list[PlatformCampaign]] = {}
        for c in self.exports.campaigns:
            if c.program_id:
                out.setdefault(c.program_id, []).append(c)
        return out

    @cached_property
    def documented_asset_names(self) -> dict[str, specs.ProgramSpec]:
        """Asset name (letter case aside) -> the documented operational program."""
        return {p.asset_name.casefold(): p for p in self.project.programs.values() if p.asset_name}

    # -- folders
    @cached_property
    def archive_folder_ids(self) -> frozenset[str]:
        """Ids of archive folders and every folder under one (by `isArchive` and by path)."""
        archived_paths = [f.path.rstrip("/") + "/" for f in self.exports.folders if f.archived and f.path]
        ids = set()
        for f in self.exports.folders:
            if f.archived or any((f.path.rstrip("/") + "/").startswith(p) for p in archived_paths):
                ids.add(f.id)
        return frozenset(ids)

    def archived(self, program: PlatformProgram) -> bool:
        """In an archive folder: by the folders export, or (without it) a folder named Archive."""
        if program.folder_id and program.folder_id in self.archive_folder_ids:
            return True
        return ARCHIVE_WORD in program.folder_name.casefold()

    # -- channels
    @cached_property
    def platform_channels(self) -> dict[str, PlatformChannel]:
        """Name (letter case aside) -> the first exported channel of that name."""
        out: dict[str, PlatformChannel] = {}
        for c in self.exports.channels:
            out.setdefault(c.name.casefold(), c)
        return out

    @cached_property
    def spec_channels(self) -> dict[str, specs.ChannelSpec]:
        out: dict[str, specs.ChannelSpec] = {}
        for cid in sorted(self.project.channels):
            channel = self.project.channels[cid]
            out.setdefault(channel.name.casefold(), channel)
        return out

    # -- people
    @cached_property
    def people_by_email(self) -> dict[str, specs.Person]:
        out: dict[str, specs.Person] = {}
        for pid in sorted(self.project.people):
            person = self.project.people[pid]
            if person.email:
                out.setdefault(person.email.casefold(), person)
        return out

    def person_of(self, user: PlatformUser) -> specs.Person | None:
        return self.people_by_email.get(user.email.casefold()) if user.email else None

    def where_text(self, where: Where) -> str:
        return f"{where.path}:{where.line}:{where.column}"


def _program_active(program: PlatformProgram, campaigns_of: dict[str, list[PlatformCampaign]]) -> bool | None:
    """On or off where Marketo says (engagement programs); else whether any of its smart
    campaigns is active, when its campaigns were exported; else unknown."""
    if program.active is not None:
        return program.active
    campaigns = campaigns_of.get(program.id)
    if campaigns:
        return any(c.active for c in campaigns)
    return None


def location(where: Where) -> Location:
    return where.location()


__all__ = ["Asset", "Audit", "Match"]
