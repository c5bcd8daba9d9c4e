"""The RACI rules beyond the data-driven cases in `cases/`: the catalogue, the import budget of
`check`, and the example project's matrix."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

from mopsdocs.pipeline import load_project
from mopsdocs.rules import load_all
from mopsdocs.rules.registry import CHECKS


def test_every_raci_code_is_in_the_catalogue_with_a_doc() -> None:
    rules = load_all()
    for code, severity in (
        ("RACI001", "error"),
        ("RACI002", "error"),
        ("RACI003", "error"),
        ("RACI004", "warning"),
        ("RACI005", "warning"),
    ):
        assert rules[code].severity.value == severity
        assert "Fix" in rules[code].doc or "Example" in rules[code].doc, code
    # RACI003 is the schema validator's (it knows where the bad value is): declared, not re-checked
    assert "RACI003" not in CHECKS


def test_the_rules_and_the_csv_code_import_no_site_machinery() -> None:
    code = (
        "import sys, mopsdocs.rules.raci, mopsdocs.raci.csv_io, mopsdocs.raci.spec_writer\n"
        "roots = ('jinja2', 'mkdocs', 'markdown', 'graphviz')\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
        "print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_command_module_imports_only_click_at_the_top() -> None:
    import ast

    tree = ast.parse((REPO / "mopsdocs" / "commands" / "raci.py").read_text(encoding="utf-8"))
    top = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    names = {
        alias.name if isinstance(node, ast.Import) else (node.module or "") for node in top for alias in node.names
    }
    assert names <= {"__future__", "sys", "pathlib", "typing", "click", "cli", "clikit"}, names


def test_the_example_matrix_passes_strict_check() -> None:
    project, report = load_project(REPO)
    assert "mops" in project.racis and len(project.activities["mops"]) >= 15
    mine = [d for d in report.diagnostics if d.location.path == "specs/raci.yaml"]
    assert mine == []
    parties = {p for a in project.racis["mops"].activities for p in a.assign}
    assert parties <= set(project.roles) | set(project.teams), "the example uses roles (and teams), not people"
