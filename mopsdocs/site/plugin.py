"""The `mopsdocs` MkDocs plugin: only event hooks; the work is in the modules it calls.

- `on_config`: load and validate the specs (the same `load_project` as `mopsdocs check`): warnings
  go to MkDocs' plugin logger (so `--strict` fails on them), errors fail the build with the
  same located lines as `check --format concise`. Watch specs/ and templates/ for `serve`.
- `on_files`: render every generated page (`mopsdocs.site.generate`) into a virtual file
  (`File.generated`): nothing is written into docs/ or specs/. Ship the CSS/JS assets.
  Place the pages in the navigation (`mopsdocs.site.nav`). Then the project is let go: nothing
  later needs it, and the memory it frees is reused for the pages' HTML.
- `on_page_markdown` / `on_page_content`: a generated page's finished HTML blocks skip Markdown
  (`render.stash_html`, `render.restore_html`); its virtual file's text, read by then, is let go.
- `on_post_page` / `on_post_template`: on a site not in English, Material's search runs through
  mopsdocs' worker (Thai words, accents: `search_language`), added with the files.
Under `serve`, problems are logged instead of raised, so the preview keeps running (MkDocs
prints a traceback for any exception during a rebuild) and the health page shows them.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..diagnostics import Report, Severity
from ..pipeline import load_project
from ..project import Project
from ..report import concise_line
from .context import SiteContext
from .diagram_cache import DiagramService, project_cache_dir
from .graphviz_render import RenderError
from .pages import GeneratedPage

log = get_plugin_logger("mopsdocs")
ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSET_DIR = "assets/mopsdocs"  # where the shipped CSS/JS land in the site
INTERNAL_ERRORS: list[str] = []  # set when a page family crashed: `mopsdocs build` exits 3 then


class MopsdocsPlugin(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]  # MkDocs' untyped __init_subclass__
    """Generated pages for the specs of the project holding mkdocs.yml."""

    def __init__(self) -> None:
        self.serving = False
        self.diagrams: DiagramService | None = None  # kept across `serve` rebuilds: a memory cache
        self.project: Project | None = None
        self.report: Report | None = None
        self.generated: set[str] = set()  # src_uri of every generated page of this build
        self.html_blocks: dict[str, list[str]] = {}  # src_uri -> its HTML blocks, while Markdown runs
        self.search_worker = False  # pages point Material at mopsdocs' search worker (search_language)

    # Settings are validated by mopsdocs itself (config.read_settings, as `check` does, with
    # located diagnostics), so MkDocs is told every option is fine.
    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[list[Any], list[Any]]:
        super().load_config({}, config_file_path)  # an empty plugin config, for MkDocs' own use
        return [], []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    # ------------------------------------------------------------------ config

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        root = config_file.parent
        self.project, self.report = load_project(root, config_file=config_file.name)
        self._log_diagnostics(self.report)
        settings = self.project.settings
        for folder in (root / settings.specs_dir, root / settings.templates_dir):
            if folder.is_dir() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")  # stage anchors: `## Name { #stage-id }`
        for asset in _assets(".css"):
            config.extra_css.append(f"{ASSET_DIR}/{asset.name}")
        for asset in _assets(".js"):
            config.extra_javascript.append(f"{ASSET_DIR}/{asset.name}")
        if self.diagrams is None or self.diagrams.cache_dir != project_cache_dir(root):
            # MkDocs keeps this plugin object across builds in one process (serve, tests):
            # keep the in-memory cache for the same project only.
            self.diagrams = DiagramService(project_cache_dir(root))
        return config

    def _log_diagnostics(self, report: Report) -> None:
        for d in report.sorted():
            if d.severity is Severity.WARNING:
                log.warning(concise_line(d))
        errors = [concise_line(d) for d in report.sorted() if d.severity is Severity.ERROR]
        if not errors:
            return
        summary = f"{len(errors)} spec error{'s' if len(errors) != 1 else ''} (run `mopsdocs check` for details):"
        self._fail(summary + "\n  " + "\n  ".join(errors))

    def on_page_markdown(self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        from .render import stash_html

        if page.file.src_uri not in self.generated:
            return markdown  # a hand-written page: Markdown as its author wrote it
        # MkDocs has read the page (page.markdown) and reads its file no more; the file's copy of
        # the text would stay in memory to the end of the build, with every page's HTML.
        page.file.content_string = ""
        markdown, blocks = stash_html(markdown)
        if blocks:
            self.html_blocks[page.file.src_uri] = blocks
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        from .render import restore_html

        blocks = self.html_blocks.pop(page.file.src_uri, None)
        return restore_html(html, blocks) if blocks else html

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        # Material asks the GitHub/GitLab API for stars and forks of `repo_url` from every reader's
        # browser; the site must work offline and send nothing anywhere: keep the link, drop the call.
        output = output.replace(' data-md-component="source"', "")
        if self.search_worker:
            from .search_language import point_at_worker

            output = point_at_worker(output)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # 404.html is a theme template, not a page: its search box needs the same worker
        if self.search_worker and template_name.endswith(".html"):
            from .search_language import point_at_worker

            return point_at_worker(output_content)
        return output_content

    # ------------------------------------------------------------------ files and nav

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        from .nav import place

        assert self.project is not None
        for asset in [*_assets(".css"), *_assets(".js")]:
            files.append(
                File.generated(
                    config, f"{ASSET_DIR}/{asset.name}", content=asset.read_bytes(), inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        self.generated = set()
        generated = self._generate(config)
        if generated is None:
            return files  # serve: the problem is logged; the preview goes on without these pages
        added: list[GeneratedPage] = []
        # docs/programs.md and the generated programs/index.md are both /programs/: MkDocs would
        # keep one silently, so the user's page would be lost from the site
        urls = {f.dest_uri: f.src_uri for f in files.documentation_pages()}
        for g in generated:
            if files.get_file_from_path(g.page.path) is not None:
                self._fail(f"docs/{g.page.path} has the path of a generated page; rename or move it")
                continue
            file = File.generated(config, g.page.path, content=g.markdown)
            if file.dest_uri in urls:
                self._fail(
                    f"docs/{urls[file.dest_uri]} has the address of the generated page {g.page.path} "
                    f"(/{file.url}); rename or move it"
                )
                continue
            spec_path = g.page.context.get("spec_path")
            if isinstance(spec_path, str):  # the page's edit button opens the spec it shows
                file.edit_uri = _relative_to_docs(self.project.root / spec_path, config.docs_dir)
            files.append(file)
            added.append(g)
        ours = {g.page.path for g in added}
        other_pages = [
            f.src_uri
            for f in sorted(files.documentation_pages(), key=_file_sort_key)
            if f.inclusion.is_in_nav() and f.src_uri not in ours  # type: ignore[no-untyped-call]  # untyped in MkDocs
        ]
        config.nav = place(config.nav, other_pages, self.project.settings.nav_section, added)
        self._log_diagrams()
        self.generated = ours
        self.search_worker = self._add_search_worker(files, config)
        self.project = self.report = None  # the next build (serve) loads them again in on_config
        return files

    def _generate(self, config: MkDocsConfig) -> list[GeneratedPage] | None:
        from .generate import PageConflict, generate
        from .render import TemplateProblem

        assert self.project is not None and self.report is not None
        site = SiteContext(
            self.project,
            self.report,
            repo_url=config.repo_url,
            edit_uri=_root_edit_uri(config, self.project.root),
            render_svg=self._render_svg,
            renderer_name=self._renderer_name(),
            use_directory_urls=config.use_directory_urls,
            language=self._language(config),
        )
        try:
            return generate(self.project, site)
        except (TemplateProblem, PageConflict) as exc:
            self._fail(f"cannot generate pages: {exc}")
        except PluginError:
            raise
        except Exception as exc:
            INTERNAL_ERRORS.append(f"{type(exc).__name__}: {exc}")
            self._fail(
                f"internal error while generating pages ({type(exc).__name__}: {exc}); this is a bug "
                "in mopsdocs, please report it at https://github.com/mopsdocs/mopsdocs/issues"
            )
        return None

    def _language(self, config: MkDocsConfig) -> str:
        from .. import i18n

        assert self.project is not None
        theme_language = config.theme.get("language") if config.theme else None
        language = i18n.resolve(theme_language, self.project.settings.language)
        if language.fell_back:
            # info, not a warning: a strict build of a German site is not broken, only in English
            log.info(
                f"generated pages are in English: no catalog for '{language.requested}' "
                f"(shipped: {', '.join(i18n.shipped_languages())})"
            )
        return language.code

    def _add_search_worker(self, files: Files, config: MkDocsConfig) -> bool:
        from .. import i18n
        from .search_language import add_worker, wanted

        assert self.project is not None
        theme_language = config.theme.get("language") if config.theme else None
        site_language = i18n.resolve(theme_language, self.project.settings.language).code
        return wanted(theme_language, site_language) and add_worker(files, config)

    def _fail(self, message: str) -> None:
        """A build error; under `serve` only logged (MkDocs would print a traceback and stall)."""
        if not self.serving:
            raise PluginError(message)
        log.error(message)

    def _renderer_name(self) -> str:
        assert self.diagrams is not None
        try:
            return self.diagrams.get_renderer().name
        except RenderError:
            return ""  # reported when (and only if) a diagram is drawn

    def _render_svg(self, dot: str) -> str:
        assert self.diagrams is not None
        try:
            return self.diagrams.svg(dot)
        except RenderError as exc:
            message = f"cannot draw the diagram {_graph_name(dot)}: {exc}"
            self._fail(message)
            return f'<p class="mopsdocs-error">{html.escape(message)}</p>\n'

    def _log_diagrams(self) -> None:
        service = self.diagrams
        if service is None or service.renderer is None or not (service.renders or service.hits):
            return
        how = service.renderer.name + ("" if service.renderer.kind == "dot" else " (no `dot` on PATH)")
        log.info(f"diagrams: {service.renders} drawn with {how}, {service.hits} from cache")
        service.renders = service.hits = 0


def _assets(suffix: str) -> list[Path]:
    return sorted(p for p in ASSETS.glob(f"*{suffix}") if p.is_file()) if ASSETS.is_dir() else []


def _file_sort_key(f: File) -> tuple[Any, ...]:
    from mkdocs.structure.files import file_sort_key

    return file_sort_key(f)  # type: ignore[no-any-return]


def _relative_to_docs(path: Path, docs_dir: str) -> str:
    return Path(os.path.relpath(path, docs_dir)).as_posix()


def _root_edit_uri(config: MkDocsConfig, root: Path) -> str | None:
    """MkDocs' `edit_uri` is relative to docs_dir; spec paths are relative to the project root."""
    edit_uri = config.edit_uri
    if not config.repo_url or not edit_uri or any(c in edit_uri for c in "?#") or "://" in edit_uri:
        return None  # query-style or absolute edit URIs: no reliable way to point at a spec file
    up = Path(os.path.relpath(root, config.docs_dir)).as_posix()
    joined = posixpath.normpath(posixpath.join(edit_uri, up))
    return None if joined in (".", "..") or joined.startswith("../") else joined + "/"


def _graph_name(dot: str) -> str:
    match = re.search(r'digraph\s+("(?:[^"\\]|\\.)*")', dot)
    return match.group(1) if match else "(unnamed)"
