"""The hostile corpus: one folder per attack under `tests/hardening/hostile/`, each with its verdict.

A folder holds what the attack needs, as files (`specs/`, `mkdocs.yml`) and/or as `make.py`
(`make(root)` builds what git cannot carry: huge, numerous or special files, links, pipes), plus:
- `expected.txt`: the exact output of `mopsdocs check --format concise` (one line per diagnostic);
- `exit_code`: the exit code it must give;
- `args.txt` (optional): more arguments for check;
- `about.txt`: what the attack is and what must happen.
`check` runs as the installed console script with a wall-clock timeout and a capped address
space, so a hang or a memory blow-up fails the case. `export` and `fmt --check` must survive the
same project. MOPSDOCS_UPDATE_HOSTILE=1 rewrites expected.txt and exit_code (read the diff after).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import run_cli
from hardtools import MKDOCS, limited_run, no_crash, time_limit

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(p for p in HOSTILE.iterdir() if (p / "about.txt").exists())
UPDATE = bool(os.environ.get("MOPSDOCS_UPDATE_HOSTILE"))
SECONDS = 30  # per command; the slowest attack (a 10 MB file) takes a few seconds


def build(case: Path, root: Path) -> Path:
    root.mkdir(parents=True)
    if (case / "specs").is_dir():
        shutil.copytree(case / "specs", root / "specs", symlinks=True)
    else:
        (root / "specs").mkdir()
    mkdocs = case / "mkdocs.yml"
    (root / "mkdocs.yml").write_text(
        mkdocs.read_text(encoding="utf-8") if mkdocs.exists() else MKDOCS, encoding="utf-8"
    )
    if (case / "make.py").exists():
        spec = importlib.util.spec_from_file_location(f"hostile_{case.name.replace('-', '_')}", case / "make.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make(root)
    return root


def test_the_corpus_is_there() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        assert (case / "expected.txt").exists() or UPDATE, case.name
        assert (case / "exit_code").exists() or UPDATE, case.name


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_attack(case: Path, tmp_path: Path) -> None:
    root = build(case, tmp_path / "project")
    args = (case / "args.txt").read_text().split() if (case / "args.txt").exists() else []
    started = time.perf_counter()
    proc = limited_run(["check", "--format", "concise", *args], root, timeout=SECONDS)
    elapsed = time.perf_counter() - started
    no_crash(proc.returncode, proc.stdout, proc.stderr, case.name)
    if UPDATE:
        (case / "expected.txt").write_text(proc.stdout, encoding="utf-8")
        (case / "exit_code").write_text(f"{proc.returncode}\n", encoding="utf-8")
    assert proc.stdout == (case / "expected.txt").read_text(encoding="utf-8")
    assert proc.returncode == int((case / "exit_code").read_text())
    assert proc.stderr == ""
    assert elapsed < SECONDS
    # nothing ran: no tag constructed an object, no command was executed
    assert not list(tmp_path.rglob("pwned*"))
    for args2 in (["export", "--as-of", "2021-12-01"], ["fmt", "--check"]):
        with time_limit(SECONDS):
            result = run_cli(args2, cwd=root)
        no_crash(result.code, result.out, result.err, f"{case.name}: {' '.join(args2)}")
