"""`mopsdocs raci export|import`: a RACI matrix to a spreadsheet and back.

Thin commands: they read, call `mopsdocs.raci`, write, and map the outcome to an exit code
(0 done; 1 bad cells in the file, or a matrix whose spec lost parts to errors; 2 usage).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..clikit import Exit, check_output_path, project_option, project_root, usage_error, write_output

if TYPE_CHECKING:
    from ..project import Project
    from ..raci.csv_io import Imported, Problem

# Codes whose diagnostics mean part of a spec was left out (so an export would be incomplete).
_DROPPING = ("YAML", "SPEC", "RACI003", "FILE", "LIMIT")


@click.group()
def raci() -> None:
    """RACI matrices as spreadsheets: export to CSV or Markdown, import a CSV as a spec."""


@raci.command("export")
@click.argument("matrix_id", metavar="ID")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "markdown"]),
    default="csv",
    show_default=True,
    help="csv: for Excel and Google Sheets (UTF-8 with BOM, CRLF); markdown: a table.",
)
@click.option("--output", "-o", metavar="FILE", default=None, help="Write to FILE instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@project_option
def export_matrix(matrix_id: str, fmt: str, output: str | None, force: bool, project: str | None) -> None:
    """Print the RACI matrix ID as CSV (the default) or Markdown."""
    from ..pipeline import load_project
    from ..raci.csv_io import export_csv, export_markdown
    from ..raci.model import from_spec

    if output:
        check_output_path(output, force)  # before any work
    root = project_root(project)
    model, report = load_project(root)
    spec = model.racis.get(matrix_id)
    if spec is None:
        usage_error(_unknown_matrix(model, matrix_id))
    matrix = from_spec(model, spec)
    if fmt == "csv":
        text = export_csv(matrix)
    else:
        text = export_markdown(matrix, {pid: p.name for pid, p in model.parties.items()})
    _write(text, output, force)
    path = model.document_of(spec).path
    lost = [
        d
        for d in report.diagnostics
        if d.location.path == path and d.severity == "error" and d.code.startswith(_DROPPING)
    ]
    if lost:
        click.echo(
            f"mopsdocs: {path} has {len(lost)} error(s) that left parts of the matrix out of the "
            "export; run `mopsdocs check` to see them",
            err=True,
        )
        raise Exit(1)


@raci.command("import")
@click.argument("file", metavar="FILE")
@click.option("--id", "matrix_id", metavar="ID", default=None, help="Id of the matrix (default: from the file name).")
@click.option("--name", metavar="NAME", default=None, help="Title of the matrix (default: the file name).")
@click.option("--output", "-o", metavar="OUT", default=None, help="Write the spec to OUT instead of printing it.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def import_matrix(file: str, matrix_id: str | None, name: str | None, output: str | None, force: bool) -> None:
    """Turn a CSV (activity_id,activity,group,<party ids...>) into a `kind: raci` spec.

    FILE may be `-` for standard input. Delimiters `,` `;` and tab are accepted; so are lowercase
    letters and `AR` for `A/R`. Bad cells are reported as FILE:LINE:COLUMN and nothing is written.
    """
    from ..raci.csv_io import Unreadable, read_matrix_csv, rule_warnings
    from ..raci.spec_writer import raci_spec

    shown = "<stdin>" if file == "-" else file
    raw = _read(file)
    if output:
        check_output_path(output, force, new_folders=True)  # say so before any work (writing checks again)
    model = _current_project()
    known = {pid: p.name for pid, p in model.parties.items()} if model is not None else None
    try:
        imported = read_matrix_csv(raw, known or None)
    except Unreadable as exc:
        usage_error(f"{shown} {exc}")
    matrix_id, name = _identity(file, matrix_id or imported.matrix_id, name or imported.name)
    for note in sorted(imported.notes):
        click.echo(note.render(shown, "note: "), err=True)
    if imported.problems:
        for problem in sorted(imported.problems):
            click.echo(problem.render(shown), err=True)
        count = len(imported.problems)
        click.echo(f"mopsdocs: {count} problem{'s' if count != 1 else ''} in {shown}; nothing written", err=True)
        raise Exit(1)
    for warning in sorted(rule_warnings(imported) + _unknown_parties(imported, model)):
        click.echo(warning.render(shown, "warning: "), err=True)
    text = raci_spec(imported.matrix(matrix_id, name), Path(shown).name)
    _write(text, output, force, new_folders=True)
    if output:
        click.echo(f"wrote {output}", err=True)


# --------------------------------------------------------------------------- helpers


def _unknown_matrix(model: Project, matrix_id: str) -> str:
    from ..diagnostics import did_you_mean

    if not model.racis:
        return f"no RACI matrix '{matrix_id}': the project has none (add a spec with `kind: raci`)"
    hint = did_you_mean(matrix_id, model.racis) or f"known: {', '.join(sorted(model.racis))}"
    return f"no RACI matrix '{matrix_id}' ({hint})"


def _identity(file: str, matrix_id: str | None, name: str | None) -> tuple[str, str]:
    """The matrix id and name: from the options, else from the file name."""
    import re

    from ..specs import ID_PATTERN

    stem = Path(file).stem if file != "-" else ""
    if matrix_id is None:
        matrix_id = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_")[:64]
        if not matrix_id:
            usage_error("cannot make a matrix id from the file name: pass --id")
    if not re.match(ID_PATTERN, matrix_id):
        usage_error(f"--id '{matrix_id}' is not a valid id (lowercase letters, digits, '-' and '_')")
    name = (stem.replace("_", " ").strip() or matrix_id) if name is None else name.strip()
    if not name:
        usage_error("--name must not be empty")
    return matrix_id, name


def _read(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    try:
        return Path(file).read_bytes()
    except IsADirectoryError:
        usage_error(f"{file} is a folder, not a CSV file")
    except OSError as exc:
        usage_error(f"cannot read {file}: {exc.strerror or exc}")


def _write(text: str, output: str | None, force: bool, new_folders: bool = False) -> None:
    """To OUT atomically (never over an existing file without --force), else to stdout as is."""
    if output is None:
        stream = sys.stdout
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:  # bytes: no newline translation may touch the CSV's CRLF
            stream.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:
            stream.write(text)
        return
    write_output(Path(output), text, force, new_folders)


def _current_project() -> Project | None:
    """The project around the current folder, if there is one (its parties name the columns)."""
    from ..config import ProjectNotFound, find_root
    from ..pipeline import load_project

    try:
        root = find_root(Path.cwd())
    except ProjectNotFound:
        return None
    model, _ = load_project(root)
    return model


def _unknown_parties(imported: Imported, model: Project | None) -> list[Problem]:
    """Header party ids the current project does not define (said, not fatal: the project may be elsewhere)."""
    from ..diagnostics import did_you_mean
    from ..raci.csv_io import Problem

    if model is None or not model.parties:
        return []
    out = []
    for party in imported.columns:
        col = imported.column_of[party]
        if party not in model.parties:
            hint = did_you_mean(party, model.parties)
            out.append(
                Problem(
                    imported.header_line,
                    col,
                    f"unknown party '{party}'" + (f" ({hint})" if hint else "") + ": check will report REF001",
                )
            )
    return out


COMMANDS = [raci]
