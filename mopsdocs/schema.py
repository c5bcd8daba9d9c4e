"""`mopsdocs schema`: JSON Schema per kind, generated from the same models `check` validates with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import specs
from .files import write_atomic

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def kind_schema(kind: str) -> dict[str, Any]:
    model = specs.KINDS[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = SCHEMA_DIALECT
    schema["$id"] = f"https://mopsdocs.dev/schema/{kind}.schema.json"
    schema["title"] = f"mopsdocs {kind} spec"
    return schema


def all_schemas() -> dict[str, Any]:
    return {kind: kind_schema(kind) for kind in sorted(specs.KINDS)}


def write_schemas(out_dir: Path, *, force: bool = False) -> list[Path]:
    written = []
    for kind, schema in all_schemas().items():
        path = out_dir / f"{kind}.schema.json"
        write_atomic(path, json.dumps(schema, indent=2, sort_keys=True) + "\n", overwrite=force)
        written.append(path)
    return written
