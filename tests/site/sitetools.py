"""Helpers for the site tests: mini-projects, real builds, and an HTML reader.

(Not a conftest.py: a second `conftest` module would shadow tests/conftest.py for the modules
that do `from conftest import ...`.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SITE_TESTS = Path(__file__).resolve().parent
REPO = SITE_TESTS.parent.parent
BIN = Path(sys.executable).parent
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}

MKDOCS_YML = """\
site_name: Mini site
theme:
  name: material
  font: false
plugins:
  - search
  - mopsdocs:
      as_of: 2024-01-15
      required_program_categories: []
{extra}"""

TEAM = """\
kind: team
teams:
  - {id: mops, name: Marketing Ops}
  - {id: sales, name: Sales}
roles:
  - {id: mops-manager, name: MOPs Manager, team: mops}
  - {id: sdr, name: SDR, team: sales}
people:
  - {id: maude, name: Maude, roles: [mops-manager]}
  - {id: sam, name: Sam, roles: [sdr]}
"""

LIFECYCLE = """\
kind: lifecycle
id: lead
name: Lead lifecycle
stages:
  - {id: known, name: Known, initial: true, owner: mops, values: {marketo: Known}}
  - {id: mql, name: MQL, owner: mops, sla: 4h, definition: "Scored **high**."}
  - {id: customer, name: Customer, terminal: true, owner: sales, sla: 1d}
  - {id: lost, name: Lost, path: detour, terminal: true, owner: mops}
transitions:
  - {from: known, to: mql, when: "Score >= 50"}
  - {from: mql, to: customer, sla: 1d, owner: sdr}
  - {from: known, to: lost, type: disqualify, when: "Bad data"}
"""


def mini_project(
    root: Path, files: dict[str, str] | None = None, extra_config: str = "", docs: dict[str, str] | None = None
) -> Path:
    """A project with a Material mkdocs.yml, the team and lifecycle above (unless replaced), docs."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(extra=extra_config), encoding="utf-8")
    all_files = {"specs/team.yaml": TEAM, "specs/lifecycle.yaml": LIFECYCLE, **(files or {})}
    all_docs = {"index.md": "# Home\n\nHello.\n", **(docs or {})}
    for rel, text in {**all_files, **{f"docs/{k}": v for k, v in all_docs.items()}}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run_tool(
    tool: str, args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 180
) -> subprocess.CompletedProcess[str]:
    """Run an installed console script (`mkdocs`, `mopsdocs`) as a user would."""
    full_env = {**os.environ, **MKDOCS_ENV, **(env or {})}
    return subprocess.run(
        [str(BIN / tool), *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=full_env
    )


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (relative posix path -> bytes)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class Page(HTMLParser):
    """Every element (tag + attributes + text, descendants' included) of an HTML page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[str] = []
        self._stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        self._stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        for element in self._stack:  # an element's text includes its descendants'
            element.text += data

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    @property
    def text(self) -> str:
        return "".join(self.texts)


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def big_lifecycle(n: int, seed: int) -> dict[str, str]:
    """Spec files of an `n`-stage lifecycle over 6 teams: a main path with shortcuts, and detours
    (recycle, disqualify, reopen) joined to random main stages. Deterministic for a seed."""
    import random

    rnd = random.Random(seed)
    teams = [f"t{i}" for i in range(6)]
    team = ["kind: team", "teams:"] + [f"  - {{id: {t}, name: Team {t.upper()} with a long name}}" for t in teams]
    main = n - n // 6
    lines = ["kind: lifecycle", "id: big", "name: Big lifecycle", "stages:"]
    for i in range(n):
        owner = teams[min(5, i * 6 // main)] if i < main else rnd.choice(teams)
        lines += [
            f"  - id: s{i}",
            f"    name: Stage number {i} with quite a long name",
            f"    owner: {owner}",
            "    sla: 24h",
        ]
        lines += ["    initial: true"] if i == 0 else []
        lines += ["    terminal: true"] if i == main - 1 or (i >= main and i % 2) else []
        lines += ["    path: detour"] if i >= main else []
    lines.append("transitions:")
    for i in range(main - 1):
        lines.append(f"  - {{from: s{i}, to: s{i + 1}, when: 'score >= {i}', sla: 4h}}")
        if i + 2 < main and i % 3 == 0:
            lines.append(f"  - {{from: s{i}, to: s{i + 2}, when: 'fast track'}}")
    for i in range(main, n):
        kind = "disqualify" if i % 2 else "recycle"
        for src in rnd.sample(range(main - 1), 3):
            lines.append(f"  - {{from: s{src}, to: s{i}, type: {kind}, when: 'reason {src}'}}")
        if not i % 2:
            lines.append(f"  - {{from: s{i}, to: s{rnd.randrange(1, main // 2)}, type: reopen}}")
    return {"specs/team.yaml": "\n".join(team) + "\n", "specs/lifecycle.yaml": "\n".join(lines) + "\n"}
