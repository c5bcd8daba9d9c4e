"""What page families get besides the project: diagnostics, diagram rendering, edit links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import Report
from ..i18n import Words
from ..project import Project


@dataclass
class SiteContext:
    project: Project
    report: Report  # diagnostics after the severity policy (for the health page)
    repo_url: str | None = None
    edit_uri: str | None = None
    # DOT source -> inline SVG markup (cached by content hash; set by the plugin)
    render_svg: Callable[[str], str] | None = None
    # which renderer was used ("dot 2.43.0" / "graphviz-pure 0.2.2"), shown on pages that draw
    renderer_name: str = ""
    # MkDocs' use_directory_urls: links inside inline SVG are not rewritten by MkDocs, so
    # families that build them need to know the URL style
    use_directory_urls: bool = True
    notes: list[str] = field(default_factory=list)
    # the page families in this site (None: all of them); pages link to another family's pages
    # only when it is here, so that a site with fewer families never has a broken link (tests)
    families: tuple[str, ...] | None = None
    # the language the generated pages are written in (mopsdocs.i18n: "en", "fr", "th")
    language: str = "en"

    @property
    def words(self) -> Words:
        """The words Python code writes into pages, in the site's language."""
        return Words(self.language)

    @property
    def allow_html(self) -> bool:
        return self.project.settings.allow_html

    def edit_url(self, path: str) -> str | None:
        """Link to edit a spec file in the repository, when repo_url and edit_uri are set."""
        if not self.repo_url or self.edit_uri is None:
            return None
        base = self.repo_url.rstrip("/") + "/" + self.edit_uri.strip("/")
        return f"{base}/{path}"

    def has_family(self, name: str) -> bool:
        """Whether pages of family `name` (e.g. "people") exist in this site, so links to them resolve."""
        return self.families is None or name in self.families

    def svg(self, dot: str) -> str:
        if self.render_svg is None:
            raise RuntimeError("no diagram renderer configured")
        return self.render_svg(dot)
