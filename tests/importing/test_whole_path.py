"""From "a Marketo instance and no docs" to a checked, built handbook, as a team would go.

An empty folder with the mkdocs.yml `mopsdocs init` writes; the instance's exports; `import`;
`check` lists the decisions and nothing else; a person fills each one (the edits below are
exactly what the decisions ask); `check --strict` passes; `mopsdocs build --strict` builds the
site with MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import run_cli, run_process
from instance import write_instance
from test_import import DECISION_CODES, _new_project

TEAM = """\
kind: team
teams:
  - {id: marketing-ops, name: Marketing Operations}
roles:
  - {id: mops-manager, name: MOPs Manager, team: marketing-ops}
"""


def _edit(path: Path, *changes: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text)
        assert count, f"{pattern!r} not in {path.name}"
    path.write_text(text, encoding="utf-8")


def _decide(specs: Path) -> None:
    """Every decision the draft left, answered as a team would."""
    today = dt.date.today().isoformat()
    (specs / "team.yaml").write_text(TEAM, encoding="utf-8")
    _edit(specs / "team" / "marketo-users.yaml", (r"(\n    email: [^\n]+)", r"\1\n    roles: [mops-manager]"))
    for lifecycle in (specs / "lifecycles").glob("*.yaml"):
        _edit(
            lifecycle,
            (r"owner: \[\]", "owner: maude-bernard"),
            (r'terminal: "DECIDE: [^"]*"', "terminal: true"),
            (r'type: "DECIDE: [^"]*"', "type: disqualify"),
        )
    for program in (specs / "programs").glob("*.yaml"):
        _edit(
            program,
            (r"owner: \[\]", "owner: maude-bernard"),
            (r'"on": "DECIDE: [^"]*"', f'"on": {today}'),
        )
    _edit(specs / "programs" / "ops-web-form-handler.yaml", (r'category: "DECIDE: [^"]*"', "category: other"))
    _edit(
        specs / "channels" / "trade-show.yaml",
        (r"\{name: On Waitlist, step: 10\}", "{name: On Waitlist, step: 10, role: waitlisted}"),
        (r"\{name: Visited Booth, step: 20,", "{name: Visited Booth, step: 20, role: attended,"),
    )
    _edit(
        specs / "channels" / "content-syndication.yaml",
        (r"success: true\}", "success: true, crm: {status: Downloaded, responded: true}}"),
    )


def test_a_marketo_instance_becomes_a_checked_built_handbook(tmp_path: Path) -> None:
    root = _new_project(tmp_path / "handbook")
    write_instance(root / "exports")
    drafted = run_cli(["import", "exports"], cwd=root)
    assert drafted.code == 0, drafted.err

    checked = run_cli(["check", "--format", "concise"], cwd=root)
    assert checked.code == 1
    codes = set(re.findall(r"\[(\w+)\]", checked.out))
    assert codes <= DECISION_CODES, checked.out

    _decide(root / "specs")
    strict = run_cli(["check", "--strict", "--format", "concise"], cwd=root)
    assert strict.code == 0, strict.out
    assert strict.out.startswith("All checks passed")

    audited = run_cli(["audit", "exports", "--format", "concise"], cwd=root)
    assert not re.findall(r"DRIFT00[1-5]", audited.out), audited.out  # drafted from these exports: no drift

    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Handbook\n", encoding="utf-8")
    built = run_process(["build", "--strict", "-d", str(tmp_path / "site")], root, env={"NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    for page in ("channels/trade-show", "lifecycle/lead", "lifecycle/contact", "programs/ops-web-form-handler"):
        assert (site / page / "index.html").is_file(), page
    people = (site / "people" / "devon-okafor" / "index.html").read_text(encoding="utf-8")
    assert "Marketing User" in people  # the platform roles kept beside the decision, as an extra field
