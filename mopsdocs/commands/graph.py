"""`mopsdocs graph`: print a lifecycle's diagram, as on the site (DOT, or SVG drawn by Graphviz).

Only click is imported here at module level; the site code and graphviz load inside the command.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..clikit import Exit, project_option, project_root, usage_error


@click.command()
@click.argument("lifecycle")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["dot", "svg"]),
    default="dot",
    show_default=True,
    help="DOT source, or SVG drawn by Graphviz (with the site's stylesheet embedded).",
)
@project_option
def graph(lifecycle: str, fmt: str, project: str | None) -> None:
    """Print the diagram of LIFECYCLE (its id), as on the site."""
    from ..diagnostics import did_you_mean
    from ..pipeline import load_project
    from ..site.diagram import lifecycle_dot

    root = project_root(project)
    model, report = load_project(root)
    lc = model.lifecycles.get(lifecycle)
    if lc is None:
        known = ", ".join(sorted(model.lifecycles)) or "none"
        hint = did_you_mean(lifecycle, model.lifecycles) or f"known: {known}"
        usage_error(f"unknown lifecycle '{lifecycle}' ({hint})")
    dot = lifecycle_dot(model, lc)
    click.echo(dot if fmt == "dot" else _standalone_svg(root, dot), nl=False)
    if report.errors:
        click.echo(f"mopsdocs: {report.errors} spec error(s) elsewhere; run `mopsdocs check` to see them", err=True)
        raise Exit(1)


def _standalone_svg(root: Path, dot: str) -> str:
    from ..site.diagram_cache import DiagramService, project_cache_dir
    from ..site.graphviz_render import RenderError
    from ..site.plugin import ASSETS

    service = DiagramService(project_cache_dir(root))
    try:
        svg = service.svg(dot)
    except RenderError as exc:
        click.echo(f"mopsdocs: error: {exc}", err=True)
        raise Exit(1) from None
    renderer = service.get_renderer()
    where = "" if renderer.kind == "dot" else " (no `dot` on PATH)"
    click.echo(f"mopsdocs: drawn with {renderer.name}{where}", err=True)
    css = (ASSETS / "mopsdocs.css").read_text(encoding="utf-8")
    # The site's stylesheet, so the file looks as on the site; `]]>` cannot occur in it.
    styled = svg.replace("</title>", f"</title>\n<style><![CDATA[\n{css}]]></style>", 1)
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + styled


COMMANDS = [graph]
