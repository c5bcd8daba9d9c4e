"""The program model behind PRG001-006 and the health page: durations, cycles, reviews, the audit."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, make_project, run_cli

from mopsdocs import durations
from mopsdocs.diagnostics import Diagnostic, Report
from mopsdocs.pipeline import load_project
from mopsdocs.program_model import dependency_cycles, review_status
from mopsdocs.project import Project
from mopsdocs.rule_catalogue import RULES
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import health
from mopsdocs.site.render import render_page

TEAM = """\
kind: team
teams: [{id: mops, name: MOPs}]
roles: [{id: mops-manager, name: Manager, team: mops}, {id: nobody-role, name: Empty, team: mops}]
people:
  - {id: priya, name: Priya, roles: [mops-manager]}
  - {id: devon, name: Devon, roles: [mops-manager], active: false, left_on: 2021-10-01}
"""


def program(
    pid: str,
    *,
    status: str = "active",
    category: str = "other",
    owner: str = "mops-manager",
    depends_on: list[str] | None = None,
    reviewed: str | None = "{on: 2021-11-01}",
) -> str:
    lines = [
        "kind: program",
        f"id: {pid}",
        f"name: Program {pid}",
        f"category: {category}",
        f"status: {status}",
        f"owner: {owner}",
    ]
    if depends_on:
        lines.append(f"depends_on: [{', '.join(depends_on)}]")
    if reviewed:
        lines.append(f"reviewed: {reviewed}")
    return "\n".join(lines) + "\n"


def load(root: Path, as_of: str | None = "2021-12-01") -> tuple[Project, Report]:
    return load_project(root, as_of=as_of)


# --------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    "text, expected",
    [
        ("30m", dt.timedelta(minutes=30)),
        ("24h", dt.timedelta(hours=24)),
        ("2d", dt.timedelta(days=2)),
        ("1w", dt.timedelta(weeks=1)),
        ("0d", dt.timedelta(0)),
    ],
)
def test_parse_duration(text: str, expected: dt.timedelta) -> None:
    assert durations.parse(text) == expected


@pytest.mark.parametrize("text", ["", "2", "d", "2 d", "2D", "-1d", "1.5d", "2dd", "1y", None, 3])
def test_parse_rejects_what_is_not_a_duration(text: object) -> None:
    assert durations.parse(text) is None
    assert durations.whole_days(text) is None


def test_whole_days_rounds_up_and_describe_reads_naturally() -> None:
    assert [durations.whole_days(t) for t in ("30m", "24h", "25h", "2d", "1w")] == [1, 1, 2, 2, 7]
    assert [durations.describe(t) for t in ("1d", "90d", "1w", "36h", "junk")] == [
        "1 day",
        "90 days",
        "1 week",
        "36 hours",
        "junk",
    ]


# --------------------------------------------------------------------------- cycles


def test_cycles_are_found_once_each_and_independent_of_file_order(tmp_path: Path) -> None:
    edges = {"a": ["b"], "b": ["c", "a"], "c": ["a", "d"], "d": ["d"], "e": ["a"], "f": []}
    expected = [["a", "b"], ["a", "b", "c"], ["d"]]
    outputs = set()
    for seed in range(4):
        ids = list(edges)
        random.Random(seed).shuffle(ids)
        files = {"specs/team.yaml": TEAM}
        files.update({f"specs/p{i}.yaml": program(pid, depends_on=edges[pid]) for i, pid in enumerate(ids)})
        root = make_project(tmp_path / f"shuffle{seed}", files)
        proj, report = load(root)
        assert dependency_cycles(proj) == expected
        lines = [f"{d.code} {d.message}" for d in report.sorted() if d.code == "PRG001"]
        assert sorted(lines) == [
            "PRG001 dependency cycle: a -> b -> a",
            "PRG001 dependency cycle: a -> b -> c -> a",
            "PRG001 program 'd' depends on itself",
        ]
        outputs.add(tuple(sorted(lines)))
    assert len(outputs) == 1


def test_a_long_chain_and_a_dense_graph_stay_fast_and_bounded(tmp_path: Path) -> None:
    # a chain of 400 (deep: no recursion) closed into one cycle, plus a complete graph of 8
    # (thousands of elementary cycles: the rule stops at its cap and says so)
    chain = [f"c{i:03d}" for i in range(400)]
    files = {"specs/team.yaml": TEAM}
    docs = [program(pid, depends_on=[chain[(i + 1) % 400]]) for i, pid in enumerate(chain)]
    dense = [f"k{i}" for i in range(8)]
    docs += [program(pid, depends_on=[o for o in dense if o != pid]) for pid in dense]
    files["specs/programs.yaml"] = "---\n".join(docs)
    root = make_project(tmp_path / "big", files)
    proj, report = load(root)
    prg001 = [d for d in report.diagnostics if d.code == "PRG001"]
    assert len(prg001) == 51  # 50 cycles and the "more cycles" note
    assert any(d.message == "more dependency cycles than the 50 listed" for d in prg001)
    only_chain = dependency_cycles(proj, limit=1)
    assert only_chain == [chain] and len(only_chain[0]) == 400


# --------------------------------------------------------------------------- reviews


def test_review_due_day_is_not_overdue_and_the_next_day_is(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p", {"specs/team.yaml": TEAM, "specs/a.yaml": program("a", reviewed="{on: 2021-06-01, every: 30d}")}
    )
    on_due, _ = load(root, "2021-07-01")
    status = review_status(on_due, on_due.programs["a"])
    assert (status.due, status.overdue, status.overdue_days) == (dt.date(2021, 7, 1), False, 0)
    late, report = load(root, "2021-07-02")
    status = review_status(late, late.programs["a"])
    assert (status.overdue, status.overdue_days, status.next_review) == (True, 1, dt.date(2021, 7, 1))
    assert [d.code for d in report.diagnostics if d.code.startswith("PRG")] == ["PRG002"]


# --------------------------------------------------------------------------- the audit (health page)


def audit_of(root: Path, as_of: str | None = "2021-12-01") -> tuple[list[dict[str, Any]], str, list[Diagnostic]]:
    """The health page's audit view-model, the rendered page and the report's diagnostics."""
    proj, report = load(root, as_of)
    site = SiteContext(proj, report)
    [page] = health.pages(proj, site)
    return page.context["audit"], render_page(page, site), report.sorted()


def test_every_audit_question_is_answered_by_known_rules() -> None:
    codes = [code for _, codes in health.AUDIT for code in codes]
    assert codes == [
        *("PRG004", "TEAM001", "TEAM002", "TEAM003", "PRG002", "PRG007", "PRG005", "PRG006"),
        *("CH001", "CH002", "CH003", "CH004", "CH005"),
        *("SCORE001", "SCORE002", "SCORE003", "SCORE004", "SCORE005"),
        *("STACK001", "STACK002", "STACK003"),
        *("BL001", "BL002"),
    ]
    assert all(code in RULES for code in codes)


def test_audit_of_a_sound_catalogue_has_no_problems(tmp_path: Path) -> None:
    files = {"specs/team.yaml": TEAM.replace(", {id: nobody-role, name: Empty, team: mops}", "")}
    for category in ("privacy-compliance", "preference-center", "bounce-management"):
        files[f"specs/{category}.yaml"] = program(category, category=category)
    audit, text, diagnostics = audit_of(make_project(tmp_path / "p", files))
    assert diagnostics == []
    assert [(q["question"], q["problems"], q["checked"]) for q in audit] == [(q, [], True) for q, _ in health.AUDIT]
    assert text.count("| no problems |") == len(health.AUDIT)
    assert "**" not in text.split("## Operational programs audit")[1]  # no problem count, no section


def test_audit_shows_the_rules_diagnostics_by_question_newest_first(tmp_path: Path) -> None:
    lead = """\
    kind: lifecycle
    id: lead
    name: Lead
    stages:
      - {id: known, name: Known, initial: true, owner: mops}
      - {id: done, name: Done, terminal: true, owner: mops}
    transitions:
      - {from: known, to: done, automated_by: old-bounces}
    """
    files = {
        "specs/team.yaml": TEAM,
        "specs/lead.yaml": lead,
        "specs/consent.yaml": program("consent", category="privacy-compliance", owner="devon"),
        "specs/prefs.yaml": program(
            "prefs",
            category="preference-center",
            status="paused",
            owner="nobody-role",
            reviewed="{on: 2021-01-10, every: 30d}",
        ),
        "specs/old-bounces.yaml": program("old-bounces", category="bounce-management", status="retired"),
        "specs/scoring.yaml": program("scoring", depends_on=["old-bounces"], reviewed="{on: 2021-05-01, every: 90d}"),
        "specs/never.yaml": program("never", reviewed=None),
    }
    # the default settings: the three playbook categories are required (PRG004)
    root = make_project(tmp_path / "p", files, mkdocs="site_name: t\nplugins:\n  - mopsdocs\n")
    audit, text, diagnostics = audit_of(root)
    found = [
        [(d["code"], d["where"], d["since"], (d["subject"] or {}).get("path")) for d in q["problems"]] for q in audit
    ]
    assert found == [
        [  # undated: in the report's order (file, line)
            ("PRG004", "mkdocs.yml:3:5", None, None),
            ("PRG004", "mkdocs.yml:3:5", None, None),
        ],
        [  # undated first (the role exists today), then newest first
            ("TEAM002", "specs/team.yaml:3:61", None, None),
            ("TEAM001", "specs/consent.yaml:6:8", "2021-10-01", "programs/consent.md"),
        ],
        [
            ("PRG002", "specs/never.yaml:2:5", None, "programs/never.md"),
            ("PRG002", "specs/scoring.yaml:8:16", "2021-07-30", "programs/scoring.md"),
            ("PRG002", "specs/prefs.yaml:7:16", "2021-02-09", "programs/prefs.md"),
        ],
        [
            ("PRG006", "specs/lead.yaml:8:43", None, "lifecycle/lead.md"),
            ("PRG005", "specs/scoring.yaml:7:14", None, "programs/scoring.md"),
        ],
        [],  # no channel specs
        [],  # no scoring models
        [],  # no stack: no renewal decision due
        [],  # no stack: no integration with a going tool, no overlap
        [],  # no backlog
    ]
    # one producer: the audit shows exactly the report's diagnostics of its rules, the same text
    shown = sorted((d["code"], d["where"], d["message"]) for q in audit for d in q["problems"])
    asked = {code for _, codes in health.AUDIT for code in codes}
    assert shown == sorted((d.code, str(d.location), d.message) for d in diagnostics if d.code in asked)
    assert [q["checked"] for q in audit] == [True] * len(health.AUDIT)
    section = text.split("## Operational programs audit")[1]
    assert section.count("**2 problems**") == 3 and section.count("**3 problems**") == 1
    assert "### Are program reviews current?" in section
    assert "(reference/rules.md#prg002)" in section and "[Program scoring](programs/scoring.md)" in section
    assert "2021&#45;07&#45;30" in section


def test_audit_follows_the_settings_it_is_answered_under(tmp_path: Path) -> None:
    mkdocs = (
        "site_name: t\nplugins:\n  - mopsdocs:\n"
        "      required_program_categories: []\n      rules: {PRG002: off, PRG007: off}\n"
    )
    files = {"specs/team.yaml": TEAM, "specs/never.yaml": program("never", reviewed=None)}
    audit, text, _ = audit_of(make_project(tmp_path / "p", files, mkdocs=mkdocs))
    categories, _, reviews, *_ = audit
    assert categories["problems"] == [] and categories["note"] == (
        "No category is required. Not required here (required_program_categories), though the playbook asks for: "
        "privacy-compliance, preference-center, bounce-management."
    )
    assert reviews["checked"] is False and reviews["problems"] == []
    assert (
        "[PRG002](reference/rules.md#prg002) (off), [PRG007](reference/rules.md#prg007) (off) "
        "| not checked (rules: off) |" in text
    )


# --------------------------------------------------------------------------- the example project


def test_example_project_programs_are_clean_and_automate_the_lifecycle() -> None:
    proj, report = load_project(REPO)
    ours = [d for d in report.diagnostics if d.code.startswith(("PRG", "REF", "SPEC", "TEAM", "NAME005"))]
    assert ours == []
    automated = {t.automated_by for lc in proj.lifecycles.values() for t in lc.transitions if t.automated_by}
    assert automated >= {"lifecycle-management", "lead-routing", "data-normalization"}
    assert all(proj.programs[pid].status == "active" for pid in automated)
    audit, _, _ = audit_of(REPO, as_of=None)  # the example project's own as_of
    assert [q["problems"] for q in audit] == [[]] * len(health.AUDIT)
    for pid, spec in proj.programs.items():
        assert (REPO / "specs" / "programs" / f"{pid}.yaml").is_file(), "one file per program, named by id"
        assert spec.asset_name and spec.asset_name.startswith("OPS_")


def test_example_project_passes_its_own_check_for_programs() -> None:
    result = run_cli(["check", "--format", "concise", "--project", str(REPO)])
    assert "[PRG" not in result.out
