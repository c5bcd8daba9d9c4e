"""A real MkDocs build of the example programs: every link of the catalogue, the dependency graph
and the program pages resolves to a built page (and anchor), with directory URLs and without."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from conftest import REPO

MKDOCS = """\
site_name: Programs build
use_directory_urls: {directory_urls}
theme: {{name: material, font: false}}
markdown_extensions: [attr_list, tables, admonition, {{toc: {{permalink: true}}}}]
plugins:
  - mopsdocs:
      as_of: 2021-12-01
      rules: {{LC005: off}}  # the example lifecycle's own warnings are not what this build tests
"""


def build(tmp: Path, directory_urls: bool) -> Path:
    root = tmp / ("dirs" if directory_urls else "files")
    for part in ("team.yaml", "lifecycle", "programs"):  # what program pages link to
        source = REPO / "specs" / part
        if source.is_dir():
            shutil.copytree(source, root / "specs" / part)
        else:
            (root / "specs").mkdir(parents=True, exist_ok=True)
            shutil.copy(source, root / "specs" / part)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS.format(directory_urls=str(directory_urls).lower()), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
        cwd=root,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return root / "site"


def page_file(site: Path, url_path: str) -> Path:
    """The built file a site-relative URL path names (`programs/x/` or `programs/x.html`)."""
    target = site / url_path
    return target / "index.html" if url_path.endswith("/") or url_path == "" else target


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    absolute, anchor = urldefrag(urljoin("http://site/" + page_url, unescape(href)))
    return page_file(site, absolute[len("http://site/") :]), anchor


def graph_svg(html: str) -> str:
    """The dependency graph's inline SVG (the theme has SVG icons of its own)."""
    start = html.index("<svg", html.index('class="mopsdocs-diagram mopsdocs-program-graph"'))
    return html[start : html.index("</svg>", start)]


def svg_links(svg: str) -> list[tuple[str, str]]:
    """(href, title) of every link inside an SVG."""
    return re.findall(r'<a xlink:href="([^"]*)" xlink:title="([^"]*)"', svg)


@pytest.mark.slow
@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_built_catalogue_graph_and_program_pages_link_correctly(tmp_path: Path, directory_urls: bool) -> None:
    site = build(tmp_path, directory_urls)
    index_url = "programs/" if directory_urls else "programs/index.html"
    index = page_file(site, index_url).read_text(encoding="utf-8")
    programs = sorted(p.stem for p in (REPO / "specs" / "programs").glob("*.yaml"))

    svg = graph_svg(index)
    links = svg_links(svg)
    assert len(links) == len(programs), "one linked node per program"
    for href, title in links:
        target, _ = resolve(site, index_url, href)
        assert target.is_file(), f"graph node link {href} from {index_url} does not resolve"
        found = re.search(r"<h1[^>]*>(.*?)<", target.read_text(encoding="utf-8"))
        assert found is not None, f"{target} has no <h1>"
        heading = found.group(1)
        assert unescape(title).startswith(unescape(heading)), "a node's title names the program it opens"
    assert "<title" in svg and "Program dependencies" in svg
    assert len(re.findall(r'class="node[^"]*"', svg)) == len(programs)
    assert "mopsdocs-program-retired" in unescape(svg)

    # every relative link in the catalogue and on every program page reaches a built page and anchor
    pages = [(index_url, index)]
    for pid in programs:
        url = f"programs/{pid}/" if directory_urls else f"programs/{pid}.html"
        pages.append((url, page_file(site, url).read_text(encoding="utf-8")))
    checked = 0
    for url, html in pages:
        article = html[html.index("<article") : html.index("</article>")]
        for href in re.findall(r'<a [^>]*href="([^"]+)"', article):
            if href.startswith(("http:", "https:", "mailto:", "#")):
                continue
            target, anchor = resolve(site, url, href)
            assert target.is_file(), f"{url}: link {href} does not resolve"
            if anchor:
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"{url}: no anchor #{anchor} in {href}"
            checked += 1
    assert checked > 3 * len(programs)
