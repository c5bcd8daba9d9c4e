"""A revision's specs, loaded through the normal pipeline from files read out of git.

`from_worktree` is `load_project` itself (what `check` sees). `from_commit` reads mkdocs.yml, the
spec files and the names lists under `exports_dir` of one commit from git's object store and
hands them to the same stages (`pipeline.check_loaded`, `pipeline.build_project`): the same
diagnostics a checkout of that commit would give, without checking anything out. What one file
yields depends on its content and path alone, so a `FileMemo` shares it between revisions.
"""

from __future__ import annotations

import fnmatch
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import pipeline
from ..assemble import assemble
from ..config import CONFIG_FILE, LoadedSettings, Settings, from_block, plugin_block
from ..diagnostics import Diagnostic, Location, Report, Severity
from ..discover import SPEC_SUFFIXES
from ..loader import Document, Limits, LoadedFile, decode, load_text
from ..project import Project
from .git import Repo

NAMES_SUFFIXES = (".csv", ".txt")


@dataclass(frozen=True)
class NamesList:
    """The asset names of one names export (a text list, or a CSV's name column)."""

    path: str
    names: tuple[str, ...]
    asset: str | None = None  # from an `exports:` entry: the asset type the names are of
    system: str | None = None


@dataclass
class Snapshot:
    label: str  # "working tree", or the revision as given with its short sha
    project: Project
    report: Report
    names: list[NamesList] = field(default_factory=list)
    commit: str | None = None  # None: the working tree


@dataclass
class FileMemo:
    """What each (path, blob) yielded, shared by every revision read in one run."""

    results: dict[tuple[str, str], pipeline.FileResult] = field(default_factory=dict)
    names: dict[tuple[str, str], tuple[str, ...] | None] = field(default_factory=dict)


def from_worktree(root: Path, as_of: str | None = None) -> Snapshot:
    project, report = pipeline.load_project(root, as_of=as_of)
    return Snapshot("working tree", project, report, _worktree_names(root, project.settings))


def _worktree_names(root: Path, settings: Settings) -> list[NamesList]:
    """The names lists under `exports_dir` on disk: regular files only (no pipes, devices or
    links), no hidden folders, each at most `max_file_bytes`."""
    from ..files import read_regular

    folder = root / settings.exports_dir
    if not folder.is_dir() or not _inside(folder, root):
        return []
    out = []
    for here, dirs, files in os.walk(folder):  # links to folders are not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(here) / name
            if name.startswith(".") or path.suffix.lower() not in NAMES_SUFFIXES or path.is_symlink():
                continue
            try:
                raw = read_regular(path, settings.limits.max_file_bytes)
            except (OSError, ValueError):  # unreadable, not a regular file, too big: not a names list
                continue
            listed = _names(raw)
            if listed is not None:
                out.append(_names_list(path.relative_to(root).as_posix(), listed, settings))
    return sorted(out, key=lambda n: n.path)


def _inside(path: Path, root: Path) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def from_commit(
    repo: Repo,
    root: Path,
    commit: str,
    label: str,
    memo: FileMemo | None = None,
    *,
    as_of: str | None = None,
    rules: bool = True,
    with_names: bool = True,
) -> Snapshot:
    """The project as it was at `commit` (`rules=False`: the validated model only, for history)."""
    memo = memo or FileMemo()
    config = repo.read(f"{commit}:{repo.path_of(CONFIG_FILE)}", Limits().max_file_bytes)
    loaded = _settings(config[1] if config and config[0] == "blob" and not repo.too_big else None)
    settings = loaded.settings if as_of is None else loaded.settings.model_copy(update={"as_of": as_of})
    spec_files = {
        rel: sha
        for rel, sha in repo.files(commit, settings.specs_dir).items()
        if rel.endswith(SPEC_SUFFIXES) and not any(part.startswith(".") for part in rel.split("/"))
    }
    results = [_checked(repo, rel, sha, settings, memo) for rel, sha in sorted(spec_files.items())]
    if rules:
        project, report = pipeline.build_project(root, loaded, settings, [], results, len(spec_files))
    else:
        project = Project(root=root, settings=settings, config=loaded)
        valid: list[tuple[Document, object]] = [pair for _, checked in results for pair in checked]
        assemble(project, valid, [])  # type: ignore[arg-type]  # pairs as FileResult holds them
        report = Report(files=len(spec_files))
    names: list[NamesList] = []
    if with_names:
        for rel, sha in sorted(repo.files(commit, settings.exports_dir).items()):
            if not rel.lower().endswith(NAMES_SUFFIXES) or any(p.startswith(".") for p in rel.split("/")):
                continue
            key = (rel, sha)
            if key not in memo.names:
                blob = repo.read(sha, settings.limits.max_file_bytes)
                memo.names[key] = _names(blob[1]) if blob and not repo.too_big else None
            listed = memo.names[key]
            if listed is not None:
                names.append(_names_list(rel, listed, settings))
    return Snapshot(label, project, report, names, commit)


def _settings(raw: bytes | None) -> LoadedSettings:
    """`config.read_settings` for mkdocs.yml's bytes (None: the revision has none: defaults)."""
    if raw is None:
        return LoadedSettings(Settings(), [], {}, None)
    text, problem = decode(raw, CONFIG_FILE)
    if text is None:
        return LoadedSettings(Settings(), [problem] if problem else [], {}, None)
    loaded = load_text(text, CONFIG_FILE)
    diags = [d for d in loaded.diagnostics if d.code != "YAML003"]  # MkDocs' own tags are not ours
    doc = loaded.documents[0] if loaded.documents else None
    block, at = plugin_block(doc.data if doc else None)
    if block is None or doc is None:
        return LoadedSettings(Settings(), diags, {}, doc)
    return from_block(block, doc, at, diags)


def _checked(repo: Repo, rel: str, sha: str, settings: Settings, memo: FileMemo) -> pipeline.FileResult:
    key = (rel, sha)
    cached = memo.results.get(key)
    if cached is None:
        limit = settings.limits.max_file_bytes
        blob = repo.read(sha, limit)
        raw = blob[1] if blob else b""
        loaded = _too_big(rel, repo.too_big, limit) if repo.too_big else _load(raw, rel, settings)
        cached = memo.results[key] = pipeline.check_loaded(loaded, rel)
    return cached


def _too_big(rel: str, size: int, limit: int) -> LoadedFile:
    """LIMIT001, as `loader.load_file` says it for a file on disk."""
    problem = Diagnostic(
        "LIMIT001",
        Severity.ERROR,
        f"file is {size:,} bytes, more than the limit of {limit:,}",
        Location(rel, 1, 1),
        "split the file, or raise the limit `max_file_bytes`",
    )
    return LoadedFile(rel, [], [problem])


def _load(raw: bytes, rel: str, settings: Settings) -> LoadedFile:
    """`loader.load_file` for bytes read from git (the same problems, said the same way)."""
    limits = settings.loader_limits()
    text, problem = decode(raw, rel)
    if text is None:
        unread = Document(rel, 0, None, unparsed=True)
        if problem is not None:
            unread.values[()] = problem.location.line, problem.location.column
        return LoadedFile(rel, [], [problem] if problem else [], unread)
    return load_text(text, rel, limits)


def _names(raw: bytes) -> tuple[str, ...] | None:
    """The names of a names export (its `Name`-like column, or its lines); None when the file is
    no names list (a CSV without a name column, a binary file)."""
    from ..naming.sources import InputProblem, open_table

    try:
        table = open_table("-", io.BytesIO(raw), None)
        if table.header is None and b"," in raw.split(b"\n", 1)[0]:
            return None  # a CSV whose columns name no asset names: not a names list
        return tuple(name for name, _, _ in table.rows if name is not None)
    except InputProblem:
        return None


def _names_list(rel: str, names: tuple[str, ...], settings: Settings) -> NamesList:
    entry = next((e for e in settings.exports if fnmatch.fnmatch(rel, e.path.lstrip("./"))), None)
    return NamesList(rel, names, entry.asset if entry else None, entry.system if entry else None)


__all__ = ["FileMemo", "NamesList", "Snapshot", "from_commit", "from_worktree"]
