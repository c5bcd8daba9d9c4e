"""`mopsdocs init`: create a working project (mkdocs.yml, example specs, docs/index.md)."""

from __future__ import annotations

from pathlib import Path

import click

from ..clikit import usage_error


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option(
    "--language",
    default="en",
    show_default=True,
    metavar="CODE",
    help="Language of the example specs, the home page and the site (theme.language): en, fr or th.",
)
def init(directory: str, language: str) -> None:
    """Create a working project in DIRECTORY: mkdocs.yml, example specs, docs/index.md.

    Never overwrites a file: existing ones are left as they are and listed.
    """
    from ..i18n import shipped_languages
    from ..scaffold import create_project, scaffold_languages

    code = language.strip().lower()
    # every shipped language has an example project (a test holds the two lists together)
    if code not in shipped_languages() or code not in scaffold_languages():
        usage_error(f"--language {language}: no such language (shipped: {', '.join(shipped_languages())})")
    target = Path(directory)
    if target.exists() and not target.is_dir():
        usage_error(f"{directory} is not a folder")
    created, kept = create_project(target, language=code)
    for path in created:
        click.echo(f"created {path}")
    for path in kept:
        click.echo(f"exists, left as is: {path}")
    click.echo(f"\nNext: cd {directory} && mopsdocs check && mopsdocs serve")


COMMANDS = [init]
