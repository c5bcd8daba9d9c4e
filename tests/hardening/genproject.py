"""Random projects for the hardening suite: valid ones of every kind, ways to break them, ways to shuffle them.

A project is a list of documents (plain data). `valid_project(rng, text)` builds one that passes
`mopsdocs check --strict` (checked by a test); `text(rng, field)` fills every free-text field, so
the injection tests can put payloads everywhere. `break_project` applies random damage at the data
level; `render` lays the documents out in files (names, grouping, document order, key order and
block/flow style all drawn from the rng) without changing what they mean.
"""

from __future__ import annotations

import copy
import itertools
import random
import string
from collections.abc import Callable
from typing import Any, get_args

import yaml

from mopsdocs import specs

AS_OF = "2021-12-01"
MKDOCS = f"site_name: Generated\nplugins:\n  - mopsdocs:\n      as_of: {AS_OF}\n      required_program_categories: []\n"
CATEGORIES = list(get_args(specs.Category))  # the model's own list: never drifts
Text = Callable[[random.Random, str], str]


def plain_text(rng: random.Random, field: str) -> str:
    words = ["lead", "score", "Marketo", "sync", "owner", "form", "MQL", "review", "data", "list"]
    return " ".join(rng.choice(words) for _ in range(rng.randint(1, 6))).capitalize()


def _ids(rng: random.Random, prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i}-{''.join(rng.choice(string.ascii_lowercase) for _ in range(3))}" for i in range(n)]


def valid_project(rng: random.Random, text: Text = plain_text) -> list[dict[str, Any]]:
    teams = _ids(rng, "team", rng.randint(1, 3))
    roles = _ids(rng, "role", rng.randint(2, 5))
    people = _ids(rng, "person", len(roles) + rng.randint(0, 3))
    team_doc = {
        "kind": "team",
        "teams": [{"id": t, "name": text(rng, "name"), "description": text(rng, "description")} for t in teams],
        "roles": [
            {"id": r, "name": text(rng, "name"), "team": rng.choice(teams), "description": text(rng, "description")}
            for r in roles
        ],
        "people": [
            {
                "id": p,
                "name": text(rng, "name"),
                "email": f"{p}@example.com",
                "roles": [roles[i % len(roles)]],
                "description": text(rng, "description"),
            }
            for i, p in enumerate(people)
        ],
    }
    owner = teams[0]  # one owning team: no hand-offs, so LC005 has nothing to say
    stages = _ids(rng, "s", rng.randint(2, 6))
    lifecycle = {
        "kind": "lifecycle",
        "id": "lead",
        "name": text(rng, "name"),
        "description": text(rng, "description"),
        "stages": [
            {
                "id": s,
                "name": text(rng, "name"),
                "owner": owner,
                "definition": text(rng, "definition"),
                "description": text(rng, "description"),
                "entry": [text(rng, "entry")],
                "exit": [text(rng, "exit")],
                "sla": "24h",
                "values": {"marketo": text(rng, "value")},
                **({"initial": True} if i == 0 else {}),
                **({"terminal": True} if i == len(stages) - 1 else {}),
            }
            for i, s in enumerate(stages)
        ],
        "transitions": [
            {
                "from": a,
                "to": b,
                "when": text(rng, "when"),
                "owner": owner,
                "sla": "1d",
                "description": text(rng, "description"),
            }
            for a, b in itertools.pairwise(stages)
        ],
    }
    activities = _ids(rng, "act", rng.randint(1, 4))
    raci = {
        "kind": "raci",
        "id": "mops",
        "name": text(rng, "name"),
        "description": text(rng, "description"),
        "parties": roles,
        "activities": [
            {
                "id": a,
                "name": text(rng, "name"),
                "group": text(rng, "group"),
                "description": text(rng, "description"),
                "assign": {roles[0]: "A", roles[1]: "R", **({roles[2]: "C"} if len(roles) > 2 else {})},
            }
            for a in activities
        ],
    }
    naming = {
        "kind": "naming",
        "vocabularies": [
            {
                "id": "channel",
                "name": text(rng, "name"),
                "description": text(rng, "description"),
                "values": [
                    {
                        "code": "WBN",
                        "label": text(rng, "label") + " 1",
                        "aliases": [text(rng, "alias") + " 2"],
                        "description": text(rng, "description"),
                    },
                    {"code": "EM", "label": text(rng, "label") + " 3"},
                ],
            }
        ],  # labels never collide
        "conventions": [
            {
                "id": "program",
                "name": text(rng, "name"),
                "description": text(rng, "description"),
                "applies_to": ["program"],
                "template": "{channel}_{title}",
                "fields": {
                    "channel": {"type": "vocabulary", "vocabulary": "channel", "description": text(rng, "description")},
                    "title": {"type": "text", "pattern": "[A-Za-z0-9-]+", "max_length": 40},
                },
                "examples": ["WBN_Spring-Launch"],
                "counterexamples": ["Webinar spring launch"],
            }
        ],
    }
    programs = []
    names = _ids(rng, "prog", rng.randint(1, 3))
    for i, pid in enumerate(names):
        programs.append(
            {
                "kind": "program",
                "id": pid,
                "name": text(rng, "name"),
                "category": rng.choice(CATEGORIES),
                "status": "active",
                "owner": rng.choice(roles),
                "purpose": text(rng, "purpose"),
                "description": text(rng, "description"),
                "trigger": {"type": "trigger", "description": text(rng, "trigger")},
                "systems": ["marketo"],
                "depends_on": names[:i][-1:],
                "steps": [text(rng, "step")],
                "reviewed": {
                    "on": "2021-11-01",
                    "every": "90d",
                    "by": people[0],
                    "history": [{"on": "2021-08-01", "by": people[0], "notes": text(rng, "notes")}],
                },
                "runbook": text(rng, "runbook"),
                "links": [{"title": text(rng, "title"), "url": "https://example.com/x"}],
            }
        )
    return [team_doc, lifecycle, raci, naming, *programs]


# --------------------------------------------------------------------------- breaking

JUNK: list[Any] = [
    None,
    0,
    -1,
    10**30,
    1.5,
    float("inf"),
    True,
    False,
    "",
    " ",
    "x" * 300,
    "ÄÖÜ ☕ 𝄞",
    [],
    {},
    ["a", 1],
    {"k": "v"},
    "2021-02-30",
    "24 hours",
    "A/R",
    "r",
    "Team",
    "UPPER",
    "a b",
    "-x",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    '=HYPERLINK("http://evil")',
    "x-extra",
    "\t",
    "\u202e",
]


def _containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    out: list[tuple[tuple[Any, ...], Any]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [(path, node)]
    while stack:
        at, item = stack.pop()
        if isinstance(item, dict):
            out.append((at, item))
            stack.extend((at + (k,), v) for k, v in item.items())
        elif isinstance(item, list):
            out.append((at, item))
            stack.extend((at + (i,), v) for i, v in enumerate(item))
    return out


def break_project(docs: list[Any], rng: random.Random, damage: int) -> list[Any]:
    """`damage` random edits: drop, retype, misspell or add keys, duplicate items, change kinds, ..."""
    docs = copy.deepcopy(docs)
    for _ in range(damage):
        if not docs:
            break
        d = rng.randrange(len(docs))
        places = _containers(docs[d])
        if not places:
            docs[d] = rng.choice(JUNK)
            continue
        _, node = rng.choice(places)
        op = rng.randrange(8)
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
            if op == 0:
                del node[key]
            elif op == 1:
                node[key] = copy.deepcopy(rng.choice(JUNK))
            elif op == 2 and isinstance(key, str) and key:
                i = rng.randrange(len(key))
                node[key[:i] + rng.choice("aeioux_") + key[i + 1 :]] = node.pop(key)
            elif op == 3:
                node[rng.choice(["extra", "x-note", "Kind", "ID", "owners", "stage"])] = rng.choice(JUNK[:8])
            elif op == 4 and isinstance(node[key], str):
                node[key] = node[key] + rng.choice(["x", "-2", "", " "])
            else:
                node[key] = copy.deepcopy(rng.choice(JUNK))
        elif isinstance(node, list) and node:
            i = rng.randrange(len(node))
            if op < 3:
                node.insert(i, copy.deepcopy(node[i]))  # a duplicate id, perhaps
            elif op < 5:
                del node[i]
            else:
                node[i] = copy.deepcopy(rng.choice(JUNK))
        else:
            docs[d] = copy.deepcopy(rng.choice(JUNK)) if op == 0 else docs[d]
    if damage and rng.random() < 0.1:
        docs.append(copy.deepcopy(rng.choice(JUNK)))
    return docs


# --------------------------------------------------------------------------- rendering


def shuffle_keys(node: Any, rng: random.Random) -> Any:
    """The same data, every mapping's keys in a random order (lists keep theirs: it means something)."""
    if isinstance(node, dict):
        items = list(node.items())
        rng.shuffle(items)
        return {k: shuffle_keys(v, rng) for k, v in items}
    if isinstance(node, list):
        return [shuffle_keys(v, rng) for v in node]
    return node


def dump(doc: Any, rng: random.Random) -> str:
    style = rng.choice([False, None])
    text: str = yaml.safe_dump(
        doc, sort_keys=False, allow_unicode=True, default_flow_style=style, width=rng.choice([80, 4096])
    )
    return text


def render(
    docs: list[Any],
    rng: random.Random,
    *,
    files: int | None = None,
    shuffle: bool = True,
    names: list[str] | None = None,
) -> dict[str, str]:
    """Lay documents out in spec files: `files` of them (random when None), random names and order."""
    docs = [shuffle_keys(d, rng) if shuffle else d for d in docs]
    order = list(range(len(docs)))
    if shuffle:
        rng.shuffle(order)
    n_files = files or rng.randint(1, max(1, len(docs)))
    groups: list[list[Any]] = [[] for _ in range(n_files)]
    for j, i in enumerate(order):
        groups[j % n_files if files else rng.randrange(n_files)].append(docs[i])
    out: dict[str, str] = {}
    for g, group in enumerate(groups):
        if not group:
            continue
        name = names[g] if names else f"{''.join(rng.choice(string.ascii_lowercase) for _ in range(6))}-{g}"
        folder = rng.choice(["", "sub/", "a/b/"]) if shuffle else ""
        ext = rng.choice([".yaml", ".yml"]) if shuffle else ".yaml"
        out[f"specs/{folder}{name}{ext}"] = "---\n".join(dump(d, rng) for d in group)
    return out
