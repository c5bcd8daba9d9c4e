"""`mopsdocs import`: draft specs from platform exports (contract section 8).

A thin command: read the exports (`mopsdocs.exports`), draft (`mopsdocs.importing`), write only
new files, say what was written, kept and left to decide. Exit 0 when everything read was
drafted or said; 1 when an export could not be read (FILE001) or a file could not be written;
2 for usage errors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..clikit import Exit, project_option, usage_error

if TYPE_CHECKING:
    from ..importing.draft import Drafted
    from ..importing.write import Written
    from ..project import Project


@click.command("import")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--output", "-o", "output", metavar="DIR", default=None, help="Write the drafts here (default: the specs folder)."
)
@click.option(
    "--infer-convention",
    is_flag=True,
    help="Also propose a naming convention from the names in a names export (or a programs export).",
)
@click.option(
    "--convention-id", metavar="ID", default=None, help="Id of the proposed convention (default: from the file name)."
)
@project_option
def import_(
    files: tuple[Path, ...], output: str | None, infer_convention: bool, convention_id: str | None, project: str | None
) -> None:
    """Draft specs from platform exports: channels and the channel vocabulary, a lifecycle from a
    status picklist, people from a users export, operational programs from a programs export.
    FILE: export files or folders (default: the project's exports folder).

    Writes only new files (an existing one is kept and named) and says what a person must still
    decide; `mopsdocs check` then points at each decision.
    """
    from ..exports import read_exports
    from ..importing.plan import draft_all
    from ..importing.write import write_drafts
    from ..report import concise_line

    root, model = _project(project, output)
    folder = Path(output) if output else root / model.settings.specs_dir
    if folder.exists() and not folder.is_dir():
        usage_error(f"{folder} is a file, not a folder")
    if not files:
        default = root / model.settings.exports_dir
        if not default.is_dir():
            usage_error(f"give the export files or folders to draft from (there is no {model.settings.exports_dir}/)")
        files = (default,)
    progress = _progress() if sys.stderr.isatty() else None
    exports = read_exports(list(files), root=root, settings=model.settings, progress=progress)
    if progress is not None:
        click.echo("\r\033[K", nl=False, err=True)
    for diagnostic in exports.diagnostics:
        click.echo(concise_line(diagnostic), err=True)
    drafted = draft_all(exports, model, infer_convention=infer_convention, convention_id=convention_id)
    written = write_drafts(drafted.drafts, folder, root)
    _say(drafted, written)
    unreadable = any(d.severity == "error" for d in exports.diagnostics)
    if unreadable or written.failed:
        raise Exit(1)


def _project(project: str | None, output: str | None) -> tuple[Path, Project]:
    """(root, loaded project); outside any project, `-o DIR` drafts with nothing specified."""
    from ..config import ProjectNotFound, find_root
    from ..importing.plan import empty_project
    from ..pipeline import load_project

    start = Path(project) if project else Path.cwd()
    if project is not None and not start.is_dir():
        usage_error(f"--project {project}: no such folder")
    try:
        root = find_root(start)
    except ProjectNotFound as exc:
        if output is None:
            usage_error(f"{exc}; or give -o DIR to draft outside a project")
        return Path.cwd(), empty_project(Path.cwd())
    model, _ = load_project(root)
    return root, model


def _progress() -> Callable[[str], None]:
    def show(label: str) -> None:
        click.echo(f"\r\033[Kreading {label[-70:]}", nl=False, err=True)

    return show


def _say(drafted: Drafted, written: Written) -> None:
    for shown, draft in written.created:
        click.echo(f"created {shown}: {draft.title}")
    for shown, draft in written.kept:
        click.echo(f"exists, left as is: {shown} ({draft.title} not written)")
    for shown, why in written.failed:
        click.echo(f"mopsdocs: error: cannot write {shown}: {why}", err=True)
    for line in drafted.not_drafted:
        click.echo(f"not drafted: {line}")
    for line in drafted.notes:
        click.echo(line)
    decisions = [(shown, d) for shown, draft in written.created for d in draft.decisions]
    if decisions:
        click.echo("\nStill to decide (`mopsdocs check` points at each one):")
        for shown, decision in decisions:
            click.echo(f"  {shown}: {decision}")
    if not drafted.drafts and not drafted.not_drafted:
        click.echo("Nothing to draft: give channels, status picklist, users, programs or names exports.")
    elif written.created:
        click.echo("\nNext: mopsdocs check")


COMMANDS = [import_]
