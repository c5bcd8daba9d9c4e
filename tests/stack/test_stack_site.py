"""The stack page in a real site: `mkdocs build --strict`, then Debian's Chromium (Playwright).

A small project with a stack whose names are hostile (markup, braces, quotes), an either-of owner,
two currencies and a sunsetting tool: the build is strict, every tool is on its owners' pages, and
in Chromium the page is axe clean in both palettes, never scrolls sideways at 390 px, and draws
chart text at 11 CSS px or more.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser.browsertools import AXE, CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, ServedSite, open_page, set_scheme
from conftest import require_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow

MKDOCS_YML = """\
site_name: Stack site
theme:
  name: material
  font: false
  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: Switch to dark mode}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: Switch to light mode}
plugins:
  - search
  - mopsdocs:
      as_of: 2026-12-02
      required_program_categories: []
"""
TEAM = """\
kind: team
teams:
  - {id: mops, name: Marketing Ops}
roles:
  - {id: mops-manager, name: MOPs Manager, team: mops}
  - {id: admin, name: "Admin <b>bold</b>", team: mops}
people:
  - {id: maude, name: Maude, roles: [mops-manager, admin]}
"""
STACK = """\
kind: stack
id: martech
name: "Stack <i>of</i> {{ tools }}"
tools:
  - id: map
    name: "Marketo <script>alert(1)</script>"
    category: marketing-automation
    owner: [mops-manager, admin]
    cost: {amount: 60000, currency: USD}
    contract: {renews_on: 2027-09-30, notice: 90d}
  - id: ipaas
    name: 'Workato "recipes" & {{ more }}'
    category: ipaas
    owner: admin
    cost: {amount: 2000, currency: EUR, per: month}
    contract: {renews_on: 2027-03-31, notice: 30d}
    reviewed: {on: 2026-11-20, by: maude, decision: renew}
  - {id: old, name: Zapier, category: other, status: sunsetting, cost: {amount: 49, currency: USD, per: month}}
  - id: crm
    name: Salesforce
    category: crm
    owner: mops-manager
    cost: {amount: 150, currency: USD, per: seat-month}
    seats: 10
integrations:
  - {from: map, to: crm, via: native, objects: [lead, "<b>contact</b>"], direction: both, every: 5m}
  - {from: crm, to: map, via: ipaas, objects: [lead], automates: [deduplication], owner: admin}
"""


def _build(root: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = root / "site"
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stack")
    for rel, text in {
        "mkdocs.yml": MKDOCS_YML,
        "docs/index.md": "# Home\n",
        "specs/team.yaml": TEAM,
        "specs/stack.yaml": STACK,
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return _build(root)


def test_strict_build_has_the_page_and_owners_list_their_tools(built: Path) -> None:
    page = (built / "stack" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]  # (the <title> holds the name as text)
    assert "<script>alert" not in page and "<i>of</i>" not in page and "{{" not in article
    assert page.count('class="mopsdocs-chart mopsdocs-chart-bars"') == 2  # EUR and USD apart
    assert 'id="tool-map"' in page and 'class="mopsdocs-diagram mopsdocs-stack-map"' in page
    for owner, tools in {"admin": ("tool-map", "tool-ipaas"), "mops-manager": ("tool-map", "tool-crm")}.items():
        html = (built / "people" / owner / "index.html").read_text(encoding="utf-8")
        for anchor in tools:
            assert f'href="../../stack/#{anchor}"' in html, (owner, anchor)
    maude = (built / "people" / "maude" / "index.html").read_text(encoding="utf-8")
    assert "../../stack/#tool-ipaas" in maude  # through her roles


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[ServedSite]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(root=built, base=f"http://127.0.0.1:{server.server_address[1]}/", log=[])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_tool("chromium", "driving Debian's Chromium through Playwright", path=CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


RUN_AXE = """
async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; '))
"""
MEASURE = """() => ({
  page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  fonts: [...document.querySelectorAll('svg.mopsdocs-chart')].map(
    s => 12 * s.getBoundingClientRect().width / s.viewBox.baseVal.width),
})"""


@pytest.mark.parametrize(("scheme", "viewport"), [("default", DESKTOP), ("slate", DESKTOP), ("default", PHONE)])
def test_page_in_chromium_is_axe_clean_and_readable(
    browser: Browser, served: ServedSite, scheme: str, viewport: dict[str, int]
) -> None:
    axe = require_tool("axe-core", "the accessibility rules", path=AXE, install="npm ci in tests/js")
    with open_page(browser, served, "stack/", viewport) as (page, requests):  # type: ignore[arg-type]
        set_scheme(page, scheme)
        page.add_script_tag(path=axe)
        assert page.evaluate(RUN_AXE) == []
        measured = page.evaluate(MEASURE)
        assert measured["page"] == 0  # the page itself never scrolls sideways
        assert len(measured["fonts"]) == 2 and min(measured["fonts"]) >= 11
        assert requests.outside() == []


STICKY = """() => [...document.querySelectorAll('table')]
  .filter(t => t.querySelector('.mopsdocs-stack-table')).map(t => {
  const box = t.closest('.md-typeset__scrollwrap');
  const first = t.querySelector('tbody tr td');
  const last = t.querySelector('tbody tr td:last-child');
  const before = [first.getBoundingClientRect().left, last.getBoundingClientRect().left];
  box.scrollLeft = box.scrollWidth;
  const after = [first.getBoundingClientRect().left, last.getBoundingClientRect().left];
  return {scrolls: box.scrollWidth > box.clientWidth, box: box.getBoundingClientRect().left,
          first: after[0], moved: after[1] - before[1]};
})"""


def test_wide_tables_keep_their_first_column_in_view_on_a_phone(browser: Browser, served: ServedSite) -> None:
    with open_page(browser, served, "stack/", PHONE) as (page, _):
        tables = page.evaluate(STICKY)
    assert len(tables) == 3  # calendar, tools, integrations
    scrolled = [t for t in tables if t["scrolls"]]
    assert scrolled  # at 390 px at least the tools table is wider than the screen
    for t in scrolled:
        # the rest moved under the first column, which stays at the box's left edge
        assert t["moved"] < -100 and abs(t["first"] - t["box"]) < 1, t
