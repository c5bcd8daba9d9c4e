"""What every kind shares: the id, duration, date and text types, and the `Spec` base model."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    StringConstraints,
    Tag,
)
from pydantic.config import JsonDict

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
DURATION_PATTERN = r"^[0-9]{1,6}(bh|bd|[mhdw])$"  # bh, bd: business time (mopsdocs.durations)
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
_X_KEYS: JsonDict = {"patternProperties": {"^x-": {}}}


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


def described(description: str, **kw: Any) -> Any:
    return Field(description=description, **kw)


# A value written either as text or as a mapping (a channel status' `crm`): the branch is chosen by
# the value's shape, so an error speaks of one branch only. Its tags are in pydantic's error
# locations, never in documents: `validate` skips them.
UNION_TAGS = frozenset({"~text", "~mapping", "~list"})


TEXT_TAG, MAPPING_TAG = Tag("~text"), Tag("~mapping")
TEXT_OR_MAPPING = Discriminator(lambda value: "~mapping" if isinstance(value, (dict, BaseModel)) else "~text")


# An `owner`: one party id, or (v2) a list meaning "any one of these" (`owner: [sdr, bdr]`). The
# branch is chosen by the value's shape (a list or not), so an error speaks of one branch only.
LIST_TAG = Tag("~list")
_ONE_OR_LIST = Discriminator(lambda value: "~list" if isinstance(value, (list, tuple)) else "~text")
Owner = Annotated[
    Annotated[Id, TEXT_TAG] | Annotated[list[Id], LIST_TAG, Field(min_length=1)],
    _ONE_OR_LIST,
]


def owner_ids(owner: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """The party ids of an `owner` value: one, several (either-of), or none."""
    if owner is None:
        return ()
    return (owner,) if isinstance(owner, str) else tuple(owner)
