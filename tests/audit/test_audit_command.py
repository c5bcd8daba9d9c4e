"""`mopsdocs audit` as a user runs it: formats, exit codes, notes, and `check` left alone."""

from __future__ import annotations

import filecmp
import io
import json
import subprocess
import sys
from pathlib import Path

import example_exports
import make_cases
from conftest import REPO, make_project, run_cli
from make_cases import k

MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


def instance(root: Path) -> Path:
    make_project(root, {"specs/team.yaml": make_cases.TEAM}, MKDOCS, dedent=False)
    k.write_json(
        root / "exports/users.json",
        [
            k.user("dana@example.com", "Dana", "P"),  # left: AUDIT003 (error)
            k.user("x@agency.example", "X", "Y"),  # nobody: AUDIT004 (warning)
        ],
    )
    return root


def test_concise_output_and_exit_code(tmp_path: Path) -> None:
    root = instance(tmp_path / "p")
    result = run_cli(["audit", "--format", "concise", "--as-of", "2026-12-01"], cwd=root)
    assert result.code == 1
    assert result.out.splitlines() == [
        "exports/users.json:6:5: error[AUDIT003]: user 'dana@example.com' belongs to 'dana', who left on 2026-06-30,"
        " and is not locked (lock or remove the user (Admin > Users & Roles))",
        "exports/users.json:27:5: warning[AUDIT004]: user 'x@agency.example' matches no person in the team spec"
        " (add the person with this email to the team spec, or remove the user)",
        "Found 1 error and 1 warning in 1 export file.",
    ]
    assert result.err == ""  # no progress: standard error is not a terminal


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    root = instance(tmp_path / "p")
    (root / "exports/users.json").unlink()
    k.write_json(root / "exports/users.json", [k.user("x@agency.example", "X", "Y")])
    assert run_cli(["audit", "--format", "concise"], cwd=root).code == 0
    assert run_cli(["audit", "--format", "concise", "--strict"], cwd=root).code == 1


def test_machine_formats(tmp_path: Path) -> None:
    root = instance(tmp_path / "p")
    data = json.loads(run_cli(["audit", "--format", "json", "--as-of", "2026-12-01"], cwd=root).out)
    assert [d["code"] for d in data["diagnostics"]] == ["AUDIT003", "AUDIT004"]
    assert data["diagnostics"][0]["path"] == "exports/users.json" and data["diagnostics"][0]["line"] == 6
    assert data["summary"] == {"errors": 1, "warnings": 1, "files": 1}
    sarif = json.loads(run_cli(["audit", "--format", "sarif", "--as-of", "2026-12-01"], cwd=root).out)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["AUDIT003", "AUDIT004"]
    github = run_cli(["audit", "--format", "github", "--as-of", "2026-12-01"], cwd=root).out
    assert github.startswith("::error file=exports/users.json,line=6,")
    markdown = run_cli(["audit", "--format", "markdown", "--as-of", "2026-12-01"], cwd=root).out
    assert markdown.startswith("## mopsdocs audit\n")
    assert "| `exports/users.json` | marketo-users | 2 | 2026-11-20 |" in markdown
    assert "| AUDIT003 | 1 |" in markdown


def test_files_given_and_notes(tmp_path: Path) -> None:
    root = instance(tmp_path / "p")
    rows = [k.LEAD_STATUS_HEADER, *k.LEAD_STATUSES, ["Qualifié", "Qualifié", "5", "false", "false"]]
    k.write_csv(root / "elsewhere/ls.csv", rows, encoding="cp1252")
    result = run_cli(["audit", "--format", "concise", "elsewhere/ls.csv"], cwd=root)
    assert result.out == "All audit checks passed (1 export file).\n"
    assert result.err == (
        "mopsdocs: note: elsewhere/ls.csv: not UTF-8: read as Windows-1252 (as Excel saves CSV);"
        " save it as 'CSV UTF-8' to be sure of every character\n"
    )


def test_no_exports_says_what_to_do(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"specs/team.yaml": make_cases.TEAM}, MKDOCS, dedent=False)
    result = run_cli(["audit", "--format", "concise"], cwd=root)
    assert result.code == 0
    assert result.out == "All audit checks passed (0 export files).\n"
    assert "no exports found in exports/" in result.err


def test_check_reads_specs_only(tmp_path: Path) -> None:
    root = instance(tmp_path / "p")
    (root / "exports/broken.json").write_text("{", encoding="utf-8")
    assert run_cli(["check", "--format", "concise"], cwd=root).out == "All checks passed (1 spec file).\n"
    code = (
        "import sys; sys.argv=['mopsdocs','check']\n"
        "from mopsdocs.cli import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('mopsdocs.exports.read', 'mopsdocs.exports.csvscan',"
        " 'mopsdocs.exports.jsonscan', 'mopsdocs.audit.run', 'rapidfuzz', 'charset_normalizer'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stdout + proc.stderr


def test_the_example_exports_are_what_the_builder_writes(tmp_path: Path) -> None:
    written = example_exports.write(tmp_path / "exports")
    for path in written:
        checked_in = REPO / "exports" / path.relative_to(tmp_path / "exports")
        assert filecmp.cmp(path, checked_in, shallow=False), f"{checked_in}: run python tests/audit/example_exports.py"


def test_the_cases_are_what_make_cases_writes(tmp_path: Path) -> None:
    for name in make_cases.CASES:
        made = tmp_path / name
        make_cases.write_case(name, made)
        case = make_cases.CASES_DIR / name
        for path in sorted(p for p in made.rglob("*") if p.is_file()):
            rel = path.relative_to(made)
            assert filecmp.cmp(path, case / rel, shallow=False), f"{case / rel}: run python tests/audit/make_cases.py"


def test_an_exports_entry_that_names_no_file(tmp_path: Path) -> None:
    mkdocs = MKDOCS + "      exports:\n        - {path: exports/usres.csv, type: marketo-users}\n"
    root = make_project(tmp_path / "p", {"specs/team.yaml": make_cases.TEAM}, mkdocs, dedent=False)
    k.write_json(root / "exports/users.json", [k.user("maude@example.com", "Maude", "B")])
    result = run_cli(["audit", "--format", "concise", "--as-of", "2026-12-01"], cwd=root)
    assert result.out.splitlines()[0] == (
        "mkdocs.yml:6:18: error[FILE001]: the exports: entry 'exports/usres.csv' names no file that was read"
        " (check the path: relative to mkdocs.yml; files are read from exports/)"
    )
    assert result.code == 1


def test_progress_is_rewritten_in_place() -> None:
    from mopsdocs.commands.audit import _Progress

    stream = io.StringIO()
    progress = _Progress(stream)
    progress("exports/a.json")
    progress("exports/b.json")
    progress.done()
    assert stream.getvalue() == (
        "\rmopsdocs: reading exports/a.json (1)...\rmopsdocs: reading exports/b.json (2)...\r"
        + " " * len("mopsdocs: reading exports/b.json (2)...")
        + "\r"
    )
