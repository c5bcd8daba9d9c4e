"""Shared checks of the hardening suite: what every command run must look like, whatever the input.

- `sane(result, root)`: no traceback, no bug-report message, exit 0, 1 or 2 (never 3); with
  `--format concise` every line but the summary is a located diagnostic naming a real place.
- `time_limit(seconds)`: an in-process run that takes longer raises `Hang` (a BaseException, so
  the CLI's last-line-of-defence handler cannot swallow it and call it exit 3).
- `limited_run(...)`: the console script in a subprocess with a wall-clock timeout and an
  address-space cap, for inputs whose memory use is the question.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, Phase, settings

if TYPE_CHECKING:  # conftest is imported where it is needed: mutate.py runs without pytest
    from conftest import Result

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
YAML_SUITE = SHARED / "corpora" / "yaml-test-suite"
MKDOCS = "site_name: Hardening\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"

CONCISE = re.compile(
    r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning)\[(?P<code>[A-Z]+[0-9]{3})\]: (?P<msg>.+)$"
)
SUMMARY = re.compile(
    r"^(All checks passed \(\d+ spec files?\)\.|Found \d+ errors? and \d+ warnings? in \d+ spec files?\.)$"
)


# Hypothesis: derandomized (the same examples every run, so CI is reproducible), no example
# database, no deadline (the machine is shared). MOPSDOCS_FUZZ=N runs N times the examples,
# freshly random and without shrinking: a longer hunt for a local or nightly run.
_BASE = settings(
    deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck), report_multiple_bugs=False
)
EXPLORE = int(os.environ.get("MOPSDOCS_FUZZ", "0") or 0)


def fuzz(examples: int) -> settings:
    if EXPLORE:
        return settings(
            _BASE, max_examples=examples * EXPLORE, derandomize=False, phases=[Phase.explicit, Phase.generate]
        )
    return settings(_BASE, max_examples=examples)


class Hang(BaseException):
    """An input took longer than its bound."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def no_crash(code: int, out: str, err: str, context: str = "") -> None:
    """The contract for any input: exit 0, 1 or 2 and no traceback or bug report anywhere."""
    where = f" [{context}]" if context else ""
    assert "Traceback" not in err and "Traceback" not in out, f"traceback{where}:\n{err[-3000:]}"
    assert "bug in mopsdocs" not in err, f"internal error{where}:\n{err[-3000:]}"
    assert code in (0, 1, 2), f"exit {code}{where}:\n{out[-2000:]}\n{err[-2000:]}"


def line_count(path: Path) -> int:
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    # lines as editors count them, and as our diagnostics must: LF, CRLF or CR
    return len(re.findall(rb"\r\n|\r|\n", data)) + 1


def located(out: str, root: Path, context: str = "") -> list[re.Match[str]]:
    """Every line of concise output is a diagnostic at a real file and line, or the summary."""
    lines = out.splitlines()
    assert lines, f"no output [{context}]"
    assert SUMMARY.match(lines[-1]), f"bad summary line {lines[-1]!r} [{context}]"
    found = []
    for line in lines[:-1]:
        m = CONCISE.match(line)
        assert m, f"not a located diagnostic: {line[:300]!r} [{context}]"
        path = m["path"]
        assert not path.startswith(("/", "../")), (line, context)
        target = root / path
        # a real file, a link (perhaps broken), or a name shown with \\xNN for bytes that are not UTF-8
        assert target.exists() or target.is_symlink() or "\\x" in path, (line, context)
        assert int(m["line"]) >= 1 and int(m["col"]) >= 1, (line, context)
        if target.is_file() and not target.is_symlink():
            assert int(m["line"]) <= line_count(target) + 1, (line, context)
        found.append(m)
    return found


def sane(result: Result, root: Path | None = None, context: str = "", concise: bool = False) -> None:
    code, out, err = result.code, result.out, result.err
    no_crash(code, out, err, context)
    if concise and root is not None and code in (0, 1):
        diags = located(out, root, context)
        if code == 1:
            assert any(m["sev"] == "error" for m in diags) or "--strict" in context, (
                f"exit 1 without an error diagnostic [{context}]:\n{out[-2000:]}"
            )


def limited_run(
    args: list[str], cwd: Path, *, timeout: float = 60, memory_mb: int = 1536, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mopsdocs ARGS` as a subprocess, killed after `timeout` s, its address space capped."""
    exe = Path(sys.executable).parent / "mopsdocs"

    def cap() -> None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [str(exe), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=cap,
        errors="replace",
        env=child_env(env),
    )


_PRIVATE_CACHE: list[str] = []


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a mopsdocs subprocess: MkDocs 2 notice off, and (unless the test chose one)
    a cache folder of this test session, so builds and `check --changed` never fill the user's cache."""
    if not _PRIVATE_CACHE:
        _PRIVATE_CACHE.append(tempfile.mkdtemp(prefix="mopsdocs-hardening-cache-"))
    return {"MOPSDOCS_CACHE_DIR": _PRIVATE_CACHE[0], **os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def write_project(root: Path, files: Mapping[str, str | bytes], mkdocs: str = MKDOCS) -> Path:
    """A project with the files written exactly as given (hostile input is never dedented)."""
    from conftest import make_project

    return make_project(root, dict(files), mkdocs, dedent=False)


def yaml_suite_inputs() -> list[Path]:
    return sorted(YAML_SUITE.glob("**/in.yaml"))
