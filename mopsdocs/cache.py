"""The per-file result cache behind `mopsdocs check --changed`.

What one file yields on its own (YAML, schema, recovery) is stored as one object named by the
file's content hash, under a folder per project and per "salt" (cache format, mopsdocs version, the
source of the modules that produce the result, the loader limits). Cross-file rules always run on
the whole project, so results are identical to a full run; an edit writes one object.

The cache lives in the user's cache folder ($MOPSDOCS_CACHE_DIR, else $XDG_CACHE_HOME/mopsdocs, else
~/.cache/mopsdocs), never in the repository: mopsdocs writes nothing into the project, and a pickle
cannot arrive with a pull request.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .config import Settings

FORMAT = 2


def _code_hash() -> str:
    """The source of the modules a file's result depends on: any change there starts afresh."""
    from . import loader, specs, validate

    digest = hashlib.sha256()
    for module in (loader, specs, validate):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    explicit = os.environ.get("MOPSDOCS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mopsdocs"


@dataclass
class FileCache:
    folder: Path
    settings: Settings
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    @classmethod
    def open(cls, root: Path, settings: Settings) -> FileCache:
        project_key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
        salt = f"{FORMAT}|{__version__}|{_code_hash()}|{settings.limits.model_dump_json()}"
        folder = cache_dir() / project_key / hashlib.sha256(salt.encode()).hexdigest()[:16]
        return cls(folder, settings)

    def check(self, abspath: str, rel: str, compute: Callable[[str, str, Settings], Any]) -> Any:
        from .files import read_regular

        try:  # a pipe or device is not read (it could block): the loader reports it, afresh each time
            raw = read_regular(abspath, self.settings.limits.max_file_bytes)
            digest = hashlib.sha256(rel.encode("utf-8", "surrogateescape") + b"\0" + raw).hexdigest()
        except OSError:
            return compute(abspath, rel, self.settings)  # unreadable: reported afresh every time
        name = f"{digest}.pickle"
        self.used.add(name)
        try:
            with open(self.folder / name, "rb") as fh:
                result = pickle.load(fh)  # noqa: S301 - our own cache, outside the repository
            if isinstance(result, tuple) and len(result) == 2:
                self.hits += 1
                return result
        except Exception:  # noqa: S110 - any unreadable or foreign object is a miss, recomputed
            pass
        self.misses += 1
        result = compute(abspath, rel, self.settings)
        self._store(name, result)
        return result

    def _store(self, name: str, result: Any) -> None:
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
