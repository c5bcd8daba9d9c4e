"""`mopsdocs audit`: the specs against the platforms' exports (drift and the instance mini-audit).

Only click is imported here at module level; the readers and rules load inside the command.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..clikit import Exit, project_option, project_root, valid_date

FORMATS = ["auto", "text", "concise", "json", "github", "sarif", "markdown"]


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Output format (auto: github in GitHub Actions, else text; markdown for a pull request or job summary).",
)
@click.option("--strict", is_flag=True, help="Warnings also fail (exit 1).")
@click.option("--as-of", metavar="DATE", callback=valid_date, help="The date ages are counted to.")
@project_option
def audit(files: tuple[Path, ...], fmt: str, strict: bool, as_of: str | None, project: str | None) -> None:
    """Hold the specs against platform exports: FILE... (files or folders), or the exports_dir folder."""
    from ..audit.output import render
    from ..audit.run import exports_of, run_audit
    from ..pipeline import load_project
    from ..report import pick_format

    root = project_root(project)
    model, report = load_project(root, as_of=as_of)
    progress = _Progress(sys.stderr) if _is_terminal(sys.stderr) else None
    exports = exports_of(model, [Path(f) for f in files], progress)
    if progress is not None:
        progress.done()
    result = run_audit(model, exports)
    click.echo(render(pick_format(fmt), result, root), nl=False)
    if report.errors:
        click.echo(
            f"mopsdocs: {report.errors} spec error(s): the audit left those parts out; run `mopsdocs check`",
            err=True,
        )
    if not exports.files and not exports.diagnostics:
        where = ", ".join(str(f) for f in files) if files else f"{model.settings.exports_dir}/"
        click.echo(
            f"mopsdocs: note: no exports found in {where}; the site's audit page lists what to export and from where",
            err=True,
        )
    for f in exports.files:
        for note in f.notes:
            click.echo(f"mopsdocs: note: {f.path}: {note}", err=True)
    errors = sum(1 for d in result.diagnostics if d.severity.value == "error")
    if errors or (strict and result.diagnostics):
        raise Exit(1)


class _Progress:
    """'reading exports/programs.json (3 of 12)...' on a terminal, rewritten in place."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.width = 0
        self.count = 0

    def __call__(self, label: str) -> None:
        self.count += 1
        text = f"mopsdocs: reading {label} ({self.count})..."[:100]
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def done(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _is_terminal(stream: Any) -> bool:
    try:
        return stream is not None and bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


COMMANDS = (audit,)
