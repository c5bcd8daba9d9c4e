"""The pipeline: `load_project(root)` reads a project and returns it with its diagnostics.

    config.read_settings -> discover.discover -> per file (cacheable by content): loader.load_file,
    validate.validate_document -> assemble.assemble -> rules.run_checks -> apply_policy

Everything later (the site, exports, `names`) reads the `Project` it returns.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TypeGuard

from . import loader, specs, validate, wording
from .assemble import assemble
from .config import LoadedSettings, Settings, read_settings
from .diagnostics import Diagnostic, Location, Report, Severity, did_you_mean
from .discover import discover
from .loader import Document, load_file
from .project import Project
from .rules import load_all, run_checks
from .validate import validate_document

# what one file yields on its own: its diagnostics, and each document with its spec (None: invalid)
FileResult = tuple[list[Diagnostic], list[tuple[Document, specs.Spec | None]]]


def load_project(
    root: Path, *, as_of: str | None = None, cache: bool = False, config_file: str = "mkdocs.yml"
) -> tuple[Project, Report]:
    """The pipeline: settings -> files -> per-file checks (cached with `cache`) -> namespaces -> rules."""
    loaded = read_settings(root, config_file)
    settings = loaded.settings
    if as_of is not None:
        settings = settings.model_copy(update={"as_of": as_of})
    files, problems = discover(root, settings)
    return build_project(root, loaded, settings, problems, _check_files(root, files, settings, cache), len(files))


def build_project(
    root: Path,
    loaded: LoadedSettings,
    settings: Settings,
    problems: list[Diagnostic],
    results: Iterable[FileResult],
    files: int,
) -> tuple[Project, Report]:
    """The stages after reading the files: namespaces -> rules -> policy. `load_project` feeds it
    files from the disk; `mopsdocs diff` (`mopsdocs.history`) feeds it files read from git."""
    project = Project(root=root, settings=settings, config=loaded)
    diags: list[Diagnostic] = [*loaded.diagnostics, *unknown_rule_codes(loaded), *problems]
    valid: list[tuple[Document, specs.Spec | None]] = []
    for file_diags, checked in results:
        diags.extend(file_diags)
        valid.extend(checked)
    assemble(project, valid, diags)
    diags.extend(run_checks(project))
    diags = _note_unchecked(project, diags)
    report = Report(apply_policy(_dedupe(diags), settings), files=files)
    report.unparsed = {doc.path for doc in project.unparsed}
    return project, report


def apply_policy(diags: Iterable[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Per-rule severities from the `rules` setting; `off` drops the diagnostic."""
    out: list[Diagnostic] = []
    for d in diags:
        level = settings.rules.get(d.code)
        if level == "off":
            continue
        out.append(d.with_severity(Severity(level)) if level else d)
    return out


def check_file(abspath: str, rel: str, settings: Settings) -> FileResult:
    """Everything that depends on one file alone: YAML, schema, recovery (cacheable by content)."""
    return check_loaded(load_file(abspath, rel, settings.loader_limits()), rel)


def check_loaded(result: loader.LoadedFile, rel: str) -> FileResult:
    """`check_file` after reading: the same for a file read from disk or from git."""
    diags = list(result.diagnostics)
    if not result.documents and not result.diagnostics:
        diags.append(
            Diagnostic(
                "SPEC001",
                Severity.ERROR,
                "empty file: no spec in it",
                Location(rel),
                "add a document with `kind:`, or delete the file",
            )
        )
    checked: list[tuple[Document, specs.Spec | None]] = []
    for doc in result.documents:
        if doc.data is None and len(result.documents) > 1:
            continue  # an empty document between `---` markers
        spec, problems = validate_document(doc)
        diags.extend(problems)
        checked.append((doc, spec))
    if result.unparsed is not None:  # cut off by an error: kept so references into it stay unjudged
        checked.append((result.unparsed, None))
    return diags, checked


def _check_files(root: Path, files: list[tuple[str, str]], settings: Settings, cache: bool) -> list[FileResult]:
    if not cache:
        return [check_file(abspath, rel, settings) for abspath, rel in files]
    from .cache import FileCache, source_hash

    # any change to the code a file's result depends on, or to the limits, starts afresh
    # (the specs package is every module in its folder: one per kind)
    kind_modules = sorted(str(f) for f in Path(specs.__file__ or "").parent.glob("*.py"))
    code = source_hash([*(m.__file__ or "" for m in (loader, validate, wording)), *kind_modules, __file__])
    store = FileCache.open(root, f"{code}|{settings.limits.model_dump_json()}", settings.limits.max_file_bytes)
    results = [
        store.check(abspath, rel, functools.partial(check_file, abspath, rel, settings), _is_file_result)
        for abspath, rel in files
    ]
    store.save()
    return results


def _is_file_result(obj: object) -> TypeGuard[FileResult]:
    return isinstance(obj, tuple) and len(obj) == 2


def unknown_rule_codes(loaded: LoadedSettings) -> list[Diagnostic]:
    """SPEC004 for every code in the `rules:` setting that the rule catalogue does not know."""
    configured = loaded.raw.get("rules")
    known = load_all()
    return [
        Diagnostic(
            "SPEC004",
            Severity.ERROR,
            f"rules: unknown rule '{code}'",
            loaded.locate(("rules", code), key=True),
            did_you_mean(str(code), known) or "see the rule catalogue for the codes",
        )
        for code in (configured if isinstance(configured, dict) else ())
        if code not in known
    ]


def _note_unchecked(project: Project, diags: list[Diagnostic]) -> list[Diagnostic]:
    """The error that cut a file short also says which references into it were not checked."""
    out: list[Diagnostic] = []
    for d in diags:
        where = next((doc for doc in project.unparsed if doc.locate() == d.location), None)
        ids = sorted(set(project.unchecked.get(where.path, []))) if where is not None else []
        if where is not None and ids and d.severity is Severity.ERROR:
            shown = ", ".join(f"'{wording.clip(i)}'" for i in ids[:3]) + (
                f" and {len(ids) - 3} more" if len(ids) > 3 else ""
            )
            note = f"references to ids this file may define were not checked: {shown}"
            d = Diagnostic(d.code, d.severity, d.message, d.location, f"{d.hint}; {note}" if d.hint else note)
            project.unchecked.pop(where.path)
        out.append(d)
    return out


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, Location, str]] = set()
    out: list[Diagnostic] = []
    for d in diags:
        key = (d.code, d.location, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


__all__ = [
    "FileResult",
    "apply_policy",
    "build_project",
    "check_file",
    "check_loaded",
    "load_project",
    "unknown_rule_codes",
]
