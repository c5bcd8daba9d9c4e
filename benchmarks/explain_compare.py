"""Explanations before and after a change to the explainer: the same names, the same output.

    .venv/bin/python benchmarks/explain_compare.py --save before.json      # with the old code
    .venv/bin/python benchmarks/explain_compare.py --against before.json   # with the new one

The names: the benchmark's realistic failing names for `program` (`names_check.make_names`), and
for every convention of the repository random mutations of its examples (characters inserted,
deleted, replaced, swapped, letter case flipped). Every verdict (problems and suggestion) is
written out or compared; differences are printed and make the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from names_check import REPO, make_names

from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.explain import verdict
from mopsdocs.pipeline import load_project
from mopsdocs.project import Project

ALPHABET = "abcXYZ019_- -/.'\xa0\u200bé"


def mutations(examples: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        name = list(rng.choice(examples))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(name) + 1)
            how = rng.randrange(5)
            if how == 0:
                name.insert(i, rng.choice(ALPHABET))
            elif how == 1 and i < len(name):
                del name[i]
            elif how == 2 and i < len(name):
                name[i] = rng.choice(ALPHABET)
            elif how == 3 and i + 1 < len(name):
                name[i], name[i + 1] = name[i + 1], name[i]
            elif i < len(name):
                name[i] = name[i].swapcase()
        out.append("".join(name))
    return out


def collect(count: int) -> dict[str, list[object]]:
    project, _ = load_project(REPO)
    out: dict[str, list[object]] = {}
    for cid, (conv, _problems) in sorted(compile_all(project).items()):
        if conv is None:
            continue
        names = make_names(count, 1.0, seed=99) if cid == "program" else []
        examples = [n for n in project_examples(project, cid) if n]
        if examples:
            names += mutations(examples, count // 4, seed=len(cid))
        for name in names:
            v = verdict(conv, name)
            out[f"{cid}\t{name}"] = [v.valid, [[p.field, p.message] for p in v.problems], v.suggestion]
    return out


def project_examples(project: Project, cid: str) -> list[str]:
    conv = project.conventions.get(cid)
    return list(conv.examples) if conv is not None else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=40_000)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--against", type=Path)
    args = parser.parse_args()
    found = collect(args.names)
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(found):,} verdicts written to {args.save}")
        return
    expected = json.loads(args.against.read_text(encoding="utf-8"))
    differ = [k for k in expected if found.get(k) != expected[k]] + [k for k in found if k not in expected]
    for key in differ[:20]:
        print(f"{key!r}:\n  before {expected.get(key)}\n  after  {found.get(key)}")
    print(f"{len(expected):,} verdicts compared, {len(differ):,} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
