"""The semantic changelog: every commit that touched the specs, with what it changed.

Each commit (merges left out) is compared with its first parent, exactly as `mopsdocs diff
PARENT COMMIT` would compare them. A commit's changes never change, so they are cached per commit
in the user's cache folder (`cache.cache_dir()/history`, never in the repository), under a salt of
the code that computes them: a build over 500 cached commits reads 500 small files. Commits whose
edits change nothing in the model (comments, formatting) are left out of the changelog.

A shallow clone has commits whose parent is missing: such a commit is the start of the history
that can be read, said as such (and not cached: after `git fetch --unshallow` it is known).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import CONFIG_FILE
from .compare import Change, compare
from .entities import Entity, entities
from .git import Commit, GitProblem, Repo
from .snapshot import FileMemo, from_commit

FORMAT = 1
KEPT_SNAPSHOTS = 8  # entity tables kept in memory while walking (a commit's and its parent's)


@dataclass(frozen=True)
class Entry:
    commit: Commit
    changes: tuple[Change, ...]

    @property
    def day(self) -> str:
        return self.commit.date[:10]


@dataclass
class Changelog:
    available: bool  # False: no git, or not a repository
    shallow: bool = False
    entries: list[Entry] = field(default_factory=list)  # newest first
    truncated_at: Commit | None = None  # the oldest commit read, when its parent is missing
    problem: str | None = None  # git could not be read (said on the page instead of a failed build)


def changelog(root: Path, specs_dir: str) -> Changelog:
    try:
        repo = Repo.find(root)
    except GitProblem as exc:
        return Changelog(available=True, problem=str(exc))
    if repo is None:
        return Changelog(available=False)
    try:
        with repo:
            return _walk(repo, root, specs_dir)
    except GitProblem as exc:
        return Changelog(available=True, problem=str(exc))


def _walk(repo: Repo, root: Path, specs_dir: str) -> Changelog:
    commits = repo.log([specs_dir, CONFIG_FILE])
    log = Changelog(available=True, shallow=repo.is_shallow())
    cut = repo.shallow_commits() if log.shallow else set()
    store = _Store(root)
    memo = FileMemo()
    tables: OrderedDict[str, dict[tuple[str, str], Entity]] = OrderedDict()

    def table(sha: str) -> dict[tuple[str, str], Entity]:
        if sha not in tables:
            tables[sha] = entities(from_commit(repo, root, sha, sha, memo, rules=False, with_names=False).project)
            if len(tables) > KEPT_SNAPSHOTS:
                tables.popitem(last=False)
        return tables[sha]

    progress = _Progress(len(commits))
    for done, commit in enumerate(commits):
        progress.show(done)
        if commit.sha in cut:  # a shallow clone's boundary: what it changed is not known here
            log.truncated_at = commit
            continue
        stored = store.get(commit.sha)
        if stored is None:
            parent = commit.parents[0] if commit.parents else None
            if parent is not None and repo.read(parent) is None:  # a parent git cannot read
                log.truncated_at = commit
                continue
            changes = compare(table(parent) if parent else {}, table(commit.sha))
            store.put(commit.sha, changes)
        else:
            changes = stored
        if changes:
            log.entries.append(Entry(commit, tuple(changes)))
    progress.end()
    return log


class _Progress:
    """A count on a terminal (stderr) while a long history is read for the first time; nothing
    when stderr is not a terminal (CI logs, pipes) or when the cache answers quickly."""

    AFTER = 2.0  # seconds before it shows

    def __init__(self, total: int) -> None:
        import sys
        import time

        self.total, self.clock, self.stream = total, time.monotonic, sys.stderr
        self.start, self.shown = self.clock(), False
        self.on = total > 50 and self.stream.isatty()

    def show(self, done: int) -> None:
        if self.on and done % 10 == 0 and self.clock() - self.start > self.AFTER:
            self.stream.write(f"\rmopsdocs: reading the history for the changes page: {done}/{self.total} commits")
            self.stream.flush()
            self.shown = True

    def end(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


class _Store:
    """One JSON file per commit: its changes, under a salt of the code that computed them."""

    def __init__(self, root: Path) -> None:
        from ..cache import cache_dir, source_hash

        here = Path(__file__).resolve().parent
        package = here.parent
        modules = [
            *sorted(str(p) for p in here.glob("*.py")),
            *sorted(str(p) for p in (package / "specs").glob("*.py")),
        ]
        modules += [str(package / m) for m in ("loader.py", "validate.py", "pipeline.py", "assemble.py")]
        salt = f"{FORMAT}|{__version__}|{source_hash(modules)}"
        project = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
        self.folder = cache_dir() / "history" / project / hashlib.sha256(salt.encode()).hexdigest()[:16]

    def get(self, sha: str) -> list[Change] | None:
        try:
            raw = json.loads((self.folder / f"{sha}.json").read_text(encoding="utf-8"))
            return [_change(c) for c in raw]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not there, or not ours: computed again

    def put(self, sha: str, changes: list[Change]) -> None:
        data = [
            {
                "kind": c.kind,
                "id": c.id,
                "name": c.name,
                "op": c.op,
                "path": [list(step) for step in c.path],
                "before": c.before,
                "after": c.after,
            }
            for c in changes
        ]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{sha}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.folder / f"{sha}.json")
        except OSError:
            pass  # a read-only cache folder costs time, never the build


def _change(raw: dict[str, Any]) -> Change:
    path = tuple((str(name), None if key is None else str(key)) for name, key in raw["path"])
    return Change(raw["kind"], raw["id"], raw["name"], raw["op"], path, raw["before"], raw["after"])


__all__ = ["Changelog", "Entry", "changelog"]
