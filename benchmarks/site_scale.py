"""Site build at scale, as ratios against plain MkDocs builds measured in the same run.

    .venv/bin/python benchmarks/site_scale.py [--programs 400 --people 300 --roles 60
                                               --activities 800 --stages 60] [--keep DIR]

1. Generates a large project (benchmarks/scale_project.py) and builds it with
   `mkdocs build --strict`: wall time and peak memory (max RSS).
2. Builds plain Material sites with the same number of hand-written pages (a paragraph each):
   a) in the same navigation as the generated site (same paths, titles and sections): the
      difference is what generating and rendering mopsdocs' pages costs;
   b) in one section per top folder (the naive layout, every page of a folder in one list): what
      the navigation alone costs at this size.
3. Rebuilds after touching one spec: how many diagrams were drawn again (the cache's job).
4. Page weight: median and largest page (which one), and how much of a page the navigation is.
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
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_project import generate, mkdocs_yml

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TEXT = "A paragraph of hand-written text. " * 20


def build(project: Path, out: Path) -> tuple[float, int, str]:
    """(seconds, peak KB, log) of `mkdocs build --strict` under /usr/bin/time."""
    command = ["/usr/bin/time", "-f", "TIME %e %M", str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)]
    proc = subprocess.run(command, cwd=project, capture_output=True, text=True, env=ENV)
    match = re.search(r"TIME ([\d.]+) (\d+)", proc.stderr)
    if proc.returncode != 0 or not match:
        raise SystemExit(f"build failed in {project}:\n{proc.stderr[-3000:]}")
    return float(match.group(1)), int(match.group(2)), proc.stderr


def generated_nav(project: Path) -> list[Any]:
    """The `nav` the mopsdocs plugin builds for `project` (same code path; diagrams not drawn)."""
    from mopsdocs.pipeline import load_project
    from mopsdocs.site.context import SiteContext
    from mopsdocs.site.generate import generate as generate_pages
    from mopsdocs.site.nav import place

    proj, report = load_project(project)
    site = SiteContext(proj, report, render_svg=lambda dot: "<svg></svg>")
    return place(None, ["index.md"], proj.settings.nav_section, generate_pages(proj, site))


def _paths(nav: Any) -> list[tuple[str, str]]:
    """(title, path) of every page in a nav structure."""
    out: list[tuple[str, str]] = []
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):
            out.append((item, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                out.extend([(title, value)] if isinstance(value, str) else _paths(value))
    return out


def plain_same_nav(root: Path, nav: list[Any]) -> int:
    """Hand-written pages at the generated site's paths, under the same `nav:`."""
    docs = root / "docs"
    for title, path in _paths(nav):
        page = docs / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# {title}\n\n{TEXT}\n", encoding="utf-8")
    config = mkdocs_yml().split("plugins:")[0] + "plugins:\n  - search\n"
    config += yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return len(_paths(nav))


def plain_by_folder(root: Path, sections: dict[str, int]) -> int:
    """Hand-written pages, one navigation section per top folder (MkDocs' automatic nav)."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Plain\n")
    for section, count in sections.items():
        for i in range(count):
            page = docs / section / f"page-{i:04d}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {section} {i}\n\n{TEXT}\n")
    (root / "mkdocs.yml").write_text(mkdocs_yml().split("plugins:")[0] + "plugins:\n  - search\n")
    return sum(sections.values()) + 1


def nav_share(page: Path) -> float:
    text = page.read_text(encoding="utf-8")
    start = text.find('<nav class="md-nav md-nav--primary"')
    end = text.find("</nav>\n", start) if start >= 0 else -1
    if start < 0:
        return 0.0
    depth, i = 0, start  # the primary nav holds nested <nav> elements: find its own end
    for m in re.finditer(r"<nav\b|</nav>", text[start:]):
        depth += 1 if m.group(0) != "</nav>" else -1
        if depth == 0:
            end = start + m.end()
            break
    return (end - i) / len(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    for name, default in (("programs", 400), ("people", 300), ("roles", 60), ("activities", 800), ("stages", 60)):
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (to look at the pages)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = args.keep or Path(tmp)
        if args.keep and tmpdir.exists():
            shutil.rmtree(tmpdir)
        project = generate(
            tmpdir / "project",
            programs=args.programs,
            people=args.people,
            roles=args.roles,
            activities=args.activities,
            stages=args.stages,
        )
        secs, peak, _ = build(project, tmpdir / "site")
        pages = sorted((tmpdir / "site").rglob("index.html"))
        sections: dict[str, int] = {}
        for page in pages:
            rel = page.relative_to(tmpdir / "site")
            if len(rel.parts) > 2:
                sections[rel.parts[0]] = sections.get(rel.parts[0], 0) + 1
        sizes = sorted((p.stat().st_size, p) for p in pages)
        print(
            f"Project: {args.programs} programs, {args.people} people, {args.roles} roles, "
            f"{args.activities}-activity RACI, {args.stages}-stage lifecycle -> {len(pages)} pages"
        )
        print(f"1.  mopsdocs site (mkdocs build --strict)          {secs:6.1f} s   peak {peak / 1024:6.0f} MB")

        same = tmpdir / "plain-same-nav"
        count = plain_same_nav(same, generated_nav(project))
        s_secs, s_peak, _ = build(same, tmpdir / "plain-same-nav-site")
        print(
            f"2a. plain Material, same {count} pages and nav       {s_secs:6.1f} s   peak {s_peak / 1024:6.0f} MB"
            f"   -> mopsdocs x{secs / s_secs:.2f} time, x{peak / s_peak:.2f} memory"
        )
        folders = tmpdir / "plain-by-folder"
        count = plain_by_folder(folders, sections)
        f_secs, f_peak, _ = build(folders, tmpdir / "plain-by-folder-site")
        print(
            f"2b. plain Material, {count} pages, a section per folder {f_secs:6.1f} s   peak {f_peak / 1024:6.0f} MB"
            f"   -> mopsdocs x{secs / f_secs:.2f} time, x{peak / f_peak:.2f} memory"
        )

        with (project / "specs" / "programs" / "prog-001.yaml").open("a") as spec:
            spec.write("# touched\n")
        r_secs, _, rlog = build(project, tmpdir / "site")
        drawn = re.search(r"diagrams: (\d+) drawn.*?(\d+) from cache", rlog)
        shown = f"{drawn.group(1)} drawn, {drawn.group(2)} from cache" if drawn else "no diagram log line"
        print(f"3.  rebuild after touching one program spec     {r_secs:6.1f} s   diagrams: {shown}")
        median = sizes[len(sizes) // 2]
        largest = sizes[-1]
        site = tmpdir / "site"
        print(
            f"4.  page weight: median {median[0] / 1024:.0f} KB ({median[1].parent.relative_to(site)}/, navigation "
            f"{nav_share(median[1]):.0%} of it), largest {largest[0] / 1024:.0f} KB "
            f"({largest[1].parent.relative_to(site)}/)"
        )
        for size, page in sizes[-4:-1][::-1]:
            print(f"    next: {size / 1024:.0f} KB ({page.parent.relative_to(site)}/)")
        cache = project / ".cache"
        if cache.exists() and not args.keep:
            shutil.rmtree(cache)


if __name__ == "__main__":
    main()
