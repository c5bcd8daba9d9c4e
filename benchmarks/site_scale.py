"""Site build at scale, as ratios against a plain MkDocs build measured in the same run.

    .venv/bin/python benchmarks/site_scale.py [--programs 400 --people 300 --roles 60
                                               --activities 800 --stages 60]

1. Generates a large project (benchmarks/scale_project.py) and builds it with
   `mkdocs build --strict`: wall time and peak memory (max RSS).
2. Builds a plain Material site with the same number of hand-written pages in the same section
   layout: the generation overhead is the ratio of the two.
3. Rebuilds after touching one spec: how many diagrams were drawn again (the cache's job).
4. Page weight: the size of the largest generated page and of an average one.
No timed assertions: the figures go into the closing note.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_project import generate, mkdocs_yml  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, out: Path) -> tuple[float, int, str]:
    """(seconds, peak KB, log) of `mkdocs build --strict` under /usr/bin/time."""
    proc = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)],
                          cwd=project, capture_output=True, text=True, env=ENV)
    match = re.search(r"TIME ([\d.]+) (\d+)", proc.stderr)
    if proc.returncode != 0 or not match:
        raise SystemExit(f"build failed in {project}:\n{proc.stderr[-3000:]}")
    return float(match.group(1)), int(match.group(2)), proc.stderr


def plain_site(root: Path, sections: dict[str, int]) -> None:
    """Hand-written pages in the same sections as the generated site, with the same theme."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Plain\n")
    for section, count in sections.items():
        for i in range(count):
            page = docs / section / f"page-{i:04d}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {section} {i}\n\n" + "A paragraph of hand-written text. " * 20 + "\n")
    (root / "mkdocs.yml").write_text(mkdocs_yml().split("plugins:")[0] + "plugins:\n  - search\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    for name, default in (("programs", 400), ("people", 300), ("roles", 60), ("activities", 800), ("stages", 60)):
        parser.add_argument(f"--{name}", type=int, default=default)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        project = generate(tmpdir / "project", programs=args.programs, people=args.people, roles=args.roles,
                           activities=args.activities, stages=args.stages)
        secs, peak, log = build(project, tmpdir / "site")
        pages = sorted((tmpdir / "site").rglob("index.html"))
        sections: dict[str, int] = {}
        for page in pages:
            rel = page.relative_to(tmpdir / "site")
            if len(rel.parts) > 2:
                sections[rel.parts[0]] = sections.get(rel.parts[0], 0) + 1
        sizes = sorted(p.stat().st_size for p in pages)
        print(f"Project: {args.programs} programs, {args.people} people, {args.roles} roles, "
              f"{args.activities}-activity RACI, {args.stages}-stage lifecycle -> {len(pages)} pages")
        print(f"1. mopsdocs site (mkdocs build --strict)   {secs:6.1f} s   peak {peak / 1024:6.0f} MB")

        plain = tmpdir / "plain"
        plain_site(plain, sections)
        p_secs, p_peak, _ = build(plain, tmpdir / "plain-site")
        print(f"2. plain Material, same {sum(sections.values()) + 1} pages           {p_secs:6.1f} s   peak "
              f"{p_peak / 1024:6.0f} MB")
        print(f"   generation overhead: time x{secs / p_secs:.2f}, memory x{peak / p_peak:.2f}")

        (project / "specs" / "programs" / "prog-001.yaml").open("a").write("# touched\n")
        r_secs, _, rlog = build(project, tmpdir / "site")
        drawn = re.search(r"diagrams: (\d+) drawn.*?(\d+) from cache", rlog)
        shown = f"{drawn.group(1)} drawn, {drawn.group(2)} from cache" if drawn else "no diagram log line"
        print(f"3. rebuild after touching one program spec  {r_secs:6.1f} s   diagrams: {shown}")
        print(f"4. page weight: median {sizes[len(sizes) // 2] / 1024:.0f} KB, largest {sizes[-1] / 1024:.0f} KB")
        cache = project / ".cache"
        if cache.exists():
            shutil.rmtree(cache)


if __name__ == "__main__":
    main()
