"""The spec format (contract sections 2-3) as strict pydantic models, one module per kind.

One source for two things: `mopsdocs check` validates YAML documents against these models, and
`mopsdocs schema` exports them as JSON Schema, so the two never drift. Every model also records
where in its document it came from (`origin`) and its `x-` keys (`extras`), which the contract
keeps and shows on the entity's page. A new kind is a module here with a `*Spec` model (its
`KIND`), listed in `KINDS`.
"""

from __future__ import annotations

from .backlog import BacklogSpec, Item, ItemStatus, Level, Pillar
from .base import (
    DATE_PATTERN,
    DURATION_PATTERN,
    EMAIL_PATTERN,
    ID_PATTERN,
    UNION_TAGS,
    URL_PATTERN,
    Date,
    Duration,
    Email,
    Id,
    Markdown,
    Owner,
    Spec,
    Url,
    owner_ids,
)
from .channel import ChannelSpec, ChannelStatus, CrmStatus, ProgramType, StatusRole
from .lifecycle import LifecycleSpec, PlatformValue, Reason, Stage, StagePath, Transition, TransitionType
from .naming import MARKETO_FORBIDDEN, Convention, FieldType, NameField, NamingSpec, Vocabulary, VocabularyValue
from .program import Category, Link, ProgramSpec, ProgramStatus, Review, ReviewEntry, Trigger, TriggerType
from .raci import Activity, RaciLetter, RaciSpec
from .review import Goal, PillarRating, ReviewSpec, ScoreCard
from .scoring import Decay, Limit, Score, ScoringRule, ScoringSpec, Threshold, ThresholdTransition, TokenPolicy
from .stack import Integration, StackSpec, Tool
from .team import Person, Queue, Role, Team, TeamSpec

KINDS: dict[str, type[Spec]] = {
    m.KIND: m for m in (TeamSpec, LifecycleSpec, RaciSpec, NamingSpec, ProgramSpec, ChannelSpec, ScoringSpec)
}
KINDS.update({m.KIND: m for m in (BacklogSpec, ReviewSpec)})  # (v2) issue 18
KINDS[StackSpec.KIND] = StackSpec  # (v2) issue 18: the martech stack

__all__ = [
    "DATE_PATTERN",
    "DURATION_PATTERN",
    "EMAIL_PATTERN",
    "ID_PATTERN",
    "KINDS",
    "MARKETO_FORBIDDEN",
    "UNION_TAGS",
    "URL_PATTERN",
    "Activity",
    "BacklogSpec",
    "Category",
    "ChannelSpec",
    "ChannelStatus",
    "Convention",
    "CrmStatus",
    "Date",
    "Decay",
    "Duration",
    "Email",
    "FieldType",
    "Goal",
    "Id",
    "Integration",
    "Item",
    "ItemStatus",
    "Level",
    "LifecycleSpec",
    "Limit",
    "Link",
    "Markdown",
    "NameField",
    "NamingSpec",
    "Owner",
    "Person",
    "Pillar",
    "PillarRating",
    "PlatformValue",
    "ProgramSpec",
    "ProgramStatus",
    "ProgramType",
    "Queue",
    "RaciLetter",
    "RaciSpec",
    "Reason",
    "Review",
    "ReviewEntry",
    "ReviewSpec",
    "Role",
    "Score",
    "ScoreCard",
    "ScoringRule",
    "ScoringSpec",
    "Spec",
    "StackSpec",
    "Stage",
    "StagePath",
    "StatusRole",
    "Team",
    "TeamSpec",
    "Threshold",
    "ThresholdTransition",
    "TokenPolicy",
    "Tool",
    "Transition",
    "TransitionType",
    "Trigger",
    "TriggerType",
    "Url",
    "Vocabulary",
    "VocabularyValue",
    "owner_ids",
]
