"""What follows from a change: parties who gain or lose duties, names that stop (or start) conforming.

Duties are read generically from the entities' data, so new kinds count with no code here: every
`owner` (one party or an either-of list) is a duty "owner of" the thing it stands in, and every
RACI `assign` cell is the duty of its letter. Names are those of the names exports under
`exports_dir` (the head revision's, else the base's), checked against each convention as it was
and as it is; only conventions present on both sides are compared (a new convention judges names
for the first time, a removed one judges none).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .compare import item_keys
from .entities import Entity
from .snapshot import Snapshot

NAMES_SHOWN = 5


@dataclass(frozen=True)
class Duty:
    role: str  # "owner", or a RACI letter
    kind: str  # of the entity it is in
    id: str
    where: tuple[str, ...]  # inside the entity: ("stage mql",), ("activity dedupe",)


@dataclass(frozen=True)
class DutyShift:
    party: str
    gained: tuple[Duty, ...]
    lost: tuple[Duty, ...]


@dataclass(frozen=True)
class NameShift:
    convention: str
    name: str  # the convention's name, as it is now
    stopped: tuple[str, ...]  # conformed before, not now
    started: tuple[str, ...]  # conform now, did not before
    files: tuple[str, ...]


def duties(entities: dict[tuple[str, str], Entity]) -> dict[str, set[Duty]]:
    out: dict[str, set[Duty]] = {}
    for entity in entities.values():
        for party, role, where in _walk(entity.data, ()):
            out.setdefault(party, set()).add(Duty(role, entity.kind, entity.id, where))
    return out


def _walk(data: Any, where: tuple[str, ...]) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "owner":
                for party in value if isinstance(value, list) else [value]:
                    if isinstance(party, str):
                        yield party, "owner", where
            elif key == "assign" and isinstance(value, dict):
                for party, letter in value.items():
                    yield str(party), str(letter), where
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                keys, _ = item_keys(value, value)
                noun = singular(key)
                for k, item in zip(keys, value):
                    yield from _walk(item, (*where, f"{noun} {k}"))
            elif isinstance(value, dict):
                yield from _walk(value, where)


def duty_shifts(before: dict[tuple[str, str], Entity], after: dict[tuple[str, str], Entity]) -> list[DutyShift]:
    a, b = duties(before), duties(after)
    out = []
    for party in sorted(set(a) | set(b)):
        had, has = a.get(party, set()), b.get(party, set())
        if had != has:
            out.append(DutyShift(party, tuple(sorted(has - had, key=_order)), tuple(sorted(had - has, key=_order))))
    return out


def _order(duty: Duty) -> tuple[str, str, tuple[str, ...], str]:
    return (duty.kind, duty.id, duty.where, duty.role)


def name_shifts(base: Snapshot, head: Snapshot) -> list[NameShift]:
    from ..naming.catalogue import compile_all

    lists = head.names or base.names
    if not lists:
        return []
    before, after = compile_all(base.project), compile_all(head.project)
    out = []
    for conv_id, (conv_b, _) in after.items():
        conv_a = before.get(conv_id, (None, []))[0]
        if conv_a is None or conv_b is None or conv_a.rx.py == conv_b.rx.py:
            continue
        stopped: list[str] = []
        started: list[str] = []
        files: list[str] = []
        for listed in lists:
            if listed.asset is not None and listed.asset not in conv_b.applies_to:
                continue
            flips = 0
            for name in dict.fromkeys(listed.names):
                was, now = conv_a.is_valid(name), conv_b.is_valid(name)
                if was != now:
                    (stopped if was else started).append(name)
                    flips += 1
            if flips:
                files.append(listed.path)
        if stopped or started:
            out.append(NameShift(conv_id, conv_b.name, tuple(stopped), tuple(started), tuple(files)))
    return out


def singular(field: str) -> str:
    """The noun for one item of a list field: stages -> stage, people -> person."""
    if field == "people":
        return "person"
    if field.endswith("ies"):
        return field[:-3] + "y"
    if field.endswith(("ses", "xes")):
        return field[:-2]
    return field[:-1] if field.endswith("s") else field


__all__ = ["Duty", "DutyShift", "NameShift", "duties", "duty_shifts", "name_shifts", "singular"]
