"""The review kind: `mopsdocs review draft` (real exports, the real CLI, the draft checked by the real
`check`) and the review pages' facts. The example's pages and charts are golden in tests/site/golden/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, make_project, run_cli

from mopsdocs.pipeline import load_project
from mopsdocs.review_model import figure_rows, shown
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import reviews
from mopsdocs.site.render import render_page

DATA = Path(__file__).parent / "data"
MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      as_of: 2021-12-01\n      required_program_categories: []\n"


def _project(tmp_path: Path, mkdocs: str = MKDOCS) -> Path:
    root = make_project(tmp_path / "project", {}, mkdocs)
    (root / "exports").mkdir()
    shutil.copy(DATA / "programs.json", root / "exports" / "programs.json")
    return root


def test_draft_counts_the_programs_created_that_year_by_channel(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = run_cli(["review", "draft", "2021", "exports/programs.json"], cwd=root)
    assert result.code == 0, result.err
    assert result.err == ""
    # two pages of results; 2020-12-31T23:59:59Z is 2020; epoch milliseconds are read too
    assert "  programs_created: 5  # from the programs export: created in 2021\n" in result.out
    assert (
        "  programs_created_by_channel:  # from the programs export, by Marketo channel\n"
        '    "Email Send": 2\n    "Nurture": 1\n    "Operational": 1\n    "Webinar": 1\n'
    ) in result.out
    assert "# Read: exports/programs.json (marketo-programs, 6 records)." in result.out


def test_the_draft_is_a_valid_review_spec(tmp_path: Path) -> None:
    root = _project(tmp_path)
    draft = run_cli(["review", "draft", "2021"], cwd=root)  # no EXPORT: the exports_dir folder
    assert draft.code == 0, draft.err
    assert "programs_created: 5" in draft.out
    (root / "specs" / "reviews").mkdir()
    (root / "specs" / "reviews" / "y2021.yaml").write_text(draft.out, encoding="utf-8")
    check = run_cli(["check", "--strict", "--format", "concise"], cwd=root)
    assert (check.code, check.out) == (0, "All checks passed (1 spec file).\n")
    project, _ = load_project(root)
    assert project.reviews["y2021"].figures["programs_created_by_channel"] == {
        "Email Send": 2,
        "Nurture": 1,
        "Operational": 1,
        "Webinar": 1,
    }


def test_without_exports_the_draft_leaves_every_figure_to_people(tmp_path: Path) -> None:
    root = make_project(tmp_path / "empty", {}, MKDOCS)
    result = run_cli(["review", "draft", "2022"], cwd=root)
    assert result.code == 0 and result.err == ""
    assert "figures: {}  # none from the exports: uncomment and fill in these\n" in result.out
    assert "# programs_created: 0  # give a Marketo programs export (programs.json) to count them" in result.out
    (root / "specs" / "y2022.yaml").write_text(result.out, encoding="utf-8")
    assert run_cli(["check", "--strict"], cwd=root).code == 0


def test_a_fiscal_year_counts_from_the_fiscal_year_start(tmp_path: Path) -> None:
    root = _project(tmp_path, MKDOCS + "      fiscal_year_start: 02-01\n")
    result = run_cli(["review", "draft", "2021", "exports"], cwd=root)
    assert result.code == 0, result.err
    # FY2021 is 2020-02-01 to 2021-01-31: the December webinar and the January newsletter
    assert "fiscal year 2021 (2020-02-01 to 2021-01-31)" in result.out
    assert "  programs_created: 2  #" in result.out
    assert '    "Email Send": 1\n    "Webinar": 1\n' in result.out


def test_a_file_that_is_no_export_is_one_file001_and_the_draft_still_prints(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "exports" / "notes.json").write_text('{"hello": "world"}\n', encoding="utf-8")
    result = run_cli(["review", "draft", "2021"], cwd=root)
    assert result.code == 1
    assert result.err.count("error[FILE001]") == 1 and result.err.startswith("exports/notes.json:1:1: ")
    assert "programs_created: 5" in result.out  # the good file still counts


def test_usage_errors(tmp_path: Path) -> None:
    root = _project(tmp_path)
    missing = run_cli(["review", "draft", "2021", "nope.json"], cwd=root)
    assert (missing.code, missing.out) == (2, "")
    assert "nope.json: no such file or folder" in missing.err
    assert run_cli(["review", "draft", "21"], cwd=root).code == 2
    assert run_cli(["review", "draft", "next"], cwd=root).code == 2


def test_the_draft_names_last_years_goals_and_the_open_backlog_items() -> None:
    result = run_cli(["review", "draft", "2022"], cwd=REPO)
    assert result.code == 0, result.err
    assert "# Last year's goals (y2021), to judge in wins and lessons:\n#   - Cut list-upload turnaround" in result.out
    assert "#   mops/dedupe-automation: Automate the weekly dedupe\n" in result.out
    assert "#   mops/bounce-rules:" not in result.out  # done: not offered
    again = run_cli(["review", "draft", "2021"], cwd=REPO)
    assert "# Note: the specs already have a review of 2021: 'y2021' (specs/reviews/y2021.yaml)." in again.out


def test_outside_a_project_the_draft_still_works(tmp_path: Path) -> None:
    shutil.copy(DATA / "programs.json", tmp_path / "programs.json")
    result = run_cli(["review", "draft", "2021", "programs.json"], cwd=tmp_path)
    assert result.code == 0, result.err
    assert "programs_created: 5" in result.out


# --------------------------------------------------------------------------- the model and pages


def test_rates_show_as_percentages_and_figures_line_up_by_year() -> None:
    project, _ = load_project(REPO)
    rows = {r.name: r for r in figure_rows(sorted(project.reviews.values(), key=lambda r: r.year))}
    assert rows["median_open_rate"].rate and rows["median_open_rate"].values == (0.27, 0.31)
    assert not rows["campaigns"].rate and rows["campaigns"].values == (96, 148)
    assert "programs_by_channel" not in rows  # a breakdown is a table, not a line
    assert shown(0.315, True) == "31.5%" and shown(0.032, True) == "3.2%" and shown(2100000, False) == "2,100,000"


def test_a_year_without_a_figure_leaves_a_gap(tmp_path: Path) -> None:
    files = {
        "specs/a.yaml": "kind: review\nid: a\nname: A\nyear: 2020\nfigures: {mqls: 10, open_rate: 0.2}\n",
        "specs/b.yaml": "kind: review\nid: b\nname: B\nyear: 2021\nfigures: {mqls: 12}\n",
    }
    root = make_project(tmp_path, files, MKDOCS)
    project, report = load_project(root)
    assert not report.diagnostics
    site = SiteContext(project, report)
    index = next(render_page(p, site) for p in reviews.pages(project, site) if p.path == "reviews/index.md")
    assert "| Open rate | 20&#37; | — |" in index
    assert index.count("<svg") == 2  # one line per figure; no SCORE chart without ratings
    assert "No year is rated yet" in index


def test_the_json_schemas_accept_the_example_and_catch_a_percentage(tmp_path: Path) -> None:
    """Editors and check-jsonschema read the exported schemas: the example validates, a rate of 31 does not."""
    import subprocess
    import sys

    out = tmp_path / "schemas"
    assert run_cli(["schema", "-o", str(out)]).code == 0
    checker = Path(sys.executable).parent / "check-jsonschema"

    def check(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
        args = [str(checker), "--schemafile", str(out / schema), *map(str, files)]
        return subprocess.run(args, capture_output=True, text=True)

    assert check("backlog.schema.json", REPO / "specs/backlog/mops.yaml").returncode == 0
    ok = check("review.schema.json", *sorted((REPO / "specs/reviews").glob("*.yaml")))
    assert ok.returncode == 0, ok.stdout
    percent = tmp_path / "percent.yaml"
    percent.write_text("kind: review\nid: y\nname: Y\nyear: 2021\nfigures: {median_open_rate: 31}\n")
    bad = check("review.schema.json", percent)
    assert bad.returncode == 1 and "median_open_rate" in bad.stdout, bad.stdout
    quarter = tmp_path / "quarter.yaml"
    quarter.write_text(
        "kind: backlog\nid: b\nname: B\nitems: [{id: a, name: A, impact: low, effort: low, due: 2022-q1}]\n"
    )
    assert check("backlog.schema.json", quarter).returncode == 1


def test_a_long_history_names_every_few_years_and_labels_the_ends() -> None:
    import re

    from mopsdocs.charts.lines import Series, line_chart, rating_chart

    years = [str(y) for y in range(1990, 2031)]
    chart = line_chart("x", "T", "D", years, [Series("n", tuple(float(i) for i in range(41)))], lambda v: f"{v:g}")
    svg = chart.svg()
    named = [int(y) for y in re.findall(r'anchor="middle" fill="currentColor">(\d{4})</text>', svg)]
    assert named[0] == 1990 and named[-1] == 2030 and 5 <= len(named) <= 12
    assert svg.count("<circle") == 41 and svg == chart.svg()  # a point per year, same bytes every time
    ratings = rating_chart("r", "T", "D", years, [Series("Scalable", tuple(3.0 for _ in years))]).svg()
    lifts = [float(y) for y in re.findall(r'<circle class="[^"]+" cx="[^"]+" cy="([^"]+)"', ratings)]
    assert max(lifts) - min(lifts) <= 16  # the dots of one pillar stay in its row


def test_x_keys_are_shown_and_x_figures_are_figures(tmp_path: Path) -> None:
    spec = (REPO / "tests/cases/x-ids-review-figures/specs/review.yaml").read_text(encoding="utf-8")
    root = make_project(tmp_path, {"specs/review.yaml": spec.replace("x-open_rate: 31", "x-open_rate: 0.31")}, MKDOCS)
    project, report = load_project(root)
    assert not report.diagnostics
    site = SiteContext(project, report)
    page = next(render_page(p, site) for p in reviews.pages(project, site) if p.path == "reviews/y2021.md")
    assert "| Owner | the MOPs director |" in page  # an x- key of the review: a labelled extra field
    assert "| X&#45;nps | 42 |" in page and "| X&#45;open rate | 31&#37; |" in page  # x- figures are figures


def test_channel_names_that_look_like_yaml_stay_names(tmp_path: Path) -> None:
    import json

    root = make_project(tmp_path / "project", {}, MKDOCS)
    page = json.loads((DATA / "programs.json").read_text(encoding="utf-8"))
    page[0]["result"][0]["channel"] = 'Web: "Live" #1 {x}'
    page[0]["result"][1]["channel"] = "- Événements"
    (root / "programs.json").write_text(json.dumps(page), encoding="utf-8")
    draft = run_cli(["review", "draft", "2021", "programs.json"], cwd=root)
    assert draft.code == 0, draft.err
    (root / "specs" / "y2021.yaml").write_text(draft.out, encoding="utf-8")
    assert run_cli(["check", "--strict"], cwd=root).code == 0
    project, _ = load_project(root)
    by_channel = project.reviews["y2021"].figures["programs_created_by_channel"]
    assert isinstance(by_channel, dict)
    assert by_channel['Web: "Live" #1 {x}'] == 1 and by_channel["- Événements"] == 1
