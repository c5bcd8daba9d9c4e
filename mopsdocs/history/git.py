"""Reading a repository with git itself: revisions, trees, file contents, the log.

No checkout and no clone: trees and blobs are read through one `git cat-file --batch` process
per run (a tree seen once is not read again, so walking 500 commits of a tree that changes a file
at a time reads each folder's versions once), and the log through one `git log`. A problem git
reports (an unknown revision, a repository git cannot read) is a `GitProblem` whose message says
what to do; a missing `git` or a folder outside any repository is `Repo.find() -> None`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

# git's own environment can point it elsewhere (a hook runs with GIT_DIR set); we read the
# repository the project is in, and never let git ask for anything on a terminal
_ENV_DROP = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE")


class GitProblem(Exception):
    """git could not answer; the message is for the user (exit 2 for a bad revision)."""


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: str
    date: str  # the author date, ISO 8601 with its offset, as git gives it
    subject: str


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _ENV_DROP}
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["LC_ALL"] = "C"
    return env


@dataclass
class Repo:
    """The repository a project lives in: its top folder and the project's folder inside it."""

    top: Path
    prefix: str  # the project's folder relative to `top`, '/' separators ('' at the top)
    _batch: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _trees: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict, repr=False)
    too_big: int = 0  # the size of the last object `read` skipped for its size (0: none)

    @classmethod
    def find(cls, root: Path) -> Repo | None:
        """The repository holding `root`; None when git is not installed or `root` is in none (a
        GitProblem when git will not read it)."""
        if shutil.which("git") is None:
            return None
        try:
            done = subprocess.run(
                ["git", "rev-parse", "--show-toplevel"],
                cwd=root,
                capture_output=True,
                env=_env(),
                check=False,
            )
        except OSError:
            return None
        if done.returncode != 0:
            if b"dubious ownership" in done.stderr:  # CI containers: the clone belongs to another user
                raise GitProblem(
                    f"git refuses to read this repository (it belongs to another user): run "
                    f"`git config --global --add safe.directory {root.resolve()}` first"
                )
            return None
        top = Path(os.fsdecode(done.stdout.strip()))
        prefix = Path(os.path.relpath(os.path.realpath(root), os.path.realpath(top))).as_posix()
        return cls(top, "" if prefix == "." else prefix)

    # -- plain commands
    def run(self, *args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=self.top, capture_output=True, env=_env(), check=False)
        except OSError as exc:
            raise GitProblem(f"cannot run git: {exc.strerror or exc}") from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitProblem(message[-1] if message else f"git {args[0]} failed")
        return done.stdout.decode("utf-8", "replace")

    def resolve(self, revision: str) -> str:
        """The commit a revision names (`HEAD~2`, a tag, a branch, a sha), or a GitProblem."""
        if revision.startswith("-"):
            raise GitProblem(f"'{revision}' is not a revision")
        try:
            return self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").strip()
        except GitProblem:
            hint = "no commit yet: commit first, or compare the working tree once there is one"
            if revision == "HEAD" and not self._has_commits():
                raise GitProblem(f"unknown revision 'HEAD' ({hint})") from None
            raise GitProblem(
                f"unknown revision '{revision}' (a branch, tag or commit of this repository; "
                "in a shallow clone, fetch it first)"
            ) from None

    def _has_commits(self) -> bool:
        try:
            self.run("rev-parse", "--verify", "--quiet", "HEAD")
        except GitProblem:
            return False
        return True

    def merge_base(self, a: str, b: str) -> str:
        try:
            return self.run("merge-base", a, b).strip()
        except GitProblem:
            raise GitProblem(
                "the two revisions have no common ancestor (in a shallow clone, fetch the history: "
                "`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"
            ) from None

    def is_shallow(self) -> bool:
        try:
            return self.run("rev-parse", "--is-shallow-repository").strip() == "true"
        except GitProblem:
            return False

    def shallow_commits(self) -> set[str]:
        """The commits a shallow clone cut the history at: git shows them with no parent."""
        try:
            path = Path(self.run("rev-parse", "--git-path", "shallow").strip())
            return set((path if path.is_absolute() else self.top / path).read_text().split())
        except (GitProblem, OSError):
            return set()

    def log(self, paths: list[str]) -> list[Commit]:
        """Commits that touch `paths` (relative to the project), newest first, merges left out
        (each commit is compared with its first parent, so a merge would repeat its branch)."""
        if not self._has_commits():
            return []
        specs = [self.path_of(p) or "." for p in paths]
        out = self.run(
            "log", "--no-merges", "--topo-order", "-z", "--format=%H%x1f%P%x1f%an%x1f%aI%x1f%s", "--", *specs
        )
        commits = []
        for record in out.split("\0"):
            record = record.strip("\n")
            if not record:
                continue
            sha, parents, author, date, subject = (record.split("\x1f") + [""] * 5)[:5]
            commits.append(Commit(sha, tuple(parents.split()), author, date, subject))
        return commits

    def path_of(self, rel: str) -> str:
        """A project-relative path as a path from the repository's top."""
        rel = rel.strip("/")
        if rel in ("", "."):
            return self.prefix
        return f"{self.prefix}/{rel}" if self.prefix else rel

    # -- objects, through one cat-file process
    def _cat(self) -> subprocess.Popen[bytes]:
        if self._batch is None:
            try:
                self._batch = subprocess.Popen(
                    ["git", "cat-file", "--batch"],
                    cwd=self.top,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=_env(),
                )
            except OSError as exc:
                raise GitProblem(f"cannot run git: {exc.strerror or exc}") from None
        return self._batch

    def read(self, name: str, max_bytes: int | None = None) -> tuple[str, bytes] | None:
        """(type, content) of an object (a sha, or `<commit>:<path>`); None when it is missing.
        An object of more than `max_bytes` is skipped unread: its content is b"" and `too_big`
        names its size (a 2 GB blob committed by mistake must not fill the memory)."""
        proc = self._cat()
        stdin, stdout = proc.stdin, proc.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
            stdin.flush()
            header = stdout.readline()
        except OSError as exc:
            raise GitProblem(f"git cat-file stopped: {exc.strerror or exc}") from None
        if not header:
            raise GitProblem("git cat-file stopped answering")
        parts = header.split()
        if len(parts) != 3:  # "<name> missing" or "ambiguous"
            return None
        size = int(parts[2])
        self.too_big = 0
        if max_bytes is not None and size > max_bytes:
            _skip(stdout, size + 1)
            self.too_big = size
            return parts[1].decode(), b""
        content = _read_exactly(stdout, size)
        stdout.read(1)  # the newline after the content
        return parts[1].decode(), content

    def files(self, commit: str, folder: str = "") -> dict[str, str]:
        """Every file under `folder` (project-relative) at `commit`: project-relative path -> blob
        sha. Links and submodules are left out (a link's target is not in the revision's tree)."""
        sha = self._folder_tree(commit, self.path_of(folder))
        out: dict[str, str] = {}
        if sha is None:
            return out
        pending = [(sha, folder.strip("/"))]
        while pending:
            sha, path = pending.pop()
            for mode, name, child in self._tree(sha):
                rel = f"{path}/{name}" if path else name
                if mode == "40000":
                    pending.append((child, rel))
                elif mode in ("100644", "100755"):
                    out[rel] = child
        return out

    def _folder_tree(self, commit: str, top: str) -> str | None:
        """The tree of folder `top` (from the repository's top) at `commit`, read down from the
        commit object (no process per commit); None when the folder is not there."""
        found = self.read(commit)
        if found is None or found[0] != "commit" or not found[1].startswith(b"tree "):
            return None
        sha: str | None = found[1][5:45].decode()
        for part in [p for p in top.split("/") if p]:
            assert sha is not None
            sha = next((c for mode, name, c in self._tree(sha) if name == part and mode == "40000"), None)
            if sha is None:
                return None
        return sha

    def _tree(self, sha: str) -> list[tuple[str, str, str]]:
        cached = self._trees.get(sha)
        if cached is not None:
            return cached
        found = self.read(sha)
        entries: list[tuple[str, str, str]] = []
        if found is not None and found[0] == "tree":
            raw, i = found[1], 0
            while i < len(raw):
                space = raw.index(b" ", i)
                nul = raw.index(b"\0", space)
                mode = raw[i:space].decode()
                name = os.fsdecode(raw[space + 1 : nul])
                entries.append((mode, name, raw[nul + 1 : nul + 21].hex()))
                i = nul + 21
        self._trees[sha] = entries
        return entries

    def close(self) -> None:
        if self._batch is not None:
            for stream in (self._batch.stdin, self._batch.stdout):
                if stream is not None:
                    stream.close()
            self._batch.wait()
            self._batch = None

    def __enter__(self) -> Repo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _skip(stream: IO[bytes], size: int) -> None:
    while size:
        chunk = stream.read(min(size, 1 << 20))
        if not chunk:
            raise GitProblem("git cat-file stopped in the middle of an object")
        size -= len(chunk)


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise GitProblem("git cat-file stopped in the middle of an object")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


__all__ = ["Commit", "GitProblem", "Repo"]
