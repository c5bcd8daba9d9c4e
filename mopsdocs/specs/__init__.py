"""The spec format (contract sections 2-3) as strict pydantic models, one module per kind.

One source for two things: `mopsdocs check` validates YAML documents against these models, and
`mopsdocs schema` exports them as JSON Schema, so the two never drift. Every model also records
where in its document it came from (`origin`) and its `x-` keys (`extras`), which the contract
keeps and shows on the entity's page. A new kind is a module here with a `*Spec` model (its
`KIND`), listed in `KINDS`.
"""

from __future__ import annotations

from .base import (
    DATE_PATTERN,
    DURATION_PATTERN,
    EMAIL_PATTERN,
    ID_PATTERN,
    URL_PATTERN,
    Date,
    Duration,
    Email,
    Id,
    Markdown,
    Spec,
    Url,
)
from .lifecycle import LifecycleSpec, Stage, StagePath, Transition, TransitionType
from .naming import MARKETO_FORBIDDEN, Convention, FieldType, NameField, NamingSpec, Vocabulary, VocabularyValue
from .program import Category, Link, ProgramSpec, ProgramStatus, Review, ReviewEntry, Trigger, TriggerType
from .raci import Activity, RaciLetter, RaciSpec
from .team import Person, Role, Team, TeamSpec

KINDS: dict[str, type[Spec]] = {m.KIND: m for m in (TeamSpec, LifecycleSpec, RaciSpec, NamingSpec, ProgramSpec)}

__all__ = [
    "DATE_PATTERN",
    "DURATION_PATTERN",
    "EMAIL_PATTERN",
    "ID_PATTERN",
    "KINDS",
    "MARKETO_FORBIDDEN",
    "URL_PATTERN",
    "Activity",
    "Category",
    "Convention",
    "Date",
    "Duration",
    "Email",
    "FieldType",
    "Id",
    "LifecycleSpec",
    "Link",
    "Markdown",
    "NameField",
    "NamingSpec",
    "Person",
    "ProgramSpec",
    "ProgramStatus",
    "RaciLetter",
    "RaciSpec",
    "Review",
    "ReviewEntry",
    "Role",
    "Spec",
    "Stage",
    "StagePath",
    "Team",
    "TeamSpec",
    "Transition",
    "TransitionType",
    "Trigger",
    "TriggerType",
    "Url",
    "Vocabulary",
    "VocabularyValue",
]
