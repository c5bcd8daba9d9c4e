"""How fast `mopsdocs diff` is: two revisions of a ~400 KB spec tree against two `check` runs.

    .venv/bin/python benchmarks/diff_speed.py [--repeat 3]

The tree is check_speed.py's (hundreds of files, every v1 kind). The second revision edits about
one file in twenty (SLAs, RACI letters, program statuses). Timed as a user runs them (the console
script, start-up included), in CPU seconds of the command and its git processes, median of
`--repeat` runs:
- `mopsdocs diff HEAD~1 HEAD` (both revisions read from git: nothing checked out);
- `mopsdocs diff HEAD~1` (the working tree as head);
- `mopsdocs check` run twice (what reading two revisions costs at least). Goal: diff <= 2x that.
No timed assertions: this prints figures for the commit message and the closing note.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import tempfile
from pathlib import Path

from check_speed import BIN, generate, size_of


def timed(cmd: list[str], cwd: Path, repeat: int) -> float:
    """Median CPU seconds (user + system) of `cmd`: on a shared machine, wall time measures the
    neighbours as much as the command."""
    runs = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(runs)


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@x", "GIT_COMMITTER_NAME": "b"}
    env["GIT_COMMITTER_EMAIL"] = "b@x"
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def edit(root: Path) -> int:
    """Change about one file in twenty, the way a pull request does; returns how many."""
    files = sorted((root / "specs").rglob("*.yaml"))
    changed = 0
    for i, path in enumerate(files):
        if i % 20:
            continue
        text = path.read_text()
        new = re.sub(r"sla: (\d+)h", lambda m: f"sla: {int(m.group(1)) + 1}h", text, count=2)
        new = new.replace("status: active", "status: paused", 1)
        new = re.sub(r": A([,}])", r": A/R\1", new, count=1)
        if new != text:
            path.write_text(new)
            changed += 1
    return changed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1, help="check_speed.py's tree at this scale (1: ~300-400 KB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "proj"
        generate(root, args.scale)
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "base")
        changed = edit(root)
        git(root, "commit", "-q", "-am", "edits")
        mops = str(BIN / "mopsdocs")
        out = subprocess.run([mops, "diff", "HEAD~1", "HEAD"], cwd=root, capture_output=True, text=True)
        summary = out.stdout.strip().splitlines()[-1] if out.stdout else out.stderr.strip()
        check = timed([mops, "check", "--format", "concise"], root, args.repeat)
        both = timed([mops, "diff", "HEAD~1", "HEAD"], root, args.repeat)
        tree = timed([mops, "diff", "HEAD~1"], root, args.repeat)
        n = len(list((root / "specs").rglob("*.yaml")))
        print(f"{size_of(root) / 1024:.0f} KB in {n} spec files, {changed} edited; diff says: {summary}")
        print(f"(median CPU seconds of {args.repeat} runs, start-up and git included)")
        print(f"   mopsdocs check                         {check:6.2f} s")
        print(f"   two checks                             {2 * check:6.2f} s")
        print(f"   mopsdocs diff HEAD~1 HEAD (git, git)   {both:6.2f} s   x{both / (2 * check):4.2f} of two checks")
        print(f"   mopsdocs diff HEAD~1 (git, work tree)  {tree:6.2f} s   x{tree / (2 * check):4.2f} of two checks")
        print("   goal: <= 2.00")


if __name__ == "__main__":
    main()
