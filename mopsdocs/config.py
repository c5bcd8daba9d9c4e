"""Finding the project root and reading the `mopsdocs` plugin block of mkdocs.yml.

The CLI and the MkDocs plugin read the same block into the same `Settings`, so `check` and
`build` agree. mkdocs.yml may hold `!!python/name:` and `!ENV` tags for MkDocs' own settings:
they are not ours and are ignored here (never constructed).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from . import durations, specs
from .diagnostics import Diagnostic, Location, Severity, did_you_mean
from .loader import Document, Limits, load_file
from .wording import clip, describe, known_keys

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "mopsdocs"
RuleSeverity = Literal["error", "warning", "off"]
DEFAULT_REQUIRED_CATEGORIES: tuple[specs.Category, ...] = (
    "privacy-compliance",
    "preference-center",
    "bounce-management",
)


class LimitSettings(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    max_file_bytes: int = Field(10_000_000, ge=1, description="Largest spec file read, in bytes.")
    max_documents: int = Field(10_000, ge=1, description="Most YAML documents in one file.")
    max_depth: int = Field(100, ge=2, description="Deepest nesting of mappings and lists.")
    max_files: int = Field(20_000, ge=1, description="Most spec files under specs_dir.")


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DEFAULT_WORKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")


def _known_timezone(value: str) -> str:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError("not a known time zone (an IANA name such as America/New_York, or UTC)") from None
    return value


def _month_day(value: str) -> str:
    try:
        _dt.date.fromisoformat(f"2000-{value}")  # a leap year: 02-29 is a day
    except ValueError:
        raise ValueError("not a day of the year (MM-DD, e.g. 02-01 for February 1)") from None
    return value


def _opening_hours(value: str) -> str:
    opens, closes = value.split("-")
    if opens >= closes:
        raise ValueError("the day must end after it starts (hours within one day, e.g. 09:00-17:00)")
    return value


class CalendarSettings(BaseModel):
    """The team's working time: what `bh` (business hours) and `bd` (business days) count."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    timezone: Annotated[str, AfterValidator(_known_timezone)] = Field(
        "UTC", description="Time zone of the working hours (IANA name, e.g. America/New_York)."
    )
    workdays: list[Weekday] = Field(
        default_factory=lambda: list(DEFAULT_WORKDAYS),
        min_length=1,
        description="Working days: mon, tue, wed, thu, fri, sat, sun.",
    )
    hours: Annotated[str, AfterValidator(_opening_hours)] = Field(
        "09:00-17:00",
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
        description="Working hours of a work day, HH:MM-HH:MM; one business day (bd) is this long.",
    )
    holidays: list[specs.Date] = Field(default_factory=list, description="Days off (YYYY-MM-DD): no business time.")

    def calendar(self) -> durations.Calendar:
        """The arithmetic's view of these settings (`mopsdocs.durations.Calendar`)."""
        opens, closes = ((int(t[:2]) * 60 + int(t[3:])) for t in self.hours.split("-"))
        return durations.Calendar(
            self.timezone,
            frozenset(durations.WEEKDAYS.index(d) for d in self.workdays),
            opens,
            closes,
            tuple(_dt.date.fromisoformat(d) for d in self.holidays),
        )


ExportType = Literal[
    "marketo-programs",
    "marketo-channels",
    "marketo-campaigns",
    "marketo-folders",
    "marketo-users",
    "salesforce-lead-status",
    "salesforce-member-status",
    "salesforce-campaigns",
    "hubspot-property",
    "hubspot-workflows",
    "names",
]
Platform = Literal["marketo", "salesforce", "hubspot"]


class ExportEntry(BaseModel):
    """One `exports:` entry: a file (or glob) whose type or columns detection cannot tell."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    path: str = Field(description="The file, relative to mkdocs.yml; a glob (`exports/users/*.csv`) names several.")
    type: ExportType | None = Field(None, description="What the file holds (section 8's types); null: detect it.")
    columns: dict[str, str] = Field(
        default_factory=dict,
        description="Our field -> the file's column header, for CSV exports (`email: E-mail Address`).",
    )
    system: Platform | None = Field(None, description="For `names`: the platform the names come from.")
    asset: str | None = Field(
        None, description="For `names`: the asset type (`program`, `email`, `utm-campaign`, ...) for DRIFT006."
    )


class AuditSettings(BaseModel):
    """Thresholds of the instance mini-audit (AUDIT001, AUDIT006, AUDIT008)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    inactive_login_days: int = Field(90, ge=1, description="A user not logged in for this many days is AUDIT001.")
    stale_program_days: int = Field(365, ge=1, description="A program not updated for this many days is AUDIT008.")
    similar_names: float = Field(
        0.85, ge=0.0, le=1.0, description="Similarity (0-1) from which two channel or program names are AUDIT006."
    )


class Settings(BaseModel):
    """The `mopsdocs` plugin block of mkdocs.yml."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    specs_dir: str = Field("specs", description="Folder of YAML specs, relative to mkdocs.yml.")
    as_of: specs.Date | None = Field(None, description="The date 'today' means for review checks (null: today).")
    review_every: specs.Duration = Field("180d", description="Default review cadence of programs.")
    raci_max_consulted: int = Field(4, ge=0, description="Most Consulted parties per activity (RACI004).")
    allow_html: bool = Field(False, description="Let raw HTML inside Markdown fields through.")
    required_program_categories: list[specs.Category] = Field(
        default_factory=lambda: list(DEFAULT_REQUIRED_CATEGORIES),
        description="Categories that must have an active program (PRG004).",
    )
    channel_vocabulary: specs.Id = Field(
        "channel", description="Id of the naming vocabulary that holds channel codes (CH003)."
    )
    fiscal_year_start: Annotated[str, AfterValidator(_month_day)] = Field(
        "01-01",
        pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        description="MM-DD the fiscal year starts on (naming fields with `fiscal: true`); FY2026 ends in 2026.",
    )
    stack_review_window: specs.Duration = Field(
        "120d", description="How long before a tool's notice deadline its renewal decision is due (STACK001)."
    )
    rules: dict[str, RuleSeverity] = Field(
        default_factory=dict, description="Per-rule severity: error, warning or off."
    )
    exports_dir: str = Field("exports", description="Folder of platform exports (any depth), relative to mkdocs.yml.")
    exports: list[ExportEntry] = Field(
        default_factory=list, description="Entries naming a file's type and columns where detection needs help."
    )
    audit: AuditSettings = Field(default_factory=AuditSettings, description="Thresholds of `mopsdocs audit`.")
    language: str | None = Field(
        None,
        description="Language of the generated pages (en, fr, th); null: Material's theme.language. Others: English.",
    )
    templates_dir: str = Field("templates", description="Folder of template overrides, relative to mkdocs.yml.")
    nav_section: str = Field("Reference", description="Title of the navigation section of generated pages.")
    reference_pages: bool = Field(True, description="Add the spec format, rule catalogue and settings pages.")
    calendar: CalendarSettings = Field(
        default_factory=CalendarSettings,
        description="The team calendar for business time (bh, bd): Mon-Fri 09:00-17:00 UTC, no holidays, unless set.",
    )
    limits: LimitSettings = Field(default_factory=LimitSettings)

    def today(self) -> _dt.date:
        return _dt.date.fromisoformat(self.as_of) if self.as_of else _dt.date.today()

    def business_calendar(self) -> durations.Calendar:
        """The `calendar` setting as `durations.Calendar`."""
        return self.calendar.calendar()

    def loader_limits(self) -> Limits:
        lim = self.limits
        return Limits(lim.max_file_bytes, lim.max_documents, lim.max_depth)


class ProjectNotFound(Exception):
    """No mkdocs.yml in the start folder or any parent (a usage error, exit 2)."""


def find_root(start: Path) -> Path:
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectNotFound(
        f"no {CONFIG_FILE} found in {start} or any folder above it; run `mopsdocs init` to create a project"
    )


@dataclass
class LoadedSettings:
    """What was read from mkdocs.yml: the settings, their problems, and where the block stands."""

    settings: Settings
    diagnostics: list[Diagnostic]
    raw: dict[str, Any]  # the plugin block as written, without MkDocs' `enabled`
    document: Document | None  # mkdocs.yml with the positions of every key and value
    at: tuple[Any, ...] | None = None  # the plugin block's path in `document`; None: not listed

    def locate(self, path: tuple[Any, ...] = (), key: bool = False) -> Location:
        """Where `path` inside the plugin block stands (mkdocs.yml:1:1 without a block)."""
        if self.document is None or self.at is None:
            return Location(CONFIG_FILE)
        return self.document.locate(self.at + path, key=key)


def plugin_block(config: Any) -> tuple[dict[str, Any] | None, tuple[Any, ...]]:
    """The mopsdocs block of a parsed mkdocs.yml and its path, or (None, ()) if not listed."""
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):
        block = plugins.get(PLUGIN_NAME, None) if PLUGIN_NAME in plugins else None
        return (block if isinstance(block, dict) else {}) if PLUGIN_NAME in plugins else None, ("plugins", PLUGIN_NAME)
    if isinstance(plugins, list):
        for i, item in enumerate(plugins):
            if item == PLUGIN_NAME:
                return {}, ("plugins", i)
            if isinstance(item, dict) and PLUGIN_NAME in item:
                block = item[PLUGIN_NAME]
                return (block if isinstance(block, dict) else {}), ("plugins", i, PLUGIN_NAME)
    return None, ()


def read_settings(root: Path, config_file: str = CONFIG_FILE) -> LoadedSettings:
    """The settings block of `root/config_file` (`mkdocs -f other.yml` names another file)."""
    loaded = load_file(str(root / config_file), config_file)
    # MkDocs' own tags (!!python/name:, !ENV) are not ours to judge; syntax errors are.
    diags = [d for d in loaded.diagnostics if d.code != "YAML003"]
    doc = loaded.documents[0] if loaded.documents else None
    block, at = plugin_block(doc.data if doc else None)
    if block is None or doc is None:
        return LoadedSettings(Settings(), diags, {}, doc)
    return from_block(block, doc, at, diags)


def from_block(
    block: dict[str, Any], doc: Document | None, at: tuple[Any, ...], diags: list[Diagnostic] | None = None
) -> LoadedSettings:
    """Validate a plugin block (from the CLI's reading or MkDocs' own) into Settings."""
    from pydantic import ValidationError

    diags = list(diags or [])
    ours = {k: v for k, v in block.items() if k != "enabled"}  # MkDocs' generic plugin switch

    def where(path: tuple[Any, ...], key: bool = False) -> Location:
        return doc.locate(at + path, key=key) if doc else Location(CONFIG_FILE)

    try:
        settings = Settings.model_validate(ours)
    except ValidationError as exc:
        bad: set[str] = set()
        for err in exc.errors(include_url=False):
            path = tuple(err["loc"])
            bad.add(str(path[0]))
            if err["type"] == "extra_forbidden":
                hint = did_you_mean(str(path[-1]), known_keys(Settings, path[:-1]))
                diags.append(
                    Diagnostic(
                        "SPEC002",
                        Severity.ERROR,
                        f"unknown setting '{clip(str(path[-1]))}'",
                        where(path, key=True),
                        hint,
                    )
                )
            else:
                diags.append(
                    Diagnostic(
                        "SPEC004",
                        Severity.ERROR,
                        f"setting {'.'.join(map(str, path))}: {describe(err.get('input'))}: "
                        f"{err['msg'][0].lower() + err['msg'][1:]}",
                        where(path),
                    )
                )
        settings = Settings.model_validate({k: v for k, v in ours.items() if k not in bad})
    return LoadedSettings(settings, diags, ours, doc, at)


__all__ = ["ProjectNotFound", "Settings", "Severity", "find_root", "from_block", "read_settings"]
