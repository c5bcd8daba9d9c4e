"""The programs, channels and scoring pages in French and Thai: headings, tables, statuses and
categories shown as words, review sentences, the dependency graph's words and the scoring rule
phrases, with what users wrote (names, ids, schedules) left as written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from conftest import REPO
from i18ntools import english_left

from mopsdocs import specs
from mopsdocs.i18n import ENGLISH, Words
from mopsdocs.pipeline import load_project
from mopsdocs.scoring_model import Reach
from mopsdocs.site import escape
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import audit, channels, programs, scoring
from mopsdocs.site.program_graph import program_dot
from mopsdocs.site.render import render_page

OURS = (
    "program.md.j2",
    "programs_index.md.j2",
    "channel.md.j2",
    "scoring.md.j2",
    "_platform.md.j2",
    "families/programs.py",
    "families/channels.py",
    "families/scoring.py",
    "program_graph.py",
)
PAGES = [
    "programs/index.md",
    "programs/lead-routing.md",
    "programs/enrichment.md",
    "channels/event.md",
    "channels/paid-social.md",
    "scoring/lead-score.md",
]


def _site(language: str) -> SiteContext:
    project, report = load_project(REPO)
    return SiteContext(project, report, render_svg=lambda dot: "<svg></svg>\n", language=language)


def rendered(language: str) -> dict[str, str]:
    site = _site(language)
    platform = audit.page_platform(site.project, site)  # what the exports say, as site.generate adds it
    family_pages = [p for family in (programs, channels, scoring) for p in family.pages(site.project, site)]
    return {
        p.path: render_page(dataclasses.replace(p, context={**p.context, **platform.get(p.path, {})}), site)
        for p in family_pages
        if p.path in PAGES
    }


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    return rendered("en")


def _user_text() -> str:
    # names written in the specs may hold a message's words ("Lead scoring (behaviour and fit)")
    return "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "specs").rglob("*.yaml"))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            {
                "programs/index.md": [
                    "# Programmes",
                    "| Programme | Catégorie | Statut | Responsable | Déclencheur | Dernière revue | Dépend de |",
                    "**15** programmes (actifs : 13, en pause : 1, brouillons : 0, retirés : 1).",
                    "Aucune revue n'est en retard.",
                    "| Routage |",  # the category of lead-routing, as a word
                    ">retiré</span>",  # a status badge
                    "Planifié : Daily at 01&#58;00 UTC",  # the schedule stays as written
                    'aria-label="Dépendances entre programmes"',
                ],
                "programs/lead-routing.md": [
                    "<tr><th>Champ</th><th>Valeur</th></tr>",
                    "<tr><td>Statut</td><td>actif</td></tr>",
                    "(rôle)",
                    "## Déclenchement et planification",
                    "**Campagne déclenchée**.",
                    "S'exécute après (dépend de) :",
                    "revue à intervalles de 180 jours.",
                    "Prochaine revue prévue le **2022&#45;02&#45;26**.",
                    "| Date | Par | Notes |",
                    "| Système | Verdict | Nom dans le système | Actif dans le système | Emplacement |",
                ],
                "channels/event.md": [
                    '!!! note "Modifier les statuts ne déplace pas les membres existants"',
                    'aria-label="Progression de Event par étape"',
                    "Étape 20",
                    "Attended ★ succès",
                    "| Étape | Statut | Succès | Rôle | Statut CRM | Répondu | Notes |",
                    "On peut passer de ce statut à Waitlisted et inversement (même étape).",
                    "| inscrit |",  # a status role, as a word
                ],
                "scoring/lead-score.md": [
                    "**Exécuté par :**",
                    "| Règle | Points | Condition | Token | Limite |",
                    "&#45;10 par période de 30 jours, jamais en dessous de 0",
                    "2 fois par période de 7 jours",
                    "une seule fois",
                    "**Verdict :** au moins 6 actions",
                    "une seule action l&#39;atteint &#40;une voie rapide, voulue&#41;",  # escaped as text
                ],
            },
        ),
        (
            "th",
            {
                "programs/index.md": [
                    "# โปรแกรม",
                    "| โปรแกรม | หมวดหมู่ | สถานะ | ผู้รับผิดชอบ | ทริกเกอร์ | ทบทวนล่าสุด | ขึ้นอยู่กับ |",
                    "ไม่มีการทบทวนที่เลยกำหนด",
                    "| การส่งต่อลีด |",
                    ">เลิกใช้แล้ว</span>",
                    "## แผนภาพการพึ่งพา",
                ],
                "programs/lead-routing.md": [
                    "<tr><td>หมวดหมู่</td><td>การส่งต่อลีด</td></tr>",
                    "**แคมเปญแบบทริกเกอร์**",
                    "ทบทวนทุก 180 วัน",
                    "## การพึ่งพา",
                ],
                "channels/event.md": [
                    "## ลำดับความคืบหน้า",
                    "ขั้นที่ 30",
                    "Attended ★ สำเร็จ",
                    "| 20 | Registered |  | ลงทะเบียนแล้ว | Registered | ไม่ใช่ |",
                ],
                "scoring/lead-score.md": [
                    "## เกณฑ์",
                    "2 ครั้งต่อ 7 วัน",
                    "ครั้งเดียวเท่านั้น",
                    "**ผลการประเมิน:** การกระทำอย่างน้อย 6 ครั้ง",
                ],
            },
        ),
    ],
)
def test_the_pages_are_in_the_sites_language(
    language: str, words: dict[str, list[str]], marked: Catalog, english: dict[str, str]
) -> None:
    pages = rendered(language)
    for path, expected in words.items():
        for piece in expected:
            assert piece in pages[path], (language, path, piece)
        assert english_left(marked, english[path], pages[path], OURS, _user_text()) == [], (language, path)
    # what users wrote stays as written: names, ids, asset names, rule ids
    assert "# Lead routing" in pages["programs/lead-routing.md"]
    assert "<code>OPS_Routing_Lead-Assignment</code>" in pages["programs/lead-routing.md"]
    assert '<li class="mopsdocs-status">Invited</li>' in pages["channels/event.md"]
    assert "<code>pricing-visit</code>" in pages["scoring/lead-score.md"]


def test_english_pages_keep_their_words(english: dict[str, str]) -> None:
    assert "**15** programs: 13 active, 1 paused, 0 draft, 1 retired." in english["programs/index.md"]
    assert "reviewed every 180 days." in english["programs/lead-routing.md"]
    assert "Attended ★ success" in english["channels/event.md"]
    assert "**Verdict:** at least 6 actions" in english["scoring/lead-score.md"]


@pytest.mark.parametrize(
    ("language", "section", "channels_title"), [("en", "Programs", "Channels"), ("fr", "Programmes", "Canaux")]
)
def test_titles_and_navigation_sections_are_translated(language: str, section: str, channels_title: str) -> None:
    site = _site(language)
    program_pages = programs.pages(site.project, site)
    assert {p.nav for p in program_pages} == {(section,)}
    assert program_pages[0].title == section
    [index] = [p for p in channels.pages(site.project, site) if p.path == "channels/index.md"]
    assert (index.title, index.nav) == (channels_title, (channels_title,))
    assert {p.nav for p in scoring.pages(site.project, site)} == {(site.words.gettext("Scoring"),)}


def test_the_dependency_graph_speaks_the_language() -> None:
    site = _site("th")
    thai = program_dot(site.project, lambda pid: f"{pid}/", site.words)
    assert 'digraph "การพึ่งพากันของโปรแกรม" {' in thai
    assert "(เลิกใช้แล้ว)" in thai  # the retired program's status line
    assert 'tooltip="Lead routing ขึ้นอยู่กับ Lifecycle management"' in thai
    english = program_dot(site.project, lambda pid: f"{pid}/")
    assert 'digraph "Program dependencies" {' in english and "(retired)" in english


def _rule(limit: dict[str, object] | None) -> specs.ScoringRule:
    return specs.ScoringRule.model_validate({"id": "r", "score": "s", "points": 5, "limit": limit})


@pytest.mark.parametrize(
    ("limit", "en", "fr", "th"),
    [
        (None, "no limit", "aucune limite", "ไม่จำกัด"),
        ({"times": 1}, "once ever", "une seule fois", "ครั้งเดียวเท่านั้น"),
        ({"times": 3}, "3 times ever", "3 fois au total", "รวม 3 ครั้งเท่านั้น"),
        ({"times": 1, "per": "1d"}, "once per 1 day", "une fois par période de 1 jour", "ครั้งเดียวต่อ 1 วัน"),
        ({"times": 2, "per": "2w"}, "2 times per 2 weeks", "2 fois par période de 2 semaines", "2 ครั้งต่อ 2 สัปดาห์"),
    ],
)
def test_rule_limits_are_whole_sentences(limit: dict[str, object] | None, en: str, fr: str, th: str) -> None:
    rule = _rule(limit)
    assert [scoring._limit(rule, w) for w in (ENGLISH, Words("fr"), Words("th"))] == [en, fr, th]


def test_decay_and_verdicts_are_translated() -> None:
    score = specs.Score.model_validate({"id": "s", "name": "S", "decay": {"points": -5, "every": "1w"}})
    assert scoring._decay(score, ENGLISH) == "-5 every 1 week, no floor"
    assert scoring._decay(score, Words("fr")) == "-5 par période de 1 semaine, sans plancher"
    threshold = specs.Threshold.model_validate({"id": "t", "name": "T", "all": {"s": 10}})
    unreachable = Reach(reachable=False, firings=None, sets=())
    assert scoring._verdict(unreachable, threshold, Words("th")) == "ไปไม่ถึง: ไม่มีกฎชุดใดที่ทำให้ถึงเกณฑ์นี้"
    two = Reach(reachable=True, firings=2, sets=())
    assert scoring._verdict(two, threshold, ENGLISH) == "at least 2 actions"
    assert scoring._verdict(two, threshold, Words("fr")) == "au moins 2 actions"


def test_a_missing_graphviz_note_is_translated(tmp_path: Path) -> None:
    project, report = load_project(REPO)
    site = SiteContext(project, report, render_svg=None, language="fr")
    [index] = [p for p in programs.pages(project, site) if p.path == "programs/index.md"]
    text = render_page(index, site)
    assert '!!! note "Graphe non dessiné"' in text
    assert "Installez Graphviz (`dot`) puis relancez la construction." in text


@pytest.mark.parametrize("path", ["programs/enrichment.md", "channels/paid-social.md"])
def test_what_the_platform_says_is_translated_around_diagnostics_kept_in_english(
    path: str, english: dict[str, str]
) -> None:
    french = rendered("fr")[path]
    assert "## Dans la plateforme" in french
    # a finding is a diagnostic, as `check` prints it: English, marked so on a French page only
    [finding] = [line for line in english[path].splitlines() if line.startswith("- ") and " is " in line]
    assert finding in english[path] and "lang=" not in finding
    assert f'- <span lang="en">{finding[2:]}</span>' in french


def test_the_catalogue_counts_are_numbers_of_the_language() -> None:
    site = _site("fr")
    one = programs.view(site.project, site, "lead-routing")
    text = render_page(programs.index_page(site.project, site, [one] * 1234), site)
    thousands = escape.text(site.words.number(1234))  # as the page writes any text
    assert thousands == "1\u202f234"  # French groups the thousands (a no-break space: no wrap inside)
    assert f"**{thousands}** programmes (actifs : {thousands}, en pause : 0," in text
