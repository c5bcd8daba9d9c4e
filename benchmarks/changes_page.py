"""What the `changes/` page costs a build: 500 commits of history against a build without history.

    .venv/bin/python benchmarks/changes_page.py [--commits 500] [--repeat 2]

The project is this repository's example (specs/, docs/, mkdocs.yml), committed, then edited
commit after commit (an SLA, a program's status, a person's name, a RACI letter in turn), as a
team's history grows. Timed with `mkdocs build` (median of `--repeat`):
- the same files outside any repository (the changes page says "no history"): the baseline;
- the repository with an empty cache (the first build on a machine: every commit is read);
- the repository again (each commit's changes come from the per-commit cache). Goal: at most +20%.
No timed assertions: this prints figures for the commit message and the closing note.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NEXT_LETTER = {"C": "R", "R": "I", "I": "C"}
# (file, what to find, its replacement for commit i): each one changes something, every time
EDITS: tuple[tuple[str, str, Callable[[int, str], str]], ...] = (
    ("specs/lifecycle/lead.yaml", r"sla: \d+h", lambda i, old: f"sla: {72 + i % 48}h"),
    (
        "specs/programs/deduplication.yaml",
        r"status: \w+",
        lambda i, old: "status: " + ("paused" if "active" in old else "active"),
    ),
    ("specs/team.yaml", r"name: Maude Bernard[^,}\n]*", lambda i, old: f"name: Maude Bernard {i}"),
    ("specs/raci.yaml", r"sfdc-admin: [CRI]\b", lambda i, old: "sfdc-admin: " + NEXT_LETTER[old[-1]]),
)


def git(root: Path, *args: str, date: str = "2024-01-01T10:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@x", "GIT_COMMITTER_NAME": "Bench"}
    env.update({"GIT_COMMITTER_EMAIL": "b@x", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def history(root: Path, commits: int) -> None:
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "the example project")
    for i in range(1, commits):
        rel, pattern, new = EDITS[i % len(EDITS)]
        path = root / rel
        text = path.read_text(encoding="utf-8")
        found = re.search(pattern, text)
        assert found is not None, f"{pattern} not in {rel}"
        path.write_text(text[: found.start()] + new(i, found.group(0)) + text[found.end() :], encoding="utf-8")
        day = f"2024-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}T10:00:00+00:00"
        git(root, "commit", "-q", "-am", f"edit {i}", date=day)


def build(root: Path, out: Path, cache: Path) -> float:
    """CPU seconds of one `mkdocs build` (user + system): on a shared machine, wall time measures the
    neighbours as much as the build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MOPSDOCS_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-d", str(out)], cwd=root, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"build failed in {root}: {done.stderr.decode()[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        repo, plain = base / "repo", base / "plain"
        for folder in (repo, plain):
            shutil.copytree(REPO / "specs", folder / "specs")
            (folder / "docs").mkdir()
            (folder / "docs" / "index.md").write_text("# Example\n", encoding="utf-8")
            # the example's settings and theme, without its hand-written guides and their nav
            config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
            (folder / "mkdocs.yml").write_text(re.sub(r"(?ms)^nav:.*?(?=^\S)", "", config), encoding="utf-8")
        start = time.perf_counter()
        history(repo, args.commits)
        made = time.perf_counter() - start
        cache = base / "cache"
        without = statistics.median(build(plain, base / "site-plain", cache) for _ in range(args.repeat))
        cold = build(repo, base / "site-cold", cache)
        warm = statistics.median(build(repo, base / "site-warm", cache) for _ in range(args.repeat))
        page = (base / "site-warm" / "changes" / "index.html").read_text(encoding="utf-8")
        entries = page.count('id="commit-')
        print(f"{args.commits} commits made in {made:.1f} s; the changes page lists {entries} of them")
        print(f"(CPU seconds of a mkdocs build of the example project, median of {args.repeat})")
        print(f"   no repository (baseline)        {without:6.2f} s")
        print(f"   500-commit history, cold cache  {cold:6.2f} s   {100 * (cold / without - 1):+5.0f}%")
        print(
            f"   500-commit history, cached      {warm:6.2f} s   {100 * (warm / without - 1):+5.0f}%   (goal: <= +20%)"
        )


if __name__ == "__main__":
    main()
