"""Finding the spec files: every `.yaml`/`.yml` under `specs_dir`, sorted, each read once.

Links are followed only inside the project: a link pointing outside it, a `specs_dir` outside it,
a file name that is not UTF-8 or an unreadable folder is a FILE001 problem, never read; more files
than `max_files` is LIMIT001.
"""

from __future__ import annotations

import os
from pathlib import Path

from .config import Settings
from .diagnostics import Diagnostic, Location, Severity

SPEC_SUFFIXES = (".yaml", ".yml")


def discover(root: Path, settings: Settings) -> tuple[list[tuple[str, str]], list[Diagnostic]]:
    """(absolute path, relative path) of every spec file, sorted, plus FILE001 problems."""
    specs_dir = root / settings.specs_dir
    diags: list[Diagnostic] = []
    if not specs_dir.is_dir():
        return [], [
            Diagnostic(
                "FILE001",
                Severity.ERROR,
                f"specs_dir '{settings.specs_dir}' is not a folder",
                Location("mkdocs.yml"),
                "create it, or set `specs_dir` in the mopsdocs plugin block",
            )
        ]
    real_root = os.path.realpath(root)
    if not _inside(os.path.realpath(specs_dir), real_root):
        return [], [
            Diagnostic(
                "FILE001",
                Severity.ERROR,
                f"specs_dir '{settings.specs_dir}' is outside the project",
                Location("mkdocs.yml"),
                "keep the specs in a folder inside the project, where mkdocs.yml is or below",
            )
        ]
    found: list[tuple[str, str]] = []
    seen_dirs: set[str] = set()
    linked = False
    pending = [str(specs_dir)]
    while pending:
        folder = pending.pop()
        real = os.path.realpath(folder)
        if real in seen_dirs:
            continue  # a link loop, or the same folder twice: read once
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diags.append(_file_problem(folder, root, f"cannot read folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = Path(os.path.relpath(entry.path, root)).as_posix()
            if not _utf8(entry.name):  # it could not be named in a diagnostic, a JSON report or a page
                if entry.name.endswith(SPEC_SUFFIXES) or _is_dir(entry):
                    diags.append(
                        Diagnostic(
                            "FILE001",
                            Severity.ERROR,
                            "file name is not UTF-8: it was not read",
                            Location(_shown_path(rel)),
                            "rename it using UTF-8 characters",
                        )
                    )
                continue
            target = os.path.realpath(entry.path) if entry.is_symlink() else ""
            linked = linked or bool(target)
            if target and not _inside(target, real_root):
                if entry.name.endswith(SPEC_SUFFIXES) or os.path.isdir(target):
                    diags.append(
                        Diagnostic(
                            "FILE001",
                            Severity.ERROR,
                            "link points outside the project",
                            Location(rel),
                            "copy the file into the project instead of linking",
                        )
                    )
                continue
            if _is_dir(entry):
                pending.append(entry.path)
            elif entry.name.endswith(SPEC_SUFFIXES):
                found.append((entry.path, rel))
    if linked:  # a link to a spec that is read anyway: read it once (else every id is a duplicate)
        found = _read_once(found)
    found.sort(key=lambda f: f[1])
    limit = settings.limits.max_files
    if len(found) > limit:
        diags.append(
            Diagnostic(
                "LIMIT001",
                Severity.ERROR,
                f"{len(found):,} spec files, more than the limit of {limit:,}; only the first {limit:,} were read",
                Location("mkdocs.yml"),
                "raise the limit `max_files` if this is intended",
            )
        )
        found = found[:limit]
    return found, diags


def _inside(real_path: str, real_root: str) -> bool:
    return real_path == real_root or real_path.startswith(real_root.rstrip(os.sep) + os.sep)


def _utf8(name: str) -> bool:
    """False for a file name whose bytes are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown_path(rel: str) -> str:
    """A printable stand-in for a path with undecodable bytes: `specs/\\xff.yaml`."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _read_once(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One entry per real file, preferring the file itself over a link to it."""
    seen: set[str] = set()
    unique = []
    for abspath, rel in sorted(found, key=lambda f: (os.path.islink(f[0]), f[1])):
        real = os.path.realpath(abspath)
        if real not in seen:
            seen.add(real)
            unique.append((abspath, rel))
    return unique


def _file_problem(path: str, root: Path, message: str) -> Diagnostic:
    return Diagnostic("FILE001", Severity.ERROR, message, Location(Path(os.path.relpath(path, root)).as_posix()))
