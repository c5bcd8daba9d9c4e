"""The health page's stack questions: STACK diagnostics under them, dated, linked to `stack/`."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import health

MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n      as_of: 2026-12-02\n"
STACK = """\
kind: stack
id: martech
name: Martech
tools:
  - {id: late, name: Late, category: crm, contract: {renews_on: 2027-01-31, notice: 30d}}
  - {id: soon, name: Soon, category: abm, contract: {renews_on: 2027-03-31, notice: 30d}}
  - {id: z1, name: Z1, category: enrichment}
  - {id: z2, name: Z2, category: enrichment}
"""


def test_stack_questions_list_their_diagnostics_newest_first(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"specs/stack.yaml": STACK}, MKDOCS)
    project, report = load_project(root)
    site = SiteContext(project, report)
    audit = {a["question"]: a for a in health.pages(project, site)[0].context["audit"]}
    renewals = audit["Is every renewal decided before its notice deadline?"]["problems"]
    # window opened 2026-11-01 for 'soon' (deadline 2027-03-01), 2026-09-03 for 'late': newest first
    assert [(p["since"], p["page"], p["where"]) for p in renewals] == [
        ("2026-11-01", "stack/index.md", "specs/stack.yaml:6:65"),
        ("2026-09-03", "stack/index.md", "specs/stack.yaml:5:65"),
    ]
    overlap = audit["Does any integration hang on a tool being retired, and which tools do the same job?"]
    assert [p["code"] for p in overlap["problems"]] == ["STACK003"]
