"""The exported schemas in a real editor engine: yaml-language-server (npm), driven over LSP.

A spec whose first line is the `# yaml-language-server: $schema=...` modeline gets completion of
this project's ids, hover help from the model descriptions, and errors for misspelt keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, make_project, require_tool, run_cli
from lsp import LspClient

SERVER = REPO / "tests" / "js" / "node_modules" / ".bin" / "yaml-language-server"
TEAM = """\
kind: team
teams:
  - {id: marketing-ops, name: Marketing Ops}
roles:
  - {id: mops-manager, name: MOPs Manager, team: marketing-ops}
people:
  - {id: maude, name: Maude, roles: [mops-manager]}
"""
MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[LspClient, Path]]:
    require_tool("node", "running yaml-language-server")
    require_tool(
        "yaml-language-server", "the editor engine", path=SERVER, install="npm ci in tests/js (scripts/test does it)"
    )
    root = make_project(tmp_path / "p", {"specs/team.yaml": TEAM}, MKDOCS)
    assert run_cli(["schema", "-o", str(root / ".mopsdocs" / "schemas"), "--with-ids"], cwd=root).code == 0
    lsp = LspClient([str(SERVER), "--stdio"], root)
    lsp.start()
    yield lsp, root
    lsp.close()


LIFECYCLE = """\
# yaml-language-server: $schema=../.mopsdocs/schemas/lifecycle.schema.json
kind: lifecycle
id: lead
name: Lead
stages:
  - id: known
    name: Known
    initial: true
    onwer: maude
    owner:\x20
"""


def test_typo_is_flagged_and_owner_completes_with_project_ids(client: tuple[LspClient, Path]) -> None:
    lsp, root = client
    path = root / "specs" / "lead.yaml"
    uri = lsp.open(path, LIFECYCLE)
    note = lsp.wait_for(
        lambda n: (
            n.get("method") == "textDocument/publishDiagnostics"
            and n["params"]["uri"] == uri
            and n["params"]["diagnostics"]
        )
    )
    messages = [(d["range"]["start"]["line"], d["message"]) for d in note["params"]["diagnostics"]]
    assert any(line == 8 and "onwer" in message for line, message in messages), messages

    completion = lsp.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 9, "character": 11}}
    )
    items = completion["items"] if isinstance(completion, dict) else completion
    labels = {item["label"] for item in items}
    assert {"maude", "mops-manager", "marketing-ops"} <= labels, sorted(labels)


def test_hover_shows_the_model_description(client: tuple[LspClient, Path]) -> None:
    lsp, root = client
    text = (
        "# yaml-language-server: $schema=../.mopsdocs/schemas/lifecycle.schema.json\nkind: lifecycle\n"
        "id: lead\nname: Lead\nstages:\n  - id: known\n    name: Known\n    owner: maude\n    sla: 24h\n"
    )
    uri = lsp.open(root / "specs" / "hover.yaml", text)
    hover = lsp.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 8, "character": 5}})
    contents = hover["contents"]
    shown = contents["value"] if isinstance(contents, dict) else str(contents)
    assert "Max dwell time" in shown


def test_init_projects_work_in_the_editor_out_of_the_box(tmp_path: Path) -> None:
    """`init` writes schemas with the project's ids and a modeline on every spec that finds them."""
    import subprocess
    import sys

    target = tmp_path / "new"
    assert run_cli(["init", str(target)]).code == 0
    spec_files = sorted((target / "specs").rglob("*.yaml"))
    assert spec_files
    checker = Path(sys.executable).parent / "check-jsonschema"
    for spec in spec_files:
        first = spec.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), spec
        schema = (spec.parent / first.split("$schema=", 1)[1]).resolve()
        assert schema.is_file(), schema
        proc = subprocess.run([str(checker), "--schemafile", str(schema), str(spec)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout
    program = next(p for p in spec_files if "programs" in p.parts)
    lsp = LspClient([str(SERVER), "--stdio"], target)
    try:
        lsp.start()
        text = program.read_text()
        lines = text.splitlines()
        owner_line = next(i for i, line in enumerate(lines) if line.startswith("owner:"))
        lines[owner_line] = "owner: "
        uri = lsp.open(program, "\n".join(lines) + "\n")
        completion = lsp.request(
            "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": owner_line, "character": 7}}
        )
        items = completion["items"] if isinstance(completion, dict) else completion
        labels = {item["label"] for item in items}
        team = (target / "specs" / "team.yaml").read_text()
        assert labels and all(label in team for label in labels), labels
    finally:
        lsp.close()
