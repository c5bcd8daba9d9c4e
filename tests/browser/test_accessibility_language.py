"""axe-core on the example site built in French and in Thai: one page of each generated family,
with no serious or critical violation, and the page's language said to assistive technology
(`<html lang>`: a screen reader picks its voice from it). Phones and the dark palette are
test_accessibility.py's (the markup is the same in every language).

The site is the repository's example project with `theme.language` set, as a French or Thai team
would write it. What is checked is the markup, not the wording (tests/i18n checks the words).
axe-core is the pinned npm package (tests/js), injected from disk: nothing is fetched.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import require_tool

from .browsertools import AXE, PAGE_TYPES, REPO, ServedSite, build_site, open_page, serve
from .test_accessibility import RUN_AXE

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow
LANGUAGES = ["fr", "th"]
# one page of each family of generated pages (and the hand-written home page)
FAMILIES = {
    "home": "",
    "lifecycle": PAGE_TYPES["lifecycle"],
    "raci": PAGE_TYPES["raci"],
    "people": PAGE_TYPES["person"],
    "naming": PAGE_TYPES["naming"],
    "programs": PAGE_TYPES["program"],
    "health": PAGE_TYPES["health"],
    "channels": PAGE_TYPES["channel"],
    "scoring": PAGE_TYPES["scoring"],
    "backlog": PAGE_TYPES["backlog"],
    "reviews": PAGE_TYPES["review"],
    "reference": PAGE_TYPES["reference-specs"],
}


def _project_in(language: str, root: Path) -> Path:
    """A copy of the example project whose mkdocs.yml sets `theme.language`."""
    root.mkdir(parents=True)
    for part in ("docs", "specs", "templates"):
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, root / part)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\ntheme:\n" in config and "\n  language:" not in config
    (root / "mkdocs.yml").write_text(config.replace("\ntheme:\n", f"\ntheme:\n  language: {language}\n", 1), "utf-8")
    return root


@pytest.fixture(scope="module", params=LANGUAGES)
def language_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, ServedSite]]:
    language: str = request.param
    root = _project_in(language, tmp_path_factory.mktemp(f"axe-{language}") / "project")
    with serve(build_site(root, root / "site")) as site:
        yield language, site


@pytest.fixture(scope="module")
def axe_source() -> str:
    return require_tool(
        "axe-core", "the accessibility rules", path=AXE, install="npm ci in tests/js (scripts/test does it)"
    )


def test_each_family_in_french_and_thai_has_no_serious_violation_and_says_its_language(
    browser: Browser, language_site: tuple[str, ServedSite], axe_source: str
) -> None:
    language, site = language_site
    found = []
    for family, path in FAMILIES.items():
        with open_page(browser, site, path) as (page, requests):
            lang = page.evaluate("document.documentElement.lang")
            if lang != language:
                found.append(f"{family} ({path}): <html lang={lang!r}>, not {language!r}")
            page.add_script_tag(path=axe_source)
            for v in page.evaluate(RUN_AXE, False):
                if v["impact"] in ("serious", "critical"):
                    more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
                    where = "; ".join(v["nodes"][:3]) + more
                    found.append(f"{family} ({path}): {v['impact']} {v['id']}: {v['help']} -- {where}")
            assert requests.outside() == []
    assert not found, f"{language}:\n" + "\n".join(found)
