"""Session fixtures: the example site built once, served on 127.0.0.1, and one Chromium.

The site is the repository's own project (mkdocs.yml, docs/, specs/, templates/) copied into a
temporary folder and built there with `mkdocs build --strict`, so the build's diagram cache never
touches the checkout. A small `http.server` thread serves it on a free port and records every
request it answers (path and status). Chromium is Debian's (/usr/bin/chromium), driven by
Playwright; nothing is downloaded.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import require_tool

from .browsertools import REPO, SCREENSHOTS, ServedSite, build_site, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PROJECT_PARTS = ("mkdocs.yml", "docs", "specs", "templates")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once per session; returns the site folder."""
    root = tmp_path_factory.mktemp("example") / "project"
    root.mkdir()
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        elif source.is_file():
            shutil.copy2(source, root / part)
    return build_site(root, root / "site")


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[ServedSite]:
    with serve(built_site) as served:
        yield served


# package scope: Playwright's sync API runs an event loop while it is open, so it must be closed
# before other test folders (naming, site) start their own Playwright in the same process
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    from .browsertools import CHROMIUM, CHROMIUM_ARGS

    require_tool("chromium", "driving Debian's Chromium through Playwright", path=CHROMIUM)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
