"""Golden pages per language: one page of each family of the example project, in French and Thai,
compared whole (the Markdown, diagrams as a placeholder; the lifecycle's DOT, which holds the
diagram's words, too). The English pages have their own golden files in each family's tests.

To accept a deliberate change: `MOPSDOCS_UPDATE_GOLDEN=1 pytest tests/i18n/test_golden_language.py`,
then read `git diff tests/i18n/golden/` before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, assert_golden

from mopsdocs.i18n import Words
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.diagram import lifecycle_dot
from mopsdocs.site.generate import generate

GOLDEN = Path(__file__).resolve().parent / "golden"
FAKE_SVG = '<svg class="golden-placeholder"><title>diagram</title></svg>\n'  # renderer-independent
# one page per family (the changes page needs a git history: tests/history covers it per language)
PAGES = [
    "lifecycle/lead.md",
    "people/priya.md",
    "people/index.md",
    "raci/mops.md",
    "naming/program.md",
    "programs/index.md",
    "programs/lead-routing.md",
    "channels/webinar.md",
    "scoring/lead-score.md",
    "stack/index.md",
    "backlog/mops.md",
    "reviews/y2021.md",
    "health.md",
    "audit.md",
    "reference/settings.md",
]
LANGUAGES = ["fr", "th"]


def _compare(name: str, actual: str) -> None:
    assert_golden(GOLDEN / name, actual)


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[str, str]]:
    project, report = load_project(REPO)
    out: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        site = SiteContext(project, report, render_svg=lambda dot: FAKE_SVG, language=language)
        out[language] = {g.page.path: g.markdown for g in generate(project, site)}
    return out


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_page_in_language(pages: dict[str, dict[str, str]], language: str, path: str) -> None:
    assert path in pages[language], sorted(pages[language])
    _compare(f"{language}/{path}", pages[language][path])


@pytest.mark.parametrize("language", LANGUAGES)
def test_lifecycle_diagram_in_language(language: str) -> None:
    project, _ = load_project(REPO)
    dot = lifecycle_dot(project, project.lifecycles["lead"], words=Words(language))
    _compare(f"{language}/lifecycle-lead.dot", dot)
