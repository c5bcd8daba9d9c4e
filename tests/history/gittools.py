"""Real git repositories for the history tests: a project, commits with fixed dates and authors.

(Not a conftest.py: a second `conftest` module would shadow tests/conftest.py.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

from conftest import require_tool

MKDOCS = """\
site_name: History test
theme:
  name: material
  font: false
plugins:
  - search
  - mopsdocs:
      as_of: 2024-01-15
      required_program_categories: []
"""

TEAM = """\
kind: team
teams:
  - {id: mops, name: Marketing Ops}
  - {id: sales, name: Sales}
roles:
  - {id: mops-director, name: MOPs Director, team: mops}
  - {id: sfdc-admin, name: Salesforce Admin, team: mops}
  - {id: sdr, name: SDR, team: sales}
people:
  - {id: maude, name: Maude, roles: [mops-director]}
  - {id: sam, name: Sam, roles: [sdr]}
  - {id: ana, name: Ana, roles: [sfdc-admin]}
"""

LIFECYCLE = """\
kind: lifecycle
id: lead
name: Lead lifecycle
stages:
  - {id: known, name: Known, initial: true, owner: mops}
  - {id: mql, name: MQL, owner: mops, sla: 4h, definition: "Scored high."}
  - {id: customer, name: Customer, terminal: true, owner: sales}
transitions:
  - {from: known, to: mql, when: "Score >= 50"}
  - {from: mql, to: customer, sla: 1d, owner: sdr}
"""

RACI = """\
kind: raci
id: mops
name: MOPs RACI
activities:
  - id: dedupe
    name: Weekly dedupe
    assign: {sfdc-admin: R, mops-director: A, sdr: I}
"""

NAMING = """\
kind: naming
vocabularies:
  - id: channel
    name: Channel
    values:
      - {code: WBN, label: Webinar}
      - {code: EM, label: Email}
conventions:
  - id: program
    name: Marketo program
    applies_to: [program]
    template: "{date}_{channel}_{name}"
    fields:
      date: {type: date, format: YYYY-MM}
      channel: {type: vocabulary, vocabulary: channel}
      name: {type: text, pattern: "[A-Za-z0-9-]+"}
"""

PROGRAM = """\
kind: program
id: dedupe
name: Dedupe
category: deduplication
status: active
owner: sfdc-admin
reviewed: {on: 2023-11-01, every: 90d}
"""

BASE_FILES = {
    "specs/team.yaml": TEAM,
    "specs/lifecycle.yaml": LIFECYCLE,
    "specs/raci.yaml": RACI,
    "specs/naming.yaml": NAMING,
    "specs/programs/dedupe.yaml": PROGRAM,
}


def git_env(date: str = "2024-01-01T10:00:00+00:00", author: str = "Maude B.") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        {
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": "maude@example.com",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": "maude@example.com",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": os.environ.get("HOME", "/tmp"),
            "GIT_CONFIG_GLOBAL": os.devnull,
        }
    )
    return env


class GitProject:
    """A project folder that is a git repository; `write`, `remove`, `commit` as a user would."""

    def __init__(self, root: Path, files: dict[str, str] | None = None, mkdocs: str = MKDOCS) -> None:
        require_tool("git", "the history tests make real git repositories", install="apt-get install -y git")
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.write("mkdocs.yml", mkdocs)
        (root / "docs").mkdir(exist_ok=True)
        self.write("docs/index.md", "# Home\n")
        for rel, text in (BASE_FILES if files is None else files).items():
            self.write(rel, text)
        self.day = 0

    def git(self, *args: str, date: str | None = None, author: str = "Maude B.") -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, env=git_env(date or self.date(), author)
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def date(self) -> str:
        return f"2024-01-{1 + getattr(self, 'day', 0):02d}T10:00:00+00:00"

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    def move(self, rel: str, to: str) -> None:
        (self.root / to).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(self.root / rel), str(self.root / to))

    def commit(self, message: str, author: str = "Maude B.") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, author=author)
        self.day += 1
        return self.git("rev-parse", "HEAD").strip()
