"""The health, audit, changes and reference pages, and the shared macros, in the site's language.

Everything around the diagnostics is translated; the diagnostics themselves (messages, hints, rule
titles, descriptions from the code's models) stay as `check` prints them, in English, marked
`lang="en"` on a site in another language. What users wrote stays as written. The English pages
are compared whole by the families' golden tests (tests/audit, tests/history, tests/site).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from conftest import REPO

from mopsdocs.history.output import value
from mopsdocs.i18n import Words
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.escape import cell
from mopsdocs.site.families import audit, changes, health, reference
from mopsdocs.site.pages import Page
from mopsdocs.site.render import environment, render_page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "history"))
from gittools import PROGRAM, GitProject

FAMILIES = {"health": health, "audit": audit, "changes": changes, "reference": reference}
# a spec file with a problem: the health page has a diagnostic to show
BROKEN = {"specs/bad.yaml": "kind: nonsense\nid: x\n"}


# where the words of these pages are marked (a word other families mark may also be user text)
SOURCES = (
    "health.md.j2", "audit.md.j2", "changes.md.j2", "changes_last.md.j2", "changes_phrase.md.j2",
    "reference_rules.md.j2", "reference_settings.md.j2", "reference_specs.md.j2", "_reference.md.j2",
    "_macros.md.j2", "families/health.py", "families/audit.py", "families/changes.py",
    "families/reference.py", "history/output.py",
)  # fmt: skip


@pytest.fixture(scope="module")
def ours(marked: Catalog) -> list[str]:
    return [
        m.id
        for m in marked
        if isinstance(m.id, str) and " " in m.id and any(path.endswith(SOURCES) for path, _ in m.locations)
    ]


def _pages(root: Path, language: str, family: str) -> dict[str, str]:
    project, report = load_project(root)
    site = SiteContext(project, report, render_svg=lambda dot: "<svg/>\n", language=language)
    return {p.path: render_page(p, site) for p in FAMILIES[family].pages(project, site)}


def _page(root: Path, language: str, family: str, path: str) -> str:
    return _pages(root, language, family)[path]


def _no_marked_english_left(marked: list[str], english: str, text: str, language: str) -> None:
    # every message of these pages (of more than one word) the English page shows is gone from the other
    words = Words(language)
    shown = [m for m in marked if (m in english or cell(m) in english) and words.gettext(m) != m]
    assert shown  # the comparison compares something
    text = re.sub(r'<(span|div) lang="en">.*?</\1>', "", text, flags=re.S)  # the code's own English
    for message in shown:
        assert message not in text and cell(message) not in text, (language, message)


def _lang_en(text: str) -> list[str]:
    return re.findall(r'<span lang="en">(.*?)</span>', text, flags=re.S)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = GitProject(tmp_path_factory.mktemp("health") / "proj")
    for rel, text in BROKEN.items():
        repo.write(rel, text)
    repo.commit("Team, lead lifecycle, RACI, naming, dedupe program")
    repo.edit("specs/lifecycle.yaml", "sla: 4h", "sla: 8h")
    repo.edit("specs/naming.yaml", "{code: EM, label: Email}", "{code: EM, label: Email, retired: true}")
    repo.write("specs/programs/nurture.yaml", PROGRAM.replace("dedupe", "nurture").replace("Dedupe", "Nurture"))
    repo.commit("MQL SLA 8h, EM retired, nurture", author="Sam K.")
    return repo.root


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["# Santé", "| Gravité | Code | Problème | Emplacement |", "## Audit des programmes opérationnels"]),
        ("th", ["# ความสมบูรณ์ของสเปก", "| ความรุนแรง | รหัส | ปัญหา | ตำแหน่ง |", "ตอบโดย"]),
    ],
)
def test_the_health_page_is_in_the_sites_language(
    broken: Path, language: str, words: list[str], ours: list[str]
) -> None:
    english = _page(broken, "en", "health", "health.md")
    text = _page(broken, language, "health", "health.md")
    for expected in words:
        assert expected in text
    _no_marked_english_left(ours, english, text, language)
    _, report = load_project(broken)
    [problem] = [d for d in report.sorted() if d.location.path == "specs/bad.yaml"]
    errors = Words(language).ngettext("%(num)s error", "%(num)s errors", report.errors)
    assert errors in text and errors not in english
    # the diagnostic as `check` prints it, marked as English; on the English page, not marked
    assert any(cell(problem.message) in span for span in _lang_en(text))
    assert cell(problem.message) in english and 'lang="en"' not in english
    # the audit's questions are translated, the rule codes answering them are not
    assert cell(Words(language).gettext("Is everything owned by someone active?")) in text
    assert "[TEAM001](reference/rules.md#team001)" in text


def test_the_health_page_says_all_checks_passed_in_french() -> None:
    text = _page(REPO, "fr", "health", "health.md")
    _, report = load_project(REPO)
    assert not report.diagnostics  # the example is clean
    assert f"Tous les contrôles sont passés : {report.files} fichiers de specs" in text
    assert "(au 1 décembre 2021)" in text  # the as-of day in French, not 2021-12-01


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["# Audit de l'instance", "**Exports lus**", "| Constat | Emplacement | Documenté comme |"]),
        ("th", ["# การตรวจสอบอินสแตนซ์", "**ไฟล์ส่งออกที่อ่านแล้ว**", "| สิ่งที่พบ | ตำแหน่ง | บันทึกไว้เป็น |"]),
    ],
)
def test_the_audit_page_is_in_the_sites_language(language: str, words: list[str], ours: list[str]) -> None:
    english = _page(REPO, "en", "audit", "audit.md")
    text = _page(REPO, language, "audit", "audit.md")
    for expected in words:
        assert expected.replace("'", "&#39;") in text or expected in text
    _no_marked_english_left(ours, english, text, language)
    # findings as `mopsdocs audit` prints them, marked English; who they are about, as written
    findings = _lang_en(text)
    assert any(f.startswith("AUDIT003: user &#39;devon&#64;example.com&#39;") for f in findings)
    assert "[Devon Price](people/devon.md)" in text
    # the question that counts the setting's days is a plural of that count
    days = load_project(REPO)[0].settings.audit.inactive_login_days
    asked = Words(language).ngettext(
        "Who has not logged in for %(num)s day?", "Who has not logged in for %(num)s days?", days
    )
    assert asked != f"Who has not logged in for {days} days?" and cell(asked) in text


def test_the_audit_page_in_french_counts_days_and_dates_in_french() -> None:
    text = _page(REPO, "fr", "audit", "audit.md")
    assert "29 novembre 2021 (2 jours avant le 1 décembre 2021)" in text
    assert "30 novembre 2021 (1 jour avant le 1 décembre 2021)" in text  # singular
    assert "(1 jours" not in text


@pytest.mark.parametrize("language", ["fr", "th"])
def test_the_changes_page_is_in_the_sites_language(broken: Path, language: str, ours: list[str]) -> None:
    english = _page(broken, "en", "changes", "changes.md")
    text = _page(broken, language, "changes", "changes.md")
    _no_marked_english_left(ours, english, text, language)
    words = Words(language)
    month = {"fr": "janvier 2024", "th": "มกราคม 2024"}[language]
    assert f"## {month}" in text and "## 2024&#45;01" in english
    stage = words.gettext(
        "%(field)s %(before)s → %(after)s", field="sla", before="<code>4h</code>", after="<code>8h</code>"
    )
    assert f"{words.gettext('stage')} <code>mql</code>" in text and stage in text
    retired = words.gettext("%(items)s retired", items=f"{words.gettext('value')} <code>EM</code>")
    assert retired in text and "value <code>EM</code> retired" in english
    added = words.gettext("added: %(kind)s %(entities)s", kind=words.gettext("program"), entities="")
    assert added in text
    # commit subjects, authors and ids as written
    assert "MQL SLA 8h, EM retired, nurture" in text and "Sam K" in text and "(Nurture)" in text


def test_an_entity_page_says_when_it_last_changed_in_french(broken: Path) -> None:
    project, report = load_project(broken)
    site = SiteContext(project, report, render_svg=lambda dot: "<svg/>\n", language="fr")
    change = changes.footers(project, site)["lifecycle/lead.md"]
    note = changes.last_change(Page("lifecycle/lead.md", "Lead lifecycle", "lifecycle.md.j2"), change, site)
    assert note.startswith('<small class="mopsdocs-last-change">Dernière modification le 2 janvier 2024 dans `')
    assert "· [modifications](../changes.md#commit-" in note


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            ["# Règles", "| Code | Par défaut | Quoi |", "Gravité par défaut : **", "# Paramètres", "nombre entier"],
        ),
        ("th", ["# กฎ", "| รหัส | ค่าเริ่มต้น | รายละเอียด |", "ความรุนแรงเริ่มต้น: **", "# การตั้งค่า", "จำนวนเต็ม"]),
    ],
)
def test_the_reference_pages_are_in_the_sites_language(language: str, words: list[str], ours: list[str]) -> None:
    english = _pages(REPO, "en", "reference")
    pages = _pages(REPO, language, "reference")
    text = "".join(pages.values())
    for expected in words:
        assert expected in text
    from mopsdocs.rules import load_all
    from mopsdocs.site.escape import markdown

    for path, page in pages.items():
        for rule in load_all().values():  # the rules' texts are the code's own English
            page = page.replace(markdown(rule.doc, allow_html=False), "")
        _no_marked_english_left(ours, english[path], page, language)
    # rule titles and field descriptions stay the code's own, marked English
    rules = pages[reference.RULES]
    rule = load_all()["LC001"]
    assert any(rule.title.split("`")[0] in span for span in _lang_en(rules))
    assert 'lang="en"' not in english[reference.RULES]
    # a rule's text: finished HTML marked English (no `md_in_html` needed); Markdown in English
    assert f"<!-- mopsdocs:html -->\n{reference.english_html(rule.doc, False)}\n<!-- /mopsdocs:html -->" in rules
    assert '<div lang="en">\n<p>Every lifecycle has exactly one stage with <code>initial: true</code>' in rules
    assert markdown(rule.doc, allow_html=False) in english[reference.RULES]
    # anchors (made from the English section titles) are the same in every language
    anchors = re.compile(r"\{ #[^}]+\}")
    assert anchors.findall(pages[reference.SPECS]) == anchors.findall(english[reference.SPECS])


def test_reference_pages_titles_and_navigation_are_translated() -> None:
    project, report = load_project(REPO)
    site = SiteContext(project, report, language="fr")
    made = reference.pages(project, site)
    assert [p.title for p in made] == ["Format des specs", "Règles", "Paramètres"]
    assert {p.nav for p in made} == {("Référence mopsdocs",)}
    english = reference.pages(project, SiteContext(project, report))
    assert {p.nav for p in english} == {("mopsdocs reference",)}


def test_types_are_described_in_the_sites_language() -> None:
    french = Words("fr")
    assert reference.describe(list[int], words=french) == "liste (nombre entier)"
    assert reference.describe(int | str, words=french) == "nombre entier ou texte"
    assert reference.describe(list[int]) == "list of whole number"  # English by default


def test_shared_macros_words_are_translated_and_english_unchanged() -> None:
    source = (
        '{% import "_macros.md.j2" as m %}'
        "{{ m.party_list(refs, 'a.md') }}|{{ m.party(either, 'a.md') }}|{{ m.generated_note('Santé', 'specs/') }}"
    )
    refs = [{"name": "Ana", "path": None, "active": False}]
    either = [{"name": "Ana", "path": None}, {"name": "Sam", "path": None}]
    french = environment(None, False, language="fr").from_string(source).render(refs=refs, either=either)
    note = "Cette page est générée à partir des specs de <code>specs/</code>"
    assert french.startswith(f"Ana (inactif)|Ana ou Sam|{note}")
    assert "« Santé »" in french
    english = environment(None, False).from_string(source).render(refs=refs, either=either)
    assert english == (
        "Ana (inactive)|Ana or Sam|This page is generated from the specs in <code>specs/</code>: change the YAML,"
        " not this\npage. Found a mistake in “Santé”? Open a pull request."
    )


def test_diff_values_stay_english_and_the_site_says_them_in_its_language() -> None:
    assert (value(None), value(True), value([]), value([{"a": 1}, {"b": 2}])) == ("none", "yes", "(empty)", "2 items")
    french = Words("fr")
    assert (value(None, french), value([], french), value([{"a": 1}], french)) == ("aucun", "(vide)", "1 élément")
    assert value(["a", 2.0], french) == "a, 2"  # spec values as written
