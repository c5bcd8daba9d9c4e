"""The spec format (contract sections 2-3) as strict pydantic models.

One source for two things: `mopsdocs check` validates YAML documents against these models, and
`mopsdocs schema` exports them as JSON Schema, so the two never drift. Every model also records
where in its document it came from (`origin`) and its `x-` keys (`extras`), which the contract
keeps and shows on the entity's page.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
)

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
DURATION_PATTERN = r"^[0-9]{1,6}[mhdw]$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# patterns must be valid ECMA-262 regexes too (editors and check-jsonschema use them): no \" escapes
URL_PATTERN = r"""^(https?://|mailto:)[^\s<>"']+$"""
EMAIL_PATTERN = r"""^[^@\s<>"']+@[^@\s<>"']+$"""


def _real_date(value: str) -> str:
    _dt.date.fromisoformat(value)  # ValueError -> SPEC004 "not a real date"
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Duration = Annotated[str, StringConstraints(pattern=DURATION_PATTERN)]
Date = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    AfterValidator(_real_date),
    Field(json_schema_extra={"format": "date"}),
]
Markdown = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/markdown"})]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]

# Keys starting with x- are the user's own; kept and shown as extra fields.
_X_KEYS = {"patternProperties": {"^x-": {}}}


class Spec(BaseModel):
    """Base of every spec mapping: strict types, unknown keys forbidden, `x-` keys kept.

    `origin` and `extras` are attached after validation by `mopsdocs.validate` (a model
    validator would do it too, but makes building these models 5x slower at import).
    """

    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, json_schema_extra=_X_KEYS, populate_by_name=True
    )
    _origin: tuple[Any, ...] = PrivateAttr(default=())
    _extras: dict[str, Any] = PrivateAttr(default_factory=dict)
    _doc: Any = PrivateAttr(default=None)  # the mopsdocs.loader.Document it came from

    @property
    def origin(self) -> tuple[Any, ...]:
        """Path of this mapping inside its YAML document, e.g. ('stages', 3)."""
        return self._origin

    @property
    def extras(self) -> dict[str, Any]:
        return self._extras


def _f(description: str, **kw: Any) -> Any:
    return Field(description=description, **kw)


# --------------------------------------------------------------------------- team


class Team(Spec):
    id: Id = _f("Unique id of the team (a party).")
    name: str = _f("Human title.")
    description: Markdown | None = _f("What the team does (Markdown).", default=None)


class Role(Spec):
    id: Id = _f("Unique id of the role (a party).")
    name: str = _f("Human title.")
    team: Id | None = _f("The team this role belongs to.", default=None)
    description: Markdown | None = _f("What the role does (Markdown).", default=None)


class Person(Spec):
    id: Id = _f("Unique id of the person (a party).")
    name: str = _f("Display name.")
    email: Email | None = _f("E-mail address.", default=None)
    roles: list[Id] = _f("Roles this person holds; the first gives the person's team.")
    active: bool = _f("False once the person has left.", default=True)
    left_on: Date | None = _f("Date the person left (also makes them inactive).", default=None)
    description: Markdown | None = _f("Notes (Markdown).", default=None)


class TeamSpec(Spec):
    """Teams, roles and people: the parties every other spec refers to."""

    KIND: ClassVar[str] = "team"
    kind: Literal["team"]
    teams: list[Team] = _f("Teams.", default_factory=list)
    roles: list[Role] = _f("Roles.", default_factory=list)
    people: list[Person] = _f("People.", default_factory=list)


# --------------------------------------------------------------------------- lifecycle

TransitionType = Literal["progress", "recycle", "disqualify", "reopen"]
StagePath = Literal["main", "detour"]


class Stage(Spec):
    id: Id = _f("Unique id of the stage within its lifecycle.")
    name: str = _f("Human title.")
    initial: bool = _f("The stage every record starts in (exactly one).", default=False)
    terminal: bool = _f("An end stage (customer, disqualified for good, ...).", default=False)
    path: StagePath = _f("main (the success path) or detour.", default="main")
    owner: Id = _f("Party (team, role or person) that owns records in this stage.")
    definition: Markdown | None = _f("What being in this stage means (Markdown).", default=None)
    description: Markdown | None = _f("More notes (Markdown).", default=None)
    entry: list[Markdown] = _f("Entry criteria.", default_factory=list)
    exit: list[Markdown] = _f("Exit criteria.", default_factory=list)
    sla: Duration | None = _f("Max dwell time before the record must be worked: 30m, 24h, 2d, 1w.", default=None)
    values: dict[str, str] = _f("Field value per platform, e.g. {marketo: MQL}.", default_factory=dict)


class Transition(Spec):
    from_: Id = Field(alias="from", description="Stage the record leaves.")
    to: Id = _f("Stage the record enters.")
    type: TransitionType = _f("progress, recycle, disqualify or reopen.", default="progress")
    when: Markdown | None = _f("The condition (Markdown).", default=None)
    owner: Id | None = _f("Party that makes or owns the move.", default=None)
    sla: Duration | None = _f("Time allowed for the hand-off.", default=None)
    automated_by: Id | None = _f("Program id that automates this transition.", default=None)
    description: Markdown | None = _f("Notes (Markdown).", default=None)


class LifecycleSpec(Spec):
    """A lifecycle: stages on a main path with detours, and the transitions between them."""

    KIND: ClassVar[str] = "lifecycle"
    kind: Literal["lifecycle"]
    id: Id = _f("Unique id of the lifecycle.")
    name: str = _f("Human title.")
    description: Markdown | None = _f("Markdown.", default=None)
    stages: list[Stage] = _f("Stages; list order is the order of the main path.", default_factory=list)
    transitions: list[Transition] = _f("Transitions between stages.", default_factory=list)


# --------------------------------------------------------------------------- raci

RaciLetter = Literal["R", "A", "C", "I", "A/R"]


class Activity(Spec):
    id: Id = _f("Unique id of the activity within its matrix.")
    name: str = _f("Human title.")
    group: str | None = _f("Groups rows in the matrix.", default=None)
    description: Markdown | None = _f("Markdown.", default=None)
    assign: dict[Id, RaciLetter] = _f("Party -> R, A, C, I or A/R.")


class RaciSpec(Spec):
    """A RACI matrix: who is Responsible, Accountable, Consulted, Informed for each activity."""

    KIND: ClassVar[str] = "raci"
    kind: Literal["raci"]
    id: Id = _f("Unique id of the matrix.")
    name: str = _f("Human title.")
    description: Markdown | None = _f("Markdown.", default=None)
    parties: list[Id] | None = _f("Column order (optional).", default=None)
    activities: list[Activity] = _f("Rows of the matrix.", default_factory=list)


# --------------------------------------------------------------------------- naming

FieldType = Literal["vocabulary", "date", "text", "number"]
MARKETO_FORBIDDEN = "'\"<>{};"


class VocabularyValue(Spec):
    code: str = _f("The code used in names.")
    label: str | None = _f("Human label (never valid in a name; used for suggestions).", default=None)
    aliases: list[str] = _f("Other spellings people use (used for suggestions).", default_factory=list)
    description: Markdown | None = _f("Markdown.", default=None)


class Vocabulary(Spec):
    id: Id = _f("Unique id of the vocabulary.")
    name: str = _f("Human title.")
    description: Markdown | None = _f("Markdown.", default=None)
    values: list[VocabularyValue] = _f("Allowed codes.")


class NameField(Spec):
    type: FieldType | None = _f(
        "vocabulary, date, text or number (default: vocabulary when `vocabulary` is set, "
        "date when `format` is set, else text).",
        default=None,
    )
    vocabulary: Id | None = _f("Vocabulary id (type vocabulary).", default=None)
    format: str | None = _f("Date format from YYYY, YY, MM, DD, N (quarter).", default=None)
    pattern: str | None = _f("Regular expression the text must match whole.", default=None)
    min_length: int | None = _f("Shortest allowed text.", default=None, ge=0)
    max_length: int | None = _f("Longest allowed text.", default=None, ge=1)
    digits: int | None = _f("Exact number of digits (type number).", default=None, ge=1)
    min: int | None = _f("Smallest number.", default=None)
    max: int | None = _f("Largest number.", default=None)
    description: Markdown | None = _f("Markdown.", default=None)


class Convention(Spec):
    id: Id = _f("Unique id of the convention.")
    name: str = _f("Human title.")
    description: Markdown | None = _f("Markdown.", default=None)
    applies_to: list[str] = _f("Asset types: program, operational-program, email, ...", default_factory=list)
    template: str = _f("{field} placeholders, [optional groups], everything else literal.")
    fields: dict[str, NameField] = _f("Field name -> definition.")
    max_length: int | None = _f("Longest allowed name.", default=None, ge=1)
    forbidden: str = _f("Characters never allowed (default: those Marketo rejects).", default=MARKETO_FORBIDDEN)
    case_sensitive: bool = _f("Whether codes and literals must match letter case.", default=True)
    examples: list[str] = _f("Names that must conform.", default_factory=list)
    counterexamples: list[str] = _f("Names that must not conform.", default_factory=list)


class NamingSpec(Spec):
    """Naming conventions and the vocabularies their fields draw codes from."""

    KIND: ClassVar[str] = "naming"
    kind: Literal["naming"]
    vocabularies: list[Vocabulary] = _f("Vocabularies.", default_factory=list)
    conventions: list[Convention] = _f("Conventions.", default_factory=list)


# --------------------------------------------------------------------------- program

Category = Literal[
    "data-normalization",
    "deduplication",
    "list-import",
    "lead-scoring",
    "lifecycle",
    "routing",
    "crm-sync",
    "bounce-management",
    "preference-center",
    "privacy-compliance",
    "alerts",
    "enrichment",
    "other",
]
ProgramStatus = Literal["draft", "active", "paused", "retired"]
TriggerType = Literal["trigger", "batch", "scheduled", "manual"]


class Trigger(Spec):
    type: TriggerType = _f("trigger, batch, scheduled or manual.", default="trigger")
    description: Markdown | None = _f("What starts it (Markdown).", default=None)
    schedule: str | None = _f("When it runs (required for batch and scheduled).", default=None)


class ReviewEntry(Spec):
    on: Date = _f("Date of the review.")
    by: Id | None = _f("Party that reviewed.", default=None)
    notes: Markdown | None = _f("Markdown.", default=None)


class Review(Spec):
    on: Date | None = _f("Date of the last review.", default=None)
    every: Duration | None = _f("Review cadence (default: review_every setting).", default=None)
    by: Id | None = _f("Party that reviewed last.", default=None)
    history: list[ReviewEntry] = _f("Earlier reviews.", default_factory=list)


class Link(Spec):
    title: str = _f("Link text.")
    url: Url = _f("http(s) or mailto URL.")


class ProgramSpec(Spec):
    """An operational program in the marketing-automation platform."""

    KIND: ClassVar[str] = "program"
    kind: Literal["program"]
    id: Id = _f("Unique id of the program.")
    name: str = _f("Human title.")
    asset_name: str | None = _f("Its name in the MAP; checked against operational-program conventions.", default=None)
    category: Category = _f("What kind of operational program it is.")
    status: ProgramStatus = _f("draft, active, paused or retired.")
    owner: Id = _f("Party that owns it.")
    purpose: Markdown | None = _f("Why it exists (Markdown).", default=None)
    description: Markdown | None = _f("Markdown.", default=None)
    trigger: Trigger | None = _f("What starts it.", default=None)
    systems: list[str] = _f("Systems it touches.", default_factory=list)
    depends_on: list[Id] = _f("Programs that must run first.", default_factory=list)
    steps: list[Markdown] = _f("Smart list / flow steps.", default_factory=list)
    reviewed: Review | None = _f("Last review and cadence.", default=None)
    runbook: Markdown | None = _f("What to do when it breaks (Markdown).", default=None)
    links: list[Link] = _f("Related links.", default_factory=list)


KINDS: dict[str, type[Spec]] = {
    m.KIND: m
    for m in (TeamSpec, LifecycleSpec, RaciSpec, NamingSpec, ProgramSpec)  # type: ignore[attr-defined]
}
