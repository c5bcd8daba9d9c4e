"""The people pages (index, teams, roles, people, queues) and the RACI matrices in French and Thai.

The RACI letters stay letters (the convention); the words they stand for, the legend, headings,
counts with their plurals, navigation sections and part titles are in the site's language; what
users wrote (names, ids, activity names) and every URL stay as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from conftest import REPO, make_project
from i18ntools import english_left

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import people, raci
from mopsdocs.site.pages import Page
from mopsdocs.site.render import render_page

OURS = ("party.md.j2", "people_index.md.j2", "raci.md.j2", "families/people.py", "families/raci.py", "raci/model.py")
TEAM = """\
kind: team
teams:
  - {id: ops, name: Marketing Ops}
roles:
  - {id: admin, name: Marketo Admin, team: ops}
people:
  - {id: ana, name: Ana Lopez, roles: [admin]}
  - {id: bob, name: Bob Stone, roles: [admin], left_on: 2021-10-01}
queues:
  - {id: recycle, name: Recycle queue, team: ops, platform: salesforce, value: Recycle Queue}
"""
RACI = """\
kind: raci
id: ops-raci
name: Ops matrix
activities:
  - {id: build, name: Campaign build, group: Campaigns, sla: 2bd, assign: {ana: A, admin: R, ops: C}}
  - {id: audit, name: Instance audit, assign: {ana: A/R, bob: I}}
  - {id: renewals, name: Renewals, assign: {admin: A, bob: R}}
  - {id: qa, name: Email QA, assign: {ana: A, admin: R}}
"""


def pages_of(root: Path, language: str) -> tuple[dict[str, str], dict[str, Page]]:
    project, report = load_project(root)
    site = SiteContext(project, report, language=language)
    made = [page for family in (people, raci) for page in family.pages(project, site)]
    return {page.path: render_page(page, site) for page in made}, {page.path: page for page in made}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {"specs/team.yaml": TEAM, "specs/raci.yaml": RACI}
    return make_project(tmp_path_factory.mktemp("people"), files, dedent=False)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            {
                "people/index.md": ["# Personnes", "<tr><th>Équipe</th><th>Rôles</th><th>Personnes</th></tr>"],
                "people/priya.md": [
                    "Personne, équipe [Marketing Operations](marketing-ops.md) (id <code>priya</code>).",
                    "## Résumé",
                    "Approbateur de **7** activités, réalisateur de **8**",
                    "### Approbateur (A)",
                    "<tr><th>Activité</th><th>Groupe</th><th>Matrice</th><th>Comment</th></tr>",
                    'via <a href="../mops-manager/">Marketing Operations Manager</a>',
                    "(SLA : 2 jours ouvrés",
                    "Source : <code>specs/team.yaml</code>",
                ],
                "people/recycle-queue.md": [
                    "File d&#39;attente, équipe [Marketing Operations]",
                    "Une file d'attente : elle contient des fiches tant que personne ne les traite, dans salesforce",
                    "| Étape | Cycle de vie | Délai (SLA) | Comment |",
                    "| directement |",
                ],
                "raci/mops.md": [
                    '<ul class="mopsdocs-raci-legend" aria-label="Légende">',
                    "<strong>Réalisateur</strong> : réalise le travail",
                    "<strong>Approbateur et réalisateur</strong> : répond du résultat et réalise le travail",
                    ": 16 activités, 12 intervenants</caption>",
                    '<th scope="col" class="mopsdocs-raci-corner">Activité</th>',
                    'title="Marketing Operations Manager : rôle, Marketing Operations"',
                    "## Charge par intervenant",
                    "| Intervenant | R | A | C | I | R ou A sur |",
                    "## À propos des activités",
                ],
            },
        ),
        (
            "th",
            {
                "people/index.md": ["# บุคลากร", "<tr><th>ทีม</th><th>บทบาท</th><th>บุคลากร</th></tr>"],
                "people/priya.md": [
                    "บุคคลในทีม [Marketing Operations](marketing-ops.md) (รหัส <code>priya</code>)",
                    "## สรุป",
                    "เป็นผู้อนุมัติ **7** กิจกรรม ผู้ปฏิบัติ **8** กิจกรรม",
                    "### ผู้อนุมัติ (A)",
                    "<tr><th>กิจกรรม</th><th>กลุ่ม</th><th>เมทริกซ์</th><th>ในฐานะ</th></tr>",
                    'ผ่าน <a href="../mops-manager/">Marketing Operations Manager</a>',
                    "(SLA: 2 วันทำการ",
                    "ที่มา: <code>specs/team.yaml</code>",
                ],
                "people/recycle-queue.md": [
                    "คิวในทีม [Marketing Operations]",
                    "| ขั้นตอน | วงจรชีวิต | SLA | ในฐานะ |",
                    "| โดยตรง |",
                ],
                "raci/mops.md": [
                    '<ul class="mopsdocs-raci-legend" aria-label="คำอธิบายสัญลักษณ์">',
                    "<strong>ผู้ปฏิบัติ</strong>: ลงมือทำงาน",
                    ": 16 กิจกรรม, ผู้เกี่ยวข้อง 12 ราย</caption>",
                    'title="Marketing Operations Manager: บทบาท, Marketing Operations"',
                    "## ภาระงานของผู้เกี่ยวข้องแต่ละราย",
                    "| ผู้เกี่ยวข้อง | R | A | C | I | เป็น R หรือ A ใน |",
                ],
            },
        ),
    ],
)
def test_the_example_people_and_raci_pages_are_in_the_sites_language(
    language: str, words: dict[str, list[str]], marked: Catalog
) -> None:
    english, _ = pages_of(REPO, "en")
    shown, made = pages_of(REPO, language)
    for path, expected in words.items():
        for text in expected:
            assert text in shown[path], (language, path, text)
    user = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "specs").rglob("*.yaml")))
    for path, text in shown.items():
        assert not english_left(marked, english[path], text, OURS, user), (language, path)
    # the letters stay the RACI convention, in every cell and key of the legend
    matrix = shown["raci/mops.md"]
    assert re.findall(r'data-letter="([^"]+)"', matrix) == re.findall(r'data-letter="([^"]+)"', english["raci/mops.md"])
    assert '<span class="mopsdocs-raci-key mopsdocs-raci-ar">A/R</span>' in matrix
    # what users wrote stays as written, and so do the pages' paths and anchors
    assert shown.keys() == english.keys()
    assert "# Priya Raman" in shown["people/priya.md"] and "# Marketing operations RACI" in matrix
    assert 'href="../../raci/mops/#activity-list-upload">List uploads</a>' in shown["people/priya.md"]
    assert made["people/priya.md"].title == "Priya Raman"


@pytest.mark.parametrize(
    ("language", "one", "many", "nav", "matrices"),
    [
        (
            "fr",
            "Approbateur de **1** activité,",
            "Approbateur de **4** activités,",
            ("Personnes", "Équipes"),
            "Matrices RACI",
        ),
        ("th", "เป็นผู้อนุมัติ **1** กิจกรรม", "เป็นผู้อนุมัติ **4** กิจกรรม", ("บุคลากร", "ทีม"), "เมทริกซ์ RACI"),
    ],
)
def test_counts_take_the_languages_plural_and_navigation_is_translated(
    small: Path, language: str, one: str, many: str, nav: tuple[str, ...], matrices: str
) -> None:
    shown, made = pages_of(small, language)
    assert many in shown["people/ana.md"]  # her own A, A/R and (via her role) the role's A: 4
    assert one in shown["people/admin.md"]  # the role alone is A on one activity
    assert made["people/ops.md"].nav == nav
    assert made["raci/ops-raci.md"].nav == (matrices,)
    assert made["people/index.md"].title == nav[0]


def test_an_inactive_person_a_queue_and_the_load_table_in_french(small: Path) -> None:
    shown, _ = pages_of(small, "fr")
    bob = shown["people/bob.md"]
    assert "**Inactif** : a quitté l'équipe le 2021&#45;10&#45;01." in bob
    assert "Détient encore 1 attribution nominative (R, A ou responsable) ci-dessous" in bob
    queue = shown["people/recycle.md"]
    assert "dans salesforce (« Recycle Queue »)." in queue  # the platform and its value as written
    matrix = shown["raci/ops-raci.md"]
    # Ana is R or A on 3 of the 4 activities: French writes the percent its own way (a space)
    assert "| 3 sur 4 (75\xa0%) **charge élevée** |" in matrix
    assert "<span>Autre</span>" in matrix  # the group of the ungrouped activities
    assert "<span>Campaigns</span>" in matrix  # a group the spec names
    index = shown["people/index.md"]
    assert "<td>actif</td>" in index and "<td>inactif</td>" in index
    assert "[Recycle queue](../people/recycle.md)" not in index  # the index links in raw HTML
    assert "Recycle queue</a> (file d'attente)</td>" in index


def _big(root: Path) -> Path:
    """A matrix of 120 ungrouped activities (cut into two pages) and 51 people, one without a team
    (so the people section is split by team, and the teamless get a section of their own)."""
    people_yaml = "".join(f"  - {{id: p{n:02d}, name: Person {n:02d}, roles: [admin]}}\n" for n in range(50))
    team = (
        "kind: team\nteams:\n  - {id: ops, name: Marketing Ops}\nroles:\n  - {id: admin, name: Admin, team: ops}\n"
        f"people:\n{people_yaml}  - {{id: solo, name: Solo, roles: []}}\n"
    )
    rows = "".join(f"  - {{id: a{n:03d}, name: Activity {n:03d}, assign: {{admin: A/R}}}}\n" for n in range(120))
    matrix = f"kind: raci\nid: big\nname: Big matrix\nactivities:\n{rows}"
    return make_project(root, {"specs/team.yaml": team, "specs/raci.yaml": matrix}, dedent=False)


def test_part_titles_and_team_sections_are_translated_but_urls_are_not(tmp_path: Path) -> None:
    root = _big(tmp_path / "big")
    english, english_pages = pages_of(root, "en")
    shown, made = pages_of(root, "fr")
    assert shown.keys() == english.keys()
    assert "raci/big/activities-1-100.md" in shown  # the slug comes from the English title
    assert english_pages["raci/big/activities-1-100.md"].title == "Activities 1–100"
    assert made["raci/big/activities-1-100.md"].title == "Activités 1–100"
    assert "# Big matrix : Activités 101–120" in shown["raci/big/activities-101-120.md"]
    assert "120 activités, c'est trop pour un seul tableau" in shown["raci/big.md"]
    assert "| [Activités 1–100](big/activities-1-100.md) | 100 | 1 |" in shown["raci/big.md"]
    assert "les 1 intervenants" not in shown["raci/big/activities-1-100.md"]
    assert "et 1 intervenant qui y a une lettre." in shown["raci/big/activities-1-100.md"]
    assert made["people/solo.md"].nav == ("Personnes", "Membres de l'équipe", "Sans équipe")
    assert made["people/p00.md"].nav == ("Personnes", "Membres de l'équipe", "Marketing Ops")
    assert english_pages["people/solo.md"].nav == ("People", "Team members", "No team")
