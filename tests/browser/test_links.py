"""Clicking a stage lands on its section; every link of every page of the built site resolves."""

from __future__ import annotations

import posixpath
import urllib.error
import urllib.request
from typing import TYPE_CHECKING
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

from .browsertools import DESKTOP, PHONE, LinkReader, ServedSite, open_page, read_links

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ViewportSize

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_clicking_a_stage_in_the_lifecycle_diagram_lands_on_its_section(
    browser: Browser, site: ServedSite, viewport: ViewportSize
) -> None:
    with open_page(browser, site, "lifecycle/lead/", viewport) as (page, _):
        stage = page.locator("figure.mopsdocs-diagram svg g.stage a").filter(has_text="Sales Accepted").first
        stage.scroll_into_view_if_needed()
        stage.click()
        page.wait_for_function("location.hash === '#stage-sal'")
        heading = page.locator("h2#stage-sal")
        assert heading.inner_text().startswith("Sales Accepted Lead (SAL)")
        header_bottom = page.evaluate("document.querySelector('header.md-header').getBoundingClientRect().bottom")
        top = page.evaluate("document.getElementById('stage-sal').getBoundingClientRect().top")
        assert header_bottom <= top < viewport["height"] / 2, (header_bottom, top)  # in view, not under the header


# --------------------------------------------------------------------------- the crawl


class Crawl:
    """Fetches each URL once over HTTP; keeps status, content type and ids of HTML pages."""

    def __init__(self, site: ServedSite) -> None:
        self.site = site
        self.status: dict[str, int] = {}
        self.ids: dict[str, set[str]] = {}
        self.pages: dict[str, LinkReader] = {}

    def fetch(self, url: str) -> int:
        if url in self.status:
            return self.status[url]
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                body = response.read()
                status: int = response.status  # urlopen's response is untyped
                if response.headers.get_content_type() == "text/html":
                    reader = read_links(body.decode("utf-8"))
                    self.ids[url] = reader.ids
                    self.pages[url] = reader
        except urllib.error.HTTPError as exc:
            status = exc.code
        self.status[url] = status
        return status


def _is_local(site: ServedSite, url: str) -> bool:
    return url.startswith(site.base)


def test_every_link_on_every_page_resolves_to_a_page_and_an_anchor(site: ServedSite) -> None:
    crawl = Crawl(site)
    every_page = sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html"))
    queue = [site.url(p[: -len("index.html")] if p.endswith("index.html") else p) for p in every_page]
    problems: list[str] = []
    external: set[str] = set()
    checked = 0
    seen: set[str] = set()
    while queue:
        page_url = queue.pop()
        if page_url in seen:
            continue
        seen.add(page_url)
        status = crawl.fetch(page_url)
        if status != 200 or page_url not in crawl.pages:
            continue
        reader = crawl.pages[page_url]
        for kind, raw in [("link", h) for h in reader.links] + [("resource", r) for r in reader.resources]:
            checked += 1
            target = urljoin(page_url, raw)
            scheme = urlsplit(target).scheme
            if scheme in ("mailto", "tel"):
                continue
            if scheme not in ("http", "https") or not _is_local(site, target):
                if scheme in ("http", "https") and kind == "link":
                    external.add(target)  # a link out (the repository, an edit page): not followed
                    continue
                if scheme in ("http", "https"):
                    problems.append(f"{page_url}: loads {raw!r} from outside the site")
                    continue
                problems.append(f"{page_url}: {kind} {raw!r} has an unexpected scheme")
                continue
            if raw.strip() == "#":
                problems.append(f"{page_url}: a link to '#' (a dropped or unsafe target?)")
                continue
            address, fragment = urldefrag(target)
            code = crawl.fetch(address)
            if code != 200:
                problems.append(f"{page_url}: {kind} {raw!r} -> HTTP {code}")
                continue
            if address in crawl.pages and address not in seen:
                queue.append(address)
            if fragment:
                ids = crawl.ids.get(address)
                if ids is None:
                    problems.append(f"{page_url}: {kind} {raw!r} has an anchor but does not point to a page")
                elif unquote(fragment) not in ids:
                    problems.append(f"{page_url}: {kind} {raw!r} -> no id={unquote(fragment)!r} in {address}")
    generated = [
        u
        for u in seen
        if posixpath.normpath(urlsplit(u).path).split("/")[1:2][0]
        in ("lifecycle", "raci", "people", "naming", "programs", "health", "reference")
    ]
    assert len(seen) == len(every_page) and len(generated) > 40 and checked > 1000, (len(seen), checked)
    assert not problems, "\n".join(problems[:50]) + (f"\n... {len(problems)} in all" if len(problems) > 50 else "")
    # and no page any test opened in this session was missing (the server saw every request)
    missing = [
        (path, status) for path, status in site.log if status != 200 and path.split("?")[0].endswith((".html", "/"))
    ]
    assert not missing, missing


def test_every_link_inside_the_inline_diagrams_is_checked(site: ServedSite) -> None:
    """The crawl above reads SVG links too: the diagrams' stage and program links are all there."""
    lifecycle = read_links((site.root / "lifecycle" / "lead" / "index.html").read_text(encoding="utf-8"))
    svg_links = [a.get("xlink:href") or a.get("href") for tag, a in lifecycle.tags if tag == "a" and "xlink:title" in a]
    assert "#stage-sal" in svg_links and len(svg_links) >= 8
    programs = read_links((site.root / "programs" / "index.html").read_text(encoding="utf-8"))
    graph_links = [
        a.get("xlink:href") or a.get("href") for tag, a in programs.tags if tag == "a" and "xlink:title" in a
    ]
    assert "bounce-management/" in graph_links and len(graph_links) >= 10
