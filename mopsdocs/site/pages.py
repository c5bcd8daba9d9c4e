"""What a generated page is, and where each kind of page lives in the site.

A family module (`mopsdocs.site.families.<name>`, registered in `mopsdocs.site.generate.FAMILIES`)
exposes `pages(project, site) -> list[Page]`.
Each `Page` names a Jinja2 template and carries a view-model (`context`): plain, already-resolved
data. Templates never load anything and never see spec text as template source.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    path: str  # source path in the site, e.g. "lifecycle/lead.md" (URL lifecycle/lead/)
    title: str
    template: str  # template file name, e.g. "lifecycle.md.j2"
    context: Mapping[str, Any] = field(default_factory=dict)
    nav: tuple[str, ...] = ()  # section titles under the generated section, e.g. ("Lifecycles",)
    order: int = 0  # position among siblings; ties break on title


@dataclass(frozen=True)
class GeneratedPage:
    page: Page
    family: str
    family_index: int  # position of the family in FAMILIES: the order of the navigation
    markdown: str  # front matter + the rendered template

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.family_index, self.page.order, self.page.title)


def link(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """A relative Markdown link from one generated page to another (MkDocs checks and rewrites it)."""
    rel = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def href(from_path: str, to_path: str, anchor: str | None = None, *, directory_urls: bool = True) -> str:
    """The same link as the URL MkDocs writes for it, for raw HTML (which MkDocs does not rewrite).

    `use_directory_urls` (MkDocs' default): `people/ana.md` is served as `people/ana/`, so a link
    from it to `raci/mops.md` is `../../raci/mops/`; without it, `../raci/mops.html`.
    """
    rel = _relative_url(_page_url(from_path, directory_urls), _page_url(to_path, directory_urls))
    return f"{rel}#{anchor}" if anchor else rel


def _page_url(md_path: str, directory_urls: bool) -> str:
    stem = md_path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _relative_url(source: str, target: str) -> str:
    base = source if source.endswith("/") else posixpath.dirname(source) + "/"
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def party_path(party_id: str) -> str:
    return f"people/{party_id}.md"


def lifecycle_path(lifecycle_id: str) -> str:
    return f"lifecycle/{lifecycle_id}.md"


def raci_path(matrix_id: str) -> str:
    return f"raci/{matrix_id}.md"


def convention_path(convention_id: str) -> str:
    return f"naming/{convention_id}.md"


def program_path(program_id: str) -> str:
    return f"programs/{program_id}.md"


def channel_path(channel_id: str) -> str:
    return f"channels/{channel_id}.md"


def scoring_path(model_id: str) -> str:
    return f"scoring/{model_id}.md"


def backlog_path(backlog_id: str) -> str:
    return f"backlog/{backlog_id}.md"


def review_path(review_id: str) -> str:
    return f"reviews/{review_id}.md"


def threshold_anchor(threshold_id: str) -> str:
    """The section of a threshold on its scoring page: `threshold-<id>` (ids are anchor-safe)."""
    return f"threshold-{threshold_id}"


PEOPLE_INDEX = "people/index.md"
PROGRAMS_INDEX = "programs/index.md"
CHANNELS_INDEX = "channels/index.md"
HEALTH = "health.md"
STACK_PAGE = "stack/index.md"  # every stack on one page; a tool is a section of it
