"""What every command shares: exits by policy, finding the project, common options.

Kept apart from `mopsdocs.cli` so that command modules can import it without importing the CLI
(which registers them): no import cycle whichever module is loaded first.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

BUG_REPORT = (
    "mopsdocs hit an internal error; this is a bug in mopsdocs, not in your specs. Please report it at "
    "https://github.com/mopsdocs/mopsdocs/issues with the command you ran and, if you can, the spec "
    "that triggers it. Details: {error}"
)


class Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def usage_error(message: str) -> NoReturn:
    click.echo(f"mopsdocs: error: {message}", err=True)
    raise Exit(2)


def project_root(project: str | None) -> Path:
    from .config import ProjectNotFound, find_root

    if project is not None:
        folder = Path(project)
        if not folder.exists():
            usage_error(f"--project {project}: no such folder")
        if not folder.is_dir():
            usage_error(f"--project {project} is a file: give the project's folder")
    try:
        return find_root(Path(project) if project else Path.cwd())
    except ProjectNotFound as exc:
        usage_error(str(exc))


def check_output_path(output: str, force: bool, new_folders: bool = False) -> None:
    """Refuse, before any work, an output file that cannot be written (exit 2): it is no folder,
    it exists only with --force, and its folder exists (unless `new_folders`: `raci import -o
    specs/x.yaml` may start the specs folder)."""
    path = Path(output)
    if path.is_dir():
        usage_error(f"{output} is a folder: give a file name")
    parent = path.parent
    if new_folders:
        parent = next((p for p in (parent, *parent.parents) if p.exists()), Path("."))
    if not parent.exists():
        usage_error(f"cannot write {output}: the folder {parent} does not exist (create it first)")
    if not parent.is_dir():
        usage_error(f"cannot write {output}: {parent} is a file, not a folder")
    if not force and (path.exists() or path.is_symlink()):
        usage_error(f"{output} exists; pass --force to overwrite it")


def write_output(path: Path, text: str, force: bool, new_folders: bool = False) -> None:
    """Write a command's output file atomically; an existing file only with --force (else exit 2).
    The folder must exist unless `new_folders`."""
    from .files import write_atomic

    check_output_path(str(path), force, new_folders)
    try:
        write_atomic(path, text, overwrite=force)
    except FileExistsError:
        usage_error(f"{path} exists; pass --force to overwrite it")
    except OSError as exc:
        usage_error(f"cannot write {path}: {exc.strerror or exc}")


def valid_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD") from None
    if len(value) != 10:
        raise click.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD")
    return value


project_option = click.option(
    "--project",
    "-C",
    metavar="DIR",
    default=None,
    help="Start looking for mkdocs.yml here instead of the current folder.",
)
