"""The `audit/` page and the platform sections, in a real `mkdocs build --strict` of the example
project with its `exports/`, checked in Chromium (axe-core: nothing serious or critical)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser.browsertools import AXE, CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, build_site, read_links
from conftest import REPO, make_project, require_tool

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.generate import generate

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow
PARTS = ("mkdocs.yml", "docs", "specs", "templates", "exports")
RUN_AXE = """
async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join('; '))
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit-site") / "project"
    root.mkdir()
    for part in PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        elif source.is_file():
            shutil.copy2(source, root / part)
    return build_site(root, root / "site")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    require_tool("chromium", "driving Debian's Chromium through Playwright", path=CHROMIUM)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_audit_page_answers_each_section(built: Path) -> None:
    html = (built / "audit" / "index.html").read_text(encoding="utf-8")
    text = _text(html)
    for heading in (
        "Admin",
        "Channels",
        "Users",
        "Naming and organisation",
        "Scoring programs",
        "Operational programs",
    ):
        assert f">{heading}" in html
    assert "exports/marketo/programs.json" in text and "2021-11-29 (2 days before 2021-12-01)" in text
    assert "user 'devon@example.com' belongs to 'devon', who left on 2021-10-01" in text
    assert "Who holds more than one role?" in text and "Priya Raman" in text
    links = read_links(html)
    for href in links.links:
        if href.startswith(("http", "#", "mailto:")) or "://" in href:
            continue
        target = (built / "audit" / href.split("#")[0]).resolve()
        assert target.exists() or (target / "index.html").exists(), href


def test_spec_pages_say_what_the_platform_says(built: Path) -> None:
    enrichment = _text((built / "programs" / "enrichment" / "index.html").read_text(encoding="utf-8"))
    assert "In the platform" in enrichment and "documented paused but is active in marketo" in enrichment
    dedupe = _text((built / "programs" / "deduplication" / "index.html").read_text(encoding="utf-8"))
    assert "marketo not found" in dedupe
    social = _text((built / "channels" / "paid-social" / "index.html").read_text(encoding="utf-8"))
    assert "is step 25 in the platform, 20 here" in social
    lead = _text((built / "lifecycle" / "lead" / "index.html").read_text(encoding="utf-8"))
    assert "In the platform: salesforce Open - Not Contacted: found" in lead


@pytest.mark.parametrize("path", ["audit/", "programs/enrichment/", "channels/paid-social/", "lifecycle/lead/"])
def test_axe_finds_nothing_serious(built: Path, browser: Browser, path: str) -> None:
    require_tool("axe-core", "the accessibility rules", path=AXE, install="npm ci in tests/js (scripts/test does it)")
    found = []
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        try:
            page = context.new_page()
            page.goto((built / path / "index.html").as_uri())
            page.add_script_tag(path=str(AXE))
            found += [f"{viewport['width']}px {v}" for v in page.evaluate(RUN_AXE)]
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{path} scrolls sideways at {viewport['width']}px"
        finally:
            context.close()
    assert not found, found


def test_without_exports_the_page_says_how_to_add_them(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"specs/team.yaml": "kind: team\n"})
    project, report = load_project(root)
    pages = {g.page.path: g.markdown for g in generate(project, SiteContext(project, report))}
    page = pages["audit.md"]
    assert "No platform exports have been read yet" in page
    assert "`GET /rest/asset/v1/programs.json`" in page
    assert "not checked: needs marketo&#45;users" in page
