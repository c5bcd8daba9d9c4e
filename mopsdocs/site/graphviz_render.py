"""Rendering DOT to SVG: find a Graphviz, run it, treat any failure as an error.

Which Graphviz: the system `dot` (through the `graphviz` package) when it is on PATH; else the
`graphviz-pure` command, a dependency of mopsdocs (a static Rust port, no system package
needed); else `RendererMissing` with what to install. A non-zero exit is always a `RenderError`
carrying Graphviz's own message, even when an SVG was written: dot 2.43 writes a partial drawing
and exits 1 on "trouble in init_rank", and a half-drawn diagram must never reach a page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

MAX_MESSAGE_LINES = 8
PURE = "graphviz-pure"


class RenderError(Exception):
    """Graphviz failed on a diagram (the message quotes Graphviz)."""


class RendererMissing(RenderError):
    """Neither `dot` nor `graphviz-pure` can be found."""


@dataclass(frozen=True)
class Renderer:
    kind: str  # "dot" or "graphviz-pure"
    executable: str
    version: str

    @property
    def name(self) -> str:
        return f"{self.kind} {self.version}"

    def render(self, dot_source: str) -> str:
        """The raw SVG Graphviz draws for `dot_source`; RenderError on any failure."""
        data = dot_source.encode("utf-8")
        if self.kind == "dot":
            return _run_dot(data)
        return _run_pure(self.executable, data)


def _run_dot(data: bytes) -> str:
    import graphviz

    try:
        out: bytes = graphviz.pipe("dot", "svg", data, quiet=True)
    except graphviz.ExecutableNotFound:
        raise RendererMissing("Graphviz `dot` disappeared from PATH during the build") from None
    except graphviz.CalledProcessError as exc:
        raise RenderError(_message("dot", exc.returncode, exc.stderr)) from None
    return out.decode("utf-8")


def _run_pure(executable: str, data: bytes) -> str:
    try:
        proc = subprocess.run([executable, "-Tsvg"], input=data, capture_output=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"{PURE} could not run: {exc}") from None
    if proc.returncode != 0:
        raise RenderError(_message(PURE, proc.returncode, proc.stderr))
    return proc.stdout.decode("utf-8")


def _message(program: str, code: int, stderr: bytes | str | None) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else (stderr or "")
    lines = [line.rstrip() for line in text.strip().splitlines() if line.strip()]
    shown = lines[:MAX_MESSAGE_LINES]
    if len(lines) > MAX_MESSAGE_LINES:
        shown.append(f"... ({len(lines) - MAX_MESSAGE_LINES} more lines)")
    detail = "\n    ".join(shown) if shown else "(no message)"
    return f"Graphviz ({program}) failed with exit code {code}:\n    {detail}"


def _pure_executable() -> str | None:
    # The console script sits next to the interpreter in a virtualenv that may not be on PATH.
    found = shutil.which(PURE)
    if found:
        return found
    beside = os.path.join(os.path.dirname(sys.executable), PURE + (".exe" if os.name == "nt" else ""))
    return beside if os.path.isfile(beside) and os.access(beside, os.X_OK) else None


def _version(argv: list[str]) -> str:
    try:
        proc = subprocess.run([*argv, "-V"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    text = (proc.stderr or proc.stdout).decode("utf-8", "replace")
    words = text.split()
    if "version" in words and words.index("version") + 1 < len(words):
        return words[words.index("version") + 1]
    return "unknown"


def find_renderer() -> Renderer:
    """The Graphviz to use: system `dot` first, then `graphviz-pure`; RendererMissing if neither."""
    dot = shutil.which("dot")
    if dot:
        return Renderer("dot", dot, _version([dot]))
    pure = _pure_executable()
    if pure:
        return Renderer(PURE, pure, _version([pure]))
    raise RendererMissing(
        "cannot draw lifecycle diagrams: Graphviz's `dot` is not on PATH and `graphviz-pure` is not installed. "
        "Install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) "
        "or graphviz-pure, which comes with mopsdocs: pip install 'mopsdocs[render]' puts it back"
    )


__all__ = ["RenderError", "Renderer", "RendererMissing", "find_renderer"]
