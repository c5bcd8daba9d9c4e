"""What changed between two sets of entities, field by field, in the specs' own terms.

Generic over the data `export` dumps, so every kind is covered: mappings are compared key by key,
lists of scalars as sets (plus their order), lists of mappings item by item, matched by the first
of `id`, `code` or `name` that identifies every item on both sides (a transition by `from -> to`,
with its type when that is needed). One reading is the RACI's: an activity's `assign` is said
letter by letter ("A moved from mops-director to sfdc-admin"), as a reviewer reads a matrix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .entities import Entity

Step = tuple[str, str | None]  # (field, None): a key; (field, key): the item `key` of the list `field`
KEY_FIELDS = ("id", "code", "name")
RACI_LETTERS = ("A/R", "A", "R", "C", "I")


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    name: str
    op: str  # added | removed | changed | reordered | moved
    path: tuple[Step, ...] = ()  # () : the entity itself
    before: Any = None
    after: Any = None

    @property
    def fields(self) -> tuple[str, ...]:
        """The path as plain names: ("stages", "mql", "sla")."""
        out: list[str] = []
        for name, key in self.path:
            out.append(name)
            if key is not None:
                out.append(key)
        return tuple(out)


def compare(before: dict[tuple[str, str], Entity], after: dict[tuple[str, str], Entity]) -> list[Change]:
    """Every change, entities in (kind, id) order, fields in the order the specs write them."""
    out: list[Change] = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a is None and b is not None:
            out.append(Change(b.kind, b.id, b.name, "added", after=b.data))
        elif b is None and a is not None:
            out.append(Change(a.kind, a.id, a.name, "removed", before=a.data))
        elif a is not None and b is not None and a.data != b.data:
            out.extend(_Differ(b).mapping((), a.data, b.data))
    return out


class _Differ:
    def __init__(self, entity: Entity) -> None:
        self.entity = entity

    def change(self, op: str, path: tuple[Step, ...], before: Any = None, after: Any = None) -> Change:
        return Change(self.entity.kind, self.entity.id, self.entity.name, op, path, before, after)

    def mapping(self, path: tuple[Step, ...], a: dict[str, Any], b: dict[str, Any]) -> Iterator[Change]:
        for key in [*a, *(k for k in b if k not in a)]:
            va, vb = a.get(key), b.get(key)
            if va == vb:
                continue
            if key == "assign" and isinstance(va or {}, dict) and isinstance(vb or {}, dict):
                yield from self.assign(path + ((key, None),), va or {}, vb or {})
            elif isinstance(va, list) and isinstance(vb, list):
                yield from self.sequence(path, key, va, vb)
            elif isinstance(va, dict) and isinstance(vb, dict):
                yield from self.mapping(path + ((key, None),), va, vb)
            elif va is None:
                yield self.change("added", path + ((key, None),), after=vb)
            elif vb is None:
                yield self.change("removed", path + ((key, None),), before=va)
            else:
                yield self.change("changed", path + ((key, None),), va, vb)

    def sequence(self, path: tuple[Step, ...], field: str, a: list[Any], b: list[Any]) -> Iterator[Change]:
        here = path + ((field, None),)
        if all(not isinstance(v, (dict, list)) for v in (*a, *b)):
            removed = [v for v in a if v not in b]
            added = [v for v in b if v not in a]
            for v in removed:
                yield self.change("removed", here, before=v)
            for v in added:
                yield self.change("added", here, after=v)
            if not removed and not added:
                yield self.change("reordered", here, a, b)
            return
        if not all(isinstance(v, dict) for v in (*a, *b)):
            yield self.change("changed", here, a, b)
            return
        keys_a, keys_b = item_keys(a, b)
        by_a, by_b = dict(zip(keys_a, a)), dict(zip(keys_b, b))
        for k in keys_a:
            if k not in by_b:
                yield self.change("removed", path + ((field, k),), before=by_a[k])
        for k in keys_b:
            if k not in by_a:
                yield self.change("added", path + ((field, k),), after=by_b[k])
        for k in keys_a:
            if k in by_b and by_a[k] != by_b[k]:
                yield from self.mapping(path + ((field, k),), by_a[k], by_b[k])
        common_a = [k for k in keys_a if k in by_b]
        common_b = [k for k in keys_b if k in by_a]
        if common_a != common_b:
            yield self.change("reordered", here, common_a, common_b)

    def assign(self, path: tuple[Step, ...], a: dict[str, Any], b: dict[str, Any]) -> Iterator[Change]:
        """A RACI row letter by letter: who holds each letter before and after."""
        letters = [*RACI_LETTERS, *sorted({str(v) for v in (*a.values(), *b.values())} - set(RACI_LETTERS))]
        for letter in letters:
            had = [p for p, v in a.items() if v == letter]
            has = [p for p, v in b.items() if v == letter]
            gone = [p for p in had if p not in has]
            came = [p for p in has if p not in had]
            where = path + ((letter, None),)
            if len(gone) == 1 and len(came) == 1:
                yield self.change("moved", where, gone[0], came[0])
                continue
            for p in gone:
                yield self.change("removed", where, before=p)
            for p in came:
                yield self.change("added", where, after=p)


def item_keys(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """A key per item that identifies it on both sides: `id`, `code` or `name`; `from -> to`
    (and its type) for transitions; else its content, then its position (`#2`)."""
    for field in KEY_FIELDS:
        found_a, found_b = [_scalar(v.get(field)) for v in a], [_scalar(v.get(field)) for v in b]
        ka, kb = [k for k in found_a if k is not None], [k for k in found_b if k is not None]
        if len(ka) == len(set(ka)) == len(a) and len(kb) == len(set(kb)) == len(b):
            return ka, kb
    if all("from" in v for v in (*a, *b)):
        ka, kb = [_edge(v) for v in a], [_edge(v) for v in b]
        if len(set(ka)) == len(ka) and len(set(kb)) == len(kb):
            return ka, kb
    return _positions(a, b)


def _positions(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Unkeyed items: an item found unchanged on the other side keeps its match; the rest pair up
    by position (so an edited trigger is a change of that trigger, not a removal and an addition)."""
    ka = [f"#{i + 1}" for i in range(len(a))]
    kb: list[str] = []
    free = [i for i in range(len(a))]
    for item in b:
        same = next((i for i in free if a[i] == item), None)
        if same is not None:
            free.remove(same)
            kb.append(ka[same])
        else:
            kb.append("")
    extra = len(a)
    for j, k in enumerate(kb):
        if k == "":
            if free and (j < len(a) and j in free):
                free.remove(j)
                kb[j] = ka[j]
            elif free:
                kb[j] = ka[free.pop(0)]
            else:
                extra += 1
                kb[j] = f"#{extra}"
    return ka, kb


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def _edge(item: dict[str, Any]) -> str:
    """A transition's key: `mql -> sal`, with its type unless it is a progress (the default), so
    that a key never depends on what else is in the list (`mql -> recycled (timeout)`)."""
    key = f"{item.get('from')} -> {item.get('to', '*')}"
    kind = item.get("type", "progress")
    return key if kind == "progress" else f"{key} ({kind})"


__all__ = ["Change", "Step", "compare", "item_keys"]
