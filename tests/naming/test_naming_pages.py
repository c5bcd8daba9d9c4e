"""The `naming/<convention>/` pages: golden Markdown, the builder form's structure and data, escaping
of hostile values, and (slow) the built site driven in Chromium: typing gives the name or why not.

Golden trees: `golden/<project>.out/`, one file per page. MOPSDOCS_UPDATE_GOLDEN=1 rewrites them
(read the diff before committing). `edge` is a project of awkward values; `example` renders the
repository's specs/naming.yaml in a project of its own, so other families' specs do not matter.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_MKDOCS, REPO, assert_golden_tree, make_project, require_tool

from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.jsdata import convention_data
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import naming
from mopsdocs.site.render import render_page

GOLDEN = Path(__file__).parent / "golden"
EDGE = GOLDEN / "edge"
NAMING = (REPO / "specs" / "naming.yaml").read_text(encoding="utf-8")


def pages(root: Path, **kw: Any) -> dict[str, str]:
    project, report = load_project(root)
    site = SiteContext(project, report, **kw)
    return {page.path: render_page(page, site) for page in naming.pages(project, site)}


@pytest.fixture(scope="module")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mkdocs = DEFAULT_MKDOCS + "      fiscal_year_start: 02-01\n"  # as the repository's mkdocs.yml
    return make_project(tmp_path_factory.mktemp("example"), {"specs/naming.yaml": NAMING}, mkdocs)


V2 = Path(__file__).parent / "cases" / "naming-v2-valid"  # every v2 feature: variants, rules, switches, ...


@pytest.mark.parametrize("name", ["edge", "example", "v2"])
def test_golden_pages(name: str, example_root: Path) -> None:
    root = {"edge": EDGE, "example": example_root, "v2": V2}[name]
    actual = pages(root, repo_url="https://example.com/repo", edit_uri="edit/main/")
    folder = GOLDEN / f"{name}.out"
    assert_golden_tree(actual, folder)


class _Form(HTMLParser):
    """The builder form's controls, options, output element and embedded data."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: dict[str, str] = {}  # name -> tag
        self.options: dict[str, list[str]] = {}
        self.outputs = 0
        self.copy_buttons = 0
        self.data = ""
        self._select: str | None = None
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("input", "select") and a.get("name"):
            self.controls[a["name"] or ""] = tag
            if tag == "select":
                self._select = a["name"]
                self.options[self._select or ""] = []
        elif tag == "option" and self._select is not None:
            self.options[self._select].append(a.get("value") or "")
        elif tag == "script" and "data-naming-convention" in a:
            self._in_data = True
        if "data-name-output" in a:
            self.outputs += 1
        if "data-name-copy" in a:
            self.copy_buttons += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "script":
            self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data += data


def test_builder_form_has_one_control_per_field_and_the_compiled_convention(example_root: Path) -> None:
    project, _ = load_project(example_root)
    compiled = compile_all(project)
    rendered = pages(example_root)
    assert sorted(rendered) == sorted(f"naming/{cid}.md" for cid in compiled)
    for cid, (conv, _) in compiled.items():
        assert conv is not None
        form = _Form()
        form.feed(rendered[f"naming/{cid}.md"])
        assert list(form.controls) == list(conv.fields)
        for name, f in conv.fields.items():
            assert form.controls[name] == ("select" if f.kind == "vocabulary" else "input")
            if f.kind == "vocabulary":  # every code but the retired ones
                assert form.options[name] == ["", *(c for c in f.codes if c not in f.retired)]
        assert (form.outputs, form.copy_buttons) == (1, 1)
        assert json.loads(form.data) == json.loads(json.dumps(convention_data(conv)))


def test_hostile_values_stay_text() -> None:
    rendered = pages(EDGE)
    page = rendered["naming/edge.md"]
    for raw in (
        "<script>alert",
        "</script><script>",
        "<img src=x",
        "<b>html</b>",
        "javascript:alert",
        "{: .attr-list }",
        "</textarea>",
        "<u>odd</u>",
        "{{ name }}",
    ):
        assert raw not in page, raw
    data = page.split("data-naming-convention>", 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)["name"] == "Edge </script> {{ name }} | *case*"
    broken = rendered["naming/broken.md"]
    assert "cannot be used yet" in broken and "data-naming-builder" not in broken


@pytest.mark.slow
def test_the_built_page_builds_names_in_a_browser(tmp_path: Path) -> None:
    from playwright import sync_api  # the test extra installs it

    chromium = require_tool("chromium", "building names in the page in a browser")
    root = make_project(
        tmp_path / "site",
        {"specs/naming.yaml": NAMING, "docs/index.md": "# Home\n"},
        mkdocs="site_name: T\ntheme: {name: material, font: false}\nplugins:\n  - mopsdocs:\n"
        "      required_program_categories: []\n",
    )
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "out" / "naming" / "program" / "index.html").as_uri()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        try:
            tab = browser.new_page()
            tab.goto(page)
            output = tab.locator("[data-name-output]")
            assert "date: is required" in output.inner_text()
            tab.fill("input[name=date]", "2021-12")
            tab.select_option("select[name=channel]", "WBN")
            tab.fill("input[name=name]", "Peak Capacity")
            assert "' ' is not allowed in name" in output.inner_text()
            tab.fill("input[name=name]", "Peak-Capacity")
            assert output.inner_text().strip() == "2021-12_WBN_Peak-Capacity"
            tab.select_option("select[name=region]", "EMEA")
            assert output.inner_text().strip() == "2021-12_WBN_EMEA_Peak-Capacity"
            assert tab.locator("[data-name-copy]").is_enabled()
            tab.fill("input[name=date]", "2021-13")
            assert output.inner_text().strip() == "date: month 13 does not exist"
            assert tab.locator("[data-name-copy]").is_disabled()
        finally:
            browser.close()


@pytest.mark.slow
def test_the_v2_builder_controls_work_in_a_browser(tmp_path: Path) -> None:
    """A multiple field is a list to pick several codes from, a switch a checkbox, a variant's
    template follows the code picked, a cross-field rule is said: in Chromium, on the built page."""
    from playwright import sync_api  # the test extra installs it

    chromium = require_tool("chromium", "building names in the page in a browser")
    root = tmp_path / "site"
    shutil.copytree(V2, root)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: material, font: false}\nplugins:\n  - mopsdocs:\n"
        "      required_program_categories: []\n      fiscal_year_start: 02-01\n",
        encoding="utf-8",
    )
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 0, build.stderr
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        try:
            tab = browser.new_page()
            tab.goto((tmp_path / "out" / "naming" / "utm-campaign" / "index.html").as_uri())
            output = tab.locator("[data-name-output]")
            tab.fill("input[name=date]", "eg")
            tab.select_option("select[name=region]", ["emea", "apac"])
            tab.select_option("select[name=type]", "webinar")
            tab.select_option("select[name=gtm]", "devsecops")
            assert output.inner_text().strip() == "eg_emea_apac_webinar_devsecops"
            assert tab.locator("select[name=gtm] option[value=cicd]").count() == 0  # retired: not offered
            tab.fill("input[name=name]", "test")
            assert "contains the forbidden word 'test'" in output.inner_text()
            tab.goto((tmp_path / "out" / "naming" / "campaign" / "index.html").as_uri())
            output = tab.locator("[data-name-output]")
            tab.fill("input[name=date]", "20250301")
            tab.select_option("select[name=type]", "VirtualConference")
            tab.fill("input[name=name]", "Summit")
            assert "partner: is required" in output.inner_text()
            tab.select_option("select[name=partner]", "ON24")
            tab.check("input[name='+_PARENT']")
            assert output.inner_text().strip() == "20250301_ON24_VirtualConference_Summit_PARENT"
            tab.select_option("select[name=type]", "Webinar")
            assert output.inner_text().splitlines()[0] == "20250301_Webinar_Summit_PARENT"
            assert "partner: left out" in output.inner_text()
            tab.goto((tmp_path / "out" / "naming" / "utm-link" / "index.html").as_uri())
            output = tab.locator("[data-name-output]")
            tab.fill("input[name=start]", "20250301")
            tab.fill("input[name=end]", "20250201")
            tab.select_option("select[name=medium]", "email")
            tab.select_option("select[name=source]", "google")
            text = output.inner_text()
            assert "end must be on or after start" in text and "'google' does not go with medium 'email'" in text
        finally:
            browser.close()
