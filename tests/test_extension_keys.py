"""`x-` keys: extensions where keys are field names, ids where keys are ids (contract section 2).

An id-keyed mapping (`assign`, a stage's `values`, a convention's `fields`, ...) keeps every key,
whatever it starts with: an `x-` id is validated like any other and reaches every output.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args, get_origin

from conftest import REPO, run_cli

from mopsdocs import specs, validate

# Every id-keyed mapping in the models -> the case under tests/cases/ that puts `x-` ids in it.
# A new `dict[...]` field fails test_every_id_keyed_mapping_has_a_case until it gets a case here.
COVERED = {
    ("Variants", "templates"): "name-x-ids-v2",
    ("NamingRule", "allowed_with"): "name-x-ids-v2",
    ("Stage", "values"): "x-ids-stage-values",
    ("Reason", "values"): "x-ids-stage-values",
    ("Activity", "assign"): "x-ids-raci-assign",
    ("Convention", "fields"): "x-ids-naming-fields",
    ("Score", "field"): "x-ids-scoring",
    ("Threshold", "all"): "x-ids-scoring",
    ("Threshold", "any"): "x-ids-scoring",
    ("ReviewSpec", "figures"): "x-ids-review-figures",
}


def _annotation_parts(annotation: Any) -> Iterator[Any]:
    """The annotation and everything nested in it (Annotated, unions, list and dict arguments)."""
    todo = [annotation]
    while todo:
        item = todo.pop()
        yield item
        todo.extend(get_args(item))


def _models() -> list[type[specs.Spec]]:
    """Every spec model reachable from a kind, each once."""
    seen: list[type[specs.Spec]] = []
    todo: list[Any] = list(specs.KINDS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.append(model)
        for field in model.model_fields.values():
            todo.extend(
                p for p in _annotation_parts(field.annotation) if isinstance(p, type) and issubclass(p, specs.Spec)
            )
    return seen


def _id_keyed() -> set[tuple[str, str]]:
    """(model, key) of every field whose annotation holds a `dict[...]`, read from the models alone."""
    return {
        (model.__name__, field.alias or name)
        for model in _models()
        for name, field in model.model_fields.items()
        if any(get_origin(p) is dict for p in _annotation_parts(field.annotation))
    }


def test_every_id_keyed_mapping_has_a_case() -> None:
    assert _id_keyed() == set(COVERED), "a dict[...] field was added or removed: add a tests/cases/x-ids-* case"
    for (_model, key), case in COVERED.items():
        text = "".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "tests/cases" / case).rglob("*.yaml")))
        assert f"{key}:" in text and "x-" in text and (REPO / "tests/cases" / case / "expected.txt").exists()


def test_the_validator_reads_every_id_keyed_mapping_as_ids() -> None:
    by_name = {m.__name__: m for m in _models()}
    for model_name, key in COVERED:
        shape = validate._field_shapes(by_name[model_name])[key]
        assert isinstance(shape, validate._Items) and shape.keyed, (model_name, key)


def test_the_validator_understands_every_field_that_holds_a_mapping() -> None:
    """A field whose models or dicts the shapes cannot read (say a union of two models) would have
    its `x-` keys treated as plain data: decide what they are, then extend `validate._shape`."""
    for model in _models():
        for name, field in model.model_fields.items():
            parts = list(_annotation_parts(field.annotation))
            shape, keyed = validate._shape(field.annotation), False
            while isinstance(shape, validate._Items):
                keyed = keyed or shape.keyed
                shape = shape.shape
            if any(isinstance(p, type) and issubclass(p, specs.Spec) for p in parts):
                assert isinstance(shape, type) and issubclass(shape, specs.Spec), (model.__name__, name)
            assert keyed == any(get_origin(p) is dict for p in parts), (model.__name__, name)


def _project(root: Path) -> Path:
    """The x- id cases' specs together, without their errors."""
    (root / "specs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n", encoding="utf-8"
    )
    (root / "specs/team.yaml").write_text(
        "kind: team\nteams:\n  - {id: mops, name: Marketing Ops, x-tier: core}\n  - {id: x-ops, name: External Ops}\n",
        encoding="utf-8",
    )
    (root / "specs/raci.yaml").write_text(
        "kind: raci\nid: ops\nname: Ops\nactivities:\n"
        "  - {id: build, name: Build, x-note: kept aside, assign: {x-ops: A/R, mops: C}}\n",
        encoding="utf-8",
    )
    (root / "specs/lead.yaml").write_text(
        "kind: lifecycle\nid: lead\nname: Lead\nstages:\n"
        "  - {id: known, name: Known, initial: true, terminal: true, owner: x-ops,"
        " values: {marketo: Known, x-hubspot: subscriber}}\n",
        encoding="utf-8",
    )
    (root / "specs/naming.yaml").write_text(
        "kind: naming\nvocabularies:\n  - {id: region, name: Region, values: [{code: NA}]}\n"
        "conventions:\n  - id: program\n    name: Program\n    template: '{x-region}_{name}'\n"
        "    fields: {x-region: {vocabulary: region}, name: {type: text}}\n    examples: [NA_Webinar]\n",
        encoding="utf-8",
    )
    return root


def test_x_ids_pass_check_and_survive_export(tmp_path: Path) -> None:
    root = _project(tmp_path / "proj")
    assert run_cli(["check"], cwd=root).code == 0
    result = run_cli(["export"], cwd=root)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["raci"]["ops"]["activities"][0]["assign"] == {"x-ops": "A/R", "mops": "C"}
    assert data["lifecycles"]["lead"]["stages"][0]["values"] == {"marketo": "Known", "x-hubspot": "subscriber"}
    assert set(data["conventions"]["program"]["fields"]) == {"x-region", "name"}
    assert "x-ops" in data["teams"]
    # extension keys on a mapping are exported beside its fields, at every depth
    assert data["teams"]["mops"]["x-tier"] == "core"
    assert data["raci"]["ops"]["activities"][0]["x-note"] == "kept aside"


def test_x_ids_survive_raci_export(tmp_path: Path) -> None:
    root = _project(tmp_path / "proj")
    result = run_cli(["raci", "export", "ops"], cwd=root)
    assert result.code == 0, result.err
    matrix_row, *table = result.out.lstrip("\ufeff").splitlines(keepends=True)
    assert next(csv.reader([matrix_row]))[:2] == ["matrix", "ops"]
    rows = list(csv.DictReader(io.StringIO("".join(table))))
    assert [{k: v for k, v in row.items() if k != "description"} for row in rows] == [
        {"activity_id": "build", "activity": "Build", "group": "", "x-ops": "A/R", "mops": "C"}
    ]
    markdown = run_cli(["raci", "export", "ops", "--format", "markdown"], cwd=root)
    assert markdown.code == 0 and "External Ops" in markdown.out
    back = run_cli(["raci", "import", "-", "--id", "ops"], cwd=root, stdin=result.out)
    assert back.code == 0 and "assign: {x-ops: A/R, mops: C}" in back.out


def test_extensions_where_keys_are_field_names_are_still_kept_aside(tmp_path: Path) -> None:
    from mopsdocs.pipeline import load_project

    project, _report = load_project(_project(tmp_path / "proj"))
    activity = project.racis["ops"].activities[0]
    assert activity.extras == {"x-note": "kept aside"}
    assert project.teams["mops"].extras == {"x-tier": "core"}
    assert project.lifecycles["lead"].stages[0].extras == {}
    assert "x-region" in project.conventions["program"].fields
