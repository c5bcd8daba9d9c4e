"""Hostile spec values through every field that reaches a lifecycle page, its diagram or the health page.

Nothing may become live markup (script, event handler, javascript: link, attribute list), graph
structure (DOT injection) or template code (Jinja). Checked on the HTML MkDocs really builds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from sitetools import Page, mini_project, read_page, run_tool

from mopsdocs.diagnostics import Diagnostic, Location, Report, Severity
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import health
from mopsdocs.site.render import render_page

pytestmark = pytest.mark.slow

PAYLOADS = [
    '<script>alert("s")</script>',
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(2))",
    "<a href='javascript:alert(3)'>a</a>",
    '"]; evil [label="x"',
    "{{ 7*7 }}MARK",
    "{: onclick=alert(4) }",
    "| split | cells |",
]
NASTY = " ".join(PAYLOADS)
Q = json.dumps(NASTY)  # a YAML double-quoted scalar


def nasty_project(root: Path, allow_html: bool = False) -> Path:
    team = f"""\
        kind: team
        teams:
          - {{id: mops, name: {Q}, description: {Q}}}
          - {{id: sales, name: {Q}}}
        roles:
          - {{id: sdr, name: {Q}, team: sales}}
        people:
          - {{id: sam, name: {Q}, roles: [sdr]}}
        """
    lifecycle = f"""\
        kind: lifecycle
        id: lead
        name: {Q}
        description: {Q}
        x-notes: {Q}
        stages:
          - id: known
            name: {Q}
            initial: true
            owner: mops
            definition: {Q}
            description: {Q}
            entry: [{Q}]
            exit: [{Q}]
            values: {{{Q}: {Q}}}
            x-field: {Q}
          - {{id: won, name: {Q}, terminal: true, owner: sam, sla: 1d, definition: "<em>fine</em>"}}
          - {{id: lost, name: {Q}, terminal: true, path: detour, owner: mops}}
        transitions:
          - {{from: known, to: won, sla: 1d, owner: sdr, when: {Q}, description: {Q}, x-why: {Q}}}
          - {{from: known, to: lost, type: disqualify, when: {Q}}}
        """
    extra = "      allow_html: true\n" if allow_html else ""
    return mini_project(root, {"specs/team.yaml": team, "specs/lifecycle.yaml": lifecycle}, extra_config=extra)


def assert_inert(page: Page, where: str) -> None:
    for e in page.elements:
        for name, value in e.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: <{e.tag} {name}=...>"
            if name.lower() in ("href", "src", "xlink:href", "action", "formaction"):
                assert not re.sub(r"[\x00-\x20]", "", value).lower().startswith(("javascript:", "data:")), where
        if e.tag == "script":
            assert "alert" not in e.text and "alert" not in e.attrs.get("src", ""), where
        assert e.tag not in ("img", "iframe", "object", "embed", "foreignobject"), f"{where}: <{e.tag}>"
    assert "49MARK" not in page.text, f"{where}: Jinja evaluated spec text"
    assert "{{ 7*7 }}MARK" in page.text, f"{where}: the value is not shown as text"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = nasty_project(tmp_path_factory.mktemp("nasty") / "p")
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert proc.returncode == 0, proc.stderr
    return root / "site"


def test_the_lifecycle_page_is_inert(built: Path) -> None:
    page = read_page(built / "lifecycle" / "lead" / "index.html")
    assert_inert(page, "lifecycle page")
    assert page.text.count('<script>alert("s")</script>') >= 10  # shown as text, many times over


def test_the_navigation_and_other_pages_are_inert(built: Path) -> None:
    for html_file in sorted(built.rglob("*.html")):
        page = read_page(html_file)
        for e in page.elements:
            assert not any(k.lower().startswith("on") for k in e.attrs), html_file
            assert e.tag not in ("img", "iframe"), html_file


def test_pipes_do_not_split_table_cells(built: Path) -> None:
    html = (built / "lifecycle" / "lead" / "index.html").read_text(encoding="utf-8")
    for table in re.findall(r"<table>.*?</table>", html, re.DOTALL):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in rows}
        assert len(widths) == 1, widths


def test_the_diagram_has_exactly_the_stages(built: Path) -> None:
    html = (built / "lifecycle" / "lead" / "index.html").read_text(encoding="utf-8")
    start = html.rindex("<svg", 0, html.index('class="mopsdocs-svg'))
    svg = html[start : html.index("</svg>", start) + 6]
    found = re.findall(r'class="node stage[^"]*">\s*<title>([^<]*)</title>', svg)
    titles = [t for t in found if not t.startswith("legend:")]
    assert sorted(titles) == ["known", "lost", "won"]
    assert not re.search(r"<title>evil</title>", svg)
    hrefs = re.findall(r'xlink:href="([^"]*)"', svg)
    assert sorted(set(hrefs)) == ["#stage-known", "#stage-lost", "#stage-won"]


def test_markdown_fields_render_but_raw_html_is_escaped_unless_allowed(built: Path, tmp_path: Path) -> None:
    page = read_page(built / "lifecycle" / "lead" / "index.html")
    assert not page.all("em") or all(e.text != "fine" for e in page.all("em"))
    assert "<em>fine</em>" in page.text
    root = nasty_project(tmp_path / "p", allow_html=True)
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert proc.returncode == 0, proc.stderr
    allowed = read_page(root / "site" / "lifecycle" / "lead" / "index.html")
    assert any(e.text == "fine" for e in allowed.all("em"))  # the Markdown field's HTML is live now
    titles = [e for e in allowed.all("h2")]
    assert all("<script>" in e.text for e in titles if "alert" in e.text)  # names are still plain text


def test_the_health_page_is_inert(tmp_path: Path) -> None:
    root = nasty_project(tmp_path / "p")
    project, _ = load_project(root)
    report = Report([Diagnostic("LC005", Severity.WARNING, NASTY, Location("specs/<b>x|y</b>.yaml", 3, 4), NASTY)], 2)
    site = SiteContext(project, report, repo_url="https://example.com/r", edit_uri="edit/main/")
    text = render_page(health.pages(project, site)[0], site)
    html = markdown.markdown(text, extensions=["tables", "attr_list", "toc"])
    page = Page()
    page.feed(html)
    assert_inert(page, "health page")
    assert "specs/<b>x|y</b>.yaml:3:4" in page.text
    assert not page.all("b")
