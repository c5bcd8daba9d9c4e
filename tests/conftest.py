"""Shared test helpers: run the real CLI in-process or as a subprocess, make mini-projects."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MKDOCS = "site_name: Test project\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(args: list[str], cwd: Path | None = None, stdin: str | None = None) -> Result:
    """Run `mopsdocs ARGS` in-process (fast), exactly as the console script does."""
    from mopsdocs.cli import run

    out, err = io.StringIO(), io.StringIO()
    old_cwd = os.getcwd()
    old_argv, old_stdin = sys.argv, sys.stdin
    sys.argv = ["mopsdocs", *args]
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                run()
            except SystemExit as exc:
                code = int(exc.code or 0)
    finally:
        os.chdir(old_cwd)
        sys.argv, sys.stdin = old_argv, old_stdin
    return Result(code, out.getvalue(), err.getvalue())


def run_process(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 120, input: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed `mopsdocs` console script as a user would."""
    exe = Path(sys.executable).parent / "mopsdocs"
    return subprocess.run(
        [str(exe), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        input=input.decode() if input else None,
    )


def make_project(
    root: Path, files: dict[str, str | bytes], mkdocs: str = DEFAULT_MKDOCS, *, dedent: bool = True
) -> Path:
    """A project in `root` with mkdocs.yml and the given files (paths relative to root).

    Text is dedented (tests write it indented) unless `dedent=False` (hostile input, byte for byte).
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    (root / "specs").mkdir(exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content) if dedent else content, encoding="utf-8")
    return root


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Tests never write into the user's ~/.cache (the --changed and diagram caches live there)."""
    folder = tmp_path_factory.mktemp("mopsdocs-cache")
    old = os.environ.get("MOPSDOCS_CACHE_DIR")
    os.environ["MOPSDOCS_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("MOPSDOCS_CACHE_DIR", None)
    else:
        os.environ["MOPSDOCS_CACHE_DIR"] = old


@pytest.fixture
def project(tmp_path: Path):
    def factory(files: dict[str, str | bytes], mkdocs: str = DEFAULT_MKDOCS) -> Path:
        return make_project(tmp_path / "proj", files, mkdocs)

    return factory


def assert_golden_tree(actual: dict[str, str], folder: Path) -> None:
    """Generated files (path -> text) equal the golden tree in `folder`, file for file, whole.

    MOPSDOCS_UPDATE_GOLDEN=1 rewrites the tree from `actual` (read the diff before committing).
    """
    import shutil

    if os.environ.get("MOPSDOCS_UPDATE_GOLDEN"):
        shutil.rmtree(folder, ignore_errors=True)
        for rel, text in actual.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
    assert sorted(actual) == sorted(expected), "a page was added or removed"
    for rel in sorted(expected):
        assert actual[rel] == expected[rel], f"{rel} differs from {folder.name}/{rel}"
