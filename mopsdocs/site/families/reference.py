"""`reference/specs/`, `reference/rules/`, `reference/settings/`: generated from the code itself.

The spec reference walks the same pydantic models `check` validates with, the rule catalogue
reads the registered rules (their docstrings are the text), the settings page reads `Settings`:
none of them can drift from what mopsdocs does. Switch them off with `reference_pages: false`.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ... import specs
from ...config import Settings
from ...project import Project
from ...rules import load_all
from ..context import SiteContext
from ..pages import Page

NAV = ("mopsdocs reference",)
SPECS, RULES, SETTINGS = "reference/specs.md", "reference/rules.md", "reference/settings.md"

_BY_PATTERN = {
    specs.ID_PATTERN: "id",
    specs.DURATION_PATTERN: "duration (30m, 24h, 2d, 1w; business time 24bh, 5bd)",
    specs.DATE_PATTERN: "date (YYYY-MM-DD)",
    specs.URL_PATTERN: "URL (https://, http://, mailto:)",
    specs.EMAIL_PATTERN: "e-mail address",
}


def _named(metadata: Any) -> str | None:
    """Our named string types, recognised by their constraints (pydantic keeps those, not the alias)."""
    for item in metadata:
        pattern = getattr(item, "pattern", None)
        if pattern in _BY_PATTERN:
            return _BY_PATTERN[pattern]
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict) and extra.get("contentMediaType") == "text/markdown":
            return "Markdown"
    return None


def describe(annotation: Any, metadata: Any = ()) -> str:
    """A type in a marketer's words: 'list of id', 'one of: main, detour', 'true/false', ..."""
    named = _named(metadata)
    if named:
        return named
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return " or ".join(describe(a) for a in inner)
    if origin is typing.Annotated:
        return describe(args[0], args[1:])
    if origin is Literal:
        return "one of: " + ", ".join(str(a) for a in args)
    if origin is list:
        return f"list of {describe(args[0])}"
    if origin is dict:
        return f"mapping of {describe(args[0])} to {describe(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"mapping ({_title(annotation)})"
    return {str: "text", bool: "true/false", int: "whole number", float: "number"}.get(annotation, str(annotation))


def _title(model: type[BaseModel]) -> str:
    import re

    name = model.__name__.removesuffix("Spec").replace("NameField", "NamingField")
    words = re.findall(r"[A-Z][a-z]*", name)
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else name


def _default(field: Any) -> str:
    if field.is_required():
        return ""
    if field.default_factory is not None:
        value = field.default_factory()
    else:
        value = field.default
    if value is None or value is PydanticUndefined:
        return ""
    if value == [] or value == {}:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseModel):
        return "see below"
    return str(value)


def _nested(annotation: Any) -> list[type[BaseModel]]:
    found = []
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            found.append(item)
        else:
            stack.extend(get_args(item))
    return found


def model_sections(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The model and every model nested in it, each as a table of keys, in reading order."""
    sections, seen, queue = [], set(), [model]
    while queue:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        rows = []
        for name, field in current.model_fields.items():
            rows.append(
                {
                    "key": field.alias or name,
                    "type": describe(field.annotation, field.metadata),
                    "required": field.is_required(),
                    "default": _default(field),
                    "description": field.description or "",
                }
            )
            queue.extend(m for m in _nested(field.annotation) if m not in seen)
        sections.append(
            {
                "title": _title(current),
                "doc": (current.__doc__ or "").strip().split("\n\n")[0] if current.__doc__ and current is model else "",
                "rows": rows,
            }
        )
    return sections


def in_catalogue_order(rules: list[Any]) -> list[Any]:
    """Families in the order they are registered (YAML, SPEC, REF, TEAM, LC, RACI, ...), codes in
    number order within a family: RACI001 before RACI003, whichever function comes first."""
    families: dict[str, int] = {}
    for r in rules:
        families.setdefault(r.code.rstrip("0123456789"), len(families))

    def key(r: Any) -> tuple[int, int, str]:
        family = r.code.rstrip("0123456789")
        return families[family], int(r.code[len(family) :] or 0), r.code

    return sorted(rules, key=key)


def pages(project: Project, site: SiteContext) -> list[Page]:
    if not project.settings.reference_pages:
        return []
    kinds = [{"kind": kind, "sections": model_sections(model)} for kind, model in sorted(specs.KINDS.items())]
    rules = [
        {
            "code": r.code,
            "severity": r.severity.value,
            "title": r.title,
            "doc": r.doc,
            "configured": project.settings.rules.get(r.code),
        }
        for r in in_catalogue_order(list(load_all().values()))
    ]
    return [
        Page(SPECS, "Spec format", "reference_specs.md.j2", {"kinds": kinds}, NAV, order=1),
        Page(RULES, "Rules", "reference_rules.md.j2", {"rules": rules}, NAV, order=2),
        Page(SETTINGS, "Settings", "reference_settings.md.j2", {"sections": model_sections(Settings)}, NAV, order=3),
    ]
