"""`check` notes, in one line at the schema file, when init's editor schemas list outdated ids; cheaply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from mopsdocs import schema
from mopsdocs.editor_schemas import REFRESH

NEW_PERSON = "people:\n  - {id: zoe, name: Zoe New, roles: [sdr]}\n"


def fresh(tmp_path: Path) -> Path:
    root = tmp_path / "handbook"
    assert run_cli(["init", str(root)]).code == 0
    return root


def add_person(root: Path) -> None:
    team = root / "specs" / "team.yaml"
    text = team.read_text(encoding="utf-8")
    assert "people:\n" in text
    team.write_text(text.replace("people:\n", NEW_PERSON, 1), encoding="utf-8")


def test_fresh_schemas_carry_the_ids_digest_and_check_says_nothing(tmp_path: Path) -> None:
    root = fresh(tmp_path)
    for path in sorted((root / ".mopsdocs" / "schemas").glob("*.schema.json")):
        assert json.loads(path.read_text())["$comment"].startswith(schema.IDS_MARK), path
    result = run_cli(["check", "--strict"], cwd=root)
    assert result.code == 0 and result.err == "", result.out + result.err


def test_changed_ids_give_one_note_with_the_refresh_command_then_refreshing_clears_it(tmp_path: Path) -> None:
    root = fresh(tmp_path)
    add_person(root)
    result = run_cli(["check", "--strict"], cwd=root)
    assert result.code == 0, result.out + result.err  # a note, not a problem, even with --strict
    assert result.out.startswith("All checks passed")
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(".mopsdocs/schemas/") and ".schema.json:1:1: note: " in lines[0]
    assert lines[0].endswith(f"refresh: {REFRESH}")
    as_json = run_cli(["check", "--format", "json"], cwd=root)
    json.loads(as_json.out)  # stdout stays the report alone
    assert as_json.err == result.err

    argv = REFRESH.split()
    assert argv[0] == "mopsdocs"
    assert run_cli(argv[1:], cwd=root).code == 0
    again = run_cli(["check", "--strict"], cwd=root)
    assert again.code == 0 and again.err == "", again.err
    lifecycle = (root / ".mopsdocs" / "schemas" / "lifecycle.schema.json").read_text()
    assert '"zoe"' in lifecycle  # the new person completes as an owner


def test_only_the_kinds_whose_ids_changed_are_stale(tmp_path: Path) -> None:
    root = fresh(tmp_path)
    naming = root / "specs" / "naming.yaml"
    text = naming.read_text(encoding="utf-8")
    naming.write_text(text + "# a comment changes no id\n", encoding="utf-8")
    assert run_cli(["check"], cwd=root).err == ""
    add_person(root)  # a party: lifecycle, raci, program and team list parties; naming does not
    err = run_cli(["check"], cwd=root).err
    # lifecycle, program and raci list parties; team lists roles and teams, naming vocabularies
    assert err.startswith(".mopsdocs/schemas/lifecycle.schema.json:1:1: note: this editor schema and 2 more are"), err


def test_generic_schemas_and_projects_with_errors_get_no_note(tmp_path: Path) -> None:
    root = fresh(tmp_path)
    assert run_cli(["schema", "-o", ".mopsdocs/schemas", "--force"], cwd=root).code == 0  # no ids: generic
    add_person(root)
    assert run_cli(["check"], cwd=root).err == ""
    assert run_cli(["schema", "--with-ids", "-o", ".mopsdocs/schemas", "--force"], cwd=root).code == 0
    team = root / "specs" / "team.yaml"
    team.write_text(team.read_text().replace("id: zoe", "id: zoe\n    bogus: 1", 1), encoding="utf-8")
    add_person(root)  # ids changed, but the specs have an error: fix that first
    result = run_cli(["check"], cwd=root)
    assert result.code == 1 and "note:" not in result.err


def test_the_check_path_generates_no_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = fresh(tmp_path)
    add_person(root)

    def refuse(kind: str) -> None:
        raise AssertionError(f"check generated the {kind} schema")

    monkeypatch.setattr(schema, "kind_schema", refuse)
    result = run_cli(["check"], cwd=root)
    assert result.code == 0 and "note:" in result.err, result.err
