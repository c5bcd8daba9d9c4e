"""`mopsdocs names check` and `mopsdocs names build`: thin commands over `mopsdocs.naming`."""

from __future__ import annotations

import io
import sys
from typing import Any

import click

from ..clikit import Exit, project_option, project_root, usage_error


@click.group()
def names() -> None:
    """Check real asset names against a naming convention, or build a conforming name."""


def _convention(project: str | None, convention_id: str) -> Any:
    """The compiled convention, or exit: 2 when it does not exist, 1 when it has spec errors."""
    from ..diagnostics import did_you_mean
    from ..naming.catalogue import compile_all
    from ..pipeline import load_project

    root = project_root(project)
    model, _ = load_project(root)
    compiled = compile_all(model)
    if convention_id not in compiled:
        known = ", ".join(compiled) or "none: add a `kind: naming` spec"
        hint = did_you_mean(convention_id, compiled)
        usage_error(f"unknown convention '{convention_id}'{' (' + hint + ')' if hint else ''}; conventions: {known}")
    conv, problems = compiled[convention_id]
    if conv is None:
        for problem in problems:
            click.echo(f"mopsdocs: convention '{convention_id}': {problem.message}", err=True)
        click.echo(
            f"mopsdocs: convention '{convention_id}' cannot be used until its spec is fixed; run `mopsdocs check`",
            err=True,
        )
        raise Exit(1)
    return conv


@names.command("check")
@click.argument("convention")
@click.argument("files", nargs=-1)
@click.option(
    "--column",
    "-c",
    metavar="COL",
    default=None,
    help="Read a CSV export and check this column (its header name, or its number from 1).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="text: problems and a summary; json: the contract's format; csv: the input rows plus "
    "valid/problems/suggestion columns, for fixing in a spreadsheet.",
)
@click.option("--no-header", is_flag=True, help="With --column NUMBER: the CSV has no header row.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Processes that explain failing names, for runs with more than 2,000 of them "
    "(default 0: one per CPU core, at most 8; 1: this process only).",
)
@project_option
def check(
    convention: str,
    files: tuple[str, ...],
    column: str | None,
    fmt: str,
    no_header: bool,
    jobs: int,
    project: str | None,
) -> None:
    """Check names, one per line, or a CSV column with --column. FILE '-' or none: standard input.

    Exit 1 when any name does not conform."""
    from ..naming.checking import check_tables, default_jobs
    from ..naming.output import CsvWriter, JsonWriter, Progress, TextWriter
    from ..naming.sources import InputProblem, open_table

    if no_header and (column is None or not column.strip().isdigit()):
        usage_error("--no-header needs --column with a column number")
    conv = _convention(project, convention)
    stdin = _binary_stdin()
    out = _utf8_stdout()
    try:
        tables = [open_table(path, stdin, column, header=not no_header) for path in (files or ("-",))]
        for table in tables:
            for note in table.notes:
                click.echo(f"mopsdocs: note: {note}", err=True)
        writer: Any
        if fmt == "json":
            writer = JsonWriter(out, conv.id, conv.template.source)
        elif fmt == "csv":
            writer = CsvWriter(out, conv.id, conv.template.source, tables)
        else:
            writer = TextWriter(out, conv.id, conv.template.source)
        progress = Progress(sys.stderr) if _is_terminal(sys.stderr) else None
        try:
            summary = check_tables(conv, tables, writer, progress, jobs or default_jobs())
        except Exception as exc:
            from concurrent.futures.process import BrokenProcessPool  # loaded already if it can be this

            if not isinstance(exc, BrokenProcessPool):
                raise
            out.flush()
            click.echo(
                "mopsdocs: a process explaining names stopped before its work was done (killed, or out of "
                "memory?); the report above is incomplete: run again, or with --jobs 1",
                err=True,
            )
            raise Exit(3) from None
        finally:
            if progress is not None:
                progress.done()
    except InputProblem as exc:
        out.flush()
        usage_error(str(exc))
    finally:
        out.flush()
        if out is not sys.stdout:
            out.detach()  # hand standard output back intact
    if fmt == "csv":
        click.echo(
            f"Checked {summary.checked:,} names: {summary.valid:,} valid, {summary.invalid:,} invalid; "
            f"{summary.rate()} conform.",
            err=True,
        )
    if summary.invalid:
        raise Exit(1)


@names.command("build")
@click.argument("convention")
@click.argument("values", nargs=-1, metavar="FIELD=VALUE... [+SWITCH...]")
@project_option
def build(convention: str, values: tuple[str, ...], project: str | None) -> None:
    """Print the name made of these field values, or why they cannot make one.

    An optional group without a field (`[_PARENT]`) is in the name when given as +TEXT (+_PARENT).

    Example: mopsdocs names build program date=2021-12 channel=WBN name=Peak-Capacity"""
    from ..diagnostics import did_you_mean
    from ..naming.build import build_name

    conv = _convention(project, convention)
    given: dict[str, str] = {}
    for item in values:
        if item.startswith("+") and "=" not in item:  # a switch: an optional group without a field
            if item[1:] not in conv.switches:
                known = ", ".join("+" + t for t in conv.switches) or "none"
                usage_error(f"'{item}' is not a switch of '{conv.id}' ({conv.template.source}); its switches: {known}")
            given[item] = "on"
            continue
        key, sep, value = item.partition("=")
        if not sep:
            usage_error(f"'{item}' is not FIELD=VALUE; fields of '{conv.id}': {', '.join(conv.fields)}")
        if key not in conv.fields:
            hint = did_you_mean(key, conv.fields)
            usage_error(
                f"'{key}' is not a field of '{conv.id}'{' (' + hint + ')' if hint else ''}; "
                f"its fields: {', '.join(conv.fields)}"
            )
        if key in given:
            usage_error(f"'{key}' is given twice")
        given[key] = value
    result = build_name(conv, given)
    for note in result.notes:
        click.echo(f"mopsdocs: note: {_printable(note)}", err=True)
    if result.name is None:
        click.echo(
            f"mopsdocs: these values do not make a conforming '{conv.id}' name ({conv.template.source}):", err=True
        )
        for problem in result.problems:
            line = f"{problem.field}: {problem.message}" if problem.field else problem.message
            click.echo(f"  {_printable(line)}", err=True)
        raise Exit(1)
    click.echo(_printable(result.name))


def _is_terminal(stream: Any) -> bool:
    try:
        return stream is not None and bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def _binary_stdin() -> Any:
    stream = sys.stdin
    if stream is None:  # started with standard input closed
        return None
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(stream.read().encode("utf-8"))


def _utf8_stdout() -> Any:
    """Standard output as UTF-8 text with no newline translation (CSV writes its own line ends)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # already a text stream (tests, embedding)
        return sys.stdout
    sys.stdout.flush()
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="backslashreplace", newline="", write_through=True)


def _printable(text: str) -> str:
    from ..naming.output import printable

    return printable(text)


COMMANDS = [names]
