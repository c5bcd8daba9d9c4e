"""`mopsdocs check`, `export`, `schema` as users run them: formats, exit codes, settings, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn, Protocol

import pytest
from conftest import REPO, run_cli, run_process

TEAM = """\
kind: team
teams:
  - {id: mops, name: Marketing Ops}
roles:
  - {id: mops-manager, name: MOPs Manager, team: mops}
people:
  - {id: maude, name: Maude, roles: [mops-manager]}
"""
BROKEN = TEAM.replace("team: mops}", "team: mps}")  # one REF001
WARNING_ONLY = (
    TEAM
    + "  - {id: devon, name: Devon, roles: [analyst], active: false}\n".replace(
        "roles: [analyst]", "roles: [mops-manager]"
    )
    + ""
)
MKDOCS_EMPTY_CATS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


class ProjectFactory(Protocol):
    """The `project` fixture (tests/conftest.py): a mini-project from files, with an optional mkdocs.yml."""

    def __call__(self, files: dict[str, str | bytes], mkdocs: str = ...) -> Path: ...


def test_clean_project_exits_0(project: ProjectFactory) -> None:
    root = project({"specs/team.yaml": TEAM}, MKDOCS_EMPTY_CATS)
    result = run_cli(["check"], cwd=root)
    assert result.code == 0, result.out
    assert result.out == "All checks passed (1 spec file).\n"


def test_errors_exit_1_and_text_format_shows_source_and_caret(project: ProjectFactory) -> None:
    root = project({"specs/team.yaml": BROKEN}, MKDOCS_EMPTY_CATS)
    result = run_cli(["check", "--format", "text"], cwd=root)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "specs/team.yaml:5:50: error[REF001]: unknown team 'mps'"
    assert lines[2] == "5 |   - {id: mops-manager, name: MOPs Manager, team: mps}"
    assert lines[3] == "  | " + " " * 49 + "^"
    assert lines[4] == "  = hint: did you mean 'mops'?"


def test_check_from_a_subfolder_finds_the_root(project: ProjectFactory) -> None:
    root = project({"specs/team.yaml": BROKEN}, MKDOCS_EMPTY_CATS)
    result = run_cli(["check", "--format", "concise"], cwd=root / "specs")
    assert result.code == 1
    assert result.out.startswith("specs/team.yaml:5:50: error[REF001]")


def test_strict_turns_warnings_into_failure(project: ProjectFactory) -> None:
    people = TEAM + "  - {id: devon, name: Devon, roles: [mops-manager], active: false}\n"
    root = project(
        {"specs/team.yaml": people.replace("- {id: maude, name: Maude, roles: [mops-manager]}\n", "")},
        MKDOCS_EMPTY_CATS,
    )
    assert run_cli(["check"], cwd=root).code == 0
    strict = run_cli(["check", "--strict", "--format", "concise"], cwd=root)
    assert strict.code == 1
    assert "warning[TEAM002]" in strict.out


def test_rule_severities_from_settings(project: ProjectFactory) -> None:
    mkdocs = (
        "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n      rules: {REF001: warning}\n"
    )
    root = project({"specs/team.yaml": BROKEN}, mkdocs)
    result = run_cli(["check", "--format", "concise"], cwd=root)
    assert result.code == 0
    assert "warning[REF001]" in result.out
    off = mkdocs.replace("REF001: warning", "REF001: 'off'")
    (root / "mkdocs.yml").write_text(off)
    assert run_cli(["check", "--format", "concise"], cwd=root).out == "All checks passed (1 spec file).\n"


def test_settings_errors_are_located_in_mkdocs_yml(project: ProjectFactory) -> None:
    mkdocs = (
        "site_name: t\ntheme:\n  name: material\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - mopsdocs:\n      spec_dir: specs\n      raci_max_consulted: many\n"
        "      rules: {LC099: error}\n      required_program_categories: []\n"
    )
    root = project({"specs/team.yaml": TEAM}, mkdocs)
    result = run_cli(["check", "--format", "concise"], cwd=root)
    assert result.code == 1
    assert result.out.splitlines()[:3] == [
        "mkdocs.yml:9:7: error[SPEC002]: unknown setting 'spec_dir' (did you mean 'specs_dir'?)",
        "mkdocs.yml:10:27: error[SPEC004]: setting raci_max_consulted: 'many': input should be a valid integer",
        "mkdocs.yml:11:15: error[SPEC004]: rules: unknown rule 'LC099' (did you mean 'LC009'?)",
    ]


def test_json_format(project: ProjectFactory) -> None:
    root = project({"specs/team.yaml": BROKEN}, MKDOCS_EMPTY_CATS)
    result = run_cli(["check", "--format", "json"], cwd=root)
    assert result.code == 1
    payload = json.loads(result.out)
    assert payload == {
        "version": 1,
        "diagnostics": [
            {
                "code": "REF001",
                "severity": "error",
                "message": "unknown team 'mps'",
                "path": "specs/team.yaml",
                "line": 5,
                "column": 50,
                "hint": "did you mean 'mops'?",
            }
        ],
        "summary": {"errors": 1, "warnings": 0, "files": 1},
    }


def test_github_format_and_auto_detection(project: ProjectFactory) -> None:
    root = project({"specs/team.yaml": BROKEN}, MKDOCS_EMPTY_CATS)
    expected = "::error file=specs/team.yaml,line=5,col=50,title=REF001::unknown team 'mps' (did you mean 'mops'?)"
    assert run_cli(["check", "--format", "github"], cwd=root).out.splitlines()[0] == expected
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    proc = run_process(["check"], cwd=root, env=env)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == expected


def test_github_format_escapes_newlines_and_percent(project: ProjectFactory) -> None:
    spec = TEAM.replace("team: mops}", 'team: "50%\\nbad"}')
    root = project({"specs/team.yaml": spec}, MKDOCS_EMPTY_CATS)
    line = run_cli(["check", "--format", "github"], cwd=root).out.splitlines()[0]
    assert "%0A" in line and "%25" in line and "\n" not in line


def test_sarif_validates_against_the_sarif_2_1_0_schema(project: ProjectFactory, tmp_path: Path) -> None:
    root = project({"specs/team.yaml": BROKEN + "  - {id: x, name: X, roles: [nope]}\n"}, MKDOCS_EMPTY_CATS)
    result = run_cli(["check", "--format", "sarif"], cwd=root)
    assert result.code == 1
    sarif = json.loads(result.out)
    run = sarif["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["REF001", "REF001"]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 5, "startColumn": 50}
    out = tmp_path / "report.sarif"
    out.write_text(result.out)
    checker = Path(sys.executable).parent / "check-jsonschema"
    # the official rtm.5 schema has one pattern that is Python- but not ECMA-valid regex
    sarif_check = [
        str(checker),
        "--regex-variant",
        "python",
        "--schemafile",
        str(REPO / "tests/data/sarif-2.1.0-rtm.5.json"),
    ]
    proc = subprocess.run([*sarif_check, str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # and a broken SARIF document fails the same validation (the check can fail)
    bad = json.loads(result.out)
    bad["runs"][0]["results"][0]["level"] = "catastrophic"
    out.write_text(json.dumps(bad))
    proc = subprocess.run([*sarif_check, str(out)], capture_output=True, text=True)
    assert proc.returncode == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run_cli(["check"], cwd=tmp_path)
    assert result.code == 2
    assert "no mkdocs.yml found" in result.err
    assert run_cli(["check", "--format", "xml"], cwd=tmp_path).code == 2
    assert run_cli(["check", "--as-of", "2021-13-01"], cwd=tmp_path).code == 2
    assert run_cli(["frobnicate"], cwd=tmp_path).code == 2
    assert "Traceback" not in result.err


def test_internal_error_exits_3_with_a_bug_report_message(
    project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project({"specs/team.yaml": TEAM}, MKDOCS_EMPTY_CATS)
    import mopsdocs.pipeline

    def boom(*args: object, **kwargs: object) -> NoReturn:
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(mopsdocs.pipeline, "load_project", boom)
    result = run_cli(["check"], cwd=root)
    assert result.code == 3
    assert "bug in mopsdocs" in result.err and "ZeroDivisionError: simulated bug" in result.err
    assert "Traceback" not in result.err


def test_symlink_loops_broken_links_and_links_outside(project: ProjectFactory, tmp_path: Path) -> None:
    root = project({"specs/team.yaml": TEAM}, MKDOCS_EMPTY_CATS)
    (root / "specs/loop").symlink_to(root / "specs")  # a folder loop: read once
    (root / "specs/self.yaml").symlink_to(root / "specs/self.yaml")  # a file loop
    (root / "specs/gone.yaml").symlink_to(root / "specs/nowhere.yaml")
    outside = tmp_path / "outside.yaml"
    outside.write_text(TEAM)
    (root / "specs/out.yaml").symlink_to(outside)
    result = run_cli(["check", "--format", "concise"], cwd=root)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[:3] == [
        "specs/gone.yaml:1:1: error[FILE001]: cannot read file: No such file or directory "
        "(check the file's permissions and that links point to a file)",
        "specs/out.yaml:1:1: error[FILE001]: link points outside the project "
        "(copy the file into the project instead of linking)",
        "specs/self.yaml:1:1: error[FILE001]: cannot read file: Too many levels of symbolic links "
        "(check the file's permissions and that links point to a file)",
    ]
    assert lines[3] == "Found 3 errors and 0 warnings in 3 spec files."


def test_missing_specs_dir(project: ProjectFactory) -> None:
    root = project({}, MKDOCS_EMPTY_CATS.replace("required_program_categories: []", "specs_dir: nowhere"))
    result = run_cli(["check", "--format", "concise"], cwd=root)
    assert result.code == 1
    assert "error[FILE001]: specs_dir 'nowhere' is not a folder" in result.out


def test_as_of_option_overrides_setting(project: ProjectFactory) -> None:
    people = TEAM + "  - {id: lee, name: Lee, roles: [mops-manager], left_on: 2021-06-30}\n"
    root = project({"specs/team.yaml": people}, MKDOCS_EMPTY_CATS)
    before = json.loads(run_cli(["export", "--as-of", "2021-06-01"], cwd=root).out)
    after = json.loads(run_cli(["export", "--as-of", "2021-07-01"], cwd=root).out)
    assert before["people"]["lee"]["active"] is True
    assert after["people"]["lee"]["active"] is False


def test_export_is_stable_json(project: ProjectFactory) -> None:
    root = project({"specs/team.yaml": TEAM}, MKDOCS_EMPTY_CATS)
    first = run_cli(["export", "--as-of", "2021-12-01"], cwd=root)
    second = run_cli(["export", "--as-of", "2021-12-01"], cwd=root)
    assert first.code == 0 and first.out == second.out
    data = json.loads(first.out)
    assert data["people"]["maude"] == {
        "active": True,
        "id": "maude",
        "name": "Maude",
        "roles": ["mops-manager"],
        "team": "mops",
    }
    assert list(data) == sorted(data)


def test_check_imports_nothing_heavy(project: ProjectFactory) -> None:
    """The pre-commit path must not import mkdocs, jinja2, graphviz, ruamel or material."""
    root = project({"specs/team.yaml": TEAM}, MKDOCS_EMPTY_CATS)
    code = (
        "import sys; sys.argv=['mopsdocs','check']\n"
        "from mopsdocs.cli import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'mkdocs','jinja2','graphviz','ruamel','material','markdown','pymdownx'})\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_schema_export_and_check_jsonschema(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = run_cli(["schema", "-o", str(out)])
    assert result.code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "backlog.schema.json",
        "channel.schema.json",
        "lifecycle.schema.json",
        "naming.schema.json",
        "program.schema.json",
        "raci.schema.json",
        "review.schema.json",
        "scoring.schema.json",
        "stack.schema.json",
        "team.schema.json",
    ]
    # never overwrites silently
    again = run_cli(["schema", "-o", str(out)])
    assert again.code == 2 and "--force" in again.err
    assert run_cli(["schema", "-o", str(out), "--force"]).code == 0
    checker = Path(sys.executable).parent / "check-jsonschema"
    good = tmp_path / "team.yaml"
    good.write_text(TEAM)
    typo = tmp_path / "typo.yaml"
    typo.write_text(TEAM.replace("name: Maude", "nmae: Maude"))
    ok = subprocess.run(
        [str(checker), "--schemafile", str(out / "team.schema.json"), str(good)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stdout
    bad = subprocess.run(
        [str(checker), "--schemafile", str(out / "team.schema.json"), str(typo)], capture_output=True, text=True
    )
    assert bad.returncode == 1
    lifecycle_files = sorted((REPO / "specs").glob("lifecycle/*.yaml"))
    proc = subprocess.run(
        [str(checker), "--schemafile", str(out / "lifecycle.schema.json"), *map(str, lifecycle_files)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize("payload", [b"\x00\x01\x02binary", b"\xff\xfe\x00\x00", b"kind: team\n" * 1 + b"\x80"])
def test_binary_files_give_located_errors(project: ProjectFactory, payload: bytes) -> None:
    root = project({"specs/bin.yaml": payload}, MKDOCS_EMPTY_CATS)
    result = run_cli(["check", "--format", "concise"], cwd=root)
    assert result.code == 1
    assert result.out.startswith("specs/bin.yaml:")
    assert "Traceback" not in result.err
