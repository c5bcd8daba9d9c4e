"""The hostile corpus (tests/hardening/hostile/) committed to git and read back by `diff` and the
changes page: whatever a revision holds, the answer is a comparison or a clean message, never a
traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from gittools import git_env

HARDENING = Path(__file__).resolve().parent.parent / "hardening"
sys.path.insert(0, str(HARDENING))  # the corpus' builder and its helpers live there

from test_hostile_corpus import CASES, build  # noqa: E402

from mopsdocs.history.changelog import changelog  # noqa: E402


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, env=git_env())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_revision(case: Path, tmp_path: Path) -> None:
    root = build(case, tmp_path / "project")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "commit", "-q", "--allow-empty", "-m", "empty")
    _git(root, "add", "-A", "--ignore-errors")  # git keeps what it can (no pipes, sockets)
    _git(root, "commit", "-q", "--allow-empty", "-m", "the attack")
    for args in (["diff", "HEAD~1", "HEAD"], ["diff", "HEAD", "HEAD~1", "--format", "json"], ["diff"]):
        result = run_cli(args, cwd=root)
        assert result.code in (0, 1, 2), (args, result.err)
        assert "Traceback" not in result.out + result.err
        assert "internal error" not in result.err, result.err
    log = changelog(root, "specs")
    assert log.available and log.problem is None
