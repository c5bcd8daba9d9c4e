"""Lifecycle diagrams: DOT escaping, both Graphviz renderers for real, failures, cache, 60 stages."""

from __future__ import annotations

import json
import math
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import graphviz
import pytest
from conftest import require_tool
from sitetools import BIN, REPO, SITE_TESTS, big_lifecycle, mini_project

from mopsdocs.pipeline import load_project
from mopsdocs.site import graphviz_render
from mopsdocs.site.diagram import lifecycle_dot, quote
from mopsdocs.site.diagram_cache import DiagramService
from mopsdocs.site.graphviz_render import RendererMissing, RenderError, find_renderer
from mopsdocs.site.svg import finish_svg

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
NASTY = [
    '"]; evil [label="x"',
    "\\N \\G \\l back\\slash\\",
    "{ braces } <html> &amp; 'quotes'",
    "<script>alert(1)</script>",
    "line\nbreak\ttab",
    'URL="javascript:alert(1)" href=x tooltip=y',
]


@pytest.fixture
def no_dot_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH holds only an empty folder: `dot` is not found (graphviz-pure is, beside the interpreter)."""
    require_tool("graphviz-pure", "the fallback renderer", path=BIN / "graphviz-pure", install="pip install -e .[test]")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def svg_tree(svg: str) -> ET.Element:
    return ET.fromstring(re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", "", svg))


def stage_nodes(root: ET.Element) -> dict[str, ET.Element]:
    """Stage node groups by their DOT name (the group's <title>)."""
    out: dict[str, ET.Element] = {}
    for g in root.iter(f"{SVG}g"):
        if "stage" in g.get("class", "").split() and "legend-stage" not in g.get("class", ""):
            title = g.find(f"{SVG}title")
            assert title is not None and title.text is not None, "a stage node without a <title>"
            out[title.text] = g
    return out


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("value", NASTY)
def test_quote_keeps_any_value_one_plain_label(value: str) -> None:
    dot = f"digraph {{ a [label={quote(value)}, tooltip={quote(value)}] }}"
    graph = json.loads(graphviz.pipe("dot", "json", dot.encode()).decode())
    assert [o["name"] for o in graph["objects"]] == ["a"]  # no node or attribute smuggled in
    assert graph["objects"][0]["label"].replace("\\\\", "\\") == " ".join(value.split())


NASTY_SPECS = {
    "specs/team.yaml": """\
        kind: team
        teams:
          - {id: mops, name: '"]; evil [label="x" <script>alert(1)</script>'}
          - {id: sales, name: '{{ 7*7 }} \\N'}
        """,
    "specs/lifecycle.yaml": """\
        kind: lifecycle
        id: lead
        name: '<img src=x onerror=alert(1)> "]; evil2 [label="x"'
        stages:
          - id: known
            name: '"]; evil3 [label="x" URL="javascript:alert(1)"'
            initial: true
            owner: mops
            definition: '<script>alert(1)</script> [x](javascript:alert(1)) "]; evil4 ['
          - {id: won, name: '\\G\\N\\L {{ 7*7 }}', terminal: true, owner: sales, sla: 1d}
        transitions:
          - {from: known, to: won, sla: 1d, when: '"]; evil5 [label="x" <img src=x onerror=alert(1)>'}
        """,
}


def test_spec_values_never_become_graph_structure_or_markup(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", NASTY_SPECS)
    project, _ = load_project(root)
    dot = lifecycle_dot(project, project.lifecycles["lead"])
    svg = finish_svg(find_renderer().render(dot))
    tree = svg_tree(svg)
    assert set(stage_nodes(tree)) == {"known", "won"}
    titles = {t.text for t in tree.iter(f"{SVG}title")}
    assert not any(t and re.fullmatch(r"evil\d?", t) for t in titles)
    for element in tree.iter():
        assert not element.tag.endswith(("script", "img", "foreignObject"))
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            if name in (f"{XLINK}href", "href"):
                assert value.startswith("#stage-"), value
    texts = "".join(t.text or "" for t in tree.iter(f"{SVG}text"))
    shown = '"]; evil3 [label="x" URL="javascript:alert(1)"'  # shown as text (wrapped over lines)
    assert re.sub(r"\s", "", shown) in re.sub(r"\s", "", texts)


# --------------------------------------------------------------------------- renderers


def _structure(svg: str) -> dict[str, tuple[str, str]]:
    """Stage -> (link, tooltip): what must agree between renderers (coordinates may not)."""
    out = {}
    for name, g in stage_nodes(svg_tree(svg)).items():
        a = g.find(f".//{SVG}a")
        assert a is not None, name
        out[name] = (a.get(f"{XLINK}href", ""), a.get(f"{XLINK}title", ""))
    return out


def test_system_dot_is_used_when_on_path() -> None:
    require_tool("dot", "the system Graphviz renderer")
    renderer = find_renderer()
    assert renderer.kind == "dot" and renderer.version.startswith("2.")


def test_graphviz_pure_is_the_fallback_and_draws_the_same_diagram(no_dot_on_path: None) -> None:
    renderer = find_renderer()
    assert renderer.kind == "graphviz-pure"
    assert renderer.name.startswith("graphviz-pure ")
    project, _ = load_project(REPO)
    dot = lifecycle_dot(project, project.lifecycles["lead"])
    pure = finish_svg(renderer.render(dot))
    system = finish_svg(_dot_via_subprocess(dot))  # PATH has no dot here: call it by its full path
    assert _structure(pure) == _structure(system)
    assert set(_structure(pure)) == set(project.stages["lead"])
    assert all(href == f"#stage-{name}" for name, (href, _) in _structure(pure).items())


def _dot_via_subprocess(dot: str) -> str:
    return subprocess.run(
        [require_tool("dot", "the system Graphviz renderer", path="/usr/bin/dot"), "-Tsvg"],
        input=dot.encode(),
        capture_output=True,
        check=True,
    ).stdout.decode()


def test_no_renderer_at_all_is_a_clear_error(no_dot_on_path: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphviz_render, "PURE", "graphviz-pure-not-installed")
    with pytest.raises(RendererMissing) as info:
        find_renderer()
    message = str(info.value)
    assert "`dot` is not on PATH" in message and "apt-get install graphviz" in message
    assert "mopsdocs[render]" in message


TROUBLE = (SITE_TESTS / "data" / "init-rank-trouble.dot").read_text(encoding="utf-8")


def test_dot_writes_a_partial_svg_and_exits_1_on_this_input() -> None:
    """The hazard itself: dot 2.43 writes a drawing *and* fails. (Proves the fixture still bites.)"""
    proc = subprocess.run(
        [require_tool("dot", "the system Graphviz renderer", path="/usr/bin/dot"), "-Tsvg"],
        check=False,
        input=TROUBLE.encode(),
        capture_output=True,
    )
    assert proc.returncode == 1 and b"trouble in init_rank" in proc.stderr
    assert b"<svg" in proc.stdout


@pytest.mark.parametrize("which", ["dot", "graphviz-pure"])
def test_a_failing_render_raises_with_graphvizs_message(which: str, request: pytest.FixtureRequest) -> None:
    if which == "graphviz-pure":
        request.getfixturevalue("no_dot_on_path")
    else:
        require_tool("dot", "the system Graphviz renderer")
    renderer = find_renderer()
    assert renderer.kind == which
    with pytest.raises(RenderError) as info:
        renderer.render(TROUBLE)
    message = str(info.value)
    assert f"Graphviz ({which}) failed with exit code 1" in message
    assert "trouble in init_rank" in message
    assert len(message.splitlines()) <= graphviz_render.MAX_MESSAGE_LINES + 2  # trimmed, not 600 lines


def test_a_syntax_error_is_a_render_error_too() -> None:
    with pytest.raises(RenderError, match="syntax error"):
        find_renderer().render("digraph { a -> }")


# --------------------------------------------------------------------------- the finished SVG


def test_finished_svg_takes_its_colours_from_the_page_and_has_a_text_alternative() -> None:
    project, _ = load_project(REPO)
    svg = finish_svg(find_renderer().render(lifecycle_dot(project, project.lifecycles["lead"])))
    assert svg.startswith("<svg") and "<!--" not in svg and "<?xml" not in svg
    colours = set(re.findall(r'(?:fill|stroke)="([^"]*)"', svg))
    assert colours <= {"none", "currentColor"}, colours
    tree = svg_tree(svg)
    first = tree[0]
    assert first.tag == f"{SVG}title" and first.text == "Lead lifecycle diagram"
    assert tree.get("aria-labelledby") == first.get("id")
    assert "mopsdocs-svg" in tree.get("class", "")
    assert "\n\n" not in svg  # a blank line would end the raw HTML block in Markdown


def test_every_stage_links_to_its_section_with_a_tooltip() -> None:
    project, _ = load_project(REPO)
    svg = finish_svg(find_renderer().render(lifecycle_dot(project, project.lifecycles["lead"])))
    structure = _structure(svg)
    for stage_id, (href, tooltip) in structure.items():
        assert href == f"#stage-{stage_id}"
        assert project.stages["lead"][stage_id].name in tooltip


# --------------------------------------------------------------------------- cache


def test_the_cache_renders_once_per_distinct_diagram(tmp_path: Path) -> None:
    project, _ = load_project(REPO)
    dot = lifecycle_dot(project, project.lifecycles["lead"])
    first = DiagramService(tmp_path / "cache")
    svg = first.svg(dot)
    assert (first.renders, first.hits) == (1, 0)
    second = DiagramService(tmp_path / "cache")  # a new build: only the disk cache is shared
    assert second.svg(dot) == svg
    assert (second.renders, second.hits) == (0, 1)
    second.svg(dot.replace("Known", "Known again"))
    assert (second.renders, second.hits) == (1, 1)


def test_a_corrupt_cache_entry_is_rendered_again(tmp_path: Path) -> None:
    project, _ = load_project(REPO)
    dot = lifecycle_dot(project, project.lifecycles["lead"])
    service = DiagramService(tmp_path / "cache")
    good = service.svg(dot)
    entry = next((tmp_path / "cache").glob("*.svg"))
    entry.write_text("<svg><g>half a picture", encoding="utf-8")
    again = DiagramService(tmp_path / "cache")
    assert again.svg(dot) == good and again.renders == 1


# --------------------------------------------------------------------------- 60 stages


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("which", ["dot", "graphviz-pure"])
def test_sixty_stages_render_with_the_main_path_in_order(
    seed: int, which: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if which == "graphviz-pure":
        request.getfixturevalue("no_dot_on_path")
    else:
        require_tool("dot", "the system Graphviz renderer")
    root = mini_project(tmp_path / "p", big_lifecycle(60, seed))
    project, _ = load_project(root)
    renderer = find_renderer()
    assert renderer.kind == which
    svg = finish_svg(renderer.render(lifecycle_dot(project, project.lifecycles["big"])))
    nodes = stage_nodes(svg_tree(svg))
    assert set(nodes) == set(project.stages["big"])
    main = [s.id for s in project.lifecycles["big"].stages if s.path == "main"]
    tops = [min(float(t.get("y", "0")) for t in nodes[s].iter(f"{SVG}text")) for s in main]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # strictly down the page, in spec order
    sizes = {float(t.get("font-size", "0")) for t in svg_tree(svg).iter(f"{SVG}text")}
    assert min(sizes) >= 10  # nothing shrunk into illegibility


def test_stage_ids_can_never_merge_with_legend_nodes(tmp_path: Path) -> None:
    from sitetools import LIFECYCLE

    spec = (
        LIFECYCLE.replace("lost", "legend_progress")
        .replace("id: mql", "id: legend")
        .replace("to: mql", "to: legend")
        .replace("from: mql", "from: legend")
    )
    root = mini_project(tmp_path / "p", {"specs/lifecycle.yaml": spec})
    project, report = load_project(root)
    assert report.errors == 0
    svg = finish_svg(find_renderer().render(lifecycle_dot(project, project.lifecycles["lead"])))
    assert set(stage_nodes(svg_tree(svg))) == {"known", "legend", "customer", "legend_progress"}


# --------------------------------------------------------------------------- labels and legend

_NUMBERS = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _text_box(text: ET.Element) -> tuple[float, float, float, float]:
    """A Graphviz <text>'s box (left, top, right, bottom), from its anchor point and font size
    (Helvetica averages under 0.6 em a character)."""
    x, y, size = float(text.get("x", "0")), float(text.get("y", "0")), float(text.get("font-size", "14"))
    width = 0.6 * size * len(text.text or "")
    left = {"start": x, "end": x - width}.get(text.get("text-anchor", "middle"), x - width / 2)
    return left, y - size, left + width, y + 0.25 * size


def _apart(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """How far apart two boxes are (0 when they touch or overlap)."""
    return math.hypot(max(b[0] - a[2], 0, a[0] - b[2]), max(b[1] - a[3], 0, a[1] - b[3]))


def _gap(box: tuple[float, float, float, float], points: list[tuple[float, float]]) -> float:
    """How far the nearest point of a line is from a box (0 inside it)."""
    return min(math.hypot(max(box[0] - x, 0, x - box[2]), max(box[1] - y, 0, y - box[3])) for x, y in points)


def _labels_and_lane_titles(svg: str) -> tuple[list[tuple[str, tuple[float, float, float, float], float]], list[Any]]:
    tree = svg_tree(svg)
    titles = [
        _text_box(t) for g in tree.iter(f"{SVG}g") if "lane" in g.get("class", "").split() for t in g.iter(f"{SVG}text")
    ]
    labels = []
    for g in tree.iter(f"{SVG}g"):
        classes = g.get("class", "").split()
        if "transition" not in classes:
            continue
        path = g.find(f".//{SVG}path")
        assert path is not None
        numbers = [float(n) for n in _NUMBERS.findall(path.get("d", ""))]
        points = list(zip(numbers[::2], numbers[1::2], strict=False))
        for text in g.iter(f"{SVG}text"):
            box = _text_box(text)
            labels.append((text.text or "", box, _gap(box, points)))
    return labels, titles


@pytest.mark.parametrize("which", ["dot", "graphviz-pure"])
def test_edge_labels_sit_beside_their_own_edge_and_never_on_a_lane_title(
    which: str, request: pytest.FixtureRequest
) -> None:
    if which == "graphviz-pure":
        request.getfixturevalue("no_dot_on_path")
    else:
        require_tool("dot", "the system Graphviz renderer")
    project, _ = load_project(REPO)
    renderer = find_renderer()
    assert renderer.kind == which
    labels, titles = _labels_and_lane_titles(renderer.render(lifecycle_dot(project, project.lifecycles["lead"])))
    assert sorted(text for text, _, _ in labels) == ["SLA 24h", "SLA 24h", "SLA 24h", "SLA 4bh", "SLA 72h", "after 30d"]
    assert len(titles) == 3  # Marketing Operations, Sales Development, Sales
    for text, box, gap in labels:
        assert gap <= 20, f"{text!r} is {gap:.0f} pt from its edge"
        # clear of every lane title: placed after the layout (`xlabel`), "SLA 72h" came within
        # 1 pt of "Sales" with dot and touched it with graphviz-pure
        clearance = min(_apart(box, title) for title in titles)
        assert clearance >= 8, f"{text!r} is {clearance:.0f} pt from a lane title"


def test_the_legend_lists_only_what_the_diagram_draws(tmp_path: Path) -> None:
    from mopsdocs.site.context import SiteContext
    from mopsdocs.site.families.lifecycle import lifecycle_context

    root = mini_project(tmp_path / "p")  # progress and disqualify; a detour; a hand-off; no queue
    project, report = load_project(root)
    site = SiteContext(project, report, render_svg=lambda dot: "<svg></svg>")
    legend = lifecycle_context(project, site, project.lifecycles["lead"])["legend"]
    assert legend == {"edges": ["progress", "disqualify"], "looks": ["initial", "terminal", "detour", "handoff"]}
    example, report = load_project(REPO)
    site = SiteContext(example, report, render_svg=lambda dot: "<svg></svg>")
    legend = lifecycle_context(example, site, example.lifecycles["lead"])["legend"]
    assert legend["edges"] == ["progress", "recycle", "disqualify", "reopen", "timeout", "override"]
    assert legend["looks"] == ["initial", "terminal", "detour", "queue", "handoff"]
    assert "cluster_legend" not in lifecycle_dot(example, example.lifecycles["lead"])  # not drawn in the picture
