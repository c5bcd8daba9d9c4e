"""`mopsdocs pdf`: the whole site as one PDF (mkdocs-print-site-plugin, printed by Chromium).

Only click is imported here at module level; MkDocs and the PDF code load inside the command.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..clikit import Exit, project_option, project_root, usage_error


@click.command()
@click.option("--output", "-o", metavar="FILE", default=None, help="Write the PDF here (default: site.pdf).")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Sheet size.")
@click.option("--font", metavar="FAMILY", default=None, help='Font for the text, e.g. "Noto Sans Thai".')
@click.option(
    "--browser", metavar="PATH", default=None, help="Chromium or Chrome to print with (default: found on PATH)."
)
@project_option
def pdf(output: str | None, paper: str, font: str | None, browser: str | None, project: str | None) -> None:
    """Build the site and print it to one PDF: a cover, a table of contents, one section per page.

    Needs the `pdf` extra (pip install 'mopsdocs[pdf]') and Chromium or Chrome. The PDF replaces
    FILE in one step; the site folder is not touched (the build happens in a scratch folder).
    """
    from mkdocs.exceptions import MkDocsException

    from ..pdf import BrowserMissing, PrintFailed, PrintPageMissing, PrintSiteMissing, make_pdf
    from ..site import plugin

    root = project_root(project)
    target = Path(output).resolve() if output else root / "site.pdf"
    for folder in ("docs", "specs"):
        if target.is_relative_to((root / folder).resolve()):
            usage_error(f"--output {output}: mopsdocs does not write into {folder}/; choose another place")
    if target.is_dir():
        usage_error(f"--output {output}: is a folder; give a file name such as handbook.pdf")
    plugin.INTERNAL_ERRORS.clear()
    try:
        result = make_pdf(root, target, paper=paper, font=font, browser=browser)
    except (PrintSiteMissing, PrintPageMissing, BrowserMissing, PrintFailed) as exc:
        click.echo(f"mopsdocs: error: {exc}", err=True)
        raise Exit(1) from None
    except MkDocsException as exc:  # the build failed: MkDocs (and the plugin) said why above
        click.echo(f"mopsdocs: error: the site did not build: {exc}".rstrip(": "), err=True)
        raise Exit(3 if plugin.INTERNAL_ERRORS else 1) from None
    pages = f" ({result.pages} pages)" if result.pages is not None else ""
    click.echo(f"mopsdocs: wrote {_shown(result.path)}{pages}", err=True)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


COMMANDS = [pdf]
