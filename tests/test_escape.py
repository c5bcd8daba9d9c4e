"""Context-aware escaping: every spec value that reaches a page goes through one of these."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown as md
import pytest

from mopsdocs.site import escape

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](jav&#x61;script:alert(1))",
    "[r]: javascript:alert(1)\n\n[click][r]",
    "<javascript:alert(1)>",
    'text {: onclick="alert(1)" }',
    "{{ 7*7 }}",
    "a | b | c",
]
EXTENSIONS = ["attr_list", "tables", "md_in_html", "toc"]


def render(text: str) -> str:
    html: str = md.markdown(text, extensions=EXTENSIONS)  # Markdown ships no type hints
    return html


class _Live(HTMLParser):
    """What became live markup: elements, event-handler attributes, link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        self.hrefs += [v or "" for k, v in attrs if k in ("href", "src")]


def assert_inert(html: str) -> None:
    live = _Live()
    live.feed(html)
    assert not {"script", "img", "iframe"} & set(live.tags), html
    assert live.handlers == [], html
    assert not [h for h in live.hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))], html


@pytest.mark.parametrize("value", HOSTILE)
def test_text_never_becomes_markup(value: str) -> None:
    html = render(escape.text(value))
    assert_inert(html)
    live = _Live()
    live.feed(html)
    assert live.tags == ["p"]  # plain text: nothing but the paragraph


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_fields_cannot_inject_html_attributes_or_script_links(value: str) -> None:
    assert_inert(render(escape.markdown(value)))


def test_markdown_keeps_markdown_and_safe_links() -> None:
    html = render(escape.markdown("**bold** and [docs](https://example.com) and [mail](mailto:a@b.c)"))
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.com"' in html and 'href="mailto:a@b.c"' in html


def test_code_spans_and_fences_read_as_written() -> None:
    html = render(escape.markdown("Set `{{my.score}}` when `a < b`.\n\n```\n<b>{{x}}</b>\n```\n"))
    assert "<code>{{my.score}}</code>" in html and "<code>a &lt; b</code>" in html
    assert "&lt;b&gt;{{x}}&lt;/b&gt;" in html  # shown, not rendered
    assert "<b>" not in html


def test_allow_html_lets_html_through() -> None:
    assert "<b>" in render(escape.markdown("<b>bold</b>", allow_html=True))
    assert "<b>" not in render(escape.markdown("<b>bold</b>"))


def test_cell_keeps_a_table_row_intact() -> None:
    row = f"| {escape.cell('a | b')} | {escape.markdown_inline('x | y')} |"
    html = render("| one | two |\n|---|---|\n" + row + "\n")
    assert html.count("<td>") == 2


def test_url_only_allows_safe_schemes() -> None:
    assert escape.url("https://example.com/?a=1&b=2") == "https://example.com/?a=1&amp;b=2"
    assert escape.url("javascript:alert(1)") == "#"
    assert escape.url(" JAVASCRIPT:alert(1)") == "#"
    assert escape.url("data:text/html,<script>") == "#"


def test_attr_escapes_quotes() -> None:
    assert escape.attr('"><script>') == "&quot;&gt;&lt;script&gt;"


def test_no_break_spaces_of_a_locale_stay_and_other_white_space_collapses() -> None:
    # Babel writes "60 000" and "31 %" with no-break spaces in French: a number and its unit
    # must not wrap apart; every other run of white space (line breaks too) is one space.
    assert escape.text("60\u202f000\xa0USD") == "60\u202f000\xa0USD"
    assert escape.cell("31\u202f%") == "31\u202f&#37;"
    assert escape.text(" a \n\u2028\t b ") == "a b"
