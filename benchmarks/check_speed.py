"""How fast `mopsdocs check` is, as ratios against baselines measured in the same run.

    .venv/bin/python benchmarks/check_speed.py [--scale 1,4,16] [--repeat 3]

1. YAML loading options on the same ~400 KB of specs: ruamel round-trip, ruamel safe (C if
   installed), PyYAML's C composer, and mopsdocs' loader (libyaml events + positions).
2. `mopsdocs check` on a generated tree of ~400 KB (hundreds of files, every kind) against
   check-jsonschema validating the same files against our exported schemas (schema only, one
   run per kind, as a pre-commit setup would): the ratio, aim < 0.5.
3. Linear growth: the same tree at 1x, 4x, 16x.
4. Start-up: `mopsdocs check` on an empty project against a bare `python -c pass`.
No timed assertions: this prints figures for the commit message and the closing note.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BIN = Path(sys.executable).parent
MKDOCS = "site_name: bench\nplugins:\n  - mopsdocs:\n      as_of: 2021-12-01\n      required_program_categories: []\n"


def generate(root: Path, scale: int) -> dict[str, list[Path]]:
    """A realistic project: ~400 KB per unit of scale, spread over ~440 files of every kind."""
    specs = root / "specs"
    by_kind: dict[str, list[Path]] = {k: [] for k in ("team", "lifecycle", "raci", "program", "naming")}
    if specs.exists():
        shutil.rmtree(specs)
    specs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS)
    n_people = 40 * scale
    team = ["kind: team", "teams:"] + [
        f"  - {{id: team-{t}, name: Team {t}, description: 'Team {t} does things.'}}" for t in range(8)
    ]
    team += ["roles:"] + [f"  - {{id: role-{r}, name: Role {r}, team: team-{r % 8}}}" for r in range(20)]
    team += ["people:"] + [
        f"  - {{id: person-{p}, name: Person {p}, email: p{p}@example.com, roles: [role-{p % 20}]}}"
        for p in range(n_people)
    ]
    path = specs / "team.yaml"
    path.write_text("\n".join(team) + "\n")
    by_kind["team"].append(path)
    for lc in range(25 * scale):
        lines = [
            f"kind: lifecycle\nid: lc-{lc}\nname: Lifecycle {lc}\ndescription: |\n  A lifecycle with a "
            "main path and detours.\nstages:"
        ]
        n = 12
        for s in range(n):
            flags = "\n    initial: true" if s == 0 else ("\n    terminal: true" if s == n - 1 else "")
            lines.append(
                f"  - id: s{s}\n    name: Stage {s}\n    owner: team-0{flags}\n    sla: 24h\n"
                f"    definition: Records that reached step {s} of the funnel.\n"
                f"    entry: ['Score >= {s * 10}', 'Filled a form']\n"
                f"    values: {{marketo: Stage {s}, salesforce: Open}}"
            )
        lines.append("transitions:")
        for s in range(n - 1):
            lines.append(f"  - {{from: s{s}, to: s{s + 1}, when: 'Score passes {s * 10 + 10}', owner: role-0}}")
        path = specs / "lifecycles" / f"lc-{lc}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n")
        by_kind["lifecycle"].append(path)
    for m in range(10 * scale):
        lines = [f"kind: raci\nid: raci-{m}\nname: RACI {m}\nactivities:"]
        for a in range(30):
            lines.append(
                f"  - id: act-{a}\n    name: Activity {a}\n    group: Group {a % 5}\n"
                f"    assign: {{role-{a % 20}: A/R, role-{(a + 1) % 20}: C, role-{(a + 2) % 20}: I}}"
            )
        path = specs / "raci" / f"raci-{m}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n")
        by_kind["raci"].append(path)
    for p in range(400 * scale):
        dep = f"\ndepends_on: [prog-{p - 1}]" if p % 10 else ""
        text = (
            f"kind: program\nid: prog-{p}\nname: Program {p}\ncategory: lead-scoring\nstatus: active\n"
            f"owner: role-{p % 20}\npurpose: |\n  Scores leads nightly and decays idle behaviour scores.\n"
            f"trigger: {{type: batch, schedule: 'daily 02:00'}}\nsystems: [marketo, salesforce]{dep}\n"
            f"steps:\n  - 'Smart list: score changed'\n  - 'Flow: change score'\n"
            f"reviewed: {{on: 2021-11-02, every: 90d}}\nrunbook: Re-run the failed members.\n"
        )
        path = specs / "programs" / f"prog-{p}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
        by_kind["program"].append(path)
    return by_kind


def size_of(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "specs").rglob("*.yaml"))


def timed(cmd: list[str], cwd: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def loader_options(text: str, repeat: int) -> None:
    import yaml
    from ruamel.yaml import YAML

    from mopsdocs.loader import load_text

    def best(fn: Callable[[], object]) -> float:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - start)
        return min(runs)

    ours = best(lambda: load_text(text, "x.yaml"))
    rows = [
        ("mopsdocs loader (libyaml events + positions)", ours),
        ("PyYAML C composer (nodes with marks)", best(lambda: list(yaml.compose_all(text, Loader=yaml.CSafeLoader)))),
        ("ruamel safe (C if installed)", best(lambda: list(YAML(typ="safe").load_all(text)))),
        ("ruamel round-trip (keeps comments)", best(lambda: list(YAML(typ="rt").load_all(text)))),
    ]
    print(f"\n1. YAML loading, {len(text) / 1024:.0f} KB (best of {repeat}); ratio to mopsdocs' loader")
    for name, secs in rows:
        print(f"   {name:48s} {secs * 1000:8.1f} ms   x{secs / ours:5.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="1,4,16")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scales = [int(s) for s in args.scale.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "proj"
        by_kind = generate(root, 1)
        text = "\n---\n".join(p.read_text() for files in by_kind.values() for p in files)
        loader_options(text, args.repeat)

        schemas = Path(tmp) / "schemas"
        subprocess.run([str(BIN / "mopsdocs"), "schema", "-o", str(schemas)], check=True, capture_output=True)
        ours = timed([str(BIN / "mopsdocs"), "check", "--format", "concise"], root, args.repeat)
        cjs_total = 0.0
        for kind, files in by_kind.items():
            if files:
                cjs_total += timed(
                    [
                        str(BIN / "check-jsonschema"),
                        "--schemafile",
                        str(schemas / f"{kind}.schema.json"),
                        *map(str, files),
                    ],
                    root,
                    args.repeat,
                )
        n_files = sum(len(f) for f in by_kind.values())
        print(f"\n2. {size_of(root) / 1024:.0f} KB in {n_files} files (median of {args.repeat} runs)")
        print(f"   mopsdocs check (schema + cross-references)      {ours:6.2f} s")
        print(f"   check-jsonschema, one run per kind (schema only) {cjs_total:6.2f} s")
        print(f"   ratio mopsdocs / check-jsonschema               {ours / cjs_total:6.2f}   (aim: < 0.5)")

        print("\n3. Growth (median wall time of `mopsdocs check`)")
        base = None
        for scale in scales:
            generate(root, scale)
            secs = timed([str(BIN / "mopsdocs"), "check", "--format", "concise"], root, args.repeat)
            base = base or secs / scale
            kb = size_of(root) / 1024
            print(f"   x{scale:<3d} {kb:8.0f} KB {secs:7.2f} s   {secs / (base * scale):5.2f} of linear")

        empty = Path(tmp) / "empty"
        (empty / "specs").mkdir(parents=True)
        (empty / "mkdocs.yml").write_text(MKDOCS)
        (empty / "specs" / "team.yaml").write_text("kind: team\n")
        start_check = timed([str(BIN / "mopsdocs"), "check"], empty, args.repeat + 2)
        start_python = timed([sys.executable, "-c", "pass"], empty, args.repeat + 2)
        print("\n4. Start-up on a one-file project")
        print(
            f"   python -c pass {start_python * 1000:6.0f} ms; mopsdocs check {start_check * 1000:6.0f} ms "
            f"(x{start_check / start_python:.1f})"
        )


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
