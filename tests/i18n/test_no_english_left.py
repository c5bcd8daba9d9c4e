"""Nothing mopsdocs writes is left in English on a Thai site (issue 20's "done when").

The example project is built with `theme.language: th`. Thai is written in its own script, so any
Latin word left on a generated page is either what users wrote (spec values: names, ids,
definitions, as written), a name that is the same in every language (platforms, acronyms), text
the page marks as English on purpose (`lang="en"`: diagnostics and rule titles, which stay as
`check` prints them), or a word mopsdocs forgot to translate, which this test lists. Every word
being marked, the catalog test then makes French complete too.
"""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from mopsdocs.channel_model import PROGRAM_TYPE_LABELS

# Names that are the same in every language: platforms, tools, acronyms of the trade.
SAME_IN_EVERY_LANGUAGE = {
    "sla", "raci", "crm", "utm", "mql", "sql", "sal", "score", "csv", "yaml", "svg", "pdf", "json",
    "marketo", "hubspot", "salesforce", "mopsdocs", "mops", "mkdocs", "graphviz", "dot", "pure",
    "id", "ids", "url", "html", "git", "fy", "javascript", "markdown", "ipaas", "abm", "api",
    "pull", "request",  # "pull request" is GitHub's word in Thai too
}  # fmt: skip
# The platforms' own words a page names, as their (English) interfaces write them: where each export
# the audit reads comes from (Marketo's REST API and its Admin > Users & Roles menu, Salesforce's
# Data Loader, a Campaign report, a picklist, a CSV's Name column)
PRODUCT_NAMES = ("Data Loader", "Excel", "Zapier", "REST", "Admin > Users & Roles", "Name", "Campaign", "picklist")
# Generated page folders (the user's own docs/ pages are the user's text). The reference pages are
# left out: they describe mopsdocs' own models, whose type names and YAML literals ("mapping (Stage)",
# "Default: specs") are the format's, in English by design (docs/site.md).
FAMILIES = ("lifecycle", "people", "raci", "naming", "programs", "channels", "scoring", "stack",
            "backlog", "reviews", "health", "audit", "changes")  # fmt: skip
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# written the same in every language: file paths, rule codes (PRG004), ids and keys (marketo-users,
# x-request-form), the YAML literals a setting takes
_FILE_PATH = re.compile(r"[\w./-]+\.(?:ya?ml|csv|json|md)\b")
_CODE_LIKE = re.compile(
    r"\b[A-Z]+[0-9]{3}\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\bYYYY-MM-DD\b"
    r"|\b(?:true|false|error|warning|off)\b"
)
_LEADING = re.compile(r"^[\d.\s·—:()+-]+")
_SKIPPED = {"code", "pre", "kbd", "script", "style", "title"}  # ids and source; SVG <title> is an id


class _Texts(html.parser.HTMLParser):
    """Text of a page's <article>, outside code, SVG titles and anything marked lang="en"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, whether it hides its text)
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr", "path", "polygon", "ellipse", "use"):
            return
        values = dict(attrs)
        hides = tag in _SKIPPED or (values.get("lang") or "").startswith("en")
        self.stack.append((tag, hides))
        if self._inside() and not self._hidden():
            for key in ("aria-label", "alt", "placeholder"):
                if values.get(key):
                    self.texts.append(str(values[key]))

    def handle_endtag(self, tag: str) -> None:
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                del self.stack[n:]
                return

    def handle_data(self, data: str) -> None:
        if self._inside() and not self._hidden() and data.strip():
            self.texts.append(" ".join(data.split()))

    def _inside(self) -> bool:
        return any(tag == "article" for tag, _ in self.stack)

    def _hidden(self) -> bool:
        return any(hides for _, hides in self.stack)


def _user_text(specs: Path) -> list[str]:
    """Every string value of the specs (not their keys), longest first."""
    values: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                # the format's keys are snake_case; a key with capitals or spaces is a user's
                # (a breakdown's "Trade Show", an x- field's "Instance")
                if isinstance(key, str) and (key != key.lower() or " " in key):
                    values.add(key)
                if isinstance(key, str) and key.startswith("x-"):  # shown as a label: "Instance"
                    values.add(key[2:].replace("-", " ").replace("_", " ").capitalize())
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and len(node) > 1:
            values.add(" ".join(node.split()))
            values.update(" ".join(line.split()) for line in node.splitlines() if len(line.strip()) > 1)

    for path in sorted(specs.rglob("*.y*ml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            walk(document)
    # what the platforms wrote (program and status names in the exports), as they wrote it
    exports = specs.parent / "exports"
    for path in sorted(exports.rglob("*")) if exports.is_dir() else []:
        if path.suffix in (".csv", ".json", ".tsv"):
            text = path.read_text(encoding="utf-8", errors="replace")
            values.update(v.strip() for v in re.split(r'[\n\r\t,;"]', text) if len(v.strip()) > 1)
    values.update(PROGRAM_TYPE_LABELS.values())  # Marketo's own program types, as Marketo names them
    values.update(PRODUCT_NAMES)
    return sorted(values, key=len, reverse=True)


def _english_left(text: str, user: list[str], pattern: re.Pattern[str]) -> list[str]:
    # a piece of a user's Markdown (split by its own emphasis or code) is user text as a whole,
    # also after the number or bullet a page puts before it ("1. Move list uploads to the")
    piece = _LEADING.sub("", text)
    if piece and any(piece in value for value in user):
        return []
    # paths first (a user's "team" is not the team of specs/team.yaml), then what users wrote,
    # then ids and literals (the "0-9" of a user's pattern is the user's)
    rest = _CODE_LIKE.sub(" ", pattern.sub(" ", _FILE_PATH.sub(" ", text)))
    return [w for w in _LATIN_WORD.findall(rest) if w.lower().strip("'’") not in SAME_IN_EVERY_LANGUAGE]


def _pattern(user: list[str]) -> re.Pattern[str]:
    # one alternation of every user value, longest first (a name wins over a word inside it),
    # each a whole word: a team called "mops" does not excuse the "docs" of "mopsdocs"
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in user) + r")(?![\w-])")


@pytest.fixture(scope="module")
def thai_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example-th")
    for name in ("specs", "docs", "templates", "exports"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  font: false\n" in config
    (root / "mkdocs.yml").write_text(config.replace("  font: false\n", "  font: false\n  language: th\n", 1))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.slow
def test_no_generated_page_of_the_thai_example_has_english_words(thai_site: Path) -> None:
    user = _user_text(thai_site / "specs")
    pattern = _pattern(user)
    site = thai_site / "site"
    pages = sorted(p for family in FAMILIES for p in (site / family).rglob("index.html"))
    assert len(pages) > 40  # the example has every family: a build that lost them must not pass
    left: dict[str, list[str]] = {}
    for page in pages:
        parser = _Texts()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.texts, page  # the article was found
        for text in parser.texts:
            if _english_left(text, user, pattern):
                left.setdefault(str(page.parent.relative_to(site)), []).append(text)
    report = "\n".join(f"{page}: {' | '.join(dict.fromkeys(texts))[:400]}" for page, texts in sorted(left.items()))
    assert not left, f"English left on {len(left)} Thai pages:\n{report}"


def test_the_check_sees_an_untranslated_word() -> None:
    # the detector itself: a heading left in English is found, a user's name inside Thai is not
    user = ["Marketing Qualified Lead", "mops"]
    pattern = _pattern(user)
    assert _english_left("Outgoing transitions", user, pattern) == ["Outgoing", "transitions"]
    assert _english_left("ขั้นตอน Marketing Qualified Lead (SLA 4 ชั่วโมง)", user, pattern) == []
    assert _english_left("mopsdocs docs", user, pattern) == ["docs"]  # a user's "mops" is not inside a word
    parser = _Texts()
    parser.feed('<article><h2>Stages</h2><code>lead</code><span lang="en">SPEC001 x</span></article><p>out</p>')
    assert parser.texts == ["Stages"]
