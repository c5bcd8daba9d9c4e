"""Turning a `Page` into Markdown: the Jinja2 environment and `render_page`.

Templates are files shipped in `mopsdocs/templates/`; a file of the same name in the project's
`templates_dir` overrides the built-in one. Spec text only ever reaches a template as data (a
context value), never as template source, and every `{{ ... }}` output that was not produced by
one of the escaping filters below is escaped as plain text (`finalize`): a template that forgets a
filter shows the value literally instead of letting it become markup.

Filters (the names are part of the template contract): `text`, `cell`, `attr`, `url`,
`markdown`, `markdown_inline` (see `mopsdocs.site.escape`; the Markdown ones honour the
`allow_html` setting), `link` (`mopsdocs.site.pages.link`: `page.path | link(to, anchor)`, a
Markdown link MkDocs checks and rewrites) and `href` (`mopsdocs.site.pages.href`, the same
arguments: the final URL, for links inside raw HTML, which MkDocs leaves as written).

Generated tables are written as HTML rather than Markdown tables: Markdown would parse every cell
again on every build (most of the build's time on a large site), and a cell's text is plain text
anyway. Their values go through `cell` (every character HTML or Markdown would read becomes an
entity, so the block is inert whether or not Markdown sees it), their links through `href`.
A template marks such a block `<!-- mopsdocs:html -->` ... `<!-- /mopsdocs:html -->`: it is
finished HTML, which Markdown would only copy through (after parsing it twice, to find where it
ends and which ids it holds), so the plugin hands it over itself (`stash_html` before Markdown,
`restore_html` after). A block holds no ids that Markdown links point at (MkDocs would not see
them when it checks anchors).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec

import jinja2
from markupsafe import Markup

from .. import i18n
from . import escape
from .pages import Page, href, link

if TYPE_CHECKING:
    from .context import SiteContext

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
P = ParamSpec("P")


class TemplateProblem(Exception):
    """A template could not be found or rendered (shown to the user as a clean build error)."""


def _finalize(value: Any) -> Any:
    # Already escaped by a filter (Markup): as is. Anything else is data: escaped as Markdown text.
    # Returning Markup also keeps Jinja's autoescape from escaping it a second time.
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, bool):
        return Markup("yes") if value else Markup("no")
    if isinstance(value, (int, float)):
        return Markup(str(value))  # noqa: S704 -- digits, a sign, a point or "inf": nothing to escape
    return _TEXT(value)


def _escaping(escape_fn: Callable[P, str]) -> Callable[P, Markup]:
    """A filter from an escaping function: what `escape_fn` returns (and only that) is safe Markup."""

    def apply(*args: P.args, **kwargs: P.kwargs) -> Markup:
        # The value went through escape_fn, one of mopsdocs.site.escape's functions: inert text.
        return Markup(escape_fn(*args, **kwargs))  # noqa: S704

    return apply


_TEXT = _escaping(escape.text)


def _link(from_path: str, to_path: str, anchor: str | None = None) -> str:
    # Paths of generated pages are made of validated ids; attr-escaping changes none of them and
    # keeps a link destination a link destination even if a page path ever held a quote or '<'.
    return escape.attr(link(from_path, to_path, anchor))


def _href(directory_urls: bool) -> Callable[..., str]:
    def final_url(from_path: str, to_path: str, anchor: str | None = None) -> str:
        return escape.attr(href(from_path, to_path, anchor, directory_urls=directory_urls))

    return final_url


def _filters(allow_html: bool, directory_urls: bool = True) -> dict[str, Callable[..., Markup]]:
    return {
        "text": _TEXT,
        "cell": _escaping(escape.cell),
        "attr": _escaping(escape.attr),
        "url": _escaping(escape.url),
        "markdown": _escaping(functools.partial(escape.markdown, allow_html=allow_html)),
        "markdown_inline": _escaping(functools.partial(escape.markdown_inline, allow_html=allow_html)),
        "link": _escaping(_link),
        "href": _escaping(_href(directory_urls)),
    }


def environment(
    templates_dir: str | None, allow_html: bool, directory_urls: bool = True, language: str = "en"
) -> jinja2.Environment:
    """The Jinja environment: the user's `templates_dir` (if it exists) first, then the built-ins.

    Cached per folder, its existence and the settings (`allow_html`, MkDocs' `use_directory_urls`
    for `href`); `auto_reload` makes `serve` pick up edited templates (and a folder created while
    serving is picked up at the next rebuild).
    """
    exists = bool(templates_dir) and Path(str(templates_dir)).is_dir()
    return _environment(templates_dir if exists else None, allow_html, directory_urls, language)


@functools.lru_cache(maxsize=16)
def _environment(
    templates_dir: str | None, allow_html: bool, directory_urls: bool, language: str
) -> jinja2.Environment:
    search = [templates_dir] if templates_dir else []
    search.append(str(BUILTIN_TEMPLATES))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        # Autoescape is on so that filters, macros and `join` pass Markup along; `finalize` escapes
        # every other value as Markdown text (not HTML), the right default for a Markdown page.
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,  # a misspelt variable is an error, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The words templates mark (`_("...")`, `ngettext(...)`) in the site's language. New-style
    # gettext: placeholders are filled by name after translation, so word order is the
    # translator's; values given to them must be filtered (`name=x|text`), as everywhere else.
    env.install_gettext_translations(i18n.translations(language), newstyle=True)  # type: ignore[attr-defined]
    filters = _filters(allow_html, directory_urls)
    env.filters.update(filters)
    env.globals["link"] = filters["link"]
    env.globals["allow_html"] = allow_html
    return env


def environment_for(site: SiteContext) -> jinja2.Environment:
    project = site.project
    folder = project.root / project.settings.templates_dir
    return environment(str(folder), site.allow_html, site.use_directory_urls, site.language)


def render_page(page: Page, site: SiteContext) -> str:
    """The Markdown text of a generated page: its template rendered with its context.

    The template sees the context's keys as variables, plus `page` (path, title, ...).
    Raises TemplateProblem with the template's name and line when it cannot be rendered.
    """
    env = environment_for(site)
    variables = dict(page.context)
    variables.setdefault("page", page)
    try:
        template = env.get_template(page.template)
        return template.render(variables)
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(
            f"template '{exc.name}' not found (looked in {site.project.settings.templates_dir}/ "
            "and the built-in templates)"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise TemplateProblem(f"{where}: template syntax error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateProblem(f"template '{page.template}' for page {page.path}: {exc.message}") from None


# A finished HTML block of a generated page: from its opening marker line to its closing one.
_HTML_BLOCK = re.compile(r"^<!-- mopsdocs:html -->\n(.*?)^<!-- /mopsdocs:html -->$", re.MULTILINE | re.DOTALL)
_PLACEHOLDER = "<!-- mopsdocs:html {} -->"


def stash_html(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with each marked HTML block replaced by a placeholder comment (which
    Markdown copies through as it is), and the blocks, in order, for `restore_html`."""
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return _PLACEHOLDER.format(len(blocks) - 1)

    return _HTML_BLOCK.sub(keep, markdown), blocks


def restore_html(html: str, blocks: list[str]) -> str:
    """The rendered page with each placeholder replaced by its block again."""
    for n, block in enumerate(blocks):
        html = html.replace(_PLACEHOLDER.format(n), block, 1)
    return html


__all__ = [
    "BUILTIN_TEMPLATES",
    "TemplateProblem",
    "environment",
    "environment_for",
    "render_page",
    "restore_html",
    "stash_html",
]
