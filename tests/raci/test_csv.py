"""`mopsdocs raci export|import`: the spreadsheet round trip, as users run it.

Export must open cleanly in Excel and Google Sheets (BOM, CRLF, defused formulas); import must
accept what spreadsheets really write and report every bad cell at its line and column, with the
contract's exit codes (1 bad cells, 2 usage) and never a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, make_project, run_cli

from mopsdocs.loader import load_text
from mopsdocs.raci.csv_io import defuse, export_csv, read_matrix_csv, restore
from mopsdocs.raci.model import Matrix, Row
from mopsdocs.raci.spec_writer import raci_spec
from mopsdocs.specs import RaciSpec
from mopsdocs.validate import validate_document

MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"
TEAM = """\
kind: team
teams:
  - {id: mops, name: Marketing Ops}
roles:
  - {id: mops-manager, name: MOPs Manager, team: mops}
  - {id: data-analyst, name: Data Analyst, team: mops}
people:
  - {id: maude, name: Maude, roles: [mops-manager, data-analyst]}
"""
RACI = """\
kind: raci
id: ops
name: Ops RACI
parties: [mops-manager, data-analyst, maude]
activities:
  - {id: upload, name: List uploads, group: Data, assign: {mops-manager: A, data-analyst: R}}
  - {id: formula, name: "=HYPERLINK(\\"http://evil\\")", group: "-minus", assign: {maude: A/R, data-analyst: C}}
  - {id: pipes, name: "a | b, \\"quoted\\"", assign: {mops-manager: A/R, maude: I}}
"""


@pytest.fixture
def ops(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj", {"specs/team.yaml": TEAM, "specs/raci.yaml": RACI}, MKDOCS)


def as_matrix(spec_text: str) -> tuple[tuple[str, ...] | None, list[tuple[str, str, str | None, dict[str, str]]]]:
    """Load a spec through the real loader and validator: (parties, rows)."""
    docs = load_text(spec_text, "imported.yaml").documents
    assert len(docs) == 1
    spec, problems = validate_document(docs[0])
    assert problems == [] and isinstance(spec, RaciSpec), problems
    parties = tuple(spec.parties) if spec.parties is not None else None
    return parties, [(a.id, a.name, a.group, dict(a.assign)) for a in spec.activities]


# --------------------------------------------------------------------------- export


def test_export_csv_bytes_open_cleanly_in_spreadsheets(ops: Path) -> None:
    exe = Path(sys.executable).parent / "mopsdocs"
    done = subprocess.run([str(exe), "raci", "export", "ops"], cwd=ops, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    data = done.stdout
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel does not guess a code page"
    assert data.count(b"\r\n") == 5 and data.replace(b"\r\n", b"").count(b"\n") == 0
    assert data.decode("utf-8-sig").split("\r\n") == [
        "matrix,ops,Ops RACI,",
        "activity_id,activity,group,description,mops-manager,data-analyst,maude",
        "upload,List uploads,Data,,A,R,",
        'formula,"\'=HYPERLINK(""http://evil"")",\'-minus,,,C,A/R',
        'pipes,"a | b, ""quoted""",,,A/R,,I',
        "",
    ]


def test_export_to_file_refuses_to_overwrite_without_force(ops: Path) -> None:
    out = ops / "ops.csv"
    assert run_cli(["raci", "export", "ops", "-o", str(out)], cwd=ops).code == 0
    first = out.read_bytes()
    assert first.startswith(b"\xef\xbb\xbf") and b"\r\n" in first
    again = run_cli(["raci", "export", "ops", "-o", str(out)], cwd=ops)
    assert again.code == 2 and "exists; pass --force" in again.err
    assert run_cli(["raci", "export", "ops", "-o", str(out), "--force"], cwd=ops).code == 0


def test_export_markdown_escapes_pipes_and_html(ops: Path) -> None:
    result = run_cli(["raci", "export", "ops", "--format", "markdown"], cwd=ops)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "# Ops RACI"
    assert lines[2] == "| Activity | Group | MOPs Manager | Data Analyst | Maude |"
    assert '| a \\| b, "quoted" |  | A/R |  | I |' in lines
    assert all(line.count(" | ") == 4 for line in lines[2:7]), "a pipe in a name must not add a column"


def test_export_unknown_matrix_is_a_usage_error_with_a_hint(ops: Path) -> None:
    result = run_cli(["raci", "export", "opz"], cwd=ops)
    assert (result.code, result.out) == (2, "")
    assert result.err == "mopsdocs: error: no RACI matrix 'opz' (did you mean 'ops'?)\n"


def test_export_says_when_spec_errors_left_cells_out(ops: Path) -> None:
    (ops / "specs/raci.yaml").write_text(RACI.replace("data-analyst: R}", "data-analyst: X}"), encoding="utf-8")
    result = run_cli(["raci", "export", "ops"], cwd=ops)
    assert result.code == 1
    assert result.out.splitlines()[2] == "upload,List uploads,Data,,A,,"
    assert "specs/raci.yaml has 1 error(s) that left parts of the matrix out" in result.err


# --------------------------------------------------------------------------- import


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_import_reports_every_bad_cell_with_line_and_column(tmp_path: Path) -> None:
    csv_file = write(
        tmp_path,
        "team.csv",
        (
            "activity_id,activity,group,mops-manager,Data Analyst,sfdc-admin,mops-manager\r\n"
            "upload,List uploads,Data,A,R,,\r\n"
            "dedupe,De-duplication,X-group,A,,Z,\r\n"
            "Bad Id,Something,,A,,,\r\n"
            "upload,Again,,R,,,,C\r\n"
            ",,,A,,,\r\n"
        ),
    )
    result = run_cli(["raci", "import", str(csv_file)], cwd=tmp_path)
    assert (result.code, result.out) == (1, "")
    shown = str(csv_file)
    assert result.err.splitlines() == [
        f"{shown}:1:5: 'Data Analyst' is not a party id: use the id from your team spec, e.g. 'data-analyst'",
        f"{shown}:1:7: party 'mops-manager' has two columns (also column 4)",
        f"{shown}:3:6: 'Z' is not a RACI letter (use R, A, C, I or A/R)",
        f"{shown}:4:1: 'Bad Id' is not an activity id (e.g. 'bad-id'); "
        "or leave the cell empty to make one from the name",
        f"{shown}:5:1: duplicate activity id 'upload' (also on line 2)",
        f"{shown}:5:8: 'C' is in a column with no party id in the header",
        f"{shown}:6:1: '' is not an activity id; or leave the cell empty to make one from the name",
        f"{shown}:6:2: activity '' has no name",
        f"mopsdocs: 8 problems in {shown}; nothing written",
    ]
    assert "Traceback" not in result.err


def test_import_accepts_what_spreadsheets_write_and_says_what_it_normalised(tmp_path: Path) -> None:
    csv_file = write(
        tmp_path,
        "Team RACI.csv",
        (
            "sep=;\n"
            "activity_id;activity;group;MOPS-Manager;data-analyst;;\n"
            "upload;List uploads;Data;a;r;;\n"
            ";Email QA;;A / R;c;;\n"
            "\n"
            ";;;;;;\n"
            "dedupe;De-duplication;Data;AR;i;;\n"
            "review;Review;;A;;;\n"
        ),
    )
    result = run_cli(["raci", "import", str(csv_file)], cwd=tmp_path)
    assert result.code == 0, result.err
    shown = str(csv_file)
    assert result.err.splitlines() == [
        f"{shown}:2:4: note: party 'MOPS-Manager' read as 'mops-manager'",
        f"{shown}:3:4: note: 'a' read as 'A' (letters are capitals)",
        f"{shown}:3:5: note: 'r' read as 'R' (letters are capitals)",
        f"{shown}:4:1: note: no activity_id: 'email-qa' made from the name",
        f"{shown}:4:4: note: 'A / R' read as 'A/R'",
        f"{shown}:4:5: note: 'c' read as 'C' (letters are capitals)",
        f"{shown}:7:4: note: 'AR' read as 'A/R'",
        f"{shown}:7:5: note: 'i' read as 'I' (letters are capitals)",
        f"{shown}:8:1: warning: 'review' has no R (nobody does the work): check will report RACI002",
    ]
    assert as_matrix(result.out) == (
        ("mops-manager", "data-analyst"),
        [
            ("upload", "List uploads", "Data", {"mops-manager": "A", "data-analyst": "R"}),
            ("email-qa", "Email QA", None, {"mops-manager": "A/R", "data-analyst": "C"}),
            ("dedupe", "De-duplication", "Data", {"mops-manager": "A/R", "data-analyst": "I"}),
            ("review", "Review", None, {"mops-manager": "A"}),
        ],
    )
    assert result.out.splitlines()[2:4] == ["id: team-raci", "name: Team RACI"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_import_detects_the_delimiter(tmp_path: Path, delimiter: str) -> None:
    rows = [["activity_id", "activity", "group", "a", "b"], ["x", "X, with; separators\tinside", "", "A", "R"]]
    text = "\r\n".join(delimiter.join(f'"{c}"' if any(d in c for d in ",;\t") else c for c in r) for r in rows)
    result = run_cli(["raci", "import", str(write(tmp_path, "m.csv", text)), "--id", "m", "--name", "M"], cwd=tmp_path)
    assert result.code == 0, result.err
    assert as_matrix(result.out) == (("a", "b"), [("x", "X, with; separators\tinside", None, {"a": "A", "b": "R"})])


def test_import_reads_excel_unicode_text_utf16(tmp_path: Path) -> None:
    text = "activity_id\tactivity\tgroup\tmops-manager\r\nqa\tQA für Sé\t\tA/R\r\n"
    csv_file = write(tmp_path, "sheet.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    result = run_cli(["raci", "import", str(csv_file)], cwd=tmp_path)
    assert result.code == 0, result.err
    assert as_matrix(result.out) == (("mops-manager",), [("qa", "QA für Sé", None, {"mops-manager": "A/R"})])


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "is empty: nothing to import"),
        (b" \r\n\r\n", "is empty: nothing to import"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "is not a text file (it holds NUL bytes): export the sheet as CSV first",
        ),
        (
            "activité,x\n".encode("latin-1"),
            "is not UTF-8 text (byte 0xe9 on line 1): in Excel save it as 'CSV UTF-8', "
            "in Google Sheets use File > Download > CSV",
        ),
        (
            b"Activity,Owner\nList uploads,Maude\n",
            "has no header row: its first line must be "
            "activity_id,activity,group,<party ids...> (export a matrix to see one)",
        ),
    ],
)
def test_unreadable_files_are_usage_errors_without_traceback(tmp_path: Path, data: bytes, message: str) -> None:
    csv_file = write(tmp_path, "bad.csv", data)
    result = run_cli(["raci", "import", str(csv_file)], cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"mopsdocs: error: {csv_file} {message}\n"


@pytest.mark.parametrize(
    "args,message",
    [
        (["missing.csv"], "cannot read missing.csv: No such file or directory"),
        (["."], ". is a folder, not a CSV file"),
        (
            ["ok.csv", "--id", "Not An Id"],
            "--id 'Not An Id' is not a valid id (lowercase letters, digits, '-' and '_')",
        ),
        (["ok.csv", "--name", "  "], "--name must not be empty"),
        (["___.csv"], "cannot make a matrix id from the file name: pass --id"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    write(tmp_path, "ok.csv", "activity_id,activity,group,a\nx,X,,A/R\n")
    write(tmp_path, "___.csv", "activity_id,activity,group,a\nx,X,,A/R\n")
    result = run_cli(["raci", "import", *args], cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"mopsdocs: error: {message}\n"


def test_import_writes_atomically_and_never_overwrites_without_force(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "ops.csv", "activity_id,activity,group,a\nx,X,,A/R\n")
    out = tmp_path / "specs" / "ops.yaml"
    first = run_cli(["raci", "import", str(csv_file), "-o", str(out)], cwd=tmp_path)
    assert (first.code, first.out, first.err) == (0, "", f"wrote {out}\n")
    out.write_text("# my edits\n", encoding="utf-8")
    refused = run_cli(["raci", "import", str(csv_file), "-o", str(out)], cwd=tmp_path)
    assert refused.code == 2 and refused.err == f"mopsdocs: error: {out} exists; pass --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "# my edits\n"
    assert run_cli(["raci", "import", str(csv_file), "-o", str(out), "--force"], cwd=tmp_path).code == 0
    assert as_matrix(out.read_text(encoding="utf-8"))[1] == [("x", "X", None, {"a": "A/R"})]
    assert [p.name for p in out.parent.iterdir()] == ["ops.yaml"], "no temporary file left behind"


def test_bad_cells_write_nothing(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "ops.csv", "activity_id,activity,group,a\nx,X,,Q\n")
    out = tmp_path / "ops.yaml"
    result = run_cli(["raci", "import", str(csv_file), "-o", str(out)], cwd=tmp_path)
    assert result.code == 1 and not out.exists()


def test_import_inside_a_project_warns_about_unknown_parties(ops: Path) -> None:
    write(ops, "new.csv", "activity_id,activity,group,mops-manger,data-analyst\nx,X,,A,R\n")
    result = run_cli(["raci", "import", "new.csv"], cwd=ops)
    assert result.code == 0
    assert result.err == (
        "new.csv:1:4: warning: unknown party 'mops-manger' (did you mean 'mops-manager'?): check will report REF001\n"
    )


def test_import_from_stdin(tmp_path: Path) -> None:
    result = run_cli(
        ["raci", "import", "-", "--id", "piped"], cwd=tmp_path, stdin="activity_id,activity,group,a\nx,X,,A/R\n"
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[1:4] == ["kind: raci", "id: piped", "name: piped"]


# --------------------------------------------------------------------------- round trip


def test_cli_round_trip_gives_back_the_same_matrix(ops: Path) -> None:
    out = ops / "ops.csv"
    assert run_cli(["raci", "export", "ops", "-o", str(out)], cwd=ops).code == 0
    back = run_cli(["raci", "import", str(out), "--id", "ops", "--name", "Ops RACI"], cwd=ops)
    assert back.code == 0 and back.err == "", back.err
    assert as_matrix(back.out) == as_matrix(RACI)


def test_example_matrix_round_trips() -> None:
    from mopsdocs.pipeline import load_project
    from mopsdocs.raci.model import from_spec

    project, _ = load_project(REPO)
    matrix = from_spec(project, project.racis["mops"])
    imported = read_matrix_csv(export_csv(matrix).encode("utf-8"))
    assert (imported.problems, imported.notes) == ([], [])
    again = imported.matrix("mops", matrix.name)
    assert again.columns == matrix.columns
    assert [(r.id, r.name, r.group, dict(r.assign)) for r in again.rows] == [
        (r.id, r.name, r.group, dict(r.assign)) for r in matrix.rows
    ]


@pytest.mark.parametrize(
    "value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'", "'=x", "''=x", "'hello", "''", "plain", ""]
)
def test_defuse_is_undone_exactly(value: str) -> None:
    assert restore(defuse(value)) == value
    assert defuse(value)[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_spec_writer_quotes_what_yaml_would_misread() -> None:
    rows = (Row("yes", "null", "2021-01-01", {"123": "R", "true": "A"}), Row("x", "a: b # c", None, {}))
    text = raci_spec(Matrix("on", "No", ("123", "true"), rows), "f.csv")
    assert as_matrix(text) == (
        ("123", "true"),
        [("yes", "null", "2021-01-01", {"123": "R", "true": "A"}), ("x", "a: b # c", None, {})],
    )


def test_leading_blank_lines_and_line_numbers(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "m.csv", "\n\nactivity_id,activity,group,a\nx,X,,Q\n")
    result = run_cli(["raci", "import", str(csv_file)], cwd=tmp_path)
    assert result.code == 1
    assert result.err.splitlines()[0] == f"{csv_file}:4:4: 'Q' is not a RACI letter (use R, A, C, I or A/R)"


def test_a_cell_too_big_for_csv_is_a_located_problem_not_a_traceback(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "m.csv", 'activity_id,activity,group,a\nx,X,,A/R\ny,"' + "y" * 200_000 + '",,A/R\n')
    result = run_cli(["raci", "import", str(csv_file)], cwd=tmp_path)
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines()[0].startswith(f"{csv_file}:3:1: cannot read this line as CSV: field larger than")
    assert "Traceback" not in result.err


def test_output_to_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "m.csv", "activity_id,activity,group,a\nx,X,,A/R\n")
    result = run_cli(["raci", "import", str(csv_file), "-o", str(tmp_path), "--force"], cwd=tmp_path)
    assert (result.code, result.err) == (2, f"mopsdocs: error: {tmp_path} is a folder: give a file name\n")


# --------------------------------------------------------------------------- issue 13: real files lose nothing


def test_example_project_round_trip_keeps_descriptions_groups_id_and_name(tmp_path: Path) -> None:
    from mopsdocs.pipeline import load_project

    out = tmp_path / "mops.csv"
    assert run_cli(["raci", "export", "mops", "-o", str(out)], cwd=REPO).code == 0
    back = run_cli(["raci", "import", str(out)], cwd=REPO)  # no --id, no --name: the file says
    assert back.code == 0, back.err
    docs = load_text(back.out, "imported.yaml").documents
    spec, problems = validate_document(docs[0])
    assert problems == [] and isinstance(spec, RaciSpec), problems
    project, _ = load_project(REPO)
    original = project.racis["mops"]
    assert (spec.id, spec.name, spec.description) == (original.id, original.name, original.description)
    assert [(a.id, a.name, a.group, a.description, dict(a.assign)) for a in spec.activities] == [
        (a.id, a.name, a.group, a.description, dict(a.assign)) for a in original.activities
    ]
    assert any(a.description for a in original.activities), "the example must have descriptions to keep"


def test_import_reads_party_names_as_the_site_shows_them_and_leaves_out_other_columns(ops: Path) -> None:
    write(
        ops,
        "sheet.csv",
        "activity_id,activity,group,MOPs Manager,data  analyst,Notes,Maude\nx,X,,A,R,ask Bob,I\n",
    )
    result = run_cli(["raci", "import", "sheet.csv", "--id", "x"], cwd=ops)
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        "sheet.csv:1:4: note: column 'MOPs Manager' read as party 'mops-manager'",
        "sheet.csv:1:5: note: column 'data  analyst' read as party 'data-analyst'",
        "sheet.csv:1:6: note: column 'Notes' is no party of this project; left out",
        "sheet.csv:1:7: note: column 'Maude' read as party 'maude'",
    ]
    assert as_matrix(result.out) == (
        ("mops-manager", "data-analyst", "maude"),
        [("x", "X", None, {"mops-manager": "A", "data-analyst": "R", "maude": "I"})],
    )


def test_import_output_folder_that_does_not_exist_is_created_below_an_existing_one(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "ops.csv", "activity_id,activity,group,a\nx,X,,A/R\n")
    bad = tmp_path / "missing.txt" / "x.yaml"
    (tmp_path / "missing.txt").write_text("a file", encoding="utf-8")
    result = run_cli(["raci", "import", str(csv_file), "-o", str(bad)], cwd=tmp_path)
    assert result.code == 2 and "is a file, not a folder" in result.err, result.err
