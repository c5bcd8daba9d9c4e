"""`check --changed`: only changed files are re-read, and the report equals a full run's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, make_project, run_cli

from mopsdocs.cache import FileCache

TEAM = """\
kind: team
teams:
  - {id: mops, name: Marketing Ops}
roles:
  - {id: mops-manager, name: MOPs Manager, team: mops}
people:
  - {id: maude, name: Maude, roles: [mops-manager]}
"""
LIFECYCLE = """\
kind: lifecycle
id: lead
name: Lead
stages:
  - {id: known, name: Known, initial: true, owner: mops}
  - {id: customer, name: Customer, terminal: true, owner: mops-manager}
transitions:
  - {from: known, to: customer}
"""
MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("MOPSDOCS_CACHE_DIR", str(cache))
    return cache


def counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts = {"hits": 0, "misses": 0}
    original = FileCache.save

    def save(self: FileCache) -> None:
        counts["hits"] += self.hits
        counts["misses"] += self.misses
        original(self)

    monkeypatch.setattr(FileCache, "save", save)
    return counts


def both(root: Path) -> tuple[str, str]:
    full = run_cli(["check", "--format", "json"], cwd=root)
    changed = run_cli(["check", "--format", "json", "--changed"], cwd=root)
    assert full.code == changed.code
    return full.out, changed.out


def test_changed_equals_full_and_rereads_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = counting(monkeypatch)
    root = make_project(tmp_path / "p", {"specs/team.yaml": TEAM, "specs/lead.yaml": LIFECYCLE}, MKDOCS)
    full, changed = both(root)
    assert full == changed and counts == {"hits": 0, "misses": 2}
    full, changed = both(root)
    assert full == changed and counts == {"hits": 2, "misses": 2}
    # an edit in one file breaks a reference in the other: cross-file rules still see it
    (root / "specs/team.yaml").write_text(TEAM.replace("id: mops,", "id: ops,"))
    full, changed = both(root)
    assert full == changed and counts == {"hits": 3, "misses": 3}
    assert '"REF001"' in changed
    # a removed file disappears from the results too
    (root / "specs/lead.yaml").unlink()
    full, changed = both(root)
    assert full == changed and '"REF001"' in changed


def test_changed_on_the_example_project_equals_a_full_run() -> None:
    full = run_cli(["check", "--format", "json", "--as-of", "2021-12-01"], cwd=REPO)
    warm = run_cli(["check", "--format", "json", "--as-of", "2021-12-01", "--changed"], cwd=REPO)
    again = run_cli(["check", "--format", "json", "--as-of", "2021-12-01", "--changed"], cwd=REPO)
    assert full.out == warm.out == again.out
    assert full.code == warm.code == again.code


def test_a_corrupt_cache_is_ignored(tmp_path: Path, private_cache: Path) -> None:
    root = make_project(tmp_path / "p", {"specs/team.yaml": TEAM}, MKDOCS)
    first = run_cli(["check", "--changed"], cwd=root)
    for obj in private_cache.rglob("*.pickle"):
        obj.write_bytes(b"not a pickle")
    second = run_cli(["check", "--changed"], cwd=root)
    assert first.out == second.out and second.code == 0
