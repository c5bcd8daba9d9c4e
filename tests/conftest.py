"""Shared test helpers: run the real CLI in-process or as a subprocess, make mini-projects.

Also what keeps the suite honest on every machine:
- Hypothesis profiles: `ci` (derandomized, no example database, failures printed as a reproduction
  blob, no deadline) when the environment variable CI is set, as in CI; `dev` (fresh random examples,
  database in .hypothesis/) elsewhere. HYPOTHESIS_PROFILE=ci|dev chooses one explicitly.
- `require_tool(name, why)`: a system tool a test needs (dot, Chromium, node, ...). Missing, it fails
  the test in CI with what is missing and why; on a developer's machine the test is skipped, saying so.
- `wait_until(predicate, timeout, what)`: poll for an event with a deadline instead of sleeping.
- `OutputReader`: a subprocess' output collected by a thread while the test polls it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MKDOCS = "site_name: Test project\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"
T = TypeVar("T")


def in_ci() -> bool:
    """Whether this run is CI (the CI environment variable, set by CI services and .ci/run)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# --------------------------------------------------------------------------- Hypothesis profiles

# both from Hypothesis' own defaults (it loads its built-in "ci" profile whenever CI is set at all).
# No deadline and no too_slow health check in CI: a shared machine's speed must not decide a run.
_DEFAULT = settings.get_profile("default")
settings.register_profile(
    "ci",
    _DEFAULT,
    derandomize=True,
    database=None,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", _DEFAULT, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev"))


# --------------------------------------------------------------------------- tools and waiting


def require_tool(
    name: str, why: str, *, path: str | Path | None = None, install: str = "scripts/test installs it"
) -> str:
    """The tool `name` (looked up on PATH, or at `path`), or: fail in CI, skip elsewhere.

    `why` says what the test needs it for; `install` how to get it. Returns the tool's path.
    """
    where = Path(path) if path is not None else None
    found = (str(where) if where.exists() else None) if where is not None else shutil.which(name)
    if found:
        return found
    message = f"{name} is missing ({where if where is not None else 'not on PATH'}); needed for {why}: {install}"
    if in_ci():
        pytest.fail(f"{message} [CI is set: a missing tool fails the test instead of skipping it]", pytrace=False)
    pytest.skip(message)


def wait_until(predicate: Callable[[], T], timeout: float, what: str, interval: float = 0.1) -> T:
    """Poll `predicate` until it returns something true (returned), or fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


class OutputReader:
    """Collects a subprocess' output (a text pipe) in a thread, so a test can wait for a line in it."""

    def __init__(self, stream: IO[str] | None) -> None:
        assert stream is not None, "start the process with stdout=subprocess.PIPE, text=True"
        self._chunks: list[str] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._lock:
                self._chunks.append(line)

    def text(self) -> str:
        with self._lock:
            return "".join(self._chunks)

    def count(self, needle: str) -> int:
        return self.text().count(needle)

    def close(self, timeout: float = 30) -> str:
        """The whole output, once the process has closed its end (call after it exited)."""
        self._thread.join(timeout)
        return self.text()


def serve_rebuilds(output: str) -> int:
    """How many rebuilds `mkdocs serve` / `mopsdocs serve` has finished, from its log (the first
    build not counted): each ends with "Reloading browsers" or, if it raised, MkDocs' error line."""
    return output.count("Reloading browsers") + output.count("An error happened during the rebuild")


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
    root: Path, files: Mapping[str, str | bytes], mkdocs: str = DEFAULT_MKDOCS, *, dedent: bool = True
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
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
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
def project(tmp_path: Path) -> Callable[..., Path]:
    def factory(files: dict[str, str | bytes], mkdocs: str = DEFAULT_MKDOCS) -> Path:
        return make_project(tmp_path / "proj", files, mkdocs)

    return factory


def assert_golden(path: Path, actual: str) -> None:
    """`actual` equals the golden file at `path`, whole; the failure shows the unified diff.

    MOPSDOCS_UPDATE_GOLDEN=1 rewrites the file from `actual` (read the diff before committing).
    """
    import difflib

    if os.environ.get("MOPSDOCS_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        name = f"{path.parent.name}/{path.name}"
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), name, "generated", n=2))
        pytest.fail(f"{name} differs from the golden file (MOPSDOCS_UPDATE_GOLDEN=1 to accept):\n{diff[:6000]}")


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


@pytest.fixture(scope="session")
def marked() -> Catalog:
    """(tests/i18n) Every message the code and templates mark, extracted once per run as
    scripts/i18n_update.py does (a babel Catalog)."""
    from i18ntools import extract  # tests/i18n: on the path while its tests run

    return extract()
