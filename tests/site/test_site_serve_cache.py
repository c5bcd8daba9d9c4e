"""`mopsdocs serve`: a rebuild after touching one spec draws only the diagrams that changed.

The plugin logs "diagrams: N drawn with <renderer>, M from cache" after every build; under
`serve` the diagram cache lives on in memory across rebuilds, so a spec edit that leaves a
diagram's DOT unchanged must not draw it again.
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from sitetools import BIN, MKDOCS_ENV, mini_project

pytestmark = pytest.mark.slow
PROGRAM = """\
kind: program
id: scoring
name: Lead scoring
category: lead-scoring
status: active
owner: mops
purpose: Scores leads.
reviewed: {on: 2024-01-01}
"""
DIAGRAMS = re.compile(r"diagrams: (\d+) drawn with [^,]+, (\d+) from cache")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Log:
    """The server's output, line by line, read on a thread; `next_diagrams` waits for a build."""

    def __init__(self, stream: Iterable[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: Iterable[str]) -> None:
        for line in stream:
            self.lines.put(line)

    def wait_for(self, pattern: re.Pattern[str], within: float = 120) -> re.Match[str]:
        deadline = time.monotonic() + within  # a guard against a hung server, not a measurement
        while True:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"serve logged no {pattern.pattern!r}:\n" + "".join(self.seen[-30:])) from None
            self.seen.append(line)
            found = pattern.search(line)
            if found:
                return found

    def next_build(self) -> tuple[int, int]:
        """(drawn, from cache) of the next build, once the server watches for changes again."""
        found = self.wait_for(DIAGRAMS)
        self.wait_for(re.compile(r"Serving on|Reloading browsers"))
        return int(found.group(1)), int(found.group(2))


def test_a_rebuild_under_serve_draws_only_the_changed_diagram(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", {"specs/programs/scoring.yaml": PROGRAM})
    proc = subprocess.Popen(
        [str(BIN / "mopsdocs"), "serve", "-a", f"127.0.0.1:{_free_port()}"],
        cwd=root,
        env={**os.environ, **MKDOCS_ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None  # stdout=PIPE
        log = Log(proc.stdout)
        assert log.next_build() == (2, 0)  # the lifecycle and the program graph, on a cold cache
        program = root / "specs" / "programs" / "scoring.yaml"
        program.write_text(PROGRAM.replace("Scores leads.", "Scores leads, nightly."), encoding="utf-8")
        assert log.next_build() == (0, 2)  # the purpose is not in any diagram: nothing drawn
        lifecycle = root / "specs" / "lifecycle.yaml"
        lifecycle.write_text(lifecycle.read_text().replace("name: MQL", "name: Marketing qualified"), encoding="utf-8")
        assert log.next_build() == (1, 1)  # the lifecycle again; the program graph from the cache
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
