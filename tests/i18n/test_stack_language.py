"""The stack, backlog and review pages, and their charts, in the site's language: French and Thai
words, amounts and rates in the locale's form, user text as written, no marked English left."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from conftest import REPO

from mopsdocs import specs
from mopsdocs.i18n import Words, translations
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import backlog, reviews, stack
from mopsdocs.site.families.stack import integration_dot, money
from mopsdocs.site.render import render_page
from mopsdocs.stack_model import TOOL_CATEGORY_WORDS

FAMILIES = {
    "stack/index.md": stack,
    "backlog/mops.md": backlog,
    "reviews/index.md": reviews,
    "reviews/y2021.md": reviews,
}
SPEC_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "specs").rglob("*.yaml")))
NNBSP = "\u202f"  # French groups digits with a narrow no-break space


def _site(language: str) -> SiteContext:
    project, report = load_project(REPO)
    return SiteContext(project, report, language=language)


def render(path: str, language: str) -> str:
    site = _site(language)
    [page] = [p for p in FAMILIES[path].pages(site.project, site) if p.path == path]
    return render_page(page, site)


WORDS = {
    ("stack/index.md", "fr"): [
        "## Calendrier des renouvellements",
        "| Catégorie | Statut | Responsable | Coût annuel |",
        # page text joins whitespace runs (escape.text), so the locale's no-break spaces read as spaces
        "60 000 USD par an, 12 licences",  # the cost as written, in words; the seats counted
        "décidé : renouveler",
        "2022&#45;06&#45;30, préavis 90 jours : au plus tard le 2022&#45;04&#45;01",  # the notice in words
        "est à 120 jours ou moins",  # stack_review_window, in words
        '<title id="stack-cost-usd-title">Coût annuel par catégorie, USD</title>',
        '<th scope="col">Catégorie</th><th scope="col">Actif</th>',  # the chart's table
        "**Total, USD :** 262 988 USD par an.",
    ],
    ("stack/index.md", "th"): [
        "## ปฏิทินการต่ออายุ",
        "| ระบบการตลาดอัตโนมัติ | ใช้งานอยู่ |",
        "ตัดสินใจแล้ว: ต่ออายุ",
        "แจ้งล่วงหน้า 90 วัน: ภายใน 2022&#45;04&#45;01",
        "เครื่องมือ 10 รายการ และ การเชื่อมต่อ 9 รายการ",
        ">ค่าใช้จ่ายรายปีตามหมวดหมู่ (USD)</title>",
    ],
    ("backlog/mops.md", "fr"): [
        "## Impact et effort",
        "| # | Élément | Quadrant | Impact | Effort | Statut | Responsable | Échéance |",
        ">Gains rapides</text>",  # the matrix's quadrant names
        ">Impact : élevé ou moyen</text>",
        "11 éléments ouverts répartis en quatre quadrants",
        "(impact élevé, effort faible)",
    ],
    ("backlog/mops.md", "th"): [
        "## ผลกระทบและความพยายาม",
        ">งานได้ผลเร็ว</text>",
        ">ลดลำดับความสำคัญ</text>",
        "| ควอดแรนต์ |",
    ],
    ("reviews/index.md", "fr"): [
        "# Bilans annuels",
        "| Taux d&#39;ouverture médian | 27 &#37; | 31 &#37; |",  # rates in the locale's form
        "| E&#45;mails envoyés | 1 450 000 | 2 100 000 |",
        ">Notes SCORE par année</title>",
        "## SCORE d'une année sur l'autre",
    ],
    ("reviews/y2021.md", "th"): [
        "## ความสำเร็จ",
        "## เป้าหมายสำหรับปีถัดไป",
        "| เสาหลัก | คะแนน | 2020 | หลักฐาน |",
        "ให้คะแนน 1 (อ่อน) ถึง 5 (แข็งแรง) พร้อมคะแนนของปี 2020 ไว้ข้างกัน",
    ],
}


@pytest.mark.parametrize(("path", "language"), sorted(WORDS))
def test_the_pages_are_in_the_sites_language(path: str, language: str, marked: Catalog) -> None:
    page = render(path, language)
    # Babel's no-break spaces ("60 000", "31 %") are kept, so a number never wraps from its unit;
    # the words are compared with plain spaces
    text = page.replace("\u202f", " ").replace("\xa0", " ")
    if language == "fr" and path == "stack/index.md":
        assert "60\u202f000 USD" in page
    for expected in WORDS[path, language]:
        assert expected in text, expected
    # nothing the templates and code mark is left in English (words a language writes the same, and
    # words the specs use themselves, e.g. a program named "Data normalisation", aside)
    english = render(path, "en")
    catalog = translations(language)
    for message in marked:
        if (
            isinstance(message.id, str)
            and " " in message.id
            and message.id in english
            and message.id not in SPEC_TEXT
            and catalog.gettext(message.id) != message.id
        ):
            assert message.id not in text, (path, language, message.id)


def test_user_text_stays_as_written() -> None:
    for language in ("fr", "th"):
        page = render("stack/index.md", language)
        assert "[Marketo Engage](#tool-marketo)" in page and "<code>marketo</code>" in page
        assert "| app&#45;ab12.marketo.com |" in page  # an `x-` field's value
        items = render("backlog/mops.md", language)
        assert "[Automate the weekly dedupe](#item-dedupe-automation)" in items


def test_amounts_are_grouped_as_the_language_does_and_english_is_unchanged() -> None:
    assert money(60000, "USD") == "60,000 USD"
    assert money(588.5, "USD") == "588.50 USD"
    assert money(60000, "USD", Words("fr")) == f"60{NNBSP}000 USD"
    assert money(588.5, "USD", Words("fr")) == "588,50 USD"
    assert money(1234567, "THB", Words("th")) == "1,234,567 THB"


def test_rates_and_numbers_of_the_reviews_follow_the_language() -> None:
    assert reviews.shown_in(0.315, True) == "31.5%"
    assert reviews.shown_in(0.315, True, Words("fr")) == "31,5\u00a0%"
    assert reviews.shown_in(2100000, False, Words("fr")) == f"2{NNBSP}100{NNBSP}000"
    assert reviews.label("emails_sent", Words("th")) == "อีเมลที่ส่ง"
    assert reviews.label("x-nps", Words("th")) == "X-nps"  # a key of the user's own: as written


def test_the_integration_map_speaks_the_language() -> None:
    project, _ = load_project(REPO)
    dot = integration_dot(project, lambda t: f"#{t}", Words("th"))
    assert dot.startswith('digraph "แผนผังการเชื่อมต่อ" {')
    assert 'label="ระบบการตลาดอัตโนมัติ"' in dot  # a category cluster
    assert "ผ่าน Workato" in dot and "ไปยัง" in dot  # an integration's label and tooltip
    assert '"Marketo Engage"' in dot  # tool names as written
    french = integration_dot(project, lambda t: f"#{t}", Words("fr"))
    assert "via natif" in french and "via native" not in french


def test_a_crowded_quadrant_counts_the_rest_in_the_language(tmp_path: Path) -> None:
    items = "\n".join(f"  - {{id: i{n}, name: Item {n}, impact: high, effort: low, status: idea}}" for n in range(15))
    (tmp_path / "specs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Plan\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n", encoding="utf-8"
    )
    (tmp_path / "specs" / "backlog.yaml").write_text(
        f"kind: backlog\nid: plan\nname: Plan\nitems:\n{items}\n", encoding="utf-8"
    )
    project, report = load_project(tmp_path)
    assert list(project.backlogs) == ["plan"]
    for language, expected in (
        ("fr", "+ 3 autres dans le tableau"),
        ("th", "+ อีก 3 รายการในตาราง"),
        ("en", "+ 3 more in the table"),
    ):
        site = SiteContext(project, report, language=language)
        [page] = backlog.pages(project, site)
        assert expected in render_page(page, site), language


def test_every_tool_category_and_status_of_the_model_has_a_marked_word(marked: Catalog) -> None:
    # marked where the model defines them, so the catalog test makes every language translate them
    assert set(TOOL_CATEGORY_WORDS) == set(specs.stack.ToolCategory.__args__)  # type: ignore[attr-defined]
    for word in TOOL_CATEGORY_WORDS.values():
        message = marked.get(word)
        assert message is not None and any("stack_model.py" in path for path, _ in message.locations), word
    assert set(stack.STATUS_WORDS) == set(specs.stack.ToolStatus.__args__)  # type: ignore[attr-defined]
