"""`mopsdocs init`: the files of a new, working project (see `files/`).

Every file is written atomically and only if it does not exist yet: init never overwrites.
`{{today}}` in a file becomes today's date, so the example program starts freshly reviewed.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from ..editor_schemas import SCHEMAS  # where editors find the JSON Schemas the modelines name
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


_KIND = re.compile(r"^kind:\s*([a-z]+)\s*$", re.MULTILINE)


def with_modeline(rel: str, text: str) -> str:
    """A spec's text with `# yaml-language-server: $schema=...` first, pointing at its kind's schema."""
    kind = _KIND.search(text)
    if not rel.startswith("specs/") or kind is None:
        return text
    up = "../" * rel.count("/")
    return f"# yaml-language-server: $schema={up}{SCHEMAS}/{kind.group(1)}.schema.json\n{text}"


def create_project(target: Path, today: _dt.date | None = None) -> tuple[list[str], list[str]]:
    """Write the scaffold into `target`; returns (created, left as they were) relative paths."""
    stamp = (today or _dt.date.today()).isoformat()
    created, kept = [], []
    for rel, source in scaffold_files():
        text = with_modeline(rel, source.read_text(encoding="utf-8").replace("{{today}}", stamp))
        try:
            write_atomic(target / rel, text, overwrite=False)
        except FileExistsError:
            kept.append(rel)
            continue
        created.append(rel)
    created += _write_schemas(target)
    return created, kept


def _write_schemas(target: Path) -> list[str]:
    """The kind schemas with the new project's ids (completion in editors); existing ones are kept."""
    import json

    from ..pipeline import load_project
    from ..schema import all_schemas, with_project_ids

    project, _ = load_project(target)
    written = []
    for kind, schema in with_project_ids(all_schemas(), project).items():
        rel = f"{SCHEMAS}/{kind}.schema.json"
        try:
            write_atomic(target / rel, json.dumps(schema, indent=2, sort_keys=True) + "\n", overwrite=False)
        except FileExistsError:
            continue
        written.append(rel)
    return written


__all__ = ["create_project", "scaffold_files"]
