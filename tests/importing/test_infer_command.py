"""`mopsdocs import --infer-convention`: the drafted naming spec, and a coverage figure that
`mopsdocs names check` confirms name for name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import assert_golden_tree, run_cli
from instance import write_instance, write_names
from namegen import Noise, Part, names
from test_import import _new_project

from mopsdocs.fmt import format_text

GOLDEN = Path(__file__).parent / "golden"
PARTS = [
    Part("date", "date", format="%Y-%m"),
    Part("vocabulary", "channel", ("WBN", "EM", "TS", "EVT")),
    Part("vocabulary", "region", ("NA", "EMEA", "APAC"), optional=0.3),
    Part("text", "name"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root: Path = _new_project(tmp_path / "handbook")
    write_names(root / "exports" / "program-names.csv", names(PARTS, "_", 1204, Noise(), seed=11))
    return root


def test_the_proposal_is_drafted_and_names_check_agrees_with_its_figure(project: Path) -> None:
    done = run_cli(["import", "exports", "--infer-convention"], cwd=project)
    assert done.code == 0, done.err
    figure = re.search(r"matches ([\d,]+) of ([\d,]+) names", done.out)
    assert figure is not None, done.out
    matched, total = (int(g.replace(",", "")) for g in figure.groups())
    assert total == 1204
    spec = (project / "specs" / "naming" / "program-names.yaml").read_text(encoding="utf-8")
    assert format_text(spec) == spec
    validated = run_cli(["check", "--format", "concise"], cwd=project)
    assert "specs/" not in validated.out  # the proposal is valid as drafted (PRG004 is the empty project's)
    checked = run_cli(
        ["names", "check", "program-names", "exports/program-names.csv", "--column", "Name", "--format", "json"],
        cwd=project,
    )
    summary = json.loads(checked.out)["summary"]
    assert (summary["checked"], summary["valid"]) == (total, matched)
    assert matched < total
    assert_golden_tree({"program-names.yaml": spec, "import-output.txt": done.out}, GOLDEN / "infer-convention")


def test_without_a_names_export_the_programs_names_are_used(tmp_path: Path) -> None:
    root = _new_project(tmp_path / "handbook")
    write_instance(root / "exports", hubspot=False)
    done = run_cli(
        ["import", "exports/marketo/programs.json", "--infer-convention", "--convention-id", "program"], cwd=root
    )
    assert done.code == 0, done.err
    assert "convention 'program':" in done.out
    assert (root / "specs" / "naming" / "program.yaml").is_file()


def test_names_with_no_common_shape_are_said_and_nothing_is_written(tmp_path: Path) -> None:
    root = _new_project(tmp_path / "handbook")
    write_names(root / "exports" / "names.csv", ["Spring newsletter", "Webinar about data", "Copy of program"])
    done = run_cli(["import", "exports", "--infer-convention"], cwd=root)
    assert done.code == 0
    assert "not drafted: naming convention: the 3 names share no shape to propose" in done.out
    assert not (root / "specs").exists()


SCOPED = """\
site_name: Handbook
plugins:
  - mopsdocs:
      required_program_categories: []
      exports:
        - {path: exports/programs.csv, type: names, asset: program, system: marketo}
        - {path: exports/emails.csv, type: names, asset: email, system: marketo}
"""
EMAIL_PARTS = [
    Part("literal", values=("EM",)),
    Part("vocabulary", "type", ("Invite", "Reminder", "FollowUp")),
    Part("text", "name"),
]


def test_names_scoped_by_asset_give_one_convention_each_with_applies_to(tmp_path: Path) -> None:
    root = tmp_path / "handbook"
    root.mkdir()
    (root / "mkdocs.yml").write_text(SCOPED, encoding="utf-8")
    write_names(root / "exports" / "programs.csv", names(PARTS, "_", 300, Noise(), seed=1))
    write_names(root / "exports" / "emails.csv", names(EMAIL_PARTS, "_", 300, Noise(), seed=2))
    done = run_cli(["import", "exports", "--infer-convention"], cwd=root)
    assert done.code == 0, done.err
    program = (root / "specs" / "naming" / "program.yaml").read_text(encoding="utf-8")
    email = (root / "specs" / "naming" / "email.yaml").read_text(encoding="utf-8")
    assert "    applies_to: [program]\n" in program and "    systems: [marketo]\n" in program
    assert "    applies_to: [email]\n" in email and 'template: "EM_{part2}_{name}"' in email
    assert "applies_to: the asset types" not in done.out  # not a decision when the export says it
    validated = run_cli(["check", "--strict", "--format", "concise"], cwd=root)
    assert validated.code == 0, validated.out
