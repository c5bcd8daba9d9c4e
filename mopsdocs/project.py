"""The project: every valid spec of a repository, indexed by namespace, with source locations.

The pipeline is `load_project(root)`: find spec files -> load YAML -> validate each document ->
assemble namespaces (SPEC005) -> run the cross-reference rules -> apply the severity policy.
Everything later (the site, exports, `names`) reads the `Project` it returns.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import specs
from .config import Settings, read_settings
from .diagnostics import Diagnostic, Location, Report, Severity
from .loader import Document, load_file
from .validate import validate_document

Party = specs.Team | specs.Role | specs.Person
SPEC_SUFFIXES = (".yaml", ".yml")


@dataclass
class Project:
    root: Path
    settings: Settings
    documents: list[tuple[Document, specs.Spec]] = field(default_factory=list)
    teams: dict[str, specs.Team] = field(default_factory=dict)
    roles: dict[str, specs.Role] = field(default_factory=dict)
    people: dict[str, specs.Person] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    lifecycles: dict[str, specs.LifecycleSpec] = field(default_factory=dict)
    stages: dict[str, dict[str, specs.Stage]] = field(default_factory=dict)  # lifecycle id -> stages
    racis: dict[str, specs.RaciSpec] = field(default_factory=dict)
    activities: dict[str, dict[str, specs.Activity]] = field(default_factory=dict)  # matrix id -> rows
    vocabularies: dict[str, specs.Vocabulary] = field(default_factory=dict)
    conventions: dict[str, specs.Convention] = field(default_factory=dict)
    programs: dict[str, specs.ProgramSpec] = field(default_factory=dict)
    # (namespace, id) of entities dropped by validation: references to them are not REF001
    ghosts: dict[tuple[str, str], Any] = field(default_factory=dict)

    # -- locations
    def document_of(self, entity: specs.Spec) -> Document:
        return entity._doc  # type: ignore[no-any-return]

    def loc(self, entity: specs.Spec, *sub: Any, key: bool = False) -> Location:
        """Where `entity` (or its key/value `sub`) stands in its file."""
        return self.document_of(entity).locate(entity.origin + sub, key=key)

    def diag(
        self, code: str, message: str, entity: specs.Spec, *sub: Any, hint: str | None = None, key: bool = False
    ) -> Diagnostic:
        from .rules import RULES

        return Diagnostic(code, RULES[code].severity, message, self.loc(entity, *sub, key=key), hint)

    def had_error(self, entity: specs.Spec, *sub: Any) -> bool:
        """Validation cut something out of `entity` (or its `sub` key): rules must not pile on."""
        return self.document_of(entity).had_error(entity.origin + sub)

    def is_ghost(self, namespace: str, entity_id: str) -> bool:
        if namespace == "party":
            return any((ns, entity_id) in self.ghosts for ns in ("team", "role", "person"))
        return (namespace, entity_id) in self.ghosts

    # -- parties
    def today(self) -> _dt.date:
        return self.settings.today()

    def is_active(self, person: specs.Person) -> bool:
        if not person.active:
            return False
        return person.left_on is None or _dt.date.fromisoformat(person.left_on) > self.today()

    def team_of(self, party_id: str) -> str | None:
        """A team is its own; a role's is `team`; a person's is the team of its first role."""
        party = self.parties.get(party_id)
        if isinstance(party, specs.Team):
            return party.id
        if isinstance(party, specs.Role):
            return party.team
        if isinstance(party, specs.Person) and party.roles:
            role = self.roles.get(party.roles[0])
            return role.team if role else None
        return None

    def party_kind(self, party_id: str) -> str | None:
        party = self.parties.get(party_id)
        return {specs.Team: "team", specs.Role: "role", specs.Person: "person"}.get(type(party)) if party else None


# --------------------------------------------------------------------------- discovery


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


# --------------------------------------------------------------------------- assembly


class _Namespaces:
    """Registers ids per namespace; a second use of an id is SPEC005 and is left out."""

    def __init__(self, project: Project, diags: list[Diagnostic]) -> None:
        self.project = project
        self.diags = diags
        self.first: dict[tuple[str, str], Location] = {}

    def add(self, namespace: str, table: dict[str, Any], entity: Any, noun: str) -> bool:
        key = (namespace, entity.id)
        where = self.project.loc(entity, "id")
        if key in self.first:
            self.diags.append(
                Diagnostic(
                    "SPEC005",
                    Severity.ERROR,
                    f"duplicate {noun} id '{entity.id}' (also defined at {self.first[key]})",
                    where,
                    "ids must be unique: rename one of them",
                )
            )
            return False
        self.first[key] = where
        table[entity.id] = entity
        return True


_GHOST_NAMESPACES = {
    ("team", "teams"): "team",
    ("team", "roles"): "role",
    ("team", "people"): "person",
    ("lifecycle", "stages"): "stage",
    ("raci", "activities"): "activity",
    ("naming", "vocabularies"): "vocabulary",
    ("naming", "conventions"): "convention",
}


def _ghosts(doc: Document) -> Iterator[tuple[tuple[str, str], Any]]:
    """Entities validation dropped whole, by namespace, so references to them still resolve."""
    data = doc.data if isinstance(doc.data, dict) else {}
    kind, owner_id = data.get("kind"), data.get("id")
    for path, raw in doc.dropped:
        ghost_id = raw.get("id")
        if not isinstance(ghost_id, str):
            continue
        if not path and isinstance(kind, str):
            yield (kind, ghost_id), raw
        elif len(path) == 2 and (kind, path[0]) in _GHOST_NAMESPACES:
            ns = _GHOST_NAMESPACES[(kind, path[0])]
            if ns in ("stage", "activity"):
                ns = f"{ns}:{owner_id}"
            yield (ns, ghost_id), raw


def assemble(
    project: Project, documents: Iterable[tuple[Document, specs.Spec | None]], diags: list[Diagnostic]
) -> None:
    ns = _Namespaces(project, diags)
    for doc, spec in documents:
        for key, raw in _ghosts(doc):
            project.ghosts.setdefault(key, raw)
        if spec is None:
            continue
        project.documents.append((doc, spec))
    for _, spec in project.documents:
        if isinstance(spec, specs.TeamSpec):
            for team in spec.teams:
                if ns.add("party", project.parties, team, "party"):
                    project.teams[team.id] = team
            for role in spec.roles:
                if ns.add("party", project.parties, role, "party"):
                    project.roles[role.id] = role
            for person in spec.people:
                if ns.add("party", project.parties, person, "party"):
                    project.people[person.id] = person
        elif isinstance(spec, specs.LifecycleSpec):
            if ns.add("lifecycle", project.lifecycles, spec, "lifecycle"):
                table = project.stages.setdefault(spec.id, {})
                for stage in spec.stages:
                    ns.add(f"stage:{spec.id}", table, stage, "stage")
        elif isinstance(spec, specs.RaciSpec):
            if ns.add("raci", project.racis, spec, "RACI matrix"):
                rows = project.activities.setdefault(spec.id, {})
                for activity in spec.activities:
                    ns.add(f"activity:{spec.id}", rows, activity, "activity")
        elif isinstance(spec, specs.NamingSpec):
            for vocab in spec.vocabularies:
                ns.add("vocabulary", project.vocabularies, vocab, "vocabulary")
            for convention in spec.conventions:
                ns.add("convention", project.conventions, convention, "convention")
        elif isinstance(spec, specs.ProgramSpec):
            ns.add("program", project.programs, spec, "program")


# --------------------------------------------------------------------------- the pipeline


def apply_policy(diags: Iterable[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Per-rule severities from the `rules` setting; `off` drops the diagnostic."""
    out = []
    for d in diags:
        level = settings.rules.get(d.code)
        if level == "off":
            continue
        out.append(d.with_severity(Severity(level)) if level else d)
    return out


FileResult = tuple[list[Diagnostic], list[tuple[Document, Any]]]


def check_file(abspath: str, rel: str, settings: Settings) -> FileResult:
    """Everything that depends on one file alone: YAML, schema, recovery (cacheable by content)."""
    result = load_file(abspath, rel, settings.loader_limits())
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
    checked: list[tuple[Document, Any]] = []
    for doc in result.documents:
        if doc.data is None and len(result.documents) > 1:
            continue  # an empty document between `---` markers
        spec, problems = validate_document(doc)
        diags.extend(problems)
        checked.append((doc, spec))
    return diags, checked


def load_project(
    root: Path, *, as_of: str | None = None, cache: bool = False, config_file: str = "mkdocs.yml"
) -> tuple[Project, Report]:
    """The pipeline: settings -> files -> per-file checks (cached with `cache`) -> namespaces -> rules."""
    loaded = read_settings(root, config_file)
    settings = loaded.settings
    if as_of is not None:
        settings = settings.model_copy(update={"as_of": as_of})
    project = Project(root=root, settings=settings)
    diags: list[Diagnostic] = list(loaded.diagnostics)
    files, problems = discover(root, settings)
    diags.extend(problems)
    valid: list[tuple[Document, specs.Spec | None]] = []
    store = None
    if cache:
        from .cache import FileCache

        store = FileCache.open(root, settings)
    for abspath, rel in files:
        file_diags, checked = store.check(abspath, rel, check_file) if store else check_file(abspath, rel, settings)
        diags.extend(file_diags)
        valid.extend(checked)
    if store:
        store.save()
    assemble(project, valid, diags)
    from .rules import run_checks

    diags.extend(run_checks(project))
    report = Report(apply_policy(_dedupe(diags), settings), files=len(files))
    return project, report


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for d in diags:
        key = (d.code, d.location, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


__all__ = ["Party", "Project", "apply_policy", "discover", "load_project", "replace"]
