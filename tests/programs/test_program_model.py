"""The program model behind PRG001-006 and the health page: durations, cycles, reviews, audit."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from conftest import REPO, make_project, run_cli

from mopsdocs import durations
from mopsdocs.program_model import QUESTIONS, audit, dependency_cycles, review_status
from mopsdocs.project import load_project

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


def load(root: Path, as_of: str = "2021-12-01"):
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


# --------------------------------------------------------------------------- audit


def test_audit_of_a_sound_catalogue_passes_every_question(tmp_path: Path) -> None:
    files = {"specs/team.yaml": TEAM}
    for category in ("privacy-compliance", "preference-center", "bounce-management"):
        files[f"specs/{category}.yaml"] = program(category, category=category)
    proj, _ = load(make_project(tmp_path / "p", files))
    findings = audit(proj)
    assert [(f.question, f.ok) for f in findings] == [(q, True) for q in QUESTIONS]


def test_audit_finds_every_problem_newest_first(tmp_path: Path) -> None:
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
    proj, _ = load(make_project(tmp_path / "p", files, mkdocs="site_name: t\nplugins:\n  - mopsdocs\n"))
    problems = [(f.question, f.programs, f.since, f.code) for f in audit(proj) if not f.ok]
    assert problems == [
        # undated gaps first (they exist today), in question order
        ("preference-center", ("prefs",), None, "PRG004"),
        ("bounces", ("old-bounces",), None, "PRG004"),
        ("owners", ("prefs",), None, "TEAM002"),
        ("reviews", ("never",), None, "PRG002"),
        ("not-running", ("old-bounces",), None, "PRG006"),
        ("not-running", ("scoring", "old-bounces"), None, "PRG005"),
        # then dated problems, newest first
        ("owners", ("consent",), dt.date(2021, 10, 1), "TEAM001"),
        ("reviews", ("scoring",), dt.date(2021, 7, 30), "PRG002"),
        ("reviews", ("prefs",), dt.date(2021, 2, 9), "PRG002"),
    ]
    passed = [f.question for f in audit(proj) if f.ok]
    assert passed == ["privacy"]
    assert all(f.location is not None for f in audit(proj) if not f.ok)


# --------------------------------------------------------------------------- the example project


def test_example_project_programs_are_clean_and_automate_the_lifecycle() -> None:
    proj, report = load_project(REPO)
    ours = [d for d in report.diagnostics if d.code.startswith(("PRG", "REF", "SPEC", "TEAM", "NAME005"))]
    assert ours == []
    automated = {t.automated_by for lc in proj.lifecycles.values() for t in lc.transitions if t.automated_by}
    assert automated >= {"lifecycle-management", "lead-routing", "data-normalization"}
    assert all(proj.programs[pid].status == "active" for pid in automated)
    assert [f.question for f in audit(proj) if not f.ok] == []
    for pid, spec in proj.programs.items():
        assert (REPO / "specs" / "programs" / f"{pid}.yaml").is_file(), "one file per program, named by id"
        assert spec.asset_name and spec.asset_name.startswith("OPS_")


def test_example_project_passes_its_own_check_for_programs() -> None:
    result = run_cli(["check", "--format", "concise", "--project", str(REPO)])
    assert "[PRG" not in result.out
