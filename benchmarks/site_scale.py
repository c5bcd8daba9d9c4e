"""Site build at scale, as ratios against plain MkDocs builds measured in the same run.

    .venv/bin/python benchmarks/site_scale.py [--programs 400 --people 300 --roles 60
                                               --activities 800 --stages 60] [--keep DIR]

1. Generates a large project (benchmarks/scale_project.py) and builds it with
   `mkdocs build --strict`: wall time and peak memory (max RSS).
2. Builds plain Material sites with the same number of hand-written pages (a paragraph each):
   a) in the same navigation as the generated site (same paths, titles and sections): the
      difference is what generating and rendering mopsdocs' pages costs (the goal is set on this);
   b) in one section per top folder (the naive layout, every page of a folder in one list): what
      the navigation alone costs at this size;
   c) the pages mopsdocs generates, written as hand-written Markdown files, same nav: what MkDocs
      itself spends on that much content, so (1 - 2c) is mopsdocs' own share (load, generate).
3. Rebuilds after touching one spec: how many diagrams were drawn again (the cache's job).
4. Page weight: median and largest page (which one), and how much of a page the navigation is.
Each build reports wall time and CPU time (user + system): on a shared machine the CPU time
is the steadier figure; ratios are given for both. No timed assertions: the figures go into the
closing note.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_project import generate, mkdocs_yml

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TEXT = "A paragraph of hand-written text. " * 20


@dataclass(frozen=True)
class Build:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak: int  # max RSS, KB
    log: str

    def line(self, what: str, base: Build | None = None) -> str:
        out = f"{what:<52} {self.wall:6.1f} s (cpu {self.cpu:5.1f} s)   peak {self.peak / 1024:5.0f} MB"
        if base is not None:
            out += (
                f"   -> mopsdocs x{base.wall / self.wall:.2f} time (cpu x{base.cpu / self.cpu:.2f}),"
                f" x{base.peak / self.peak:.2f} memory"
            )
        return out


def build(project: Path, out: Path) -> Build:
    """`mkdocs build --strict` under /usr/bin/time."""
    command = ["/usr/bin/time", "-f", "TIME %e %U %S %M", str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)]
    proc = subprocess.run(command, cwd=project, capture_output=True, text=True, env=ENV)
    match = re.search(r"TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", proc.stderr)
    if proc.returncode != 0 or not match:
        raise SystemExit(f"build failed in {project}:\n{proc.stderr[-3000:]}")
    wall, user, system, peak = match.groups()
    return Build(float(wall), float(user) + float(system), int(peak), proc.stderr)


def generated_site(project: Path) -> tuple[list[Any], dict[str, str]]:
    """The `nav` the mopsdocs plugin builds for `project` and its pages' Markdown (same code path;
    diagrams from the cache the first build filled)."""
    from mopsdocs.pipeline import load_project
    from mopsdocs.site.context import SiteContext
    from mopsdocs.site.diagram_cache import DiagramService, project_cache_dir
    from mopsdocs.site.generate import generate as generate_pages
    from mopsdocs.site.nav import place

    proj, report = load_project(project)
    site = SiteContext(proj, report, render_svg=DiagramService(project_cache_dir(project.resolve())).svg)
    pages = generate_pages(proj, site)
    return place(None, ["index.md"], proj.settings.nav_section, pages), {g.page.path: g.markdown for g in pages}


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


def plain_same_content(root: Path, nav: list[Any], markdown: dict[str, str], project: Path) -> int:
    """The generated pages as hand-written files (and mopsdocs' CSS/JS), same `nav:`, no plugin."""
    from mopsdocs.site.plugin import ASSET_DIR, ASSETS

    docs = root / "docs"
    shutil.copytree(project / "docs", docs)
    for path, text in markdown.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    shutil.copytree(ASSETS, docs / ASSET_DIR)
    config = mkdocs_yml().split("plugins:")[0] + "plugins:\n  - search\nmarkdown_extensions:\n  - attr_list\n"
    assets = sorted(p.name for p in ASSETS.iterdir() if p.suffix in (".css", ".js"))
    config += yaml.safe_dump(
        {
            "extra_css": [f"{ASSET_DIR}/{a}" for a in assets if a.endswith(".css")],
            "extra_javascript": [f"{ASSET_DIR}/{a}" for a in assets if a.endswith(".js")],
            "nav": nav,
        },
        allow_unicode=True,
        sort_keys=False,
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return len(markdown) + 1


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
        ours = build(project, tmpdir / "site")
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
        print(ours.line("1.  mopsdocs site (mkdocs build --strict)"))

        nav, markdown = generated_site(project)
        same = tmpdir / "plain-same-nav"
        count = plain_same_nav(same, nav)
        print(build(same, tmpdir / "plain-same-nav-site").line(f"2a. plain Material, same {count} pages and nav", ours))
        folders = tmpdir / "plain-by-folder"
        count = plain_by_folder(folders, sections)
        print(
            build(folders, tmpdir / "plain-by-folder-site").line(
                f"2b. plain Material, {count} pages, a section per folder", ours
            )
        )
        content = tmpdir / "plain-same-content"
        count = plain_same_content(content, nav, markdown, project)
        print(
            build(content, tmpdir / "plain-same-content-site").line(
                f"2c. plain Material, the same {count} pages' Markdown", ours
            )
        )

        with (project / "specs" / "programs" / "prog-001.yaml").open("a") as spec:
            spec.write("# touched\n")
        again = build(project, tmpdir / "site")
        drawn = re.search(r"diagrams: (\d+) drawn.*?(\d+) from cache", again.log)
        shown = f"{drawn.group(1)} drawn, {drawn.group(2)} from cache" if drawn else "no diagram log line"
        print(f"{again.line('3.  rebuild after touching one program spec')}   diagrams: {shown}")
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
