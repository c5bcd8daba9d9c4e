"""`mopsdocs export`: the validated model as JSON, with a stable key order."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .project import Project


def _dump(spec: BaseModel) -> dict[str, Any]:
    return spec.model_dump(mode="json", by_alias=True, exclude_none=True)


def export_data(project: Project) -> dict[str, Any]:
    """Plain data: every entity by namespace, ids sorted, plus the party each belongs to."""

    def table(items: dict[str, Any]) -> dict[str, Any]:
        return {k: _dump(items[k]) for k in sorted(items)}

    return {
        "version": 1,
        "as_of": project.today().isoformat(),
        "teams": table(project.teams),
        "roles": table(project.roles),
        "people": {
            pid: {**_dump(p), "active": project.is_active(p), "team": project.team_of(pid)}
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
    }


def export_json(project: Project) -> str:
    return json.dumps(export_data(project), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
