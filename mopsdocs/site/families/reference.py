"""`reference/specs/`, `reference/rules/`, `reference/settings/`: generated from the code itself.

The spec reference walks the same pydantic models `check` validates with, the rule catalogue
reads the registered rules (their docstrings are the text), the settings page reads `Settings`:
none of them can drift from what mopsdocs does. Switch them off with `reference_pages: false`.

The pages' frame and the type words are in the site's language; what the code says itself (rule
titles and texts, field descriptions, model names) stays in English, as `check` says it.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from markupsafe import Markup
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ... import specs
from ...config import Settings
from ...i18n import ENGLISH, N_, SOURCE_LANGUAGE, Words
from ...project import Project
from ...rules import load_all
from .. import escape
from ..context import SiteContext
from ..pages import Page

NAV = (N_("mopsdocs reference"),)  # translated where the pages are made
SPECS, RULES, SETTINGS = "reference/specs.md", "reference/rules.md", "reference/settings.md"

_BY_PATTERN = {
    specs.ID_PATTERN: N_("id"),
    specs.DURATION_PATTERN: N_("duration (30m, 24h, 2d, 1w; business time 24bh, 5bd)"),
    specs.DATE_PATTERN: N_("date (YYYY-MM-DD)"),
    specs.URL_PATTERN: N_("URL (https://, http://, mailto:)"),
    specs.EMAIL_PATTERN: N_("e-mail address"),
}
_BY_TYPE = {str: N_("text"), bool: N_("true/false"), int: N_("whole number"), float: N_("number")}


def _named(metadata: Any, words: Words) -> str | None:
    """Our named string types, recognised by their constraints (pydantic keeps those, not the alias)."""
    for item in metadata:
        pattern = getattr(item, "pattern", None)
        if pattern in _BY_PATTERN:
            return words.gettext(_BY_PATTERN[pattern])
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict) and extra.get("contentMediaType") == "text/markdown":
            return "Markdown"
    return None


def describe(annotation: Any, metadata: Any = (), words: Words = ENGLISH) -> str:
    """A type in a marketer's words: 'list of id', 'one of: main, detour', 'true/false', ...
    (literal values and model names as the code writes them)."""
    named = _named(metadata, words)
    if named:
        return named
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin in (Union, types.UnionType):
        inner = [describe(a, words=words) for a in args if a is not type(None)]
        either = inner[0]
        for other in inner[1:]:
            either = words.gettext("%(first)s or %(other)s", first=either, other=other)
        return either
    if origin is typing.Annotated:
        return describe(args[0], args[1:], words)
    if origin is Literal:
        return words.gettext("one of: %(values)s", values=", ".join(str(a) for a in args))
    if origin is list:
        return words.gettext("list of %(type)s", type=describe(args[0], words=words))
    if origin is dict:
        return words.gettext(
            "mapping of %(key)s to %(value)s", key=describe(args[0], words=words), value=describe(args[1], words=words)
        )
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return words.gettext("mapping (%(model)s)", model=_title(annotation))
    if annotation in _BY_TYPE:
        return words.gettext(_BY_TYPE[annotation])
    return str(annotation)


def _title(model: type[BaseModel]) -> str:
    import re

    name = model.__name__.removesuffix("Spec").replace("NameField", "NamingField")
    words = re.findall(r"[A-Z][a-z]*", name)
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else name


def _default(field: Any, words: Words) -> str:
    """A field's default as the reference shows it: the value as YAML writes it, or a word."""
    if field.is_required():
        return ""
    if field.default_factory is not None:
        value = field.default_factory()
    else:
        value = field.default
    if value is None or value is PydanticUndefined:
        return ""
    if value == [] or value == {}:
        return words.gettext("empty")
    if isinstance(value, bool):
        return "true" if value else "false"  # YAML's words: what the user writes
    if isinstance(value, BaseModel):
        return words.gettext("see below")
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


def model_sections(model: type[BaseModel], words: Words = ENGLISH) -> list[dict[str, Any]]:
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
                    "type": describe(field.annotation, field.metadata, words),
                    "required": field.is_required(),
                    "default": _default(field, words),
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


def english_html(text: str, allow_html: bool) -> Markup:
    """Markdown the code wrote (a rule's text, a kind's summary) as a finished HTML block marked
    lang="en", for a site in another language: Markdown inside a raw `<div>` would need the
    `md_in_html` extension, which a site may not have. English sites keep the Markdown as is."""
    import markdown

    body = markdown.markdown(escape.markdown(text, allow_html=allow_html))
    # the code's own text, made inert by `escape.markdown`, then HTML from Markdown's syntax only
    return Markup(f'<div lang="en">\n{body}\n</div>')  # noqa: S704


def pages(project: Project, site: SiteContext) -> list[Page]:
    if not project.settings.reference_pages:
        return []
    words = site.words
    english = words.code == SOURCE_LANGUAGE
    kinds: list[dict[str, Any]] = [
        {"kind": kind, "sections": model_sections(model, words)} for kind, model in sorted(specs.KINDS.items())
    ]
    for kind in kinds:
        first = kind["sections"][0]
        first["doc_html"] = None if english or not first["doc"] else english_html(first["doc"], site.allow_html)
    rules = [
        {
            "code": r.code,
            "severity": r.severity.value,
            "title": r.title,
            "doc": r.doc,
            "doc_html": None if english else english_html(r.doc, site.allow_html),
            "configured": project.settings.rules.get(r.code),
        }
        for r in in_catalogue_order(list(load_all().values()))
    ]
    nav = tuple(words.gettext(section) for section in NAV)
    settings = {"sections": model_sections(Settings, words), "english": english}
    return [
        Page(
            SPECS, words.gettext("Spec format"), "reference_specs.md.j2", {"kinds": kinds, "english": english}, nav, 1
        ),
        Page(RULES, words.gettext("Rules"), "reference_rules.md.j2", {"rules": rules, "english": english}, nav, 2),
        Page(SETTINGS, words.gettext("Settings"), "reference_settings.md.j2", settings, nav, 3),
    ]
