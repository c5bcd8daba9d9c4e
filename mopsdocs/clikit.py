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

    try:
        return find_root(Path(project) if project else Path.cwd())
    except ProjectNotFound as exc:
        usage_error(str(exc))


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
