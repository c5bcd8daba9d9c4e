"""`-o FILE` and `-C DIR` with paths that do not exist (issue 13): a clear usage error (exit 2),
said before any work, and no folder is ever made for a report."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_cli

TEAM = "kind: team\nteams:\n  - {id: mops, name: Marketing Ops}\n"


def test_check_output_into_a_missing_folder_fails_and_creates_nothing(tmp_path: Path) -> None:
    proj = make_project(tmp_path / "proj", {"specs/team.yaml": TEAM})
    target = proj / "reports" / "nested" / "check.txt"
    result = run_cli(["check", "-o", str(target)], cwd=proj)
    assert result.code == 2, result
    assert result.err == (
        f"mopsdocs: error: cannot write {target}: the folder {target.parent} does not exist (create it first)\n"
    )
    assert not (proj / "reports").exists()
    assert "Traceback" not in result.out + result.err


def test_check_output_below_a_file_fails(tmp_path: Path) -> None:
    proj = make_project(tmp_path / "proj", {"specs/team.yaml": TEAM})
    (proj / "notes.txt").write_text("x", encoding="utf-8")
    result = run_cli(["check", "-o", str(proj / "notes.txt" / "check.txt")], cwd=proj)
    assert result.code == 2 and "is a file, not a folder" in result.err, result


def test_check_output_into_an_existing_folder_still_works(tmp_path: Path) -> None:
    proj = make_project(tmp_path / "proj", {"specs/team.yaml": TEAM})
    result = run_cli(["check", "-o", "report.txt"], cwd=proj)
    assert result.code == 0, result
    assert (proj / "report.txt").is_file()


def test_project_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    proj = make_project(tmp_path / "proj", {"specs/team.yaml": TEAM})
    missing = proj / "no-such-folder"  # inside a project: must not fall back to the project above
    for args in (["check", "-C", str(missing)], ["names", "check", "program", "-C", str(missing)]):
        result = run_cli(args, cwd=proj, stdin="")
        assert result.code == 2, (args, result)
        assert result.err == f"mopsdocs: error: --project {missing}: no such folder\n"
    (proj / "file.txt").write_text("x", encoding="utf-8")
    result = run_cli(["check", "-C", str(proj / "file.txt")], cwd=proj)
    assert result.code == 2 and "is a file: give the project's folder" in result.err
