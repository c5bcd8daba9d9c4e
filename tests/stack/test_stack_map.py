"""The integration map for real: both Graphviz renderers draw the same tools, clusters and links;
a large stack (150 tools, 300 integrations) draws with either; spec values never become structure."""

from __future__ import annotations

import random
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REPO, make_project, require_tool

from mopsdocs.pipeline import load_project
from mopsdocs.project import Project
from mopsdocs.site.families.stack import integration_dot, tool_anchor
from mopsdocs.site.graphviz_render import Renderer
from mopsdocs.site.svg import finish_svg

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


def renderers() -> list[Renderer]:
    dot = require_tool("dot", "the system Graphviz renderer")
    pure = require_tool("graphviz-pure", "the fallback renderer", path=Path(sys.executable).parent / "graphviz-pure")
    return [Renderer("dot", dot, "system"), Renderer("graphviz-pure", pure, "pip")]


def structure(svg: str) -> tuple[dict[str, str], list[str]]:
    """Tool node -> its link, and the cluster titles, from a drawn map."""
    root = ET.fromstring(finish_svg(svg))
    tools: dict[str, str] = {}
    clusters = []
    for g in root.iter(f"{SVG}g"):
        classes = g.get("class", "").split()
        title = g.find(f"{SVG}title")
        if "mopsdocs-tool" in classes and title is not None and title.text:
            link = g.find(f".//{SVG}a")
            assert link is not None, f"tool {title.text} has no link"
            tools[title.text] = link.get(f"{XLINK}href") or link.get("href") or ""
        if "cluster" in classes and title is not None and title.text:
            clusters.append(title.text)
    return tools, sorted(clusters)


def test_both_renderers_draw_every_integrated_tool_linked_to_its_section() -> None:
    project, _ = load_project(REPO)
    dot = integration_dot(project, lambda tid: f"#{tool_anchor(tid)}")
    drawn = [structure(r.render(dot)) for r in renderers()]
    assert drawn[0] == drawn[1]
    tools, clusters = drawn[0]
    integrated = {t for i in project.integrations for t in (i.from_, i.to, i.via) if t in project.tools}
    assert set(tools) == integrated and "clearbit" not in tools and "zapier" not in tools
    assert all(href == f"#tool-{tid}" for tid, href in tools.items())
    assert "cluster_ipaas" in clusters and "cluster_consent" in clusters


def _big(tmp_path: Path) -> Project:
    rng = random.Random(18)
    categories = ("marketing-automation", "crm", "ipaas", "enrichment", "analytics", "abm", "webinar", "other")
    lines = ["kind: stack", "id: s", "name: S", "tools:"]
    lines += [
        f"  - {{id: t{i}, name: Tool {i} with a long name, category: {categories[i % 8]}, overlap_ok: true}}"
        for i in range(150)
    ]
    lines.append("integrations:")
    lines += [
        f"  - {{from: t{rng.randrange(150)}, to: t{rng.randrange(150)}, via: t2, objects: [lead, contact]}}"
        for _ in range(300)
    ]
    project, report = load_project(make_project(tmp_path, {"specs/stack.yaml": "\n".join(lines) + "\n"}, MKDOCS))
    assert report.sorted() == []
    return project


@pytest.mark.slow
def test_a_large_stack_draws_with_either_renderer(tmp_path: Path) -> None:
    dot = integration_dot(_big(tmp_path), lambda tid: f"#{tid}")
    for renderer in renderers():  # no edge labels: clusters never meet dot's "trouble in init_rank"
        tools, _ = structure(renderer.render(dot))
        assert len(tools) > 100


def test_spec_values_stay_labels(tmp_path: Path) -> None:
    nasty = '"]; evil [label="x" URL="javascript:alert(1)"'
    spec = (
        "kind: stack\nid: s\nname: S\ntools:\n"
        f"  - {{id: a, name: '{nasty}', category: crm}}\n  - {{id: b, name: B, category: abm}}\n"
        f"integrations:\n  - {{from: a, to: b, objects: ['{nasty}']}}\n"
    )
    project, _ = load_project(make_project(tmp_path, {"specs/stack.yaml": spec}, MKDOCS))
    dot = integration_dot(project, lambda tid: f"#{tid}")
    for renderer in renderers():
        root = ET.fromstring(finish_svg(renderer.render(dot)))
        nodes = {
            t.text
            for g in root.iter(f"{SVG}g")
            if g.get("class", "").split()[:1] == ["node"] and (t := g.find(f"{SVG}title")) is not None
        }
        assert nodes == {"a", "b", "mopsdocs-integration-1"}  # no node named `evil`
        links = {a.get(f"{XLINK}href") for a in root.iter(f"{SVG}a")}
        assert links <= {"#a", "#b", None}  # tooltips make links without href; never javascript:
        texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
        assert '"]; evil [label="x"' in texts  # shown as written (wrapped onto lines), as text
