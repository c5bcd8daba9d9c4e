"""The real pre-commit framework runs the `mopsdocs-check` hook from .pre-commit-hooks.yaml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, make_project

GOOD = """\
kind: team
teams:
  - {id: mops, name: Marketing Ops}
roles:
  - {id: mops-manager, name: MOPs Manager, team: mops}
people:
  - {id: maude, name: Maude, roles: [mops-manager]}
"""
MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A snapshot of this repository's working tree as a git repo: the hook source, at a commit."""
    snap = tmp_path_factory.mktemp("hookrepo") / "mopsdocs"
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "site", ".cache", "__pycache__", ".pytest_cache", ".hypothesis", "test-output", "*.egg-info"
    )
    shutil.copytree(REPO, snap, ignore=ignore, symlinks=True)
    git("init", "-q", cwd=snap)
    git("add", "-A", cwd=snap)
    git("commit", "-q", "-m", "snapshot", cwd=snap)
    return snap, git("rev-parse", "HEAD", cwd=snap)


def run_precommit(project: Path, hook_repo: tuple[Path, str]) -> subprocess.CompletedProcess[str]:
    repo, rev = hook_repo
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: mopsdocs-check\n"
    )
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(REPO / ".cache" / "pre-commit"), "NO_MKDOCS_2_WARNING": "1"}
    exe = Path(sys.executable).parent / "pre-commit"
    return subprocess.run(
        [str(exe), "run", "--all-files"], cwd=project, capture_output=True, text=True, env=env, timeout=900
    )


def test_hook_passes_on_a_clean_project(tmp_path: Path, hook_repo: tuple[Path, str]) -> None:
    root = make_project(tmp_path / "good", {"specs/team.yaml": GOOD}, MKDOCS)
    proc = run_precommit(root, hook_repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "mopsdocs check" in proc.stdout and "Passed" in proc.stdout


def test_hook_fails_with_located_diagnostics(tmp_path: Path, hook_repo: tuple[Path, str]) -> None:
    bad = GOOD.replace("team: mops}", "team: mosp}")
    root = make_project(tmp_path / "bad", {"specs/team.yaml": bad, "specs/other.yaml": "kind: tema\n"}, MKDOCS)
    proc = run_precommit(root, hook_repo)
    assert proc.returncode == 1
    assert "Failed" in proc.stdout
    # the whole tree is checked (pass_filenames: false): both files' problems, located
    assert "specs/team.yaml:5:50: error[REF001]: unknown team 'mosp' (did you mean 'mops'?)" in proc.stdout
    assert "specs/other.yaml:1:7: error[SPEC001]: unknown kind 'tema' (did you mean 'team'?)" in proc.stdout
