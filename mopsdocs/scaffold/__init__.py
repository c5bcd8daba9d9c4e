"""`mopsdocs init`: the files of a new, working project (see `files/`).

Every file is written atomically and only if it does not exist yet: init never overwrites.
`{{today}}` in a file becomes today's date, so the example program starts freshly reviewed.
In another language (`init --language fr`), `files-<code>/` holds that language's version of the
files whose words differ (the specs, the home page, mkdocs.yml with `theme.language`); the other
files come from `files/`. Ids are the same in every language: the contract's ASCII slugs.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from ..editor_schemas import SCHEMAS  # where editors find the JSON Schemas the modelines name
from ..files import write_atomic

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
SOURCE_LANGUAGE = "en"  # `files/` is in English
RENAMES = {"gitignore.txt": ".gitignore"}  # a real .gitignore would be read as one by tools


def scaffold_languages() -> tuple[str, ...]:
    """The languages init can write: English and every `files-<code>/`, sorted."""
    return (SOURCE_LANGUAGE, *sorted(p.name.removeprefix("files-") for p in HERE.glob("files-*") if p.is_dir()))


def _folder(folder: Path) -> dict[str, Path]:
    return {
        RENAMES.get(rel, rel): source
        for source in folder.rglob("*")
        if source.is_file() and (rel := source.relative_to(folder).as_posix())
    }


def scaffold_files(language: str = SOURCE_LANGUAGE) -> list[tuple[str, Path]]:
    """(path in the new project, source file), sorted: the language's own files over the English ones."""
    if language not in scaffold_languages():
        raise ValueError(f"no scaffold in {language!r} (shipped: {', '.join(scaffold_languages())})")
    files = _folder(FILES)
    if language != SOURCE_LANGUAGE:
        files.update(_folder(HERE / f"files-{language}"))
    return sorted(files.items())


_KIND = re.compile(r"^kind:\s*([a-z]+)\s*$", re.MULTILINE)


def with_modeline(rel: str, text: str) -> str:
    """A spec's text with `# yaml-language-server: $schema=...` first, pointing at its kind's schema."""
    kind = _KIND.search(text)
    if not rel.startswith("specs/") or kind is None:
        return text
    up = "../" * rel.count("/")
    return f"# yaml-language-server: $schema={up}{SCHEMAS}/{kind.group(1)}.schema.json\n{text}"


def create_project(
    target: Path, today: _dt.date | None = None, language: str = SOURCE_LANGUAGE
) -> tuple[list[str], list[str]]:
    """Write the scaffold (in `language`) into `target`; returns (created, left as they were) relative paths."""
    stamp = (today or _dt.date.today()).isoformat()
    created, kept = [], []
    for rel, source in scaffold_files(language):
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


__all__ = ["create_project", "scaffold_files", "scaffold_languages"]
