"""`mopsdocs fmt`: normalise spec files in place (and `fmt --check` for CI)."""

from __future__ import annotations

import click

from ..clikit import Exit, project_root


@click.command()
@click.option("--check", "check_only", is_flag=True, help="Change nothing; exit 1 if a file would change (for CI).")
@click.option("--project", "-C", metavar="DIR", default=None, help="Start looking for mkdocs.yml here.")
def fmt(check_only: bool, project: str | None) -> None:
    """Normalise spec files in place (key order, indentation, quoting), keeping every comment.

    This command writes into specs/ (atomically, only files whose text changes).
    """
    from ..config import read_settings
    from ..discover import discover
    from ..fmt import format_files

    root = project_root(project)
    settings = read_settings(root).settings
    files, _ = discover(root, settings)
    result = format_files(files, write=not check_only, limits=settings.loader_limits())
    verb = "would reformat" if check_only else "reformatted"
    for rel in result.changed:
        click.echo(f"{verb} {rel}")
    for rel, why in result.skipped:
        click.echo(f"skipped {rel}: fix it first ({why})", err=True)
    for rel, why in result.kept:  # our limitation, not the user's mistake: said, not a failure
        click.echo(f"left {rel} as it is: {why}; please report this to mopsdocs", err=True)
    kept = f", {len(result.kept)} left as they are" if result.kept else ""
    click.echo(
        f"{len(result.changed)} file(s) {verb}, {len(result.unchanged)} unchanged{kept}, {len(result.skipped)} skipped."
    )
    if result.skipped or (check_only and result.changed):
        raise Exit(1)


COMMANDS = [fmt]
