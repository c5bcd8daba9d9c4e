"""`mopsdocs diff` on real git repositories: one case per kind of change, with its exact text.

Each case commits the base project (tests/history/gittools.py), edits the working tree as a
user would, and compares the whole `mopsdocs diff` output (HEAD -> working tree).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import run_cli
from gittools import GitProject

HEADER = """\
mopsdocs diff: HEAD -> working tree
  HEAD ({sha}): {files} spec files, 0 errors, 0 warnings
  working tree: {files} spec files, 0 errors, 0 warnings
"""


@dataclass(frozen=True)
class Case:
    name: str
    edits: tuple[tuple[str, str, str], ...]  # (file, old text, new text)
    expected: str  # the output after the header
    add: tuple[tuple[str, str], ...] = ()  # new files (base and head)


STACK = """\
kind: stack
id: martech
name: Martech stack
tools:
  - id: marketo
    name: Marketo Engage
    category: marketing-automation
    owner: mops-director
    status: active
    cost: {amount: 60000, currency: USD, per: year}
    contract: {renews_on: 2027-03-31, notice: 90d}
"""

BACKLOG = """\
kind: backlog
id: mops
name: MOPs backlog
items:
  - {id: dedupe-automation, name: Automate the dedupe, impact: high, effort: low, owner: sfdc-admin, status: planned}
"""

REVIEW = """\
kind: review
id: y2023
name: 2023 in review
year: 2023
figures: {campaigns: 148, mqls: 5400}
score:
  organized: {rating: 2, evidence: No naming convention.}
"""

CHANNEL = """\
kind: channel
id: webinar
name: Webinar
code: WBN
program_type: default
statuses:
  - {name: Invited, step: 10}
  - {name: Attended, step: 30, success: true}
"""

SCORING = """\
kind: scoring
id: lead-score
name: Lead scoring
scores:
  - {id: behaviour, name: Behaviour}
rules:
  - {id: form-fill, score: behaviour, points: 30, when: Fills a form, limit: {times: 1, per: 1d}}
  - {id: pricing, score: behaviour, points: 30, when: Visits pricing, limit: {times: 1, per: 1d}}
thresholds:
  - id: mql
    name: MQL
    all: {behaviour: 50}
    transition: {lifecycle: lead, from: known, to: mql}
"""

CASES = [
    Case(
        "stage-sla",
        (("specs/lifecycle.yaml", "sla: 4h", "sla: 8h"),),
        "lifecycle lead (Lead lifecycle)\n  stage mql: sla 4h -> 8h\n\n1 change in 1 entity\n",
    ),
    Case(
        "stage-definition",
        (("specs/lifecycle.yaml", 'definition: "Scored high."', 'definition: "Behaviour and fit both 50+."'),),
        "lifecycle lead (Lead lifecycle)\n  stage mql: definition Scored high. -> Behaviour and fit both 50+.\n\n"
        "1 change in 1 entity\n",
    ),
    Case(
        "stage-owner",
        (("specs/lifecycle.yaml", "{id: mql, name: MQL, owner: mops,", "{id: mql, name: MQL, owner: sdr,"),),
        "lifecycle lead (Lead lifecycle)\n  stage mql: owner mops -> sdr\n\n"
        "What follows\n  mops loses: owner of lifecycle lead, stage mql\n"
        "  sdr gains: owner of lifecycle lead, stage mql\n\n"
        "1 change in 1 entity\n",
    ),
    Case(
        "stage-added",
        (
            (
                "specs/lifecycle.yaml",
                "  - {id: customer,",
                "  - {id: sal, name: SAL, owner: sales}\n  - {id: customer,",
            ),
            (
                "specs/lifecycle.yaml",
                "{from: mql, to: customer,",
                "{from: mql, to: sal}\n  - {from: sal, to: customer,",
            ),
        ),
        "lifecycle lead (Lead lifecycle)\n  stage sal added (SAL)\n  transition mql -> customer removed\n"
        "  transition mql -> sal added\n  transition sal -> customer added\n\n"
        "What follows\n  sales gains: owner of lifecycle lead, stage sal\n"
        "  sdr gains: owner of lifecycle lead, transition sal -> customer\n"
        "  sdr loses: owner of lifecycle lead, transition mql -> customer\n\n"
        "4 changes in 1 entity\n",
    ),
    Case(
        "transition-sla",
        (("specs/lifecycle.yaml", "sla: 1d, owner: sdr", "sla: 2d, owner: sdr"),),
        "lifecycle lead (Lead lifecycle)\n  transition mql -> customer: sla 1d -> 2d\n\n1 change in 1 entity\n",
    ),
    Case(
        "transition-of-another-type-keeps-the-others-keys",
        (
            (
                "specs/lifecycle.yaml",
                "owner: sdr}",
                "owner: sdr}\n  - {from: mql, to: customer, type: timeout, after: 30d}",
            ),
        ),
        "lifecycle lead (Lead lifecycle)\n  transition mql -> customer (timeout) added\n\n1 change in 1 entity\n",
    ),
    Case(
        "raci-letter-moved",
        (("specs/raci.yaml", "mops-director: A", "sfdc-admin: A"), ("specs/raci.yaml", "sfdc-admin: R", "maude: R")),
        "raci mops (MOPs RACI)\n  activity dedupe: A moved from mops-director to sfdc-admin\n"
        "  activity dedupe: R moved from sfdc-admin to maude\n\n"
        "What follows\n  maude gains: R of raci mops, activity dedupe\n"
        "  mops-director loses: A of raci mops, activity dedupe\n"
        "  sfdc-admin gains: A of raci mops, activity dedupe\n  sfdc-admin loses: R of raci mops, activity dedupe\n\n"
        "2 changes in 1 entity\n",
    ),
    Case(
        "raci-letter-added",
        (("specs/raci.yaml", "sdr: I}", "sdr: I, maude: C}"),),
        "raci mops (MOPs RACI)\n  activity dedupe: maude is now C\n\n"
        "What follows\n  maude gains: C of raci mops, activity dedupe\n\n1 change in 1 entity\n",
    ),
    Case(
        "vocabulary-code-added",
        (
            (
                "specs/naming.yaml",
                "      - {code: EM, label: Email}",
                "      - {code: EM, label: Email}\n      - {code: PS, label: Paid search}",
            ),
        ),
        "vocabulary channel (Channel)\n  value PS added\n\n1 change in 1 entity\n",
    ),
    Case(
        "vocabulary-code-retired",
        (
            (
                "specs/naming.yaml",
                "{code: EM, label: Email}",
                "{code: EM, label: Email, retired: true, replaced_by: WBN}",
            ),
        ),
        "vocabulary channel (Channel)\n  value EM retired (replaced by WBN)\n\n2 changes in 1 entity\n",
    ),
    Case(
        "template",
        (("specs/naming.yaml", 'template: "{date}_{channel}_{name}"', 'template: "{channel}_{date}_{name}"'),),
        "convention program (Marketo program)\n  template: {date}_{channel}_{name} -> {channel}_{date}_{name}\n\n"
        "What follows\n  convention program: 2 exported names conformed before and do not now: "
        "2024-01_WBN_Peak, 2024-02_EM_Spring\n  convention program: 1 exported name conform now, not before: "
        "WBN_2024-03_Late\n\n1 change in 1 entity\n",
        add=(("exports/programs.csv", "Name,Id\n2024-01_WBN_Peak,1\n2024-02_EM_Spring,2\nWBN_2024-03_Late,3\n"),),
    ),
    Case(
        "program-status-owner-review",
        (
            ("specs/programs/dedupe.yaml", "status: active", "status: paused"),
            ("specs/programs/dedupe.yaml", "owner: sfdc-admin", "owner: [sfdc-admin, maude]"),
            ("specs/programs/dedupe.yaml", "on: 2023-11-01", "on: 2024-01-10"),
        ),
        "program dedupe (Dedupe)\n  status: active -> paused\n  owner: sfdc-admin -> sfdc-admin, maude\n"
        "  reviewed.on: 2023-11-01 -> 2024-01-10\n\n"
        "What follows\n  maude gains: owner of program dedupe\n\n3 changes in 1 entity\n",
    ),
    Case(
        "person-roles",
        (
            (
                "specs/team.yaml",
                "{id: maude, name: Maude, roles: [mops-director]}",
                "{id: maude, name: Maude, roles: [mops-director, sfdc-admin]}",
            ),
        ),
        "person maude (Maude)\n  roles added sfdc-admin\n\n1 change in 1 entity\n",
    ),
    Case(
        "channel-statuses",
        (
            (
                "specs/channel.yaml",
                "  - {name: Invited, step: 10}\n",
                "  - {name: Invited, step: 10}\n  - {name: Registered, step: 20}\n",
            ),
            (
                "specs/channel.yaml",
                "{name: Attended, step: 30, success: true}",
                "{name: Attended, step: 40, success: true}",
            ),
        ),
        "channel webinar (Webinar)\n  status Registered added\n  status Attended: step 30 -> 40\n\n"
        "2 changes in 1 entity\n",
        add=(("specs/channel.yaml", CHANNEL),),
    ),
    Case(
        "scoring-threshold",
        (("specs/scoring.yaml", "all: {behaviour: 50}", "all: {behaviour: 60}"),),
        "scoring lead-score (Lead scoring)\n  threshold mql: all.behaviour 50 -> 60\n\n1 change in 1 entity\n",
        add=(("specs/scoring.yaml", SCORING),),
    ),
    Case(
        "tool-cost-renewal",
        (
            ("specs/stack.yaml", "amount: 60000", "amount: 65000"),
            ("specs/stack.yaml", "renews_on: 2027-03-31", "renews_on: 2028-03-31"),
        ),
        "stack martech (Martech stack)\n  tool marketo: cost.amount 60000 -> 65000\n"
        "  tool marketo: contract.renews_on 2027-03-31 -> 2028-03-31\n\n2 changes in 1 entity\n",
        add=(("specs/stack.yaml", STACK),),
    ),
    Case(
        "backlog-item",
        (("specs/backlog.yaml", "owner: sfdc-admin, status: planned", "owner: maude, status: in-progress"),),
        "backlog mops (MOPs backlog)\n  item dedupe-automation: owner sfdc-admin -> maude\n"
        "  item dedupe-automation: status planned -> in-progress\n\n"
        "What follows\n  maude gains: owner of backlog mops, item dedupe-automation\n"
        "  sfdc-admin loses: owner of backlog mops, item dedupe-automation\n\n2 changes in 1 entity\n",
        add=(("specs/backlog.yaml", BACKLOG),),
    ),
    Case(
        "review-figures-and-score",
        (("specs/review.yaml", "mqls: 5400", "mqls: 5600"), ("specs/review.yaml", "rating: 2", "rating: 3")),
        "review y2023 (2023 in review)\n  figures.mqls: 5400 -> 5600\n  score.organized.rating: 2 -> 3\n\n"
        "2 changes in 1 entity\n",
        add=(("specs/review.yaml", REVIEW),),
    ),
    Case(
        "entity-added-removed",
        (("specs/programs/dedupe.yaml", "id: dedupe\nname: Dedupe", "id: dedupe-weekly\nname: Weekly dedupe"),),
        "program dedupe (Dedupe)\n  removed\n\nprogram dedupe-weekly (Weekly dedupe)\n  added\n\n"
        "What follows\n  sfdc-admin gains: owner of program dedupe-weekly\n"
        "  sfdc-admin loses: owner of program dedupe\n\n2 changes in 2 entities\n",
    ),
]


def _committed(tmp_path: Path, case: Case) -> tuple[GitProject, str]:
    repo = GitProject(tmp_path / "proj")
    for rel, text in case.add:
        repo.write(rel, text)
    return repo, repo.commit("base")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_kind_of_change(tmp_path: Path, case: Case) -> None:
    repo, sha = _committed(tmp_path, case)
    for rel, old, new in case.edits:
        repo.edit(rel, old, new)
    result = run_cli(["diff"], cwd=repo.root)
    files = 5 + sum(1 for rel, _ in case.add if rel.startswith("specs/"))
    assert result.err == ""
    header, body = result.out.split("\n\n", 1)
    assert header.splitlines()[0] == "mopsdocs diff: HEAD -> working tree"
    assert header.splitlines()[1].startswith(f"  HEAD ({sha[:7]}): {files} spec files, 0 errors, ")
    assert body == case.expected
    assert result.code == 0


def test_no_edit_is_no_spec_changes(tmp_path: Path) -> None:
    repo, sha = _committed(tmp_path, CASES[0])
    result = run_cli(["diff"], cwd=repo.root)
    assert result.out == HEADER.format(sha=sha[:7], files=5) + "\nno spec changes\n"
    assert result.code == 0


def test_docs_only_commit_is_no_spec_changes(tmp_path: Path) -> None:
    repo, _ = _committed(tmp_path, CASES[0])
    repo.write("docs/guide.md", "# A guide\n\nWords.\n")
    repo.edit("docs/index.md", "# Home", "# Home page")
    repo.commit("docs: a guide")
    result = run_cli(["diff", "HEAD~1", "HEAD"], cwd=repo.root)
    assert result.out.endswith("\nno spec changes\n"), result.out
    assert result.code == 0


def test_comments_and_formatting_are_no_spec_changes(tmp_path: Path) -> None:
    repo, _ = _committed(tmp_path, CASES[0])
    repo.edit("specs/lifecycle.yaml", "kind: lifecycle\n", "# the lead funnel\nkind:   lifecycle\n")
    repo.edit(
        "specs/lifecycle.yaml",
        "{id: known, name: Known, initial: true, owner: mops}",
        "{name: Known, id: known, owner: mops, initial: true}",
    )
    assert run_cli(["diff"], cwd=repo.root).out.endswith("\nno spec changes\n")


@pytest.mark.parametrize(
    "move",
    [("specs/raci.yaml", "specs/matrices/mops-raci.yaml"), ("specs/team.yaml", "specs/people.yml")],
    ids=["moved", "renamed"],
)
def test_moved_or_renamed_files_are_not_removed_and_added(tmp_path: Path, move: tuple[str, str]) -> None:
    repo, _ = _committed(tmp_path, CASES[0])
    repo.move(*move)
    repo.commit("reorganise the specs")
    result = run_cli(["diff", "HEAD~1", "HEAD"], cwd=repo.root)
    assert result.out.endswith("\nno spec changes\n"), result.out


def test_a_split_file_is_no_change_either(tmp_path: Path) -> None:
    """Two documents of one file moved into two files: the same entities, nothing to say."""
    repo, _ = _committed(tmp_path, CASES[0])
    both = (
        (repo.root / "specs/raci.yaml").read_text() + "---\n" + (repo.root / "specs/programs/dedupe.yaml").read_text()
    )
    repo.remove("specs/programs/dedupe.yaml")
    repo.write("specs/raci.yaml", both)
    assert run_cli(["diff"], cwd=repo.root).out.endswith("\nno spec changes\n")


def test_two_revisions_and_the_merge_base(tmp_path: Path) -> None:
    repo, base = _committed(tmp_path, CASES[0])
    repo.git("checkout", "-q", "-b", "feature")
    repo.edit("specs/lifecycle.yaml", "sla: 4h", "sla: 8h")
    repo.commit("MQL SLA 8h")
    repo.git("checkout", "-q", "main")
    repo.edit("specs/programs/dedupe.yaml", "status: active", "status: paused")
    main_sha = repo.commit("pause dedupe")
    # two revisions: everything that differs between the tips
    both = run_cli(["diff", "main", "feature"], cwd=repo.root)
    assert "  status: paused -> active\n" in both.out and "  stage mql: sla 4h -> 8h\n" in both.out
    # the merge base: only what the branch adds (what its pull request would show)
    pr = run_cli(["diff", "main...feature"], cwd=repo.root)
    assert pr.out.splitlines()[:2] == [
        "mopsdocs diff: merge base of main and feature -> feature",
        f"  merge base of main and feature ({base[:7]}): 5 spec files, 0 errors, 0 warnings",
    ]
    assert "status" not in pr.out and "  stage mql: sla 4h -> 8h\n" in pr.out
    assert main_sha != base


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "nosuchbranch"], "mopsdocs: error: unknown revision 'nosuchbranch'"),
        (["diff", "HEAD", "v9.9"], "mopsdocs: error: unknown revision 'v9.9'"),
        (["diff", "main..HEAD"], "mopsdocs: error: 'main..HEAD': write BASE HEAD (two arguments)"),
        (["diff", "main...HEAD", "HEAD"], "mopsdocs: error: 'main...HEAD' already names both sides"),
        (["diff", "--upload-pack=x"], "No such option"),
    ],
)
def test_a_bad_revision_exits_2_with_a_clear_message(tmp_path: Path, args: list[str], message: str) -> None:
    repo, _ = _committed(tmp_path, CASES[0])
    result = run_cli(args, cwd=repo.root)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err + result.out


def test_no_repository_exits_2(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    root.mkdir()
    (root / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - mopsdocs\n")
    (root / "specs").mkdir()
    result = run_cli(["diff"], cwd=root)
    assert result.code == 2
    assert result.err.startswith("mopsdocs: error: this project is not in a git repository")


def test_no_commit_yet_exits_2(tmp_path: Path) -> None:
    repo = GitProject(tmp_path / "proj")
    result = run_cli(["diff"], cwd=repo.root)
    assert result.code == 2
    assert "unknown revision 'HEAD' (no commit yet" in result.err


def test_an_invalid_revision_is_compared_as_far_as_it_goes(tmp_path: Path) -> None:
    repo, _ = _committed(tmp_path, CASES[0])
    repo.edit("specs/lifecycle.yaml", "sla: 4h", "sla: 4hours")  # SPEC004: the stage stays, its sla goes
    repo.edit("specs/programs/dedupe.yaml", "status: active", "status: paused")
    repo.write("specs/broken.yaml", "kind: program\nid: [unclosed\n")
    result = run_cli(["diff"], cwd=repo.root)
    lines = result.out.splitlines()
    assert lines[2] == "  working tree: 6 spec files, 2 errors, 0 warnings"
    assert lines[3].startswith("  note: working tree: its specs do not validate (2 errors)")
    assert "  status: active -> paused" in lines
    assert result.code == 1  # as `check` would exit on the head's specs


def test_a_subfolder_project(tmp_path: Path) -> None:
    """The project (mkdocs.yml) is a folder inside the repository."""
    top = tmp_path / "repo"
    repo = GitProject(top / "marketing" / "docs-site")
    repo.git("init", "-q", "-b", "main")  # already a repository: the same one
    (top / "README.md").write_text("top\n")
    repo.commit("base")
    repo.edit("specs/lifecycle.yaml", "sla: 4h", "sla: 8h")
    out = run_cli(["diff"], cwd=repo.root).out
    assert "  stage mql: sla 4h -> 8h\n" in out


def test_markdown_keeps_spec_text_out_of_markup(tmp_path: Path) -> None:
    repo, _ = _committed(tmp_path, CASES[0])
    repo.edit("specs/lifecycle.yaml", 'definition: "Scored high."', 'definition: "<script>x</script> **bold** `tick`"')
    md = run_cli(["diff", "--format", "markdown"], cwd=repo.root).out
    assert "- stage `mql`: definition `Scored high.` -> `<script>x</script> **bold** 'tick'`\n" in md
    assert md.startswith("### Spec changes: `HEAD` → `working tree`\n\n**1 change in 1 entity**\n")
    assert "**lifecycle `lead`** Lead lifecycle\n" in md


def test_json_shape(tmp_path: Path) -> None:
    repo, sha = _committed(tmp_path, CASES[0])
    repo.edit("specs/raci.yaml", "mops-director: A", "sfdc-admin: A")
    repo.edit("specs/raci.yaml", "sfdc-admin: R", "maude: R")
    data = json.loads(run_cli(["diff", "--format", "json"], cwd=repo.root).out)
    assert data["version"] == 1
    assert data["base"] == {"revision": "HEAD", "commit": sha, "files": 5, "errors": 0, "warnings": 0}
    assert data["head"]["commit"] is None and data["head"]["revision"] == "working tree"
    assert data["changes"][0] == {
        "kind": "raci",
        "id": "mops",
        "name": "MOPs RACI",
        "op": "moved",
        "path": ["activities", "dedupe", "assign", "A"],
        "before": "mops-director",
        "after": "sfdc-admin",
        "text": "activity dedupe: A moved from mops-director to sfdc-admin",
    }
    assert data["duties"][1] == {
        "party": "mops-director",
        "gained": [],
        "lost": [{"role": "A", "kind": "raci", "id": "mops", "where": ["activity dedupe"]}],
    }
    assert data["summary"] == {"changes": 2, "entities": 1}


def test_spec_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    repo, _ = _committed(tmp_path, CASES[0])
    repo.edit("specs/programs/dedupe.yaml", "name: Dedupe", 'name: "Dedupe\\e[31m red\\u202e"')
    out = run_cli(["diff"], cwd=repo.root).out
    assert "\x1b" not in out and "\u202e" not in out
    assert "  name: Dedupe -> Dedupe\\x1b[31m red\\u202e\n" in out
