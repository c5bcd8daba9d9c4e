"""Which sentence says a change: its form and its parts, with no words of its own.

`mopsdocs diff` (history/output.py) words the forms in English; the site words them in its
templates (`changes_phrase.md.j2`), in the site's language. Forms:

- `entity-added`, `entity-removed`: the whole entity;
- `item-added`, `item-removed`: an item of a list (a stage, a vocabulary value, a status);
- `changed`, `added`, `removed`, `reordered`: a field (`before` / `after`);
- `letter-moved`, `letter-added`, `letter-removed`: a RACI letter (`letter`; `before` / `after`
  are the parties);
- `retired`, `unretired`: an item's `retired` flag (`after`: its `replaced_by`, when the same
  change set it: "value cicd retired (replaced by devsecops)"; see `phrases`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .compare import Change
from .follows import singular


@dataclass(frozen=True)
class Phrase:
    form: str
    items: tuple[tuple[str, str], ...]  # (noun, key): ("stage", "mql")
    keys: str  # the field inside the item: "sla", "values.salesforce"
    before: Any = None
    after: Any = None
    letter: str | None = None
    named: str | None = None  # an added item's name, when it has one besides its key


def parts(change: Change) -> Phrase:
    items: list[tuple[str, str]] = []
    keys: list[str] = []
    for name, key in change.path:
        if key is not None:
            items.append((singular(name), key))
            keys = []
        else:
            keys.append(name)
    where = tuple(items)
    op, before, after = change.op, change.before, change.after
    if not change.path:
        return Phrase(f"entity-{op}", where, "", before, after)
    last = change.path[-1][0]
    if change.path[-1][1] is None and len(change.path) >= 2 and change.path[-2][0] == "assign":
        return Phrase(f"letter-{op}", where, "", before, after, letter=last)
    if last == "retired" and op in ("changed", "added") and after is True:
        return Phrase("retired", where, "")
    if last == "retired" and before is True:
        return Phrase("unretired", where, "")
    if not keys and op in ("added", "removed"):
        item = after if op == "added" else before
        named = item.get("name") if isinstance(item, dict) else None
        shown = str(named) if named is not None and named != change.path[-1][1] else None
        return Phrase(f"item-{op}", where, "", named=shown)
    return Phrase(op, where, ".".join(keys), before, after)


def phrases(changes: list[Change]) -> list[Phrase]:
    """The phrases of one entity's changes, in order: a `replaced_by` set along with `retired`
    is said in the retirement's phrase, not on a line of its own."""
    out: list[Phrase] = []
    for change in changes:
        p = parts(change)
        last = change.path[-1][0] if change.path else None
        if last == "replaced_by" and change.op in ("added", "changed") and out:
            prev = out[-1]
            if prev.form == "retired" and prev.items == p.items and prev.after is None:
                out[-1] = Phrase("retired", prev.items, "", after=change.after)
                continue
        out.append(p)
    return out


__all__ = ["Phrase", "parts", "phrases"]
