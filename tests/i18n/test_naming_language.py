"""The naming convention pages in French and Thai: the page's words, the field table's rules, and
the name builder's messages, which the page carries translated for mopsdocs/assets/namebuilder.js
(the engine's own English stays the fallback, so an English page has no such block)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from conftest import DEFAULT_MKDOCS, REPO, make_project, require_tool
from i18ntools import english_left

from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.jsdata import convention_data
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import naming
from mopsdocs.site.render import render_page

V2 = REPO / "tests" / "naming" / "cases" / "naming-v2-valid"  # variants, rules, switches, choices
ENGINE = REPO / "mopsdocs" / "assets" / "namebuilder.js"
MESSAGES = re.compile(r'<script type="application/json" data-naming-messages>(.*?)</script>')


def naming_pages(root: Path, language: str) -> dict[str, str]:
    project, report = load_project(root)
    site = SiteContext(project, report, language=language)
    return {page.path: render_page(page, site) for page in naming.pages(project, site)}


OURS = ("naming.md.j2", "families/naming.py")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's conventions in a project of their own (as tests/naming does)."""
    spec = (REPO / "specs" / "naming.yaml").read_text(encoding="utf-8")
    mkdocs = DEFAULT_MKDOCS + "      fiscal_year_start: 02-01\n"
    return make_project(tmp_path_factory.mktemp("naming"), {"specs/naming.yaml": spec}, mkdocs)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            [
                "| Paramètre | Valeur |",
                "| Champ | Type | Valeurs autorisées | Facultatif | Description |",
                "## Générateur de noms { #name-builder }",
                "## Exemples { #examples }",
                "| Casse | doit correspondre exactement |",
                "une date au format YYYY&#45;MM",  # the format is the spec's notation
                "Copier le nom",
                "(facultatif)",
            ],
        ),
        (
            "th",
            [
                "| การตั้งค่า | ค่า |",
                "| ฟิลด์ | ประเภท | ค่าที่ใช้ได้ | ไม่บังคับ | คำอธิบาย |",
                "## ตัวสร้างชื่อ { #name-builder }",
                "## ตัวอย่าง { #examples }",
                "วันที่ในรูปแบบ YYYY&#45;MM",
                "คัดลอกชื่อ",
            ],
        ),
    ],
)
def test_the_example_conventions_are_in_the_sites_language(
    language: str, words: list[str], example: Path, marked: Catalog
) -> None:
    english = naming_pages(example, "en")
    pages = naming_pages(example, language)
    assert pages.keys() == english.keys()
    program = pages["naming/program.md"]
    for expected in words:
        assert expected in program, (language, expected)
    for path, text in pages.items():
        assert not english_left(marked, english[path], text, OURS), (language, path)
    # what users wrote stays as written: the convention's name, its fields, its examples
    assert program.startswith("# Marketo program\n")
    assert (
        "<code>channel</code>" in program and "<code>2021&#45;12&#95;WBN&#95;NA&#95;Peak&#45;Capacity</code>" in program
    )


@pytest.mark.parametrize("language", ["fr", "th"])
def test_variants_rules_switches_and_retired_codes_are_translated(language: str, marked: Catalog) -> None:
    english = naming_pages(V2, "en")
    pages = naming_pages(V2, language)
    for path, text in pages.items():
        assert not english_left(marked, english[path], text, OURS), (language, path)
    everything = "\n".join(pages.values())
    expected = {
        "fr": [
            "Règles entre champs",
            "est égal ou postérieur à",
            "quand <code>medium</code> vaut",
            "bascule",
            "retiré",
        ],
        "th": ["กฎระหว่างฟิลด์", "ตรงกับหรืออยู่หลัง", "เมื่อ <code>medium</code> เป็น", "สวิตช์", "เลิกใช้"],
    }[language]
    for words in expected:
        assert words in everything, (language, words)
        assert words not in "\n".join(english.values())


def test_english_pages_carry_no_messages_and_other_languages_carry_all() -> None:
    assert not MESSAGES.search("\n".join(naming_pages(V2, "en").values()))
    for language in ("fr", "th"):
        page = naming_pages(V2, language)["naming/campaign.md"]
        [block] = MESSAGES.findall(page)
        data = json.loads(block)
        assert data["language"] == language
        assert set(data["messages"]) == set(naming.BUILDER_MESSAGES) | {s for s, _ in naming.BUILDER_PLURALS}
        # translated (a few, like "%(field)s: %(message)s" in Thai, are written the same), placeholders kept
        same = 0
        for english, shown in data["messages"].items():
            for form in shown if isinstance(shown, list) else [shown]:
                same += form == english
                assert form and set(re.findall(r"%\(\w+\)s", form)) <= set(re.findall(r"%\(\w+\)s", english))
        assert same <= 2, (language, same)
        assert data["months"][1] == {"fr": "février", "th": "กุมภาพันธ์"}[language]
        assert len(data["months"]) == 12


def _engine_messages() -> tuple[set[str], set[tuple[str, str]]]:
    source = ENGINE.read_text(encoding="utf-8")
    literal = r'"((?:[^"\\]|\\.)*)"'
    singles = {json.loads(f'"{m}"') for m in re.findall(r"\bt\(" + literal, source)}
    plurals = {
        (json.loads(f'"{a}"'), json.loads(f'"{b}"'))
        for a, b in re.findall(r"\btn\(" + literal + r",\s*" + literal, source)
    }
    return singles, plurals


def test_every_message_of_the_engine_is_in_the_catalogs(marked: Catalog) -> None:
    singles, plurals = _engine_messages()
    assert len(singles) > 40 and len(plurals) == 2  # the pattern finds the engine's calls
    assert singles == set(naming.BUILDER_MESSAGES)
    assert plurals == set(naming.BUILDER_PLURALS)
    ids = {m.id for m in marked}
    assert singles <= ids and plurals <= ids


RUN = """
const engine = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
engine.useWords(input.words);
const conv = engine.compile(input.convention);
process.stdout.write(JSON.stringify(input.builds.map((values) => engine.build(conv, values))));
"""


def _node_builds(words: object, convention: str, builds: list[dict[str, str]]) -> list[dict[str, Any]]:
    node = shutil.which("node") or shutil.which("nodejs") or require_tool("node", "running the name builder's engine")
    project, _ = load_project(V2)
    compiled, _problems = compile_all(project)[convention]
    assert compiled is not None
    payload = json.dumps({"words": words, "convention": convention_data(compiled), "builds": builds})
    proc = subprocess.run(
        [node, "-e", RUN, str(ENGINE)], input=payload, capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    result: list[dict[str, Any]] = json.loads(proc.stdout)
    return result


def test_the_engine_speaks_the_pages_language() -> None:
    project, report = load_project(V2)
    builds = [
        {"start": "20250230", "end": "open", "medium": "cpc", "source": "google"},  # no such day
        {"start": "20250301", "end": "20250201", "medium": "cpc", "source": "google"},  # a rule
        {"start": "20250301", "end": "open", "medium": "email", "source": "google"},  # a rule by code
        {"start": "", "end": "x", "medium": "cpc", "source": "google"},
    ]
    english = _node_builds(None, "utm-link", builds)
    shown = {}
    for language in ("fr", "th"):
        data = naming.builder_messages(SiteContext(project, report, language=language).words)
        shown[language] = _node_builds(data, "utm-link", builds)
    problems = {k: [[p["message"] for p in b["problems"]] for b in v] for k, v in {"en": english, **shown}.items()}
    assert problems["en"][0] == ["day 30 does not exist in February 2025"]
    assert problems["fr"][0] == ["le jour 30 n'existe pas en février 2025"]
    assert problems["th"][0] == ["ไม่มีวันที่ 30 ในเดือนกุมภาพันธ์ 2025"]
    assert problems["fr"][1] == [
        "'20250201' est antérieur à start '20250301' : end doit être égal ou postérieur à start"
    ]
    assert problems["th"][2] == ["'google' ใช้ร่วมกับ medium 'email' ไม่ได้: ให้ใช้ marketo"]
    assert problems["fr"][3] == ["est obligatoire", "'x' n'est pas une date au format YYYYMMDD ou 'open'"]
    # the same verdicts in every language: only the words differ
    for language in ("fr", "th"):
        assert [b["name"] for b in shown[language]] == [b["name"] for b in english]
        assert [len(p) for p in problems[language]] == [len(p) for p in problems["en"]]


def test_a_page_without_messages_or_with_some_missing_stays_in_english() -> None:
    builds = [{"start": "20250230", "end": "open", "medium": "cpc", "source": "google"}]
    partial = {"language": "fr", "messages": {"'%(code)s' is given twice": "'%(code)s' est donné deux fois"}}
    for words in (None, {}, partial):
        [built] = _node_builds(words, "utm-link", builds)
        assert [p["message"] for p in built["problems"]] == ["day 30 does not exist in February 2025"]
