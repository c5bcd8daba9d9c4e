"""`mopsdocs schema`: JSON Schema per kind, generated from the same models `check` validates with."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from . import __version__, specs
from .files import write_atomic

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _hover_help(node: Any) -> None:
    """Editors show the matching branch of an `anyOf` (optional fields): give it the description."""
    if isinstance(node, dict):
        if "anyOf" in node and "description" in node:
            for branch in node["anyOf"]:
                if isinstance(branch, dict) and branch.get("type") != "null":
                    branch.setdefault("description", node["description"])
        for value in node.values():
            _hover_help(value)
    elif isinstance(node, list):
        for value in node:
            _hover_help(value)


def kind_schema(kind: str) -> dict[str, Any]:
    model = specs.KINDS[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    _hover_help(schema)
    schema["$schema"] = SCHEMA_DIALECT
    schema["$id"] = f"https://mopsdocs.dev/schema/{kind}.schema.json"
    schema["title"] = f"mopsdocs {kind} spec"
    return schema


def all_schemas() -> dict[str, Any]:
    return {kind: kind_schema(kind) for kind in sorted(specs.KINDS)}


def write_schemas(out_dir: Path, *, force: bool = False, project: Any = None) -> list[Path]:
    """One `<kind>.schema.json` per kind; without `force`, nothing is written if any of them exists."""
    written = []
    schemas = all_schemas() if project is None else with_project_ids(all_schemas(), project)
    if not force:
        for kind in schemas:
            path = out_dir / f"{kind}.schema.json"
            if path.exists() or path.is_symlink():
                raise FileExistsError(str(path))
    for kind, schema in schemas.items():
        path = out_dir / f"{kind}.schema.json"
        write_atomic(path, json.dumps(schema, indent=2, sort_keys=True) + "\n", overwrite=force)
        written.append(path)
    return written


# --------------------------------------------------------------------------- project ids as enums

# (kind, model in $defs or "" for the document itself, property, namespace of the ids it names)
REFERENCES = [
    ("lifecycle", "Stage", "owner", "party"),
    ("lifecycle", "Transition", "owner", "party"),
    ("lifecycle", "Transition", "from", "stage"),
    ("lifecycle", "Transition", "to", "stage"),
    ("lifecycle", "Transition", "automated_by", "program"),
    ("team", "Role", "team", "team"),
    ("team", "Person", "roles", "role"),
    ("raci", "", "parties", "party"),
    ("raci", "Activity", "assign", "party"),
    ("naming", "NameField", "vocabulary", "vocabulary"),
    ("program", "", "owner", "party"),
    ("program", "", "depends_on", "program"),
    ("program", "Review", "by", "party"),
    ("program", "ReviewEntry", "by", "party"),
]


def project_ids(project: Any) -> dict[str, list[str]]:
    """The ids a project defines, per namespace (stages of every lifecycle together)."""
    return {
        "party": sorted(project.parties),
        "team": sorted(project.teams),
        "role": sorted(project.roles),
        "program": sorted(project.programs),
        "vocabulary": sorted(project.vocabularies),
        "stage": sorted({s for stages in project.stages.values() for s in stages}),
    }


def _restrict(node: dict[str, Any], ids: list[str], description: str) -> None:
    """Add `enum` to the string schema(s) in `node`: plain, nullable, array items or mapping keys."""
    if "patternProperties" in node:
        node["propertyNames"] = {"enum": ids}
        return
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        _restrict(node["items"], ids, description)
        return
    for option in [*node.get("anyOf", []), *node.get("oneOf", [])]:  # oneOf: an either-of `owner`
        if option.get("type") in ("string", "array") or "oneOf" in option:
            _restrict(option, ids, description)
    if node.get("type") == "string":
        node["enum"] = ids
        node.setdefault("description", description)


# `$comment` of a schema written with the project's ids: the digest of the ids it names, so that
# `check` sees a stale schema by reading one string (mopsdocs/editor_schemas.py), never by regenerating it
IDS_MARK = "mopsdocs-ids:"


def ids_digest(kind: str, ids: dict[str, list[str]]) -> str:
    """A short hash of the ids the kind's schema lists (and of the mopsdocs version that wrote it)."""
    named = sorted({namespace for k, _, _, namespace in REFERENCES if k == kind})
    payload = json.dumps({"mopsdocs": __version__, "kind": kind, **{ns: ids[ns] for ns in named}}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def with_project_ids(schemas: dict[str, Any], project: Any) -> dict[str, Any]:
    """The kind schemas with the project's ids as enums wherever a key refers to one (completion).

    Each gets a `$comment` with the digest of those ids: `mopsdocs check` notes when it is stale.
    """
    ids = project_ids(project)
    for kind, schema in schemas.items():
        schema["$comment"] = (
            f"{IDS_MARK}{ids_digest(kind, ids)} (this project's ids as enums, for completion; "
            "`mopsdocs check` says when the specs have changed them)"
        )
    for kind, model, prop, namespace in REFERENCES:
        if not ids[namespace] or kind not in schemas:
            continue
        holder = schemas[kind] if not model else schemas[kind].get("$defs", {}).get(model)
        node = holder.get("properties", {}).get(prop) if holder else None
        if node is not None:
            _restrict(node, ids[namespace], f"a {namespace} id of this project")
    return schemas
