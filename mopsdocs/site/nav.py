"""Where generated pages go in the navigation.

Rule (the same with or without an explicit `nav:`):
- a generated page the user already lists in `nav:` stays exactly where they put it;
- every other generated page goes into one section titled by the `nav_section` setting, nested
  by each page's `Page.nav` and ordered by family, then `Page.order`, then title;
- that section is appended at the end, unless the user's `nav:` already has a top-level section
  with that title (e.g. `- Reference: []`): then the pages are added to it, after the user's own
  entries, so the user decides where it stands.
Without `nav:`, the user's own pages are laid out exactly as MkDocs would (folders as sections),
and the generated section follows them.
Titles that come from specs are HTML-escaped: themes print navigation titles as they are.

Size: MkDocs themes write the navigation into every page, and Material (even with
`navigation.prune`) writes out every entry of the sections the current page is in. A section of
hundreds of pages would make each of those pages carry them all, so families group big sections
by meaning (people by team, programs by category; see `SECTION_LIMIT`), and any section still
holding more than `SECTION_LIMIT` pages is cut here into consecutive sub-sections titled by their
first and last page ("Person 0 – Person 49").
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from .pages import GeneratedPage

NavItem = Any  # str | dict[str, str | list[NavItem]]: the shape of MkDocs' `nav` setting
# Most pages a navigation section lists directly; families group bigger ones by meaning first.
SECTION_LIMIT = 50


def referenced_paths(nav: Iterable[NavItem] | None) -> set[str]:
    """Every page path listed anywhere in a `nav:` structure."""
    found: set[str] = set()

    def walk(item: NavItem) -> None:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for sub in item:
                walk(sub)

    walk(list(nav or []))
    return found


def section_entries(pages: list[GeneratedPage]) -> list[NavItem]:
    """Nested `{title: path}` / `{section: [...]}` entries for `pages`, in navigation order."""
    tree: dict[str, Any] = {"pages": [], "sections": {}}
    for g in pages:
        node = tree
        for part in g.page.nav:
            node = node["sections"].setdefault(part, {"pages": [], "sections": {}})
        node["pages"].append(g)
    return _entries(tree)


def _entries(node: dict[str, Any]) -> list[NavItem]:
    items: list[tuple[tuple[Any, ...], NavItem]] = []
    pages = sorted(node["pages"], key=lambda g: (g.sort_key, g.page.path))
    chunks = _chunks(pages, SECTION_LIMIT)
    for chunk in chunks:
        entries = [((g.sort_key, g.page.path), {html.escape(g.page.title): g.page.path}) for g in chunk]
        if len(chunks) == 1:
            items.extend(entries)
        else:  # a run of a long list: a sub-section named by its first and last page
            title = f"{chunk[0].page.title} – {chunk[-1].page.title}"
            items.append(((chunk[0].sort_key, title), {html.escape(title): [entry for _, entry in entries]}))
    for title, sub in node["sections"].items():
        key = min(_keys(sub))
        items.append(((key[0], title), {html.escape(title): _entries(sub)}))
    return [entry for _, entry in sorted(items, key=lambda kv: kv[0])]


def _chunks(pages: list[GeneratedPage], limit: int) -> list[list[GeneratedPage]]:
    """`pages` in at most `limit`-page runs of near-equal length (all of them in one if they fit)."""
    if len(pages) <= limit:
        return [pages] if pages else []
    count = -(-len(pages) // limit)
    size = -(-len(pages) // count)
    return [pages[i : i + size] for i in range(0, len(pages), size)]


def _keys(node: dict[str, Any]) -> list[tuple[Any, ...]]:
    keys = [(g.sort_key, g.page.path) for g in node["pages"]]
    for sub in node["sections"].values():
        keys.extend(_keys(sub))
    return keys


def place(
    nav: list[NavItem] | None, own_pages: list[str], section_title: str, pages: list[GeneratedPage]
) -> list[NavItem]:
    """The `nav:` to build with: the user's (or MkDocs' automatic one) plus the generated pages."""
    from mkdocs.utils import nest_paths

    result: list[NavItem] = list(nav) if nav is not None else list(nest_paths(own_pages))  # type: ignore[no-untyped-call]  # mkdocs.utils is untyped
    listed = referenced_paths(result)
    entries = section_entries([g for g in pages if g.page.path not in listed])
    if not entries:
        return result
    for i, item in enumerate(result):
        if isinstance(item, dict) and len(item) == 1 and section_title in item:
            existing = item[section_title]
            mine = existing if isinstance(existing, list) else ([] if existing in (None, "") else [existing])
            result[i] = {section_title: [*mine, *entries]}
            return result
    result.append({section_title: entries})
    return result


__all__ = ["SECTION_LIMIT", "place", "referenced_paths", "section_entries"]
