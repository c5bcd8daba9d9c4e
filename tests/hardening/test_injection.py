"""Injection: payloads in every field (hostile/injection-every-field) stay text in every output.

The specs are valid, so every command has something to show; what it shows must never turn a
value into markup, code, a formula, a graph element or an extra line.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import Result, require_tool, run_cli
from hardtools import limited_run, no_crash, time_limit, write_project

from mopsdocs.loader import load_text

CASE = Path(__file__).resolve().parent / "hostile" / "injection-every-field"
FORMULA = ("=", "+", "-", "@", "\t", "\r")
SVG = "{http://www.w3.org/2000/svg}"


def payloads() -> list[str]:
    lines = (CASE / "payloads.txt").read_text(encoding="utf-8").splitlines()
    return [re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], line) for line in lines]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("injection") / "project"
    shutil.copytree(CASE, target)
    (target / "docs").mkdir()
    (target / "docs" / "index.md").write_text("# Injection\n", encoding="utf-8")
    return target


def run(args: list[str], root: Path, seconds: float = 60) -> Result:
    with time_limit(seconds):
        result = run_cli(args, cwd=root)
    no_crash(result.code, result.out, result.err, " ".join(args))
    return result


def strings_in(node: object) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            found.update(k for k in item if isinstance(k, str))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_check_passes_and_export_keeps_every_payload_verbatim(root: Path) -> None:
    assert run(["check", "--strict", "--format", "concise"], root).code == 0
    exported = run(["export"], root)
    assert exported.code == 0
    values = strings_in(json.loads(exported.out))
    missing = [p for p in payloads() if not any(p in v for v in values)]
    assert missing == []


def test_raci_csv_defuses_formulas_and_round_trips(root: Path, tmp_path: Path) -> None:
    out = run(["raci", "export", "mops"], root)
    assert out.code == 0
    text = out.out.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) >= 2
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA), f"a spreadsheet would run {cell!r}"
    spec = load_text((root / "specs" / "raci.yaml").read_text(encoding="utf-8"), "raci.yaml").documents[0].data
    names = {a["id"]: a["name"] for a in spec["activities"]}
    assert any(n.startswith(FORMULA) for n in names.values()), "the corpus must hold a formula to defuse"
    (tmp_path / "mops.csv").write_text(out.out, encoding="utf-8")
    back = run(["raci", "import", str(tmp_path / "mops.csv"), "--id", "mops", "--name", spec["name"]], tmp_path)
    assert back.code == 0, back.err
    again = load_text(back.out, "again.yaml").documents[0].data
    assert {a["id"]: a["name"] for a in again["activities"]} == names
    assert [a["assign"] for a in again["activities"]] == [a["assign"] for a in spec["activities"]]


def test_raci_markdown_keeps_the_table_shape_and_no_markup(root: Path) -> None:
    out = run(["raci", "export", "mops", "--format", "markdown"], root)
    assert out.code == 0
    rows = [line for line in out.out.splitlines() if line.startswith("|")]
    widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
    assert len(widths) == 1, "a pipe in a value must not add a column"
    assert not re.search(r"(?<!\\)<", out.out), "every < is escaped"


def test_github_annotations_cannot_be_forged(tmp_path: Path) -> None:
    forged = "%0A::error file=x::forged\n::error file=y::forged too"
    root = write_project(tmp_path / "p", {"specs/x.yaml": f"kind: {json.dumps(forged)}\n"})
    out = run(["check", "--format", "github"], root)
    assert out.code == 1
    assert len([line for line in out.out.splitlines() if line.startswith("::")]) == 1
    assert "%250A" in out.out  # the user's own %0A is escaped, not a line break


def test_diagram_dot_and_svg_keep_labels_as_labels(root: Path, tmp_path: Path) -> None:
    spec = load_text((root / "specs" / "lifecycle.yaml").read_text(encoding="utf-8"), "l.yaml").documents[0].data
    dot = run(["graph", "lead"], root)
    assert dot.code == 0, dot.err
    drawn = subprocess.run(
        [require_tool("dot", "drawing the DOT"), "-Tsvg"], input=dot.out, capture_output=True, text=True, timeout=60
    )
    assert drawn.returncode == 0, drawn.stderr
    # one node per stage and one edge per transition, whatever the labels say (ids are ours)
    # every node Graphviz drew is a stage or part of the legend, every edge joins two of them:
    # a label that broke out of its quotes would have added nodes such as `injected`, `a`, `evil`
    stages = {s["id"] for s in spec["stages"]}
    nodes: list[str] = []
    edges: list[str] = []
    for group in ET.fromstring(drawn.stdout.encode()).iter(SVG + "g"):
        kind = group.get("class", "").split()[:1]
        if kind not in (["node"], ["edge"]):
            continue
        title = group.find(SVG + "title")
        assert title is not None and title.text is not None, "Graphviz gives every node and edge a <title>"
        (nodes if kind == ["node"] else edges).append(title.text)
    assert {n for n in nodes if not n.startswith("legend:")} == stages
    assert all(e.split("->")[0] in stages | set(nodes) and e.split("->")[1] in stages | set(nodes) for e in edges)
    assert len([e for e in edges if not e.startswith("legend:")]) == len(spec["transitions"])
    svg = run(["graph", "lead", "--format", "svg"], root)
    assert svg.code == 0
    tree = ET.fromstring(svg.out.encode("utf-8"))
    for element in tree.iter():
        assert not element.tag.endswith(("script", "foreignObject")), element.tag
        for name, value in element.attrib.items():
            assert not name.split("}")[-1].lower().startswith("on"), (element.tag, name, value)
            assert not value.strip().lower().startswith("javascript:"), (element.tag, name, value)


class _Audit(html.parser.HTMLParser):
    """Collects what would run in a browser: scripts, event handlers, javascript: links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert" in value:
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "xlink:href", "action", "formaction") and value.startswith("javascript:"):
                self.live.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.live.append(f"<script>{data[:80]}")


def test_built_site_shows_payloads_as_text(root: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    proc = limited_run(["build", "-d", str(site)], root, timeout=180, memory_mb=3072)
    no_crash(proc.returncode, proc.stdout, proc.stderr, "build")
    assert proc.returncode == 0, proc.stderr[-3000:]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    live, jinja_kept, globals_kept = [], False, False
    for page in pages:
        text = page.read_text(encoding="utf-8")
        audit = _Audit()
        audit.feed(text)
        live += [f"{page.relative_to(site)}: {item}" for item in audit.live]
        jinja_kept |= "{{ 7*7 }}" in text
        globals_kept |= "config.__class__.__init__.__globals__" in text
    assert live == []
    assert jinja_kept and globals_kept, "Jinja in a spec value must be shown, not evaluated"


def test_names_check_csv_output_defuses_formulas(root: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "Program Name\n"
        + "\n".join(['"=HYPERLINK(""https://evil"",""x"")"', "+1", "-1", "@SUM(1)", "WBN_Spring-Launch"])
        + "\n",
        encoding="utf-8",
    )
    out = run(["names", "check", "program", str(names), "--column", "Program Name", "--format", "csv"], root)
    assert out.code == 1
    for row in csv.reader(io.StringIO(out.out.lstrip("\ufeff"), newline="")):
        for cell in row:
            assert not cell.startswith(FORMULA), cell
