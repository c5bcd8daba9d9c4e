"""The per-file result cache behind `mopsdocs check --changed`.

What one file yields on its own (YAML, schema, recovery) is stored as one object named by the
file's content hash, under a folder per project and per "salt" (cache format, mopsdocs version, and
what the caller names: the source of the modules that produce the result, the loader limits).
Cross-file rules always run on the whole project, so results are identical to a full run; an edit
writes one object.

The cache lives in the user's cache folder ($MOPSDOCS_CACHE_DIR, else $XDG_CACHE_HOME/mopsdocs, else
~/.cache/mopsdocs), never in the repository: mopsdocs writes nothing into the project, and a pickle
cannot arrive with a pull request.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard, TypeVar

from . import __version__

FORMAT = 2
T = TypeVar("T")


def source_hash(files: Iterable[str]) -> str:
    """A digest of these source files: a result computed by changed code is not reused."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(Path(name).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    explicit = os.environ.get("MOPSDOCS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mopsdocs"


@dataclass
class FileCache:
    folder: Path
    max_file_bytes: int  # a larger file is not hashed: computing it reports the limit
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    @classmethod
    def open(cls, root: Path, salt: str, max_file_bytes: int) -> FileCache:
        project_key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
        salted = f"{FORMAT}|{__version__}|{salt}"
        folder = cache_dir() / project_key / hashlib.sha256(salted.encode()).hexdigest()[:16]
        return cls(folder, max_file_bytes)

    def check(self, abspath: str, rel: str, compute: Callable[[], T], accept: Callable[[object], TypeGuard[T]]) -> T:
        """`compute()`'s result for this file's content: stored, or computed and stored.

        A stored object that `accept` refuses (a foreign or older shape) is a miss.
        """
        from .files import read_regular

        try:  # a pipe or device is not read (it could block): the loader reports it, afresh each time
            raw = read_regular(abspath, self.max_file_bytes)
            digest = hashlib.sha256(rel.encode("utf-8", "surrogateescape") + b"\0" + raw).hexdigest()
        except OSError:
            return compute()  # unreadable: reported afresh every time
        name = f"{digest}.pickle"
        self.used.add(name)
        try:
            with open(self.folder / name, "rb") as fh:
                stored = pickle.load(fh)  # noqa: S301 - our own cache, outside the repository
            if accept(stored):
                self.hits += 1
                return stored
        except Exception:  # noqa: S110 - any unreadable or foreign object is a miss, recomputed
            pass
        self.misses += 1
        result = compute()
        self._store(name, result)
        return result

    def _store(self, name: str, result: object) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{name}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / name)
        except OSError:
            pass

    def save(self) -> None:
        """Drop objects of files that no longer exist or changed, and caches of older salts."""
        try:
            for entry in os.scandir(self.folder):
                if entry.name not in self.used:
                    os.unlink(entry.path)
            for sibling in os.scandir(self.folder.parent):
                if sibling.is_dir() and sibling.path != str(self.folder):
                    for entry in os.scandir(sibling.path):
                        os.unlink(entry.path)
                    os.rmdir(sibling.path)
        except OSError:
            pass
