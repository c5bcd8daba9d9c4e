"""`mopsdocs init`: create a working project (mkdocs.yml, example specs, docs/index.md)."""

from __future__ import annotations

from pathlib import Path

import click

from ..clikit import usage_error


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Create a working project in DIRECTORY: mkdocs.yml, example specs, docs/index.md.

    Never overwrites a file: existing ones are left as they are and listed.
    """
    from ..scaffold import create_project

    target = Path(directory)
    if target.exists() and not target.is_dir():
        usage_error(f"{directory} is not a folder")
    created, kept = create_project(target)
    for path in created:
        click.echo(f"created {path}")
    for path in kept:
        click.echo(f"exists, left as is: {path}")
    click.echo(f"\nNext: cd {directory} && mopsdocs check && mopsdocs serve")


COMMANDS = [init]
