"""How fast `mopsdocs names check` is on a million names, against a bare compiled-regex loop.

    .venv/bin/python benchmarks/names_check.py [--names 1000000] [--invalid 0.01]

Writes a file of names for the repository's `program` convention (valid ones built from random
field values; a share of invalid ones: labels for codes, impossible months, wrong separators),
then times, in the same run and on the same file:
1. the bare loop: read the file, split lines, `pattern.fullmatch(line)` for each;
2. `names check` as the command runs it (read, decode, split, match, explain failures, write the
   text report to /dev/null), called in-process so that start-up time is not counted;
3. the console script end to end (`mopsdocs names check program FILE`), start-up included.
Explanations are computed only for names that fail the single expression, so (2) on an all-valid
file shows the fast path's whole overhead.

Then the explanation path (issue 13): `names check` on --explain names that all fail (the broken
shapes above) against the same number of valid names, both measured in this run; the target is
at most 5x, so the ratio is printed (a figure to read, never a timed assertion in the tests).

    .venv/bin/python benchmarks/names_check.py --names 0 --explain 100000   # only that
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout's mopsdocs, installed or not

from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.checking import check_tables
from mopsdocs.naming.compiler import CompiledConvention
from mopsdocs.naming.output import TextWriter
from mopsdocs.naming.sources import open_table
from mopsdocs.pipeline import load_project

REPO = Path(__file__).resolve().parent.parent

CHANNELS = ["WBN", "EM", "EMN", "EVT", "TS", "CS", "PPC", "SOC", "DM", "WEB"]
REGIONS = ["", "_NA", "_EMEA", "_APAC", "_LATAM", "_GLB"]
WORDS = ["Peak", "Capacity", "Onboarding", "Series", "Gartner", "Summit", "London", "Launch", "Q4", "Pricing"]
BROKEN = ["{y}-{m:02d}_Webinar_{name}", "{y}-13_WBN_{name}", "{y}-{m:02d} WBN_{name}", "Webinar {name} {y}"]


def make_names(count: int, invalid_share: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        y, m = rng.randint(2015, 2030), rng.randint(1, 12)
        name = "-".join(rng.sample(WORDS, rng.randint(1, 3)))
        if rng.random() < invalid_share:
            out.append(rng.choice(BROKEN).format(y=y, m=m, name=name))
        else:
            out.append(f"{y}-{m:02d}_{rng.choice(CHANNELS)}{rng.choice(REGIONS)}_{name}")
    return out


def bare_loop(path: Path, pattern: re.Pattern[str]) -> tuple[float, int]:
    start = time.perf_counter()
    text = path.read_bytes().decode("utf-8")
    fullmatch = pattern.fullmatch
    valid = sum(1 for line in text.split("\n") if line and fullmatch(line) is not None)
    return time.perf_counter() - start, valid


def names_check(path: Path, conv: CompiledConvention) -> tuple[float, int]:
    start = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        table = open_table(str(path), None, None)
        summary = check_tables(conv, [table], TextWriter(sink, "program", ""))
    return time.perf_counter() - start, summary.valid


def console(path: Path) -> float:
    exe = Path(sys.executable).parent / "mopsdocs"
    start = time.perf_counter()
    subprocess.run(
        [str(exe), "names", "check", "program", str(path), "-C", str(REPO)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--invalid", type=float, nargs="*", default=[0.0, 0.01])
    parser.add_argument("--explain", type=int, default=100_000, help="names per file for the explanation ratio")
    args = parser.parse_args()
    project, _ = load_project(REPO)
    conv, problems = compile_all(project)["program"]
    assert conv is not None, problems
    print(
        f"convention 'program' {conv.template.source}; {args.names:,} names per file; Python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        if args.explain:
            explanation_ratio(Path(tmp), conv, args.explain)
        for share in args.invalid if args.names else ():
            path = Path(tmp) / f"names-{share}.txt"
            path.write_text("\n".join(make_names(args.names, share)) + "\n", encoding="utf-8")
            bare, valid_bare = bare_loop(path, conv.matcher)
            ours, valid_ours = names_check(path, conv)
            assert valid_bare == valid_ours, (valid_bare, valid_ours)
            whole = console(path)
            invalid = args.names - valid_ours
            print(f"\n{share:.0%} invalid ({invalid:,} names explained):")
            print(f"  bare regex loop      {bare:6.2f} s  {args.names / bare:>12,.0f} names/s")
            print(
                f"  names check (core)   {ours:6.2f} s  {args.names / ours:>12,.0f} names/s   "
                f"{ours / bare:.2f}x the bare loop"
            )
            print(
                f"  mopsdocs names check {whole:6.2f} s  {args.names / whole:>12,.0f} names/s   "
                f"(console script, start-up and project load included)"
            )


def explanation_ratio(tmp: Path, conv: CompiledConvention, count: int) -> None:
    """`names check` (core, in-process) on `count` invalid names against `count` valid ones."""
    timings = {}
    for share in (0.0, 1.0):
        path = tmp / f"explain-{share}.txt"
        path.write_text("\n".join(make_names(count, share, seed=13)) + "\n", encoding="utf-8")
        timings[share], valid = names_check(path, conv)
        assert valid == (count if share == 0.0 else 0), valid
    ratio = timings[1.0] / timings[0.0]
    print(f"\nexplanations: {count:,} names per file")
    print(f"  all valid            {timings[0.0]:6.2f} s  {count / timings[0.0]:>12,.0f} names/s")
    print(f"  all invalid          {timings[1.0]:6.2f} s  {count / timings[1.0]:>12,.0f} names/s")
    print(f"  ratio                {ratio:6.1f}x (target: at most 5x)")


if __name__ == "__main__":
    main()
