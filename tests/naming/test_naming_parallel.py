"""`names check` explaining a long run's failing names in other processes: the report is the one
a single process writes, byte for byte, in every format, whatever explained what."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from mopsdocs.naming import checking
from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.compiler import CompiledConvention
from mopsdocs.naming.output import CsvWriter, JsonWriter, TextWriter
from mopsdocs.naming.sources import open_table
from mopsdocs.pipeline import load_project

EXE = Path(sys.executable).parent / "mopsdocs"
WRONG = ["{d}_Webinar_{t}", "{d}_wbn_{t}", "{d} WBN_{t}", "WBN_{d}_{t}", "{d}_XYZ_{t}", "Webinar {t} {y}", "{d}-EM-{t}"]
RIGHT = ["{d}_WBN_{t}", "{d}_EM_NA_{t}", "{d}_TS_{t}"]  # TS is retired: it conforms, with a warning


def names(count: int, seed: int = 3) -> list[str]:
    """Failing names of several kinds, with conforming ones, repeats and blank lines among them."""
    rng = random.Random(seed)
    words = ["Peak", "Cloud", "Summit", "Data", "Launch", "Partner", "Demo", "Trends"]
    out: list[str] = []
    for i in range(count):
        y = rng.randint(2015, 2030)
        values = {"y": y, "d": f"{y}-{rng.randint(1, 12):02d}", "t": "-".join(rng.sample(words, rng.randint(1, 3)))}
        if i % 97 == 0:
            out.append("")
        elif i % 11 == 0 and out:
            out.append(rng.choice(out))  # a name that comes again
        else:
            out.append(rng.choice(RIGHT if i % 5 == 0 else WRONG).format(**values))
    return out


@pytest.fixture(scope="module")
def conv() -> CompiledConvention:
    project, _ = load_project(REPO)
    compiled, problems = compile_all(project)["program"]
    assert compiled is not None, problems
    return compiled


WRITERS: dict[str, Callable[..., object]] = {
    "text": lambda out, tables: TextWriter(out, "program", "t"),
    "json": lambda out, tables: JsonWriter(out, "program", "t"),
    "csv": lambda out, tables: CsvWriter(out, "program", "t", tables),
}


def report(conv: CompiledConvention, path: Path, fmt: str, jobs: int) -> str:
    out = io.StringIO()
    tables = [open_table(str(path), None, None)]
    summary = checking.check_tables(conv, tables, WRITERS[fmt](out, tables), jobs=jobs)  # type: ignore[arg-type]
    return out.getvalue() + f"\n{summary}"


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_pool_writes_the_report_one_process_writes(
    conv: CompiledConvention, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names(900)) + "\n", encoding="utf-8")
    # small blocks, an early pool and a small memory, so that a short file crosses every boundary
    monkeypatch.setattr(checking, "PROGRESS_EVERY", 64)
    monkeypatch.setattr(checking, "PARALLEL_AFTER", 100)
    monkeypatch.setattr(checking, "VERDICT_MEMORY", 150)
    alone = report(conv, path, fmt, jobs=1)
    pools: list[int] = []
    real_pool = checking._pool

    def counted(c: CompiledConvention, jobs: int) -> object:
        pools.append(jobs)
        return real_pool(c, jobs)

    monkeypatch.setattr(checking, "_pool", counted)
    together = report(conv, path, fmt, jobs=2)
    assert pools == [2]  # the pool really ran, once
    assert together == alone
    assert "valid=" in alone and alone.count("\n") > 500


def test_a_short_run_never_starts_a_pool(
    conv: CompiledConvention, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names(300)) + "\n", encoding="utf-8")
    alone = report(conv, path, "json", jobs=1)
    monkeypatch.setattr(checking, "_pool", lambda c, jobs: pytest.fail("a pool for a short run"))
    assert report(conv, path, "json", jobs=8) == alone


def test_the_command_with_jobs_prints_what_it_prints_alone(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names(4000)) + "\n", encoding="utf-8")
    runs = {
        jobs: subprocess.run(
            [str(EXE), "names", "check", "program", str(path), "-C", str(REPO), "--jobs", jobs],
            capture_output=True,
            timeout=120,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        for jobs in ("1", "2")
    }
    assert runs["1"].returncode == runs["2"].returncode == 1
    assert runs["1"].stderr == runs["2"].stderr == b""
    assert runs["2"].stdout == runs["1"].stdout
    failing = {line.split(b": ", 1)[1] for line in runs["1"].stdout.splitlines() if line.startswith(bytes(path))}
    assert len(failing) > checking.PARALLEL_AFTER  # more distinct failing names than a pool waits for


def test_jobs_must_not_be_negative(tmp_path: Path) -> None:
    result = run_cli(["names", "check", "program", "--jobs", "-1", "-C", str(REPO)], stdin="x\n")
    assert result.code == 2
    assert "--jobs" in result.err and "Traceback" not in result.err


def _die(name: str) -> object:
    os._exit(9)  # a worker killed mid-run (the out-of-memory killer, a user's kill)


def test_a_worker_that_dies_stops_the_run_instead_of_hanging(
    conv: CompiledConvention, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures.process import BrokenProcessPool

    path = tmp_path / "names.txt"
    path.write_text("\n".join(names(600)) + "\n", encoding="utf-8")
    monkeypatch.setattr(checking, "PARALLEL_AFTER", 100)
    monkeypatch.setattr(checking, "_explain_here", _die)
    with pytest.raises(BrokenProcessPool):  # the command reports it as an internal error (exit 3)
        report(conv, path, "text", jobs=2)


def test_the_command_says_a_worker_stopped_and_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names(600)) + "\n", encoding="utf-8")
    monkeypatch.setattr(checking, "PARALLEL_AFTER", 100)
    monkeypatch.setattr(checking, "_explain_here", _die)
    result = run_cli(["names", "check", "program", str(path), "-C", str(REPO), "--jobs", "2"])
    assert result.code == 3
    assert "a process explaining names stopped" in result.err and "--jobs 1" in result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
