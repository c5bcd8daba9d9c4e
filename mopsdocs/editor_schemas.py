"""Stale editor schemas: a one-line note from `check` when `.mopsdocs/schemas/` lists outdated ids.

`init` (and `mopsdocs schema --with-ids`) write each kind's JSON Schema with the project's ids as
enums, so editors complete owners, stages and programs. When the specs gain or lose an id, those
enums are wrong and editors show false errors. Each such schema carries, in its `$comment`, a digest
of the ids it lists (`schema.ids_digest`); `check` recomputes the digests from the model it has
already built and compares them with that one string per file: no schema is generated here, and no
JSON is parsed (about a millisecond for a project's five files).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import specs
from .schema import IDS_MARK, ids_digest, project_ids

SCHEMAS = ".mopsdocs/schemas"  # where init writes them and the specs' modelines point
REFRESH = f"mopsdocs schema --with-ids -o {SCHEMAS} --force"
_MARK = re.compile(r'"\$comment":\s*"' + re.escape(IDS_MARK) + r"([0-9a-f]+)")


def stale_schemas(root: Path, project: Any) -> list[str]:
    """Paths (relative to root) of the schemas in `.mopsdocs/schemas/` whose ids differ from the specs'.

    Schemas without the digest (written without `--with-ids`, or by hand) are generic: never stale.
    """
    folder = root / SCHEMAS
    if not folder.is_dir():
        return []
    ids: dict[str, list[str]] | None = None
    stale = []
    for path in sorted(folder.glob("*.schema.json")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        mark = _MARK.search(text)
        if mark is None:
            continue
        kind = path.name.removesuffix(".schema.json")
        if ids is None:
            ids = project_ids(project)
        if kind not in specs.KINDS or mark.group(1) != ids_digest(kind, ids):
            stale.append(f"{SCHEMAS}/{path.name}")
    return stale


def stale_note(root: Path, project: Any, errors: int = 0) -> str | None:
    """The one line `check` prints (to stderr) when editor schemas are stale; None when they are fresh.

    Silent while the specs have errors: their ids are incomplete until the errors are fixed.
    """
    if errors:
        return None
    stale = stale_schemas(root, project)
    if not stale:
        return None
    what = f"this editor schema and {len(stale) - 1} more are" if len(stale) > 1 else "this editor schema is"
    return (
        f"{stale[0]}:1:1: note: {what} out of date with the specs' ids (editors would complete and flag "
        f"the wrong ones); refresh: {REFRESH}"
    )


__all__ = ["REFRESH", "SCHEMAS", "stale_note", "stale_schemas"]
