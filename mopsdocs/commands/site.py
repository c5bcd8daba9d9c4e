"""`mopsdocs build` and `serve`: thin wrappers around MkDocs with the mopsdocs plugin.

Only click is imported here at module level; MkDocs and the site code load inside the commands.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..clikit import Exit, project_option, project_root, usage_error


def _run_mkdocs(args: list[str]) -> None:
    """Run MkDocs' own command line in-process; its failures become exit 1, our bugs exit 3."""
    from mkdocs.__main__ import cli as mkdocs_cli

    from ..site import plugin

    plugin.INTERNAL_ERRORS.clear()
    try:
        mkdocs_cli.main(args=args, prog_name="mopsdocs", standalone_mode=False)
    except click.ClickException as exc:  # MkDocs' Abort / ConfigurationError: already explained above
        click.echo(exc.format_message().strip(), err=True)
        raise Exit(3 if plugin.INTERNAL_ERRORS else 1) from None


@click.command()
@click.option("--strict", is_flag=True, help="Warnings (spec warnings included) fail the build.")
@click.option("--site-dir", "-d", metavar="DIR", default=None, help="Write the site here (default: site/).")
@project_option
def build(strict: bool, site_dir: str | None, project: str | None) -> None:
    """Build the documentation site (MkDocs with the mopsdocs plugin).

    The site is built in a hidden folder beside the site folder and swapped in when complete: a
    failed build (a spec error, a broken template, --strict) leaves the previous site as it was.
    """
    import shutil

    from ..files import staging_dir, swap_in

    root = project_root(project)
    args = ["build", "--config-file", str(root / "mkdocs.yml")]
    if strict:
        args.append("--strict")
    final = Path(site_dir).resolve() if site_dir else _configured_site_dir(root)
    if final is None:  # site_dir written so that only MkDocs can read it (e.g. !ENV): MkDocs builds in place
        _run_mkdocs(args)
        return
    staged = staging_dir(final)
    try:
        _run_mkdocs([*args, "--site-dir", str(staged)])
        swap_in(staged, final)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _configured_site_dir(root: Path) -> Path | None:
    """mkdocs.yml's `site_dir` (default `site`), resolved against the project; None if not plain text."""
    from ..loader import load_file

    loaded = load_file(str(root / "mkdocs.yml"), "mkdocs.yml")
    data = loaded.documents[0].data if loaded.documents else None
    if isinstance(data, dict) and "site_dir" not in data and "INHERIT" in data:
        return None  # the folder may come from the inherited file: MkDocs knows it
    value = data.get("site_dir", "site") if isinstance(data, dict) else "site"
    return (root / value).resolve() if isinstance(value, str) and value else None


@click.command()
@click.option("--dev-addr", "-a", metavar="IP:PORT", default=None, help="Where to serve (default: localhost:8000).")
@click.option("--strict", is_flag=True, help="Warnings fail the build.")
@project_option
def serve(dev_addr: str | None, strict: bool, project: str | None) -> None:
    """Preview the site, rebuilding when a page, spec or template changes."""
    root = project_root(project)
    args = ["serve", "--config-file", str(root / "mkdocs.yml")]
    if dev_addr:
        args += ["--dev-addr", dev_addr]
    if strict:
        args.append("--strict")
    try:
        _run_mkdocs(args)
    except OSError as exc:  # the server's socket: a port in use is the user's to choose, not our bug
        import errno

        if exc.errno not in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            raise
        usage_error(f"cannot serve on {dev_addr or 'localhost:8000'}: {exc.strerror}; choose another with -a IP:PORT")


COMMANDS = [build, serve]
