"""How a user's value or key is shown in a message, and which keys a model offers for a hint.

Shared by the spec validator and the settings reader, so a bad value reads the same in a spec
file and in the `mopsdocs` block of mkdocs.yml.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .loader import KeyPath


def describe(value: Any) -> str:
    """A value as a message names it: `'text'`, `the number 3`, `a list`, `nothing (null)`."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return f"'{value[:60]}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def clip(text: str, limit: int = 60) -> str:
    """A user's key or kind as shown in a message: a megabyte-long key must not make a megabyte-long line."""
    return text if len(text) <= limit else text[:limit] + "…"


def slug(value: str) -> str:
    """An id suggested from a user's text: lower case, `-` for anything else, at most 64 characters."""
    return re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-_")[:64]


def known_keys(model: type[BaseModel], path: KeyPath) -> list[str]:
    """Field names (aliases) of the model found at `path` inside `model`."""
    current: Any = model
    for part in path:
        current = unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = _field_by_alias(current, part)
            current = field.annotation if field is not None else None
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]
        else:
            return []
    current = unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def field_annotation(model: type[BaseModel], path: KeyPath) -> Any:
    """The annotation, as written (`Annotated[...]` kept), of the value at `path` inside `model`."""
    current: Any = model
    for part in path:
        current = unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = _field_by_alias(current, part)
            if field is None:
                return None
            current = _with_metadata(field)
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]
        else:
            return None
    return current


def field_pattern(model: type[BaseModel], path: KeyPath) -> str | None:
    """The regular expression a string at `path` must match (a duration's, a date's...), if any."""
    stack = [field_annotation(model, path)]
    while stack:
        annotation = stack.pop()
        for meta in getattr(annotation, "__metadata__", ()):
            if isinstance(getattr(meta, "pattern", None), str):
                return str(meta.pattern)
        if get_origin(annotation) in (typing.Annotated, Union, types.UnionType):
            stack.extend(get_args(annotation))
    return None


def _with_metadata(field: FieldInfo) -> Any:
    """A field's annotation with the constraints pydantic moved into `field.metadata` put back."""
    if field.metadata:
        return typing.Annotated[(field.annotation, *field.metadata)]
    return field.annotation


def unwrap(annotation: Any) -> Any:
    """An annotation without `Annotated[...]` and `| None`: the type a present value has."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _field_by_alias(model: type[BaseModel], key: Any) -> FieldInfo | None:
    for name, f in model.model_fields.items():
        if (f.alias or name) == key:
            return f
    return None


__all__ = ["clip", "describe", "field_annotation", "field_pattern", "known_keys", "slug", "unwrap"]
