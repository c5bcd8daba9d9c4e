"""The site with mkdocs-print-site-plugin: every page on one page, ready for a browser to print.

The project's mkdocs.yml is read as MkDocs reads it (INHERIT, !ENV and Material's `!!python/name`
tags included); only the plugin list is extended, with print-site last, as its authors ask (it
must see the navigation every other plugin made, the mopsdocs pages included). Paper size and a
font are set by a style added to the print page itself, so the user's site is unchanged.

print-site turns every link between pages into a link inside the print page, but not the links of
inline SVG diagrams (`xlink:href`: a stage node to its section, a program node to its page):
`_fix_diagram_links` does the same for those, so they too jump inside the PDF.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

PAPERS = {"a4": "A4", "letter": "letter"}
PRINT_SITE = "print-site"
# print-site's settings for a PDF: a cover and a table of contents, no numbering added to the
# headings (pages have their own names), not a page of the site's navigation
PRINT_SITE_OPTIONS: dict[str, Any] = {
    "add_to_navigation": False,
    "add_cover_page": True,
    "add_table_of_contents": True,
    "toc_depth": 2,
    "enumerate_headings": False,
    "enumerate_figures": False,
    "add_print_site_banner": False,
}


class PrintSiteMissing(Exception):
    """mkdocs-print-site-plugin is not installed (the `pdf` extra)."""


class PrintPageMissing(Exception):
    """The build made no print page (the project's own print-site entry is switched off)."""


def build_print_site(root: Path, site_dir: Path, *, paper: str = "a4", font: str | None = None) -> Path:
    """Build the project at `root` into `site_dir` with a print page; return the print page's file."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    try:
        import mkdocs_print_site_plugin  # noqa: F401  -- only to say clearly that the extra is missing
    except ImportError:
        raise PrintSiteMissing("mkdocs-print-site-plugin is not installed: pip install 'mopsdocs[pdf]'") from None
    config_file = root / "mkdocs.yml"
    with config_file.open("rb") as fd:
        raw = yaml_load(fd) or {}
    plugins = _with_print_site(raw.get("plugins"))
    config = load_config(str(config_file), plugins=plugins, site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    options = config.plugins[PRINT_SITE].config
    name = options["print_page_basename"]
    page = site_dir / name / "index.html" if config.use_directory_urls else site_dir / f"{name}.html"
    if not page.is_file():
        raise PrintPageMissing(f"print-site made no print page ({page.name}): is it switched off in mkdocs.yml?")
    text = page.read_text(encoding="utf-8")
    text = _fix_diagram_links(text, _page_keys(site_dir, config.use_directory_urls))
    page.write_text(_with_style(text, paper, font), encoding="utf-8")
    return page


def _with_print_site(plugins: Any) -> list[Any]:
    """The project's plugins (MkDocs' default `search` when it names none), print-site last."""
    if plugins is None:
        entries: list[Any] = ["search"]
    elif isinstance(plugins, dict):
        entries = [{name: options} for name, options in plugins.items()]
    else:
        entries = list(plugins)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in entries]
    if PRINT_SITE not in names:
        entries.append({PRINT_SITE: dict(PRINT_SITE_OPTIONS)})
    return entries


def _with_style(text: str, paper: str, font: str | None) -> str:
    """The sheet size (portrait, and landscape for the matrix pages) and the font, on the print page."""
    size = PAPERS[paper]
    rules = [f"@page {{ size: {size} portrait; }}", f"@page mopsdocs-wide {{ size: {size} landscape; }}"]
    if font:
        family = font.replace("\\", "").replace('"', "").replace("<", "").replace("}", "")
        rules.append(f'body, .md-typeset {{ font-family: "{family}", sans-serif; }}')
    style = '<style id="mopsdocs-print">' + " ".join(rules) + "</style>"  # no "<" in it: the name lost it
    return text.replace("</head>", style + "</head>", 1)


def page_key(url: str) -> str:
    """print-site's id for the section of the page at `url` (its `get_page_key`)."""
    return url.lower().strip().rstrip("/").replace(".html", "").replace("/", "-").lstrip("-") or "index"


def _page_keys(site_dir: Path, directory_urls: bool) -> dict[str, str]:
    """Section id -> the URL of its page, for every page of the built site."""
    out = {}
    for html_file in site_dir.rglob("*.html"):
        url = html_file.relative_to(site_dir).as_posix()
        if directory_urls:
            url = url.removesuffix("index.html")
        out[page_key(url)] = url
    return out


_SECTION = re.compile(r'<section class="print-page[^"]*" id="([^"]*)"')
_SVG_LINK = re.compile(r'xlink:href="([^"#:]*)(?:#([^"]*))?"')


def _fix_diagram_links(text: str, urls: dict[str, str]) -> str:
    """`xlink:href` links inside each page's section, made into links to sections of the print page."""
    out, pos, key = [], 0, ""
    for match in _SECTION.finditer(text):
        out.append(_fix_links_of(text[pos : match.start()], key, urls))
        key, pos = match.group(1), match.start()
    out.append(_fix_links_of(text[pos:], key, urls))
    return "".join(out)


def _fix_links_of(chunk: str, key: str, urls: dict[str, str]) -> str:
    if not key or key not in urls:
        return chunk  # before the first page (cover, contents), or not a page's section

    def inside(match: re.Match[str]) -> str:
        target, anchor = match.group(1), match.group(2)
        if target:  # another page: relative to this page's URL
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(urls[key] or "x") or ".", target))
            section = page_key("" if joined == "." else joined)
        else:  # an anchor on this page
            section = key
        return f'xlink:href="#{section}-{anchor}"' if anchor else f'xlink:href="#{section}"'

    return _SVG_LINK.sub(inside, chunk)
