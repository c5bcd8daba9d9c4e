"""`mopsdocs export`: the validated model as JSON, with a stable key order."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .project import Project


def dump_model(spec: BaseModel) -> dict[str, Any]:
    """One model as `export` writes it: its fields by alias, `x-` keys included."""
    data = spec.model_dump(mode="json", by_alias=True, exclude_none=True)
    _add_extras(spec, data)
    return data


def _add_extras(value: Any, data: Any) -> None:
    """Put each mapping's `x-` keys back beside its fields: pydantic keeps them outside the model
    (`Spec.extras`), and an export that dropped them would lose what the user wrote."""
    if isinstance(value, BaseModel) and isinstance(data, dict):
        extras = getattr(value, "extras", None)
        if isinstance(extras, dict):
            data.update({k: extras[k] for k in sorted(extras)})
        for name, info in type(value).model_fields.items():
            key = info.alias or name
            if key in data:
                _add_extras(getattr(value, name), data[key])
    elif isinstance(value, (list, tuple)) and isinstance(data, list):
        for item, dumped in zip(value, data, strict=False):
            _add_extras(item, dumped)
    elif isinstance(value, dict) and isinstance(data, dict):
        for k, item in value.items():
            if k in data:
                _add_extras(item, data[k])


def export_data(project: Project) -> dict[str, Any]:
    """Plain data: every entity by namespace, ids sorted, plus the party each belongs to."""

    def table(items: dict[str, Any]) -> dict[str, Any]:
        return {k: dump_model(items[k]) for k in sorted(items)}

    return {
        "version": 1,
        "as_of": project.today().isoformat(),
        "teams": table(project.teams),
        "roles": table(project.roles),
        "people": {
            pid: {**dump_model(p), "active": project.is_active(p), "team": project.team_of(pid)}
            for pid, p in sorted(project.people.items())
        },
        "queues": table(project.queues),
        "lifecycles": table(project.lifecycles),
        "raci": table(project.racis),
        "vocabularies": table(project.vocabularies),
        "conventions": table(project.conventions),
        "programs": table(project.programs),
        "scoring": table(project.scorings),
        "channels": table(project.channels),
        "backlogs": table(project.backlogs),
        "reviews": table(project.reviews),
        "stacks": table(project.stacks),
    }


def export_json(project: Project) -> str:
    return json.dumps(export_data(project), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
