"""Data-driven cases: every folder `tests/**/cases/<name>/` holding `expected.txt`.

A case is a project: `specs/` (and optionally `mkdocs.yml`, else a default one) plus
`expected.txt`, the exact output of `mopsdocs check --format concise` (diagnostics and the
summary line). `args.txt` may add arguments (e.g. `--as-of 2021-12-01`); `command.txt` may name
another command printing check's formats (`audit`, whose cases also hold `exports/`), and
`stderr.txt` what it says on standard error (else nothing). Adding a case adds files, not code.
Set MOPSDOCS_UPDATE_CASES=1 to rewrite expected.txt (read the diff after).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import DEFAULT_MKDOCS, REPO, run_cli

CASES = sorted(p.parent for p in (REPO / "tests").glob("**/cases/*/expected.txt"))


@pytest.mark.parametrize("case", CASES, ids=[str(c.relative_to(REPO / "tests")) for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    work = tmp_path / case.name
    shutil.copytree(case, work, symlinks=True)
    if not (work / "mkdocs.yml").exists():
        (work / "mkdocs.yml").write_text(DEFAULT_MKDOCS, encoding="utf-8")
    args = (case / "args.txt").read_text().split() if (case / "args.txt").exists() else []
    # `command.txt` names another command with check's output (`audit`: specs against exports/)
    command = (case / "command.txt").read_text().strip() if (case / "command.txt").exists() else "check"
    result = run_cli([command, "--format", "concise", *args], cwd=work)
    expected_file = case / "expected.txt"
    stderr_file = case / "stderr.txt"  # notes a command says on standard error (audit: "read as Windows-1252")
    if os.environ.get("MOPSDOCS_UPDATE_CASES"):
        expected_file.write_text(result.out, encoding="utf-8")
        if result.err or stderr_file.exists():
            stderr_file.write_text(result.err, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert result.err == (stderr_file.read_text(encoding="utf-8") if stderr_file.exists() else "")
    assert result.out == expected
    has_errors = any("error[" in line for line in expected.splitlines())
    assert result.code == (1 if has_errors else 0)
