"""Material's search box in Thai and in French, on the example project `init --language` writes.

Thai has no spaces between words: Material alone indexes a Thai sentence as one token, so a word
inside it is never found (measured: "เกณฑ์" in "ลีดที่ผ่านเกณฑ์การตลาด..." gave no result). The
site's search worker (mopsdocs/site/search_worker.js) segments Thai words, in the index and in
the query. French: "etape" finds "étape". Each Thai query here is checked first to be a word
Material could not find by itself (inside a token, never at its start); each French one to be
written with accents only. Everything is served from 127.0.0.1 and nothing else is asked for.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import run_cli

from .browsertools import BIN, ServedSite, open_page, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.slow

# (query, page whose section holding it must be found); the words are the init example's. Section
# anchors of headings follow the page's language: the section is looked up in the index.
THAI = [
    ("ส่งต่อ", "lifecycle/lead/#stage-mql"),  # in "ลีดที่ผ่านเกณฑ์การตลาดและพร้อมส่งต่อให้ฝ่ายขายติดตาม"
    ("ติดตาม", "lifecycle/lead/#stage-mql"),
    ("ชั่วคราว", "programs/bounce-management/"),  # in the runbook: "...ให้หยุดโปรแกรมชั่วคราวและ..."
    ("ส่งต่อให้ฝ่ายขาย", "lifecycle/lead/#stage-mql"),  # several words typed without spaces
]
FRENCH = [  # (query without accents, the word as written, page)
    ("echec", "échec", "programs/bounce-management/"),
    ("lefevre", "lefèvre", "people/thomas/"),
    ("etudiant", "étudiant", "lifecycle/lead/#stage-disqualified"),
]


def _build(tmp: Path, language: str, without_search: bool = False) -> Path:
    root = tmp / language
    args = ["init", str(root)] + (["--language", language] if language != "en" else [])
    result = run_cli(args)
    assert result.code == 0, result.err
    if without_search:
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        assert "\n  - search\n" in config
        (root / "mkdocs.yml").write_text(config.replace("\n  - search\n", "\n"), encoding="utf-8")
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return root / "site"


@pytest.fixture(scope="module")
def thai(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve(_build(tmp_path_factory.mktemp("search"), "th")) as served:
        yield served


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve(_build(tmp_path_factory.mktemp("search"), "fr")) as served:
        yield served


def index_of(site: ServedSite) -> dict[str, Any]:
    index: dict[str, Any] = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index


def section(site: ServedSite, where: str, word: str) -> tuple[str, str]:
    """(location, text) of the section of `where` (a page or one section) whose text holds `word`
    (in any case): the first, as Material lists them (the page's own text first)."""
    for doc in index_of(site)["docs"]:
        location = doc["location"]
        if location == where or ("#" not in where and location.split("#")[0] == where):
            text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
            if word.lower() in text.lower():
                return location, text
    raise AssertionError(f"{word!r} is not in {where} any more: update the test's words")


def open_search(page: Page) -> Locator:
    box = page.locator("input.md-search__input")
    box.click()
    return box


def search(page: Page, box: Locator, query: str) -> list[str]:
    """Results (site paths with anchors) Material shows for `query`, in any language: it is done
    when the result line leaves the placeholder (Material's own words for it, from `__config`)."""
    words = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations")
    meta = "document.querySelector('.md-search-result__meta').textContent"
    waiting = json.dumps([words["search.result.placeholder"], words.get("search.result.initializer", "")])
    box.fill("")
    box.press("End")  # Material reads the box on key-up
    page.wait_for_function(f"{meta} === {json.dumps(words['search.result.placeholder'])}")
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"!{waiting}.includes({meta})")
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.getAttribute('href'))"
    )
    base = page.url.split("#")[0].split("?")[0]
    return [re.sub(r"\?[^#]*", "", h.removeprefix(base)) for h in hrefs]


def test_a_thai_word_inside_a_sentence_is_found(browser: Browser, thai: ServedSite) -> None:
    separator = re.compile(index_of(thai)["config"]["separator"])
    expected = {}
    for query, where in THAI:
        location, text = section(thai, where, query)
        expected[query] = location
        tokens = [t for t in separator.split(text) if t]
        # Material alone finds a token by its start only (it adds a trailing wildcard)
        assert not any(t.startswith(query) for t in tokens), f"{query!r} starts a token: not a test of segmenting"
    with open_page(browser, thai, "") as (page, requests):
        box = open_search(page)
        missed = [(q, expected[q], found) for q, _ in THAI if expected[q] not in (found := search(page, box, q))]
        assert not missed, missed
        assert requests.outside() == []


def test_the_thai_word_found_is_highlighted_in_the_result(browser: Browser, thai: ServedSite) -> None:
    query, where = THAI[0]
    location, _ = section(thai, where, query)
    with open_page(browser, thai, "") as (page, _):
        box = open_search(page)
        assert location in search(page, box, query)
        result = page.locator(f'.md-search-result__list a[href$="{location.split("/")[-1]}"] article')
        marked = result.evaluate("a => [...a.querySelectorAll('mark')].map(m => m.textContent).join('')")
        assert marked == query  # the word, marked where it stands (ICU may cut it into syllable-words)
        # the sentence reads as written: the segmenting is in the index, never in the text shown
        text = result.evaluate("a => a.textContent")
        assert "พร้อมส่งต่อให้ฝ่ายขาย" in text, text


def test_french_words_are_found_without_their_accents(browser: Browser, french: ServedSite) -> None:
    expected = {}
    for bare, written, where in FRENCH:
        location, _ = section(french, where, written)
        expected[bare] = location
        everything = json.dumps(index_of(french)["docs"], ensure_ascii=False).lower()
        assert bare not in everything, bare  # only the accented form is in the site
    with open_page(browser, french, "") as (page, requests):
        box = open_search(page)
        missed = []
        for bare, written, _ in FRENCH:
            for query in (bare, written, written.upper()):
                found = search(page, box, query)
                if expected[bare] not in found:
                    missed.append((query, expected[bare], found))
        assert not missed, missed
        assert requests.outside() == []


def test_an_english_site_keeps_materials_own_search_worker(tmp_path: Path) -> None:
    site = _build(tmp_path, "en")
    page = (site / "lifecycle" / "lead" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'"search": "\.\./\.\./assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"', page)
    assert not (site / "assets" / "javascripts" / "workers" / "mopsdocs-search.js").exists()


@pytest.mark.parametrize("site_name", ["thai", "french"])
def test_every_page_of_another_language_uses_the_sites_worker(site_name: str, request: pytest.FixtureRequest) -> None:
    site: ServedSite = request.getfixturevalue(site_name)
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > 10
    worker = site.root / "assets" / "javascripts" / "workers" / "mopsdocs-search.js"
    material = re.search(r'importScripts\("(search\.[0-9a-f]+\.min\.js)"\)', worker.read_text(encoding="utf-8"))
    assert material and (worker.parent / material.group(1)).is_file()  # Material's worker, run by ours
    for html_page in pages:
        text = html_page.read_text(encoding="utf-8")
        if '"search":' in text:
            assert "workers/mopsdocs-search.js" in text and "workers/search." not in text, html_page


def test_a_thai_site_without_the_search_plugin_gets_no_worker(tmp_path: Path) -> None:
    site = _build(tmp_path, "th", without_search=True)
    assert not (site / "search").exists()
    assert not (site / "assets" / "javascripts" / "workers" / "mopsdocs-search.js").exists()
    assert "mopsdocs-search.js" not in (site / "index.html").read_text(encoding="utf-8")
