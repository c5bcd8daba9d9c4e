"""`mopsdocs diff` in one function: two revisions in, every change and what follows from it out.

Revisions as git names them: BASE defaults to `HEAD`, HEAD to the working tree, `A...B` means
from the merge base of A and B to B (what a pull request adds). A revision whose specs do not
validate is compared as far as it goes (what validation kept), with its diagnostics counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .compare import Change, compare
from .entities import entities
from .follows import DutyShift, NameShift, duty_shifts, name_shifts
from .git import GitProblem, Repo
from .snapshot import FileMemo, Snapshot, from_commit, from_worktree


@dataclass(frozen=True)
class Side:
    label: str  # what the user named: "HEAD", "main", "working tree"
    commit: str | None  # its sha; None for the working tree
    files: int
    errors: int
    warnings: int


@dataclass
class ChangeSet:
    base: Side
    head: Side
    changes: list[Change] = field(default_factory=list)
    duties: list[DutyShift] = field(default_factory=list)
    names: list[NameShift] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.changes


class NoRepository(GitProblem):
    """The project is in no git repository (or git is not installed)."""


def revisions(root: Path, base: str | None, head: str | None) -> tuple[Snapshot, Snapshot]:
    """The two snapshots to compare; a GitProblem (exit 2) for a revision git does not know."""
    repo = Repo.find(root)
    if repo is None:
        raise NoRepository(
            "this project is not in a git repository (or git is not installed): `diff` compares git revisions"
        )
    with repo:
        head_label: str | None
        head_sha: str | None
        if base is not None and "..." in base:
            if head is not None:
                raise GitProblem(f"'{base}' already names both sides: give no second revision")
            left, _, right = base.partition("...")
            left, right = left or "HEAD", right or "HEAD"
            right_sha = repo.resolve(right)
            base_sha = repo.merge_base(repo.resolve(left), right_sha)
            base_label, head_label, head_sha = f"merge base of {left} and {right}", right, right_sha
        elif base is not None and ".." in base:
            raise GitProblem(f"'{base}': write BASE HEAD (two arguments), or BASE...HEAD for a merge base")
        else:
            base_label = base or "HEAD"
            base_sha = repo.resolve(base_label)
            head_label, head_sha = head, repo.resolve(head) if head is not None else None
        memo = FileMemo()
        old = from_commit(repo, root, base_sha, base_label, memo)
        new = (
            from_commit(repo, root, head_sha, head_label, memo)
            if head_sha is not None and head_label is not None
            else from_worktree(root)
        )
    return old, new


def changeset(base: Snapshot, head: Snapshot) -> ChangeSet:
    before, after = entities(base.project), entities(head.project)
    return ChangeSet(
        _side(base),
        _side(head),
        compare(before, after),
        duty_shifts(before, after),
        name_shifts(base, head),
    )


def _side(snap: Snapshot) -> Side:
    return Side(snap.label, snap.commit, snap.report.files, snap.report.errors, snap.report.warnings)


__all__ = ["ChangeSet", "GitProblem", "NoRepository", "Side", "changeset", "revisions"]
