"""Properties of `diff` on generated projects (the generators of tests/test_pipeline_properties.py).

- a revision compared with itself has no changes (also the working tree with its own commit);
- for a random edit, the reported changes account for every field that differs in `export`, and
  every reported change is a real difference there (no noise).
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

from gittools import GitProject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pipeline_properties import MKDOCS, Generated, projects, render

from mopsdocs.export import export_data
from mopsdocs.history.changeset import ChangeSet, changeset
from mopsdocs.history.git import Repo
from mopsdocs.history.snapshot import Snapshot, from_commit, from_worktree

DERIVED = ("active", "team")  # export adds these to people from other fields


@st.composite
def edits(draw: st.DrawFn, files: dict[str, str]) -> dict[str, str]:
    """A random edit of the files: rename something, drop a list item, or rewrite a project."""
    out = dict(files)
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(("rename", "drop", "add-file", "remove-file", "swap-value")))
        path = draw(st.sampled_from(sorted(out)))
        lines = out[path].split("\n")
        items = [i for i, line in enumerate(lines) if line.startswith("  - ")]
        if how == "rename" and items:
            i = draw(st.sampled_from(items))
            lines[i] = lines[i].replace("name: ", "name: Edited ", 1)
        elif how == "drop" and items:
            del lines[draw(st.sampled_from(items))]
        elif how == "swap-value":
            i = draw(st.sampled_from(range(len(lines))))
            for old, new in (
                ("step: 1", "step: 9"),
                ("points: ", "points: 1"),
                ("true", "false"),
                ("per: year", "per: month"),
            ):
                if old in lines[i]:
                    lines[i] = lines[i].replace(old, new, 1)
                    break
        elif how == "remove-file" and len(out) > 1:
            del out[path]
            continue
        elif how == "add-file":
            other: Generated = draw(projects())
            extra = render(other, random.Random(0))
            name = draw(st.sampled_from(sorted(extra)))
            out[f"specs/added/{Path(name).name}"] = extra[name]
            continue
        out[path] = "\n".join(lines)
    return out


def _write(root: Path, files: dict[str, str]) -> None:
    for old in (root / "specs").rglob("*.yaml"):
        old.unlink()
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def _commit_snapshot(root: Path) -> Snapshot:
    repo = Repo.find(root)
    assert repo is not None
    with repo:
        return from_commit(repo, root, repo.resolve("HEAD"), "HEAD")


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name)
    return table if isinstance(table, dict) else {}


def _strip(entity: Any, table: str) -> Any:
    if table == "people" and isinstance(entity, dict):
        return {k: v for k, v in entity.items() if k not in DERIVED}
    return entity


def _accounts_for_export(cs: ChangeSet, before: dict[str, Any], after: dict[str, Any]) -> None:
    by_id: dict[str, set[str]] = {}
    for c in cs.changes:
        by_id.setdefault(c.id, set()).add(c.fields[0] if c.fields else "*")
    tables = [t for t in before if t not in ("version", "as_of")]
    differing_ids = set()
    for table in tables:
        a, b = _table(before, table), _table(after, table)
        for entity_id in set(a) | set(b):
            ea, eb = _strip(a.get(entity_id), table), _strip(b.get(entity_id), table)
            if ea == eb:
                continue
            differing_ids.add(entity_id)
            reported = by_id.get(entity_id, set())
            assert reported, f"{table} {entity_id} differs in export but no change was reported"
            if ea is None or eb is None:
                continue  # added or removed whole
            for key in set(ea) | set(eb):
                if ea.get(key) != eb.get(key):
                    assert key in reported or "*" in reported, f"{table} {entity_id}.{key} differs, unreported"
    exported = {i for data in (before, after) for t in tables for i in _table(data, t)}
    for c in cs.changes:
        if c.id in exported:  # (a kind `export` does not list yet has nothing to compare with)
            assert c.id in differing_ids, f"reported {c} but nothing differs in export"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(projects(), st.randoms(use_true_random=False), st.data())
def test_diff_accounts_for_every_field_that_differs_in_export(
    p: Generated, rng: random.Random, data: st.DataObject
) -> None:
    files = render(p, rng)
    edited = data.draw(edits(files))
    tmp = Path(tempfile.mkdtemp())
    try:
        repo = GitProject(tmp / "proj", files={}, mkdocs=MKDOCS)
        _write(repo.root, files)
        repo.commit("base")
        base = _commit_snapshot(repo.root)
        # a revision with itself, and the working tree with its own commit: nothing
        assert changeset(base, _commit_snapshot(repo.root)).changes == []
        assert changeset(base, from_worktree(repo.root)).changes == []
        _write(repo.root, edited)
        head = from_worktree(repo.root)
        cs = changeset(base, head)
        _accounts_for_export(cs, export_data(base.project), export_data(head.project))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
