"""Every generated page, on a laptop (1366x900) and a phone (390x844), drawn by both Graphviz
renderers: the contract's section 7 measured in Chromium, page by page.

On every page of the example site and of a large generated project (benchmarks/scale_project.py):
- the page itself never scrolls sideways (the document is no wider than the window);
- a RACI matrix scrolled to its far corner inside its own box still shows its header row and its
  activity column (sticky), and the page did not move;
- diagram text is drawn at 11 CSS px or more, or the diagram has a zoom button that, pressed,
  draws it at 11 px or more without widening the page;
- headings and the table of contents show no literal backticks;
- at 1366 px the lifecycle stage and transition tables fit the text column (no clipped columns).
Each site is also built with `graphviz-pure` (no `dot` on PATH); the pages whose HTML differs from
the `dot` build (those with diagrams) are crawled again. One browser, one tab per viewport, reused.
"""

from __future__ import annotations

import contextlib
import filecmp
import functools
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import require_tool

from .browsertools import BIN, REPO, ServedSite, goto, serve
from .conftest import PROJECT_PARTS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

pytestmark = pytest.mark.slow

LAPTOP: ViewportSize = {"width": 1366, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
MIN_TEXT_PX = 11
# a large team: matrices cut into group pages of up to 12 parties, 60 programs, a 12-stage lifecycle
SCALE = {"programs": 40, "people": 40, "roles": 12, "activities": 130, "stages": 12}
RULE = re.compile(r"([a-z]+)([0-9]+)")
MEASURE = (Path(__file__).parent / "layout_measure.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Built:
    name: str
    root: Path  # the built site
    pages: tuple[str, ...]  # site paths to visit ("" is the home page)


def _pages(site: Path, only_differing_from: Path | None = None) -> tuple[str, ...]:
    out = []
    for index in sorted(site.rglob("index.html")):
        rel = index.relative_to(site)
        if only_differing_from is not None:
            twin = only_differing_from / rel
            if twin.is_file() and filecmp.cmp(index, twin, shallow=False):
                continue  # byte-identical to the other renderer's page: nothing is drawn differently
        path = rel.parent.as_posix()
        out.append("" if path == "." else path + "/")
    return tuple(out)


def _build(project: Path, out: Path, path: str | None = None) -> str:
    """`mkdocs build --strict` of `project` into `out` (PATH replaced when given); MkDocs' log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"PATH": path} if path is not None else {})}
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed ({proc.returncode}):\n{proc.stderr[-4000:]}"
    return proc.stderr


def _example(into: Path) -> Path:
    into.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, into / part)
        elif source.is_file():
            shutil.copy2(source, into / part)
    return into


def _scale(into: Path) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from scale_project import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    root: Path = generate(into, **SCALE)  # type: ignore[arg-type]  # only the counts, all ints
    return root


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> list[Built]:
    """The example site and the large project, each built with dot and with graphviz-pure."""
    require_tool("dot", "the system Graphviz renderer")
    require_tool("graphviz-pure", "the fallback renderer", path=BIN / "graphviz-pure", install="pip install -e .[test]")
    no_dot = tmp_path_factory.mktemp("empty-bin")  # PATH without dot: graphviz-pure draws
    out = []
    started = time.perf_counter()
    for name, make in (("example", _example), ("scale", _scale)):
        project = make(tmp_path_factory.mktemp(name) / "project")
        log = _build(project, project / "site-dot")
        assert "drawn with dot" in log, log[-2000:]
        out.append(Built(f"{name} (dot)", project / "site-dot", _pages(project / "site-dot")))
        log = _build(project, project / "site-pure", path=str(no_dot))
        assert "drawn with graphviz-pure" in log, log[-2000:]
        pages = _pages(project / "site-pure", only_differing_from=project / "site-dot")
        out.append(Built(f"{name} (graphviz-pure)", project / "site-pure", pages))
    print(f"layout crawl: 4 sites built in {time.perf_counter() - started:.1f} s")
    return out


@pytest.fixture(scope="module")
def served(sites: list[Built]) -> Iterator[dict[str, ServedSite]]:
    with contextlib.ExitStack() as stack:
        yield {b.name: stack.enter_context(serve(b.root, immutable=True)) for b in sites}


def _problems(page: Page, viewport: ViewportSize) -> list[str]:
    """Everything wrong with the page in the tab, in words; zoom buttons pressed and released."""
    found: list[str] = page.evaluate(MEASURE, {"minText": MIN_TEXT_PX, "laptop": viewport["width"] >= 1000})
    zooms = page.locator(".mopsdocs-diagram > button.mopsdocs-zoom:visible")
    for i in range(zooms.count()):
        button = zooms.nth(i)
        button.click()
        found += [f"after pressing zoom: {p}" for p in page.evaluate(MEASURE, {"minText": MIN_TEXT_PX, "zoomed": i})]
        button.click()
    return found


def _record(errors: list[str], error: object) -> None:
    errors.append(str(error))


def test_every_page_is_readable_on_a_laptop_and_a_phone(
    browser: Browser, sites: list[Built], served: dict[str, ServedSite]
) -> None:
    started = time.perf_counter()
    failures: list[str] = []
    visits = 0
    for viewport in (LAPTOP, PHONE):
        phone = viewport is PHONE
        context = browser.new_context(
            viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1, service_workers="block"
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", functools.partial(_record, errors))
        try:
            for built in sites:
                site = served[built.name]
                for path in built.pages:
                    goto(page, site.url(path))
                    visits += 1
                    where = f"[{built.name}, {viewport['width']}px] /{path}"
                    failures += [f"{where}: {p}" for p in _problems(page, viewport)]
                    failures += [f"{where}: JavaScript error {e}" for e in errors]
                    errors.clear()
        finally:
            context.close()
    seconds = time.perf_counter() - started
    counts = ", ".join(f"{b.name}: {len(b.pages)}" for b in sites)
    print(f"layout crawl: {visits} page visits in {seconds:.1f} s ({counts} pages per viewport)")
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:40])
    example = next(b for b in sites if b.name == "example (dot)")
    assert len(example.pages) > 60 and "raci/mops/" in example.pages and "lifecycle/lead/" in example.pages
    pure = next(b for b in sites if b.name == "example (graphviz-pure)")
    assert {"lifecycle/lead/", "programs/"} <= set(pure.pages)  # the diagram pages, drawn again


def test_the_rule_catalogue_is_in_catalogue_order(sites: list[Built]) -> None:
    html = (sites[0].root / "reference" / "rules" / "index.html").read_text(encoding="utf-8")
    codes = [RULE.fullmatch(c) for c in re.findall(r'<h2 id="([a-z]+[0-9]+)"', html)]
    found = [(m.group(1), int(m.group(2))) for m in codes if m]
    assert found.index(("raci", 1)) < found.index(("raci", 2)) < found.index(("raci", 3)) < found.index(("raci", 5))
    families = list(dict.fromkeys(family for family, _ in found))
    assert found == sorted(found, key=lambda c: (families.index(c[0]), c[1]))  # numbers ascend in each family
    assert "<code>parties</code>" in html  # the rule's title keeps its code span, in the heading too


def test_a_diagram_at_full_size_on_a_phone_stays_accessible(browser: Browser, site: ServedSite) -> None:
    """The zoom button a11y.js adds: named, pressed state said, and axe finds nothing serious
    with the diagram at full size."""
    from .browsertools import AXE, open_page
    from .test_accessibility import RUN_AXE

    axe = require_tool("axe-core", "the accessibility rules", path=AXE, install="npm ci in tests/js")
    with open_page(browser, site, "lifecycle/lead/", PHONE) as (page, _):
        button = page.locator("figure.mopsdocs-diagram > button.mopsdocs-zoom")
        assert button.is_visible() and button.text_content() == "Full size"
        assert button.get_attribute("aria-pressed") == "false"
        button.click()
        assert button.text_content() == "Fit to width" and button.get_attribute("aria-pressed") == "true"
        page.add_script_tag(path=axe)
        serious = [v["id"] for v in page.evaluate(RUN_AXE, False) if v["impact"] in ("serious", "critical")]
        assert serious == []
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    with open_page(browser, site, "lifecycle/lead/", LAPTOP) as (page, _):  # shown whole and legible
        assert page.locator("button.mopsdocs-zoom:visible").count() == 0
