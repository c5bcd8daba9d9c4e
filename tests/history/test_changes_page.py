"""The `changes/` page and each entity page's "last changed", from real git histories.

Commits have fixed authors and dates (tests/history/gittools.py), so their shas, and the page, are
the same on every machine: the page is compared whole with a golden file
(`MOPSDOCS_UPDATE_GOLDEN=1` rewrites it; read the diff before committing).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import assert_golden
from gittools import GitProject, git_env

from mopsdocs.history.changelog import changelog
from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import changes
from mopsdocs.site.generate import generate
from mopsdocs.site.render import render_page

GOLDEN = Path(__file__).resolve().parent / "golden"
FAKE_SVG = '<svg class="golden-placeholder"><title>diagram</title></svg>\n'


def _history(tmp_path: Path) -> GitProject:
    repo = GitProject(tmp_path / "proj")
    repo.commit("Team, lead lifecycle, RACI, naming, dedupe program")
    repo.edit("specs/lifecycle.yaml", "sla: 4h", "sla: 8h")
    repo.edit("specs/raci.yaml", "mops-director: A", "sfdc-admin: A")
    repo.edit("specs/raci.yaml", "sfdc-admin: R", "maude: R")
    repo.commit("MQL SLA 8h; the admin is accountable for dedupe", author="Sam K.")
    repo.write("docs/guide.md", "# Guide\n")
    repo.commit("docs only: a guide")
    repo.edit("specs/lifecycle.yaml", "kind: lifecycle\n", "# formatting only\nkind: lifecycle\n")
    repo.commit("comments only")
    repo.edit("specs/programs/dedupe.yaml", "status: active", "status: paused")
    repo.edit("specs/naming.yaml", "{code: EM, label: Email}", "{code: EM, label: Email, retired: true}")
    repo.commit("Pause dedupe <for now> & retire EM")
    return repo


def _site(root: Path, families: tuple[str, ...] | None = None) -> SiteContext:
    project, report = load_project(root)
    return SiteContext(project, report, render_svg=lambda dot: FAKE_SVG, families=families)


def _page(root: Path) -> str:
    site = _site(root)
    return render_page(changes.pages(site.project, site)[0], site)


def _compare(name: str, actual: str) -> None:
    assert_golden(GOLDEN / name, actual)


def test_the_changelog_page(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    _compare("changes.md", _page(repo.root))


def test_changelog_entries_newest_first_without_docs_or_comment_commits(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    log = changelog(repo.root, "specs")
    assert [e.commit.subject for e in log.entries] == [
        "Pause dedupe <for now> & retire EM",
        "MQL SLA 8h; the admin is accountable for dedupe",
        "Team, lead lifecycle, RACI, naming, dedupe program",
    ]
    assert [e.day for e in log.entries] == ["2024-01-05", "2024-01-02", "2024-01-01"]
    assert log.entries[1].commit.author == "Sam K"  # git drops a name's trailing dot
    assert not log.shallow


def test_entity_pages_say_when_they_last_changed(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    site = _site(repo.root)
    pages = {g.page.path: g.markdown for g in generate(site.project, site)}
    sha = repo.git("log", "-1", "--format=%H", "--", "specs/lifecycle.yaml").strip()
    # the comments-only commit touched the file but changed nothing: the SLA commit is the last change
    second = repo.git("rev-list", "--skip=3", "-1", "HEAD").strip()
    assert sha != second
    assert (
        f"Last changed on 2024&#45;01&#45;02 in `{second[:7]}` (MQL SLA 8h; the admin is accountable for dedupe, "
        f"Sam K) · [changes](../changes.md#commit-{second[:12]})</small>" in pages["lifecycle/lead.md"]
    )
    last = repo.git("rev-parse", "HEAD").strip()
    assert f"in `{last[:7]}` (Pause dedupe &#60;for now&#62; &amp; retire EM" in pages["programs/dedupe.md"]


def test_backlog_review_and_stack_pages_say_when_they_last_changed(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    repo.write(
        "specs/backlog.yaml",
        """\
        kind: backlog
        id: mops
        name: MOPs backlog
        items:
          - {id: dedupe-automation, name: Automate the dedupe, impact: high, effort: low, owner: maude, status: planned}
        """,
    )
    repo.write(
        "specs/review.yaml", "kind: review\nid: y2023\nname: 2023 in review\nyear: 2023\nfigures: {campaigns: 90}\n"
    )
    repo.write(
        "specs/stack.yaml",
        "kind: stack\nid: martech\nname: Martech\ntools:\n"
        "  - {id: marketo, name: Marketo, category: marketing-automation, owner: maude, status: active}\n",
    )
    repo.commit("Backlog, review and stack")
    repo.edit("specs/backlog.yaml", "effort: low", "effort: medium")
    repo.edit("specs/review.yaml", "campaigns: 90", "campaigns: 96")
    repo.edit("specs/stack.yaml", "status: active", "status: sunsetting")
    last = repo.commit("Dedupe is more work; 96 campaigns; Marketo sunsetting")
    site = _site(repo.root)
    pages = {g.page.path: g.markdown for g in generate(site.project, site)}
    for path in ("backlog/mops.md", "reviews/y2023.md", "stack/index.md"):
        assert f"in `{last[:7]}` (Dedupe is more work; 96 campaigns; Marketo sunsetting" in pages[path], path
    # and the changelog links to them
    for link in ("(backlog/mops.md)", "(reviews/y2023.md)", "(stack/index.md)"):
        assert link in pages["changes.md"], link


def test_no_footer_without_the_changes_family(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    site = _site(repo.root, families=("lifecycle",))
    assert changes.footers(site.project, site) == {}


def test_the_cache_is_per_commit_and_outside_the_repository(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    first = _page(repo.root)
    cache = Path(os.environ["MOPSDOCS_CACHE_DIR"]) / "history"
    touched = set(repo.git("log", "--format=%H", "--", "specs", "mkdocs.yml").split())
    assert len(touched) == 4  # the docs-only commit is not among them
    mine = [p for p in cache.rglob("*.json") if p.stem in touched]
    assert sorted({p.stem for p in mine}) == sorted(touched)  # one object per commit
    assert not any(p.name.endswith(".json") for p in repo.root.rglob("*"))
    for p in mine:  # a damaged cache entry is recomputed, never believed
        p.write_text("{not json", encoding="utf-8")
    assert _page(repo.root) == first
    assert _page(repo.root) == first


def test_same_history_same_page_in_another_clone(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo.root), str(clone)], check=True, env=git_env())
    assert _page(clone) == _page(repo.root)


def test_a_shallow_clone_says_so(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True, env=git_env())
    page = _page(clone)
    assert '!!! warning "Incomplete history"' in page
    assert "`fetch-depth: 0` in `actions/checkout`" in page
    log = changelog(clone, "specs")
    assert log.shallow
    assert [e.commit.subject for e in log.entries] == ["Pause dedupe <for now> & retire EM"]
    assert log.truncated_at is not None and log.truncated_at.subject == "comments only"


def test_a_depth_1_clone(tmp_path: Path) -> None:
    repo = _history(tmp_path)
    clone = tmp_path / "shallow1"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True, env=git_env())
    page = _page(clone)
    assert '!!! warning "Incomplete history"' in page
    assert "No spec changes in the history yet." in page


def test_outside_a_repository_the_page_says_so(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    GitProject(root)
    subprocess.run(["rm", "-rf", str(root / ".git")], check=True)
    page = _page(root)
    assert "No history: this site was built outside a git repository" in page


def test_without_git_installed_the_page_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _history(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    assert "No history: this site was built outside a git repository" in _page(repo.root)


@pytest.mark.slow
def test_a_real_mkdocs_build(tmp_path: Path) -> None:
    """`mkdocs build --strict` with the changes page: links and anchors resolve, pages are the same twice."""
    repo = _history(tmp_path)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = []
    for run in ("a", "b"):
        done = subprocess.run(
            [str(mkdocs), "build", "--strict", "-q", "-d", str(tmp_path / run)],
            cwd=repo.root,
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        built.append((tmp_path / run / "changes" / "index.html").read_text(encoding="utf-8"))
    assert built[0] == built[1]
    html = built[0]
    assert "MQL SLA 8h; the admin is accountable for dedupe" in html
    assert 'href="../lifecycle/lead/"' in html
    lead = (tmp_path / "a" / "lifecycle" / "lead" / "index.html").read_text(encoding="utf-8")
    sha = repo.git("rev-list", "--skip=3", "-1", "HEAD").strip()
    assert f'href="../../changes/#commit-{sha[:12]}"' in lead
    assert f'id="commit-{sha[:12]}"' in html
