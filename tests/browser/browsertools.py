"""Helpers for the browser tests: the build, the served site, page types, colours, an HTML reader."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:  # Playwright is imported by the browser fixture, never at collection
    from playwright.sync_api import Browser, Page, Route, ViewportSize

REPO = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
SCREENSHOTS = REPO / "test-output" / "screenshots"
AXE = REPO / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}

# One page of each generated type in the example site (site path -> what it is).
PAGE_TYPES = {
    "lifecycle": "lifecycle/lead/",
    "raci": "raci/mops/",
    "people-index": "people/",
    "person": "people/priya/",
    "role": "people/marketo-admin/",
    "team": "people/marketing-ops/",
    "naming": "naming/program/",
    "programs-index": "programs/",
    "program": "programs/bounce-management/",
    "health": "health/",
    "channels-index": "channels/",
    "channel": "channels/webinar/",
    "scoring": "scoring/lead-score/",
    "backlog": "backlog/mops/",
    "reviews-index": "reviews/",
    "review": "reviews/y2021/",
    "reference-specs": "reference/specs/",
    "reference-rules": "reference/rules/",
    "reference-settings": "reference/settings/",
}


def build_site(project: Path, out: Path) -> Path:
    """`mkdocs build --strict` of `project` into `out`; fails the test with MkDocs' output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    missing = [p for p in PAGE_TYPES.values() if not (out / p / "index.html").is_file()]
    if missing:
        raise AssertionError(f"the example site has no page at {missing}: update PAGE_TYPES")
    return out


@dataclass
class ServedSite:
    root: Path  # the built site folder
    base: str  # http://127.0.0.1:PORT/
    log: list[tuple[str, int]]  # (path, status) of every request the server answered

    def url(self, path: str = "") -> str:
        return urljoin(self.base, path)


class _Handler(http.server.SimpleHTTPRequestHandler):
    log: list[tuple[str, int]]
    immutable: bool

    def end_headers(self) -> None:
        if self.immutable:
            # a built site does not change while it is crawled: the browser keeps the theme's
            # assets and the search index instead of asking again on every page
            self.send_header("Cache-Control", "max-age=3600, immutable")
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the test output is for the tests


@contextlib.contextmanager
def serve(root: Path, *, immutable: bool = False) -> Iterator[ServedSite]:
    """A built site on 127.0.0.1 (a free port), every request logged in `ServedSite.log`."""
    log: list[tuple[str, int]] = []
    handler = type("Handler", (_Handler,), {"log": log, "immutable": immutable})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"site-{root.name}", daemon=True)
    thread.start()
    try:
        yield ServedSite(root=root, base=f"http://127.0.0.1:{server.server_address[1]}/", log=log)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --------------------------------------------------------------------------- pages in Chromium


@dataclass
class Requests:
    """Every request a browser context made, and which of them left 127.0.0.1."""

    base: str
    urls: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [u for u in self.urls if not (u.startswith(self.base) or u.startswith(("data:", "blob:", "about:")))]


@contextlib.contextmanager
def open_page(
    browser: Browser, site: ServedSite, path: str = "", viewport: ViewportSize | None = None
) -> Iterator[tuple[Page, Requests]]:
    """A new context and page at `path`, every request recorded; anything bound elsewhere is
    refused (and recorded) so that a test can never reach the network."""
    phone = viewport == PHONE
    context = browser.new_context(
        viewport=viewport or DESKTOP, is_mobile=phone, has_touch=phone, device_scale_factor=1, service_workers="block"
    )
    requests = Requests(site.base)
    context.on("request", lambda r: requests.urls.append(r.url))

    def refuse(route: Route) -> None:
        if route.request.url.startswith(site.base):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", refuse)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        goto(page, site.url(path))
        yield page, requests
        assert not errors, f"JavaScript errors on {path}: {errors}"
    finally:
        context.close()


NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def goto(page: Page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else '?'}"
    page.add_style_tag(content=NO_MOTION)  # colours read right after a switch are the final ones


def set_scheme(page: Page, scheme: str) -> None:
    """Switch the palette with Material's own toggle button until the body says `scheme`."""
    for _ in range(2):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme


# --------------------------------------------------------------------------- colours (WCAG 2.x)

Colour = tuple[float, float, float, float]  # r, g, b in 0..255, alpha in 0..1


def parse_colour(css: str) -> Colour:
    """rgb()/rgba()/color(srgb ...) from getComputedStyle -> (r, g, b in 0..255, alpha)."""
    numbers = [float(x) for x in re.findall(r"-?[\d.]+(?:e-?\d+)?", css)]
    if css.startswith("color(srgb"):
        r, g, b = (x * 255 for x in numbers[:3])
        return r, g, b, numbers[3] if len(numbers) > 3 else 1.0
    if not css.startswith("rgb") or len(numbers) < 3:
        raise ValueError(f"not a computed colour: {css!r}")
    return numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0


def over(top: Colour, bottom: Colour) -> Colour:
    """`top` composited over an opaque `bottom`."""
    a = top[3]
    return (top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1.0)


def luminance(c: Colour) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])


def contrast(a: Colour, b: Colour) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --------------------------------------------------------------------------- static HTML


class LinkReader(HTMLParser):
    """Every id, every link (<a href>, SVG <a xlink:href>) and every resource reference of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a":
            for key in ("href", "xlink:href"):
                if key in a:
                    self.links.append(a[key])
        elif tag in ("link",) and "href" in a:
            self.resources.append(a["href"])
        elif tag in ("script", "img", "source", "iframe") and "src" in a:
            self.resources.append(a["src"])

    handle_startendtag = handle_starttag


def read_links(html: str) -> LinkReader:
    reader = LinkReader()
    reader.feed(html)
    reader.close()
    return reader


def accessible_names(page: Page, selector: str) -> list[tuple[str, str]]:
    """(role, name) Chromium itself gives each element matching `selector`: what a screen reader
    is told (the DevTools accessibility tree, not a re-computation)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("Accessibility.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        out = []
        for node_id in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
            ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False})["nodes"][0]
            out.append(
                ("" if ax.get("ignored") else ax.get("role", {}).get("value", ""), ax.get("name", {}).get("value", ""))
            )
        return out
    finally:
        cdp.detach()
