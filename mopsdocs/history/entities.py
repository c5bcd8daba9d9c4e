"""The entities of a project, keyed by kind and id, as plain data (what `mopsdocs export` dumps).

Found from the validated model, never from a list of kinds, so that every kind (and the ones
added later) is covered with no code here: a spec with an `id` is one entity of its `KIND`
(a lifecycle, a program, a stack); a spec without one holds entities in its lists of models with
ids (a team spec's teams, roles, people and queues; a naming spec's vocabularies and
conventions), each of the kind its model is named for. A second definition of an id (SPEC005)
is left out, as `assemble` leaves it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..export import dump_model
from ..project import Project


@dataclass(frozen=True)
class Entity:
    kind: str  # "lifecycle", "person", "vocabulary", ...
    id: str
    name: str
    path: str  # the spec file it is defined in
    data: dict[str, Any]  # its fields as `export` dumps them, without `kind` and `id`


def dump(model: BaseModel) -> dict[str, Any]:
    """A model as `mopsdocs export` writes it (`x-` keys included, so their changes are reported)."""
    return dump_model(model)


def entities(project: Project) -> dict[tuple[str, str], Entity]:
    out: dict[tuple[str, str], Entity] = {}
    for doc, spec in project.documents:
        if "id" in type(spec).model_fields:
            _add(out, str(getattr(type(spec), "KIND", type(spec).__name__.lower())), spec, doc.path)
            continue
        for name in type(spec).model_fields:
            items = getattr(spec, name)
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, BaseModel) and isinstance(getattr(item, "id", None), str):
                        _add(out, type(item).__name__.lower(), item, doc.path)
    return out


def _add(out: dict[tuple[str, str], Entity], kind: str, model: BaseModel, path: str) -> None:
    key = (kind, str(getattr(model, "id")))  # noqa: B009 - any model with an id (mypy: BaseModel has none)
    if key in out:
        return  # SPEC005: the first definition stands
    data = dump(model)
    data.pop("kind", None)
    data.pop("id", None)
    out[key] = Entity(kind, key[1], str(getattr(model, "name", "") or key[1]), path, data)


__all__ = ["Entity", "dump", "entities"]
