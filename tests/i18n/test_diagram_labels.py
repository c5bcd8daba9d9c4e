"""Lifecycle diagrams with long French and Thai labels lay out right with both renderers.

A small project per language (long stage names, lane titles, a queue's mark, an "any stage"
note, Thai with vowel and tone marks) is built with `mkdocs build --strict`, once with the system
`dot` and once with graphviz-pure (no `dot` on PATH), served on 127.0.0.1 and opened in Debian's
Chromium. What Chromium measures is what a reader sees: every <text> of a node or lane lies inside
that node's or lane's shape (for a terminal stage, inside its inner border too), and the Thai
text in the drawing is the NFC input as written, split into lines only between whole clusters
(a consonant with its marks and vowels), never before a mark.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from browser.browsertools import CHROMIUM, CHROMIUM_ARGS, ServedSite, open_page, serve
from conftest import require_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser

BIN = Path(sys.executable).parent
RENDERERS = ["dot", "graphviz-pure"]
TOLERANCE = 0.5  # px: anti-aliasing and rounding of Graphviz's two-decimal coordinates

FRENCH = {
    "team.yaml": """\
kind: team
teams:
  - {id: marketing, name: Marketing et génération de la demande}
  - {id: ventes, name: Développement commercial et ventes}
queues:
  - {id: file, name: File d’attente de recyclage, team: marketing}
""",
    "lifecycle.yaml": """\
kind: lifecycle
id: prospect
name: Cycle de vie du prospect
stages:
  - {id: connu, name: Contact identifié lors d’un événement, initial: true, owner: marketing}
  - {id: mql, name: Contact qualifié par le marketing après évaluation du comportement, owner: marketing, sla: 4bh}
  - {id: sal, name: Prospect accepté par l’équipe de développement commercial, owner: ventes, sla: 24h}
  - {id: opportunite, name: Opportunité créée et négociée par le responsable de compte, owner: ventes}
  - {id: client, name: Client signé après validation juridique, terminal: true, owner: ventes}
  - {id: recycle, name: En attente de réengagement (aucune réponse reçue), path: detour, owner: file, sla: 5bd}
  - {id: ecarte, name: Écarté · données erronées ou concurrent, path: detour, terminal: true, owner: marketing}
transitions:
  - {from: connu, to: mql}
  - {from: mql, to: sal}
  - {from: sal, to: opportunite}
  - {from: opportunite, to: client}
  - {from: sal, to: recycle, type: timeout, after: 30d}
  - {from: recycle, to: mql, type: reopen}
  - {from: mql, to: ecarte, type: disqualify}
  - {from: opportunite, type: override}
""",
}
THAI = {
    "team.yaml": """\
kind: team
teams:
  - {id: marketing, name: ฝ่ายการตลาดและการสร้างความต้องการ}
  - {id: sales, name: ฝ่ายขายและพัฒนาธุรกิจ}
queues:
  - {id: queue, name: คิวรีไซเคิลลีด, team: marketing}
""",
    "lifecycle.yaml": """\
kind: lifecycle
id: lead
name: วงจรชีวิตของลีด
stages:
  - {id: known, name: ผู้ติดต่อที่รู้จักจากงานอีเวนต์, initial: true, owner: marketing}
  - {id: mql, name: ผู้ติดต่อที่ผ่านเกณฑ์การตลาด, owner: marketing, sla: 4bh}
  - {id: sal, name: ผู้ติดต่อที่ฝ่ายขายรับเรื่องแล้วและกำลังติดตามผลอย่างใกล้ชิด, owner: sales, sla: 24h}
  - {id: customer, name: ลูกค้าที่ยืนยันแล้ว, terminal: true, owner: sales}
  - {id: recycle, name: รอการติดต่อกลับภายหลัง (ไม่ตอบสนอง), path: detour, owner: queue, sla: 5bd}
  - {id: lost, name: ถูกตัดสิทธิ์เนื่องจากข้อมูลไม่ถูกต้อง, path: detour, terminal: true, owner: marketing}
transitions:
  - {from: known, to: mql}
  - {from: mql, to: sal}
  - {from: sal, to: customer}
  - {from: sal, to: recycle, type: timeout, after: 30d}
  - {from: recycle, to: mql, type: reopen}
  - {from: mql, to: lost, type: disqualify}
  - {from: sal, type: override}
""",
}
PROJECTS = {"fr": FRENCH, "th": THAI}
# the marks the diagram adds under a stage's name, in each language (stage SLA, a queue)
QUEUE_MARK = {"fr": "(file d'attente)", "th": "(คิว)"}
ANY_STAGE = {"fr": "n'importe quelle étape", "th": "ขั้นตอนใดก็ได้"}
# Thai vowels a line can neither start with (following vowels) nor end with (leading vowels)
THAI_FOLLOWING = set("\u0e30\u0e32\u0e33\u0e45\u0e46")
THAI_LEADING = set("\u0e40\u0e41\u0e42\u0e43\u0e44")

# Per node and lane of the diagram: its shapes' boxes and its texts' boxes, in SVG user units
# (getBBox: unaffected by the CSS that shrinks a wide diagram to the column).
MEASURE = """
() => Array.from(document.querySelectorAll('svg.mopsdocs-svg g.node, svg.mopsdocs-svg g.cluster')).map(g => ({
  id: g.id,
  kind: g.classList.contains('cluster') ? 'lane' : 'node',
  shapes: Array.from(g.querySelectorAll('path, polygon, ellipse'))
    .map(s => { const b = s.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; }),
  texts: Array.from(g.querySelectorAll('text')).map(t => {
    const b = t.getBBox();
    return {text: t.textContent, box: [b.x, b.y, b.x + b.width, b.y + b.height]};
  }),
}))
"""


def _spec(language: str, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(PROJECTS[language][name])
    return loaded


def _build(root: Path, language: str, renderer: str, cache: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: Diagrammes\ntheme:\n  name: material\n  font: false\n  language: {language}\n"
        "plugins:\n  - search\n  - mopsdocs:\n      required_program_categories: []\n",
        encoding="utf-8",
    )
    for name, text in PROJECTS[language].items():
        (root / "specs").mkdir(exist_ok=True)
        (root / "specs" / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MOPSDOCS_CACHE_DIR": str(cache)}
    if renderer == "graphviz-pure":
        require_tool("graphviz-pure", "the fallback renderer", path=BIN / "graphviz-pure")
        empty = root.parent / f"{root.name}-no-dot"
        empty.mkdir()
        env["PATH"] = str(empty)  # no `dot`: mopsdocs falls back to graphviz-pure beside the interpreter
    else:
        require_tool("dot", "the system Graphviz renderer")
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", "site"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert f"drawn with {renderer}" in proc.stderr, proc.stderr[-2000:]  # the renderer asked for drew it
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str, str], ServedSite]]:
    """(language, renderer) -> that project, built on first use and served on 127.0.0.1."""
    base = tmp_path_factory.mktemp("labels")
    cache = base / "cache"
    served: dict[tuple[str, str], ServedSite] = {}
    with contextlib.ExitStack() as servers:

        def site(language: str, renderer: str) -> ServedSite:
            if (language, renderer) not in served:
                built = _build(base / f"{language}-{renderer}", language, renderer, cache)
                served[language, renderer] = servers.enter_context(serve(built))
            return served[language, renderer]

        yield site


# module scope: Playwright's sync API holds an event loop while open; it is closed before the
# next module (tests/browser has its own, package-scoped) starts one
@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    require_tool("chromium", "measuring diagram labels in Debian's Chromium", path=CHROMIUM)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _measure(chromium: Browser, site: ServedSite, language: str) -> list[dict[str, Any]]:
    lifecycle_id = _spec(language, "lifecycle.yaml")["id"]
    with open_page(chromium, site, f"lifecycle/{lifecycle_id}/") as (page, _):
        page.evaluate("document.fonts.ready")
        measured: list[dict[str, Any]] = page.evaluate(MEASURE)
    return measured


def _inside(inner: list[float], outer: list[float]) -> bool:
    return (
        inner[0] >= outer[0] - TOLERANCE
        and inner[1] >= outer[1] - TOLERANCE
        and inner[2] <= outer[2] + TOLERANCE
        and inner[3] <= outer[3] + TOLERANCE
    )


@pytest.mark.slow
@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("language", ["fr", "th"])
def test_every_label_lies_inside_its_node_and_lane(
    chromium: Browser, sites: Callable[[str, str], ServedSite], language: str, renderer: str
) -> None:
    measured = _measure(chromium, sites(language, renderer), language)
    spec = _spec(language, "lifecycle.yaml")
    nodes = {m["id"]: m for m in measured if m["kind"] == "node"}
    lanes = [m for m in measured if m["kind"] == "lane"]
    stage_nodes = {f"mopsdocs-{spec['id']}-{s['id']}" for s in spec["stages"]}
    assert stage_nodes <= set(nodes)  # every stage drawn (and the "any stage" note besides)
    assert len(nodes) == len(stage_nodes) + 1 and len(lanes) == len(_spec(language, "team.yaml")["teams"])
    problems = []
    for item in measured:
        assert item["shapes"] and item["texts"], item["id"]
        for text in item["texts"]:
            for shape in item["shapes"]:  # a terminal stage's text is inside its inner border too
                if not _inside(text["box"], shape):
                    overflow = max(
                        shape[0] - text["box"][0],
                        shape[1] - text["box"][1],
                        text["box"][2] - shape[2],
                        text["box"][3] - shape[3],
                    )
                    problems.append(f"{item['id']}: {text['text']!r} leaves its shape by {overflow:.1f} px")
    assert not problems, "\n".join(problems)
    texts = [t["text"] for item in measured for t in item["texts"]]
    assert ANY_STAGE[language] in texts and QUEUE_MARK[language] in texts  # the marks are in the language


def _lines(measured: list[dict[str, Any]], node: str) -> list[str]:
    [item] = [m for m in measured if m["id"] == node]
    return [t["text"] for t in item["texts"]]


@pytest.mark.slow
@pytest.mark.parametrize("renderer", RENDERERS)
def test_thai_text_in_the_diagram_is_the_nfc_input_cut_only_between_clusters(
    chromium: Browser, sites: Callable[[str, str], ServedSite], renderer: str
) -> None:
    measured = _measure(chromium, sites("th", renderer), "th")
    spec = _spec("th", "lifecycle.yaml")
    queues = {q["id"] for q in _spec("th", "team.yaml")["queues"]}
    assert all(any(unicodedata.category(ch) == "Mn" for ch in s["name"]) for s in spec["stages"])  # marks in each
    wrapped = 0
    for stage in spec["stages"]:
        name = stage["name"]
        assert unicodedata.is_normalized("NFC", name)
        marks = [f"SLA {stage['sla']}"] if "sla" in stage else []
        marks += [QUEUE_MARK["th"]] if stage["owner"] in queues else []
        lines = _lines(measured, f"mopsdocs-{spec['id']}-{stage['id']}")
        assert lines[len(lines) - len(marks) :] == marks, lines
        name_lines = lines[: len(lines) - len(marks)]
        wrapped += len(name_lines) > 1
        # the lines are the name as written, split at spaces or between clusters, nothing changed
        assert "".join(name_lines).replace(" ", "") == name.replace(" ", ""), (name, name_lines)
        for line in name_lines:
            assert unicodedata.is_normalized("NFC", line)
            assert not unicodedata.category(line[0]).startswith("M") and line[0] not in THAI_FOLLOWING, line
            assert line[-1] not in THAI_LEADING, line
    assert wrapped >= 2  # long names did wrap, so the cuts were tested
    lane_titles = {t["text"] for m in measured if m["kind"] == "lane" for t in m["texts"]}
    assert lane_titles == {team["name"] for team in _spec("th", "team.yaml")["teams"]}
