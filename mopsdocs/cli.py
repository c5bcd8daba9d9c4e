"""The `mopsdocs` command: thin click commands that call the core once and map results to exits.

Exit codes (the contract): 0 fine; 1 spec errors (or warnings with --strict, or invalid names);
2 usage error; 3 internal error. Heavy modules (mkdocs, jinja2, graphviz) are imported inside the
commands that need them, so `mopsdocs check` stays fast enough for every commit hook.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .clikit import (
    BUG_REPORT,
    Exit,
    check_output_path,
    project_option,
    project_root,
    usage_error,
    valid_date,
    write_output,
)
from .commands import COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mopsdocs")
def main() -> None:
    """Documentation as code for marketing-operations teams."""


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "concise", "json", "github", "sarif"]),
    default="auto",
    show_default=True,
    help="Output format (auto: github in GitHub Actions, else text).",
)
@click.option("--strict", is_flag=True, help="Warnings also fail (exit 1).")
@click.option("--as-of", metavar="DATE", callback=valid_date, help="The date 'today' means for review checks.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the report to a file instead of standard output (atomically).",
)
@click.option("--force", is_flag=True, help="Let --output replace an existing file.")
@click.option(
    "--changed",
    is_flag=True,
    help="Re-read only files changed since the last --changed run (cache in ~/.cache/mopsdocs); "
    "cross-file rules still see everything, so results equal a full run.",
)
@project_option
def check(
    fmt: str, strict: bool, as_of: str | None, output: str | None, force: bool, changed: bool, project: str | None
) -> None:
    """Validate every spec: all problems in one run, each with file:line:col."""
    from .editor_schemas import stale_note
    from .pipeline import load_project
    from .report import FORMATTERS, pick_format

    if output:
        check_output_path(output, force)  # before the work, not after
    root = project_root(project)
    model, report = load_project(root, as_of=as_of, cache=changed)
    text = FORMATTERS[pick_format(fmt)](report, root)
    if output:
        write_output(Path(output), text, force)
    else:
        click.echo(text, nl=False)
    if note := stale_note(root, model, report.errors):  # editor schemas with outdated ids: a note, not a problem
        click.echo(note, err=True)
    if report.errors or (strict and report.warnings):
        raise Exit(1)


@main.command()
@project_option
@click.option("--as-of", metavar="DATE", callback=valid_date, help="The date 'today' means for review checks.")
def export(project: str | None, as_of: str | None) -> None:
    """Print the whole validated model as JSON (stable key order)."""
    from .export import export_json
    from .pipeline import load_project

    root = project_root(project)
    model, report = load_project(root, as_of=as_of)
    click.echo(export_json(model), nl=False)
    if report.errors:
        click.echo(
            f"mopsdocs: {report.errors} spec error(s) left parts out of the export; run `mopsdocs check` to see them",
            err=True,
        )
        raise Exit(1)


@main.command()
@click.option(
    "--output",
    "-o",
    "out_dir",
    metavar="DIR",
    default=None,
    help="Write one <kind>.schema.json per kind into DIR (default: print all as one JSON object).",
)
@click.option("--force", is_flag=True, help="Overwrite existing schema files.")
@click.option(
    "--with-ids",
    is_flag=True,
    help="Add this project's ids (parties, programs, stages, vocabularies) as enums, for completion.",
)
@project_option
def schema(out_dir: str | None, force: bool, with_ids: bool, project: str | None) -> None:
    """JSON Schema of every kind, for editors and generic validators."""
    from .schema import all_schemas, with_project_ids, write_schemas

    model = None
    if with_ids:
        from .pipeline import load_project

        model, _ = load_project(project_root(project))
    if out_dir is None:
        import json

        schemas = all_schemas() if model is None else with_project_ids(all_schemas(), model)
        click.echo(json.dumps(schemas, indent=2, sort_keys=True))
        return
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        usage_error(f"{out_dir} is a file: --output takes a folder")
    try:
        for path in write_schemas(Path(out_dir), force=force, project=model):
            click.echo(f"wrote {path}")
    except FileExistsError as exc:
        usage_error(f"{exc.args[0]} exists; pass --force to overwrite")
    except OSError as exc:
        usage_error(f"cannot write into {out_dir}: {exc.strerror or exc}")


def run() -> None:
    """Entry point: maps every outcome to the contract's exit codes; no traceback reaches a user."""
    code = 0
    try:
        main.main(standalone_mode=False)
    except Exit as exc:
        code = exc.code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        code = 130
    except click.ClickException as exc:
        exc.show()
        code = 2 if exc.exit_code in (1, 2) else exc.exit_code
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    except RecursionError as exc:
        click.echo(BUG_REPORT.format(error=f"RecursionError: {exc}"), err=True)
        code = 3
    except Exception as exc:
        click.echo(BUG_REPORT.format(error=f"{type(exc).__name__}: {exc}"), err=True)
        code = 3
    sys.stdout.flush()
    sys.exit(code)


# The commands of the other capabilities (mopsdocs/commands/, one module per command); importing
# them costs only click, so `check` stays fast.
for _command in COMMANDS:
    main.add_command(_command)
