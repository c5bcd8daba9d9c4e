"""Every convention of a project, compiled once per loaded project (rules, CLI and site share it)."""

from __future__ import annotations

import weakref
from typing import Any

from .. import specs
from ..project import Project
from .compiler import CompiledConvention, CompileProblem, compile_convention

Compiled = dict[str, tuple[CompiledConvention | None, list[CompileProblem]]]
_last: tuple[weakref.ref[Project], Compiled] | None = None


def compile_all(project: Project) -> Compiled:
    """Convention id -> (compiled convention or None, problems), in definition order."""
    global _last
    if _last is not None and _last[0]() is project:
        return _last[1]
    out: Compiled = {}
    for conv in project.conventions.values():
        out[conv.id] = compile_convention(
            conv, project.vocabularies, _raw_field_names(project, conv), project.settings.fiscal_year_start
        )
    _last = (weakref.ref(project), out)
    return out


def _raw_field_names(project: Project, conv: specs.Convention) -> set[str]:
    """Field names written in the YAML, including definitions the schema check dropped."""
    node: Any = project.document_of(conv).data
    for part in conv.origin:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return set()
    fields = node.get("fields") if isinstance(node, dict) else None
    return {k for k in fields if isinstance(k, str)} if isinstance(fields, dict) else set()
