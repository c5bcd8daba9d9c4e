"""Determinism: the same specs give the same bytes, whatever the file names, order and layout, and whatever the day.

Shuffled: file names (so discovery order), how documents are grouped into files and their order
inside a file, the order of keys in every mapping, block or flow style. Not shuffled: lists (their
order means something: the main path, the matrix rows). Compared byte for byte: every check format,
`export`, `schema --with-ids`, `raci export` (CSV and Markdown), `graph` (DOT), `names check`, and
the built site (every generated file but the sitemap, whose dates are MkDocs' build date). Spec
locations differ with the layout, so where output names them (diagnostics of a broken project,
"Defined in specs/...:12" on pages) they are normalised first and everything else must match.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import genproject
import pytest
from conftest import run_cli
from hardtools import REPO, fuzz, limited_run, no_crash, write_project
from hypothesis import given
from hypothesis import strategies as st

from mopsdocs.loader import load_text

FORMATS = ["concise", "text", "json", "github", "sarif"]
NAMES = "WBN_Spring-Launch\nwebinar spring launch\nEM_x\nOPS_Data_Normalization\n2021-12_WBN_NA_Peak-Capacity\n"
LOCATION = re.compile(r"specs/[^\s\"'<>():]*?\.ya?ml(?::\d+){0,2}|line \d+")


def outputs(
    root: Path, *, lifecycle: str | None = "lead", matrix: str | None = "mops", convention: str | None = "program"
) -> dict[str, str]:
    """What each read-only command prints for the project at `root` (exit code first)."""
    runs = {f"check-{f}": ["check", "--format", f] for f in FORMATS}
    runs |= {"export": ["export"], "schema": ["schema", "--with-ids"]}
    if matrix:
        runs |= {"raci-csv": ["raci", "export", matrix], "raci-md": ["raci", "export", matrix, "--format", "markdown"]}
    if lifecycle:
        runs["graph"] = ["graph", lifecycle]
    if convention:
        runs["names"] = ["names", "check", convention, "--format", "json"]
    out = {}
    for key, args in runs.items():
        stdin = NAMES if key == "names" else None
        result = run_cli(args, cwd=root, stdin=stdin)
        no_crash(result.code, result.out, result.err, key)
        out[key] = f"exit {result.code}\n{result.out}"
    return out


def lay_out(root: Path, files: dict[str, str]) -> Path:
    """(Re)write the project's specs in place: same root path, so SARIF's root URI is the same too."""
    if (root / "specs").exists():
        shutil.rmtree(root / "specs")
    return write_project(root, files, genproject.MKDOCS)


def without_locations(text: str) -> str:
    lines = [LOCATION.sub("LOC", line) for line in text.splitlines()]
    return "\n".join(sorted(lines))


# --------------------------------------------------------------------------- valid projects: bytes


@fuzz(20)
@given(st.integers(0, 2**32), st.integers(0, 2**32), st.integers(0, 2**32))
def test_shuffled_valid_projects_give_identical_bytes(project_seed: int, seed1: int, seed2: int) -> None:
    docs = genproject.valid_project(random.Random(project_seed))
    n_files = random.Random(project_seed).randint(1, len(docs))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        first = outputs(lay_out(root, genproject.render(docs, random.Random(seed1), files=n_files)))
        second = outputs(lay_out(root, genproject.render(docs, random.Random(seed2), files=n_files)))
    assert first["check-concise"].startswith("exit 0\nAll checks passed")
    for key in first:
        assert first[key] == second[key], key


# --------------------------------------------------------------------------- broken projects: all but places


@fuzz(25)
@given(st.integers(0, 2**32), st.integers(1, 5), st.integers(0, 2**32), st.integers(0, 2**32))
def test_shuffled_broken_projects_give_the_same_diagnostics_and_model(
    project_seed: int, damage: int, seed1: int, seed2: int
) -> None:
    rng = random.Random(project_seed)
    docs = genproject.break_project(genproject.valid_project(rng), rng, damage)
    n_files = rng.randint(1, max(1, len(docs)))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        first = outputs(
            lay_out(root, genproject.render(docs, random.Random(seed1), files=n_files)),
            lifecycle=None,
            matrix=None,
            convention=None,
        )
        second = outputs(
            lay_out(root, genproject.render(docs, random.Random(seed2), files=n_files)),
            lifecycle=None,
            matrix=None,
            convention=None,
        )
    if "SPEC005" in first["check-concise"]:
        return  # two entities with one id: which one is kept follows the file order, by design
    assert without_locations(first["check-concise"]) == without_locations(second["check-concise"])
    for key in ("export", "schema"):
        assert first[key] == second[key], key


# --------------------------------------------------------------------------- the example project


def example_copy(target: Path) -> Path:
    """The example project (mkdocs.yml, specs, docs, templates) in `target`: builds write nothing into the repo."""
    target.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("specs", "docs", "templates"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    return target


def shuffled_copy(source: Path, target: Path, rng: random.Random) -> Path:
    """The project with its specs re-laid: keys and documents shuffled, files renamed and regrouped."""
    example_copy(target) if source == REPO else shutil.copytree(source, target)
    docs = []
    for path in sorted((target / "specs").rglob("*.yaml")):
        loaded = load_text(path.read_text(encoding="utf-8"), "x")  # YAML 1.2, as check reads it (`on:` is a key)
        assert loaded.diagnostics == []
        docs += [d.data for d in loaded.documents if d.data is not None]
        path.unlink()
    count = len(list((source / "specs").rglob("*.yaml")))
    for rel, text in genproject.render(docs, rng, files=count).items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_text(text, encoding="utf-8")
    return target


def test_the_example_project_shuffled_gives_identical_outputs(tmp_path: Path) -> None:
    original = outputs(REPO)
    assert original["check-concise"].startswith("exit 0\nAll checks passed")
    for seed in range(3):
        copy = shuffled_copy(REPO, tmp_path / f"shuffled-{seed}", random.Random(seed))
        shuffled = outputs(copy)
        for key in original:
            if key == "check-sarif":  # names the project folder, which differs here
                continue
            assert shuffled[key] == original[key], key


# --------------------------------------------------------------------------- another day

SHIM = '''
"""Test shim: the clock runs MOPSDOCS_TEST_SHIFT_DAYS days ahead (date, datetime and time)."""
import datetime as _d
import os as _os
import time as _t

_shift = float(_os.environ["MOPSDOCS_TEST_SHIFT_DAYS"]) * 86400
_real_time, _RealDate, _RealDateTime = _t.time, _d.date, _d.datetime
_t.time = lambda: _real_time() + _shift


class _Date(_RealDate):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_t.time())


class _DateTime(_RealDateTime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_t.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_t.time(), _d.timezone.utc).replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_t.time())


_d.date, _d.datetime = _Date, _DateTime
'''


def another_day(tmp_path: Path, days: int) -> dict[str, str]:
    shim = tmp_path / "shim"
    shim.mkdir(exist_ok=True)
    (shim / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
    return {"PYTHONPATH": str(shim), "MOPSDOCS_TEST_SHIFT_DAYS": str(days)}


def test_the_shim_really_moves_the_clock(tmp_path: Path) -> None:
    env = {**os.environ, **another_day(tmp_path, 400)}
    code = "import datetime, time; print(datetime.date.today(), datetime.datetime.now().date(), int(time.time()))"
    moved = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    now = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert moved.stdout.split()[:2] != now.stdout.split()[:2]
    assert int(moved.stdout.split()[2]) - int(now.stdout.split()[2]) > 399 * 86400


def test_another_day_with_the_same_as_of_gives_identical_outputs(tmp_path: Path) -> None:
    env = another_day(tmp_path, 400)
    for args in (["check", "--format", "json"], ["export"], ["graph", "lead"]):
        today = limited_run(args, REPO)
        later = limited_run(args, REPO, env=env)
        assert (today.returncode, today.stdout) == (later.returncode, later.stdout), args


# --------------------------------------------------------------------------- the built site


def build(root: Path, site: Path, env: dict[str, str] | None = None) -> Path:
    proc = limited_run(["build", "-d", str(site)], root, timeout=240, memory_mb=3072, env=env)
    no_crash(proc.returncode, proc.stdout, proc.stderr, "build")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site


def site_files(site: Path, normalise: bool = False) -> dict[str, bytes]:
    """Every file of the built site but the sitemap (MkDocs dates it with the build date)."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel in ("sitemap.xml", "sitemap.xml.gz"):
            continue
        data = path.read_bytes()
        if normalise and path.suffix in (".html", ".json"):
            data = LOCATION.sub("LOC", data.decode("utf-8")).encode("utf-8")
        out[rel] = data
    return out


def first_difference(a: dict[str, bytes], b: dict[str, bytes]) -> str:
    if a.keys() != b.keys():
        return f"files differ: {sorted(a.keys() ^ b.keys())[:10]}"
    for rel in a:
        if a[rel] != b[rel]:
            x, y = a[rel], b[rel]
            i = next((i for i in range(min(len(x), len(y))) if x[i] != y[i]), min(len(x), len(y)))
            return f"{rel} differs at byte {i}: {x[max(0, i - 120) : i + 120]!r} vs {y[max(0, i - 120) : i + 120]!r}"
    return ""


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_copy(tmp_path_factory.mktemp("example") / "project")


@pytest.fixture(scope="module")
def example_site(example: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(example, tmp_path_factory.mktemp("site") / "first")


def test_site_built_twice_is_identical(example: Path, example_site: Path, tmp_path: Path) -> None:
    """The second build draws its diagrams from the cache the first one filled: same bytes."""
    again = build(example, tmp_path / "again")
    assert first_difference(site_files(example_site), site_files(again)) == ""


def test_site_built_on_another_day_is_identical(example_site: Path, tmp_path: Path) -> None:
    fresh = example_copy(tmp_path / "project")  # no diagram cache: everything drawn afresh, a year later
    later = build(fresh, tmp_path / "later", env=another_day(tmp_path, 400))
    assert first_difference(site_files(example_site), site_files(later)) == ""


def test_site_of_the_shuffled_project_is_identical_but_for_spec_locations(example_site: Path, tmp_path: Path) -> None:
    copy = shuffled_copy(REPO, tmp_path / "shuffled", random.Random(7))
    shuffled = build(copy, tmp_path / "shuffled-site")
    assert first_difference(site_files(example_site, normalise=True), site_files(shuffled, normalise=True)) == ""
