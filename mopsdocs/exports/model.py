"""What the platforms' exports hold, as read: one frozen record type per kind of object.

This is the stable API between the readers (`mopsdocs.exports.read_exports`) and what builds on
them (`mopsdocs audit`, `mopsdocs import`, `review draft`). Types only grow (new optional fields
at the end); nothing here is renamed.

Conventions shared by every record:

- `at` (`Where`) is where the object stands in its export, for diagnostics: a CSV row's
  physical line (quoted line breaks counted, the header is line 1 or below) and the column of
  its key cell (the name, label or email); a JSON object's key line and column (its `name` /
  `emailAddress` / `label` key when that is the object's first nested-free key, else its `{`).
- `system` is the platform: `marketo`, `salesforce` or `hubspot`.
- Text is as the platform wrote it (stripped of surrounding blanks); a missing text is `""`.
- Dates and times are `datetime` in UTC, or `None` when missing or unreadable (the platforms'
  `2015-11-18T15:25:35Z+0000`, `2020-02-05T01:02:23.000t+0000`, ISO 8601 and epoch
  milliseconds are all read); calendar dates (`StartDate`) are `date`.
- Booleans are `bool` (`true`, `1`, `yes`, `TRUE`...); `None` when the export does not say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, get_args

from ..config import ExportType
from ..diagnostics import Diagnostic, Location

System = Literal["marketo", "salesforce", "hubspot"]
ChannelKind = Literal["default", "event", "event-with-webinar", "engagement", "email"]

# the types an `exports:` entry may name (the settings model holds the one list)
EXPORT_TYPES: tuple[str, ...] = get_args(ExportType)

# Marketo's words for a channel's applicable program type, and a program's `type`, in the
# channel kind's words (`program_type` of a channel spec).
MARKETO_CHANNEL_KINDS: dict[str, ChannelKind] = {
    "program": "default",
    "event": "event",
    "webinar": "event-with-webinar",
    "nurture": "engagement",
    "email": "email",
}
MARKETO_PROGRAM_KINDS: dict[str, ChannelKind] = {
    "default": "default",
    "event": "event",
    "event with webinar": "event-with-webinar",
    "engagement": "engagement",
    "email": "email",
}


@dataclass(frozen=True, slots=True)
class Where:
    """Where a platform object stands, for diagnostics (1-based line and column)."""

    path: str  # project-relative with '/' separators, or as given for a file outside the project
    line: int = 1  # CSV: the row's physical line; JSON: the line of the object's key
    column: int = 1  # CSV: the cell's column (characters); JSON: the key's column

    def location(self) -> Location:
        return Location(self.path, self.line, self.column)


@dataclass(frozen=True, slots=True)
class PlatformProgram:
    """A Marketo program (`/rest/asset/v1/programs.json`)."""

    at: Where
    system: System
    id: str  # the platform's id, as text ("1001")
    name: str
    type: str  # as written: Default, Event, Event with Webinar, Engagement, Email
    kind: ChannelKind | None  # `type` in the channel kind's words; None when not one of Marketo's
    channel: str
    status: str  # "on"/"off" (engagement), "unlocked" (email), "" otherwise
    folder_name: str  # `folder.folderName`
    folder_type: str  # `folder.type`: Folder or Program
    folder_id: str  # `folder.value`
    workspace: str
    created_at: datetime | None
    updated_at: datetime | None

    @property
    def active(self) -> bool | None:
        """On or off, where Marketo says (engagement programs); None otherwise."""
        return {"on": True, "off": False}.get(self.status.lower())


@dataclass(frozen=True, slots=True)
class ChannelStatus:
    """One progression status of a channel."""

    at: Where
    name: str
    step: int | None  # None when missing or not a whole number
    success: bool
    hidden: bool
    description: str = ""


@dataclass(frozen=True, slots=True)
class PlatformChannel:
    """A Marketo channel (`/rest/asset/v1/channels.json`)."""

    at: Where
    system: System
    id: str
    name: str
    program_type: str  # Marketo's word: program, event, webinar, nurture, email
    kind: ChannelKind | None  # in the channel kind's words (MARKETO_CHANNEL_KINDS); None if unknown
    statuses: tuple[ChannelStatus, ...]  # as listed, Marketo's own "Not in Program" (step 0) included


@dataclass(frozen=True, slots=True)
class PlatformCampaign:
    """A Marketo smart campaign (`/rest/asset/v1/smartCampaigns.json`)."""

    at: Where
    system: System
    id: str
    name: str
    type: str  # batch | trigger
    active: bool | None  # `isActive`
    status: str  # "Never Run", "Inactive", "Active", ...
    communication_limit: bool | None  # `isCommunicationLimitEnabled`
    program_id: str  # `parentProgramId`, "" when none
    system_campaign: bool | None  # `isSystem`
    created_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class PlatformFolder:
    """A Marketo folder (`/rest/asset/v1/folders.json`)."""

    at: Where
    system: System
    id: str
    name: str
    path: str  # "/Marketing Activities/Default/Archive"
    archived: bool  # `isArchive`
    system_folder: bool | None  # `isSystem`
    workspace: str


@dataclass(frozen=True, slots=True)
class UserRole:
    """One role a user holds in one workspace."""

    role: str  # `accessRoleName`
    workspace: str  # `workspaceName`, "" when the export does not say


@dataclass(frozen=True, slots=True)
class PlatformUser:
    """A Marketo user (`allusers.json`, or the Users & Roles spreadsheet)."""

    at: Where
    system: System
    id: str  # `userid` (a login, often the email)
    email: str  # as written; compare with `.casefold()`
    first_name: str
    last_name: str
    api_only: bool
    locked: bool
    expires_at: datetime | None
    last_login_at: datetime | None
    roles: tuple[UserRole, ...]
    logins_exported: bool = True  # the export has a last-login field: None above means "never"

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part) or self.email

    @property
    def role_names(self) -> tuple[str, ...]:
        """The distinct roles held, in first-seen order (a role in two workspaces counts once)."""
        return tuple(dict.fromkeys(r.role for r in self.roles if r.role))


@dataclass(frozen=True, slots=True)
class LeadStatus:
    """A Salesforce LeadStatus picklist value (Data Loader or report CSV)."""

    at: Where
    system: System
    label: str  # `MasterLabel` / "Lead Status"
    api_name: str  # `ApiName`, "" when not exported
    sort_order: int | None
    converted: bool | None  # `IsConverted`
    default: bool | None  # `IsDefault`


@dataclass(frozen=True, slots=True)
class MemberStatus:
    """A Salesforce CampaignMemberStatus."""

    at: Where
    system: System
    campaign_id: str
    label: str  # `Label` / "Member Status"
    responded: bool | None  # `HasResponded` / "Responded"
    default: bool | None
    sort_order: int | None


@dataclass(frozen=True, slots=True)
class SalesforceCampaign:
    """A Salesforce Campaign (CSV)."""

    at: Where
    system: System
    name: str
    type: str  # the channel, when synced from Marketo
    status: str  # Planned, In Progress, Completed, Aborted
    active: bool | None
    start_date: date | None


@dataclass(frozen=True, slots=True)
class PropertyOption:
    """One option of a HubSpot property."""

    at: Where
    label: str
    value: str  # the internal value (`marketingqualifiedlead`)
    display_order: int | None
    hidden: bool


@dataclass(frozen=True, slots=True)
class HubspotProperty:
    """A HubSpot contact property and its options (`/crm/v3/properties/contacts/<name>`)."""

    at: Where
    system: System
    name: str  # `lifecyclestage`, `hs_lead_status`, ...
    label: str
    options: tuple[PropertyOption, ...]


@dataclass(frozen=True, slots=True)
class HubspotWorkflow:
    """A HubSpot workflow (v4 flows list, or legacy v3)."""

    at: Where
    system: System
    id: str
    name: str
    enabled: bool | None  # `isEnabled` / `enabled`
    flow_type: str  # `flowType` / `type`
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class ExportedName:
    """One asset name from a names export (a CSV column or a text list)."""

    at: Where
    name: str
    system: System | None  # from the `exports:` entry; None: any system
    asset: str | None  # asset type (`program`, `email`, ...) from the `exports:` entry; None: any


@dataclass(frozen=True)
class ExportFile:
    """One file read: what it was taken for and how it was written."""

    path: str  # as in `Where.path`
    type: str  # one of EXPORT_TYPES
    system: System | None
    records: int  # objects read from it
    newest: datetime | None  # its newest date (updatedAt, lastLoginAt, ...); None when it has none
    encoding: str  # utf-8, utf-8-sig, utf-16, cp1252, ...
    notes: tuple[str, ...] = ()  # what a person should know (read as Windows-1252, footer skipped, ...)


@dataclass
class Exports:
    """Everything read from the exports, by type, plus what went wrong (as diagnostics).

    Lists keep the order of the files (sorted by path) and of the records inside each file.
    `diagnostics` holds FILE001 (a file unreadable or unrecognised: the rest is still read) and
    the notes worth a warning; `mopsdocs.diagnostics` types, located in the export.
    """

    files: list[ExportFile] = field(default_factory=list)
    programs: list[PlatformProgram] = field(default_factory=list)
    channels: list[PlatformChannel] = field(default_factory=list)
    campaigns: list[PlatformCampaign] = field(default_factory=list)
    folders: list[PlatformFolder] = field(default_factory=list)
    users: list[PlatformUser] = field(default_factory=list)
    lead_statuses: list[LeadStatus] = field(default_factory=list)
    member_statuses: list[MemberStatus] = field(default_factory=list)
    sf_campaigns: list[SalesforceCampaign] = field(default_factory=list)
    hubspot_properties: list[HubspotProperty] = field(default_factory=list)
    workflows: list[HubspotWorkflow] = field(default_factory=list)
    names: list[ExportedName] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def read(self, type_: str) -> bool:
        """Whether a file of this type was read (an empty listing counts: it says 'none')."""
        return any(f.type == type_ for f in self.files)

    def systems_listing_assets(self) -> frozenset[str]:
        """Systems with a program or campaign listing read: DRIFT001 speaks only about those."""
        listing = {"marketo-programs", "marketo-campaigns", "salesforce-campaigns", "hubspot-workflows"}
        return frozenset(f.system for f in self.files if f.type in listing and f.system)


__all__ = [
    "EXPORT_TYPES",
    "MARKETO_CHANNEL_KINDS",
    "MARKETO_PROGRAM_KINDS",
    "ChannelKind",
    "ChannelStatus",
    "ExportFile",
    "ExportedName",
    "Exports",
    "HubspotProperty",
    "HubspotWorkflow",
    "LeadStatus",
    "MemberStatus",
    "PlatformCampaign",
    "PlatformChannel",
    "PlatformFolder",
    "PlatformProgram",
    "PlatformUser",
    "PropertyOption",
    "SalesforceCampaign",
    "System",
    "UserRole",
    "Where",
]
