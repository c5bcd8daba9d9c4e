"""`mopsdocs init`: the files of a new, working project (see `files/`).

Every file is written atomically and only if it does not exist yet: init never overwrites.
`{{today}}` in a file becomes today's date, so the example program starts freshly reviewed.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..files import write_atomic

FILES = Path(__file__).resolve().parent / "files"
RENAMES = {"gitignore.txt": ".gitignore"}  # a real .gitignore would be read as one by tools


def scaffold_files() -> list[tuple[str, Path]]:
    """(path in the new project, source file), sorted."""
    out = []
    for source in sorted(FILES.rglob("*")):
        if source.is_file():
            rel = source.relative_to(FILES).as_posix()
            out.append((RENAMES.get(rel, rel), source))
    return out


def create_project(target: Path, today: _dt.date | None = None) -> tuple[list[str], list[str]]:
    """Write the scaffold into `target`; returns (created, left as they were) relative paths."""
    stamp = (today or _dt.date.today()).isoformat()
    created, kept = [], []
    for rel, source in scaffold_files():
        text = source.read_text(encoding="utf-8").replace("{{today}}", stamp)
        try:
            write_atomic(target / rel, text, overwrite=False)
        except FileExistsError:
            kept.append(rel)
            continue
        created.append(rel)
    return created, kept


__all__ = ["create_project", "scaffold_files"]
