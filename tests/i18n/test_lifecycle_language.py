"""Lifecycle pages and their diagrams in French and Thai (issue 20).

The example project's lifecycle page is rendered in each language (the diagram replaced by a
placeholder; its DOT, which holds the diagram's words, is checked on its own): the words
mopsdocs writes are the catalog's, what users wrote (stage names, ids, conditions) stays as
written, and no English sentence the lifecycle code marks is left. The English page itself is
compared whole with its golden file in tests/site.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from conftest import REPO

from mopsdocs import durations
from mopsdocs.i18n import ENGLISH, Words
from mopsdocs.pipeline import load_project
from mopsdocs.project import Project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.diagram import lifecycle_dot, wrap
from mopsdocs.site.diagram_cache import DiagramService
from mopsdocs.site.families import lifecycle
from mopsdocs.site.families.lifecycle import diagram_alt
from mopsdocs.site.graphviz_render import Renderer
from mopsdocs.site.lifecycle_view import lifecycle_view, party_name
from mopsdocs.site.render import render_page

PLACEHOLDER = '<svg class="placeholder"><title>diagram</title></svg>'
# the files whose messages this test holds to account
OURS = ("lifecycle.md.j2", "lifecycle_stage.md.j2", "families/lifecycle.py", "lifecycle_view.py", "site/diagram.py")
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")


@pytest.fixture(scope="module")
def example() -> Project:
    project, _ = load_project(REPO)
    return project


def lead_page(language: str) -> str:
    project, report = load_project(REPO)
    site = SiteContext(project, report, render_svg=lambda dot: PLACEHOLDER, language=language)
    [page] = [p for p in lifecycle.pages(project, site) if p.path == "lifecycle/lead.md"]
    return render_page(page, site)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {language: lead_page(language) for language in ("en", "fr", "th")}


def _spec_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "specs").rglob("*.yaml")))


def _english_phrases(catalog: Catalog) -> list[str]:
    """The literal parts (between placeholders) of our messages that hold two words or more."""
    phrases = set()
    for message in catalog:
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        if not any(any(ours in path for ours in OURS) for path, _ in message.locations):
            continue
        for text in ids:
            for part in _PLACEHOLDER.split(text):
                part = part.strip(" .:;,()—*")
                if " " in part and re.search(r"[A-Za-z]{3}", part):
                    phrases.add(part)
    return sorted(phrases)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            [
                "## Étapes",
                '| <span class="mopsdocs-lc-table">Étape</span> | Responsable | Délai (SLA) | Parcours | Motifs |',
                "| principal (étape initiale) |",
                "**Critères d'entrée**",
                "**Transitions entrantes**",
                "- aucune (les fiches commencent ici)",
                "(expiration du délai après 30d)",
                "De</span> | Vers | Type | Condition | Responsable | Délai (SLA) | Automatisé par |",
                "Diagramme de Lead lifecycle : 8 étapes, 14 transitions. Parcours principal : Known → Engaged",
                'aria-label="Légende"',
                "4 heures ouvrées",  # an SLA in business time, in words
                "progression</li>",
            ],
        ),
        (
            "th",
            [
                "## ขั้นตอน",
                '| <span class="mopsdocs-lc-table">ขั้นตอน</span> | ผู้รับผิดชอบ | SLA | เส้นทาง | เหตุผล |',
                "| หลัก (ขั้นตอนเริ่มต้น) |",
                "**เกณฑ์การเข้าสู่ขั้นตอน**",
                "**การเปลี่ยนขั้นตอนขาเข้า**",
                "(หมดเวลา หลังจาก 30d)",
                "แผนภาพของ Lead lifecycle: 8 ขั้นตอน, การเปลี่ยนขั้นตอน 14 รายการ. เส้นทางหลัก: Known → Engaged",
                'aria-label="คำอธิบายสัญลักษณ์"',
                "4 ชั่วโมงทำการ",
                "เลื่อนขั้น</li>",
            ],
        ),
    ],
)
def test_the_lifecycle_page_is_in_the_sites_language(
    pages: dict[str, str], marked: Catalog, language: str, words: list[str]
) -> None:
    text = pages[language]
    for expected in words:
        assert expected in text, expected
    spec_text = _spec_text()
    left = [
        phrase
        for phrase in _english_phrases(marked)
        if phrase in pages["en"] and phrase not in spec_text and phrase in text
    ]
    assert not left, left  # no English sentence of ours is left
    # what users wrote stays as written: names, anchors, ids, conditions
    for user in (
        "[Marketing Qualified Lead &#40;MQL&#41;](#stage-mql)",
        "<code>mql</code>",
        "Behaviour score reaches 20",
    ):
        assert user in pages["en"] and user in text


def test_the_english_page_still_says_it_in_english(pages: dict[str, str]) -> None:
    text = pages["en"]
    assert "| principal" not in text and "| main (initial) |" in text
    assert "Diagram of Lead lifecycle: 8 stages, 14 transitions." in text and "(timeout after 30d)" in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ['digraph "Diagramme : Lead lifecycle"', '"après 30d"', "Équipe : Sales", "n'importe quelle étape"]),
        ("th", ['digraph "แผนภาพ Lead lifecycle"', '"หลังจาก 30d"', "ทีม: Sales", "ขั้นตอนใดก็ได้", "(คิว)"]),
    ],
)
def test_the_diagram_speaks_the_language_and_keeps_what_users_wrote(
    example: Project, language: str, words: list[str]
) -> None:
    lc = example.lifecycles["lead"]
    english, dot = lifecycle_dot(example, lc), lifecycle_dot(example, lc, Words(language))
    for expected in words:
        assert expected in dot, expected
    assert '"after 30d"' in english and "after 30d" not in dot and "Team: " not in dot
    # the same graph: node and edge ids, links and every stage name as written
    structure = re.compile(r'(?:id|URL)="[^"]*"')
    assert structure.findall(dot) == structure.findall(english)
    for stage in lc.stages:
        assert stage.name.split()[0] in dot
    assert "SLA 4bh" in dot  # a spec value in a label stays as written


def test_a_diagram_is_cached_per_language(example: Project) -> None:
    """The DOT holds the words, so the cache key (a hash of it) differs per language: a French
    build never takes a Thai picture from the cache."""
    service = DiagramService(None, renderer=Renderer("dot", "dot", "2.43.0"))
    lc = example.lifecycles["lead"]
    keys = {code: service.key(lifecycle_dot(example, lc, Words(code))) for code in ("en", "fr", "th")}
    assert len(set(keys.values())) == 3
    assert keys["en"] == service.key(lifecycle_dot(example, lc))  # English is the default


def test_either_of_owners_are_joined_in_the_language(example: Project) -> None:
    assert party_name(example, ["sdr", "bdr"]) == (
        "Sales Development Representative or Business Development Representative"
    )
    assert party_name(example, ["sdr", "bdr"], Words("fr")) == (
        "Sales Development Representative ou Business Development Representative"
    )
    assert party_name(example, ["sdr", "bdr", "sales"], Words("th")).count(" หรือ ") == 2


def _one_stage(root: Path) -> Project:
    (root / "specs").mkdir(parents=True)
    (root / "specs" / "team.yaml").write_text("kind: team\nteams:\n  - {id: mops, name: MOPs}\n", encoding="utf-8")
    (root / "specs" / "lifecycle.yaml").write_text(
        "kind: lifecycle\nid: tiny\nname: Tiny\nstages:\n"
        "  - {id: only, name: Only, initial: true, terminal: true, owner: mops}\ntransitions: []\n",
        encoding="utf-8",
    )
    project, _ = load_project(root)
    return project


def test_counts_in_the_text_alternative_take_each_languages_plural(tmp_path: Path) -> None:
    project = _one_stage(tmp_path)
    view = lifecycle_view(project, project.lifecycles["tiny"])
    assert diagram_alt(view, ENGLISH).startswith("Diagram of Tiny: 1 stage, 0 transitions. Main path: Only.")
    assert diagram_alt(view, Words("fr")).startswith("Diagramme de Tiny : 1 étape, 0 transition.")  # 0 is singular
    assert diagram_alt(view, Words("th")).startswith("แผนภาพของ Tiny: 1 ขั้นตอน, การเปลี่ยนขั้นตอน 0 รายการ.")


def test_a_calendar_names_its_weekdays_in_the_language() -> None:
    week = durations.Calendar()
    assert week.describe() == "Mon-Fri 09:00-17:00 UTC"  # English as before
    assert week.describe(Words("fr")) == "lun.-ven. 09:00-17:00 UTC"
    assert week.describe(Words("th")) == "จันทร์-ศุกร์ 09:00-17:00 UTC"
    odd = durations.Calendar(timezone="Europe/Paris", workdays=frozenset({0, 2, 4}), start=8 * 60 + 30)
    assert odd.describe() == "Mon, Wed, Fri 08:30-17:00 Europe/Paris"
    assert odd.describe(Words("fr")) == "lun., mer., ven. 08:30-17:00 Europe/Paris"


def test_wrapping_counts_what_shows_and_never_strands_a_thai_mark() -> None:
    assert wrap("Marketing Qualified Lead with a very long name") == [
        "Marketing Qualified",
        "Lead with a very long",
        "name",
    ]
    assert wrap("a" * 30) == ["a" * 22, "a" * 8]  # a long word is still cut at 22
    name = "ผู้ติดต่อที่ผ่านเกณฑ์การตลาด"  # 29 code points, 21 of them shown: one line
    assert wrap(name) == [name]
    long = "ผู้ติดต่อที่ฝ่ายขายรับเรื่องแล้วและกำลังติดตามผลอย่างใกล้ชิด"
    for width in (5, 8, 13, 22):
        lines = wrap(long, width)
        assert "".join(lines) == long
        for line in lines:
            assert sum(not unicodedata.category(ch).startswith("M") for ch in line) <= width
            assert not unicodedata.category(line[0]).startswith("M") and line[0] not in "ะาำ", (width, line)
            assert line[-1] not in "เแโใไ", (width, line)
