"""`mopsdocs audit` on a 100,000-program Marketo export plus 5,000 users, against Python's own
`json.load` of the same files plus `names check` of those program names.

    .venv/bin/python benchmarks/audit_scale.py [--programs 100000] [--users 5000] [--invalid 0.05]

Writes the example project's specs with an `exports/` folder: the programs as Marketo returns
them (pages of 200 results, `2015-11-18T15:25:35Z+0000` dates; names built by the repository's
`program` convention, a share broken), the users as the user service returns them (a bare
list). Then times, in this run, on the same files:
1. the baseline: `json.load` of both files, plus `names check program` of the program names
   (in-process, the text report written to /dev/null);
2. the audit as `mopsdocs audit` runs it in-process: read and recognise the exports, run every
   DRIFT and AUDIT rule (similar names, conventions, stale programs...), format the report;
and measures the audit's peak memory (tracemalloc) against the files' size. Goals: time <= 3x
the baseline, memory <= 3x the files. Prints the ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the checkout's mopsdocs, installed or not
sys.path.insert(0, str(REPO / "tests" / "exports"))

import exportkit as k  # noqa: E402

from mopsdocs.audit.output import render  # noqa: E402
from mopsdocs.audit.run import exports_of, run_audit  # noqa: E402
from mopsdocs.naming.catalogue import compile_all  # noqa: E402
from mopsdocs.naming.checking import check_tables  # noqa: E402
from mopsdocs.naming.output import TextWriter  # noqa: E402
from mopsdocs.naming.sources import open_table  # noqa: E402
from mopsdocs.pipeline import load_project  # noqa: E402

CHANNELS = [
    ("WBN", "Webinar", "Event with Webinar"),
    ("EM", "Email Send", "Email"),
    ("EVT", "Event", "Event"),
    ("TS", "Tradeshow", "Event"),
    ("PPC", "Paid Search", "Default"),
    ("EMN", "Nurture", "Engagement"),
]
REGIONS = ["", "_NA", "_EMEA", "_APAC", "_LATAM", "_GLB"]
WORDS = ["Peak", "Capacity", "Onboarding", "Series", "Summit", "London", "Launch", "Pricing", "Partner", "Roadmap",
         "Demo", "Cloud", "Security", "Retail", "Health", "Finance", "Ebook", "Guide", "Trends", "Report"]  # fmt: skip


def make_instance(root: Path, programs: int, users: int, invalid: float, seed: int = 7) -> tuple[Path, Path]:
    rng = random.Random(seed)
    results = []
    for i in range(programs):
        code, channel, type_ = rng.choice(CHANNELS)
        year, month = rng.randint(2016, 2026), rng.randint(1, 12)
        words = "-".join(rng.sample(WORDS, rng.randint(1, 3)))
        name = f"{year}-{month:02d}_{code}{rng.choice(REGIONS)}_{words}-{i}"
        if rng.random() < invalid:
            name = f"{channel} {words} {month}/{year} {i}"
        updated = f"{min(year + rng.randint(0, 2), 2026)}-{month:02d}-15"
        folder = ("Archive", 28) if rng.random() < 0.3 else ("Programs", 26)
        results.append(k.program(10_000 + i, name, type_=type_, channel=channel, folder=folder[0],
                                 folder_id=folder[1], updated=updated))  # fmt: skip
    exports = root / "exports"
    programs_file = k.write_json(exports / "programs.json", k.pages(results, size=200))
    roles = ["Admin", "Marketing User", "Analyst"]
    people = [
        k.user(
            f"user{i}@example.com",
            "User",
            str(i),
            rng.sample(roles, rng.randint(1, 2)),
            last_login=f"2021-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            api_only=rng.random() < 0.02,
        )
        for i in range(users)
    ]
    users_file = k.write_json(exports / "users.json", people)
    k.write_json(exports / "folders.json", k.response([k.folder(26, "Programs", "/Programs"),
                                                       k.folder(28, "Archive", "/Archive", archive=True)]))  # fmt: skip
    return programs_file, users_file


def baseline(project_root: Path, programs_file: Path, users_file: Path) -> float:
    start = time.perf_counter()
    with programs_file.open(encoding="utf-8") as f:
        pages = json.load(f)
    with users_file.open(encoding="utf-8") as f:
        json.load(f)
    names = "\n".join(r["name"] for page in pages for r in page["result"]) + "\n"
    names_file = project_root / "names.txt"
    names_file.write_text(names, encoding="utf-8")
    project, _ = load_project(project_root)
    conv = compile_all(project)["program"][0]
    assert conv is not None
    with open("/dev/null", "w", encoding="utf-8") as sink:
        check_tables(
            conv, [open_table(str(names_file), None, None)], TextWriter(sink, conv.id, conv.template.source), None
        )
    elapsed = time.perf_counter() - start
    names_file.unlink()
    return elapsed


def audit(project_root: Path) -> tuple[float, int]:
    start = time.perf_counter()
    project, _ = load_project(project_root)
    result = run_audit(project, exports_of(project))
    text = render("concise", result, project_root)
    elapsed = time.perf_counter() - start
    io.StringIO().write(text)
    return elapsed, len(result.diagnostics)


def audit_memory(project_root: Path) -> int:
    """Peak Python memory of the same audit (a separate run: tracing slows everything down)."""
    project, _ = load_project(project_root)
    tracemalloc.start()
    result = run_audit(project, exports_of(project))
    render("concise", result, project_root)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--programs", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=5_000)
    parser.add_argument("--invalid", type=float, default=0.05)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mopsdocs-audit-scale-") as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "specs", root / "specs")
        programs_file, users_file = make_instance(root, args.programs, args.users, args.invalid)
        size = programs_file.stat().st_size + users_file.stat().st_size
        print(f"exports: {args.programs:,} programs + {args.users:,} users, {size / 1e6:.1f} MB")
        base = baseline(root, programs_file, users_file)
        print(f"baseline (json.load + names check): {base:.2f} s")
        took, found = audit(root)
        peak = audit_memory(root)
        print(f"audit: {took:.2f} s, {found:,} findings, peak memory {peak / 1e6:.1f} MB")
        print(f"time ratio (goal <= 3.0): {took / base:.2f}")
        print(f"memory ratio to the files (goal <= 3.0): {peak / size:.2f}")


if __name__ == "__main__":
    main()
