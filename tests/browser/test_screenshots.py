"""Screenshots of every page type on a laptop (1280 px) and a phone (390 px), saved for review
under test-output/screenshots/ (gitignored); on the phone no page is wider than the screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .browsertools import DESKTOP, PAGE_TYPES, PHONE, ServedSite, open_page, set_scheme

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow
DARK = ("lifecycle", "raci", "programs-index", "naming")  # pages with diagrams or colours: also in slate
OVERFLOW = "() => document.scrollingElement.scrollWidth - window.innerWidth"
MAX_HEIGHT = 6000  # px: the top of the longest pages (the rule catalogue) is enough to review


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_screenshots_of_each_page_type(browser: Browser, site: ServedSite, screenshots: Path, kind: str) -> None:
    shots = [("default", DESKTOP), ("default", PHONE)] + ([("slate", DESKTOP)] if kind in DARK else [])
    for scheme, viewport in shots:
        with open_page(browser, site, PAGE_TYPES[kind], viewport) as (page, _):
            set_scheme(page, scheme)
            if viewport == PHONE:  # wide tables and diagrams scroll in their own boxes, not the page
                assert page.evaluate(OVERFLOW) <= 0, f"{kind} is wider than a {viewport['width']} px screen"
            name = f"{kind}-{viewport['width']}{'-dark' if scheme == 'slate' else ''}.png"
            height = min(page.evaluate("document.scrollingElement.scrollHeight"), MAX_HEIGHT)
            page.screenshot(
                path=str(screenshots / name),
                full_page=True,
                clip={"x": 0, "y": 0, "width": viewport["width"], "height": height},
            )
            assert (screenshots / name).stat().st_size > 10_000, name
