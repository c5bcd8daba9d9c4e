"""`mopsdocs init --language fr|th`: the example project written in French or Thai.

Same ids as the English example (the contract's ASCII slugs, so every reference still holds);
names, definitions, descriptions, criteria and the home page in the language; mkdocs.yml sets
`theme.language`. Without `--language`, init writes the English files exactly as they are.
The slow check that each language passes `check --strict`, `fmt --check` and `mkdocs build
--strict` is tests/workflow/test_fresh_init.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import run_cli

from mopsdocs.editor_schemas import SCHEMAS
from mopsdocs.i18n import shipped_languages
from mopsdocs.pipeline import load_project
from mopsdocs.project import Project
from mopsdocs.scaffold import FILES, create_project, scaffold_files, scaffold_languages, with_modeline

TRANSLATED = [lang for lang in shipped_languages() if lang != "en"]
THAI = re.compile(r"[\u0E00-\u0E7F]")
ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def init(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "handbook"
    result = run_cli(["init", str(target), *args])
    assert result.code == 0, result.err
    return target


def texts(project: Project) -> dict[str, str]:
    """What users wrote, by where it is: entity names, definitions, descriptions, criteria."""
    out: dict[str, str] = {}
    [lifecycle] = project.lifecycles.values()
    out["lifecycle"] = lifecycle.name
    out["lifecycle.description"] = str(lifecycle.description)
    for stage in lifecycle.stages:
        out[f"stage {stage.id}"] = stage.name
        out[f"stage {stage.id} definition"] = str(stage.definition)
        for n, criterion in enumerate([*stage.entry, *stage.exit]):
            out[f"stage {stage.id} criterion {n}"] = str(criterion)
    for transition in lifecycle.transitions:
        out[f"transition {transition.from_}->{transition.to}"] = str(transition.when)
    for matrix in project.racis.values():
        out[f"raci {matrix.id}"] = matrix.name
        for activity in matrix.activities:
            out[f"activity {activity.id}"] = activity.name
    for program in project.programs.values():
        out[f"program {program.id}"] = program.name
        out[f"program {program.id} purpose"] = str(program.purpose)
    for team in project.teams.values():
        out[f"team {team.id}"] = team.name
        out[f"team {team.id} description"] = str(team.description)
    for role in project.roles.values():
        out[f"role {role.id}"] = role.name
    for convention in project.conventions.values():
        out[f"convention {convention.id}"] = convention.name
    for vocabulary in project.vocabularies.values():
        out[f"vocabulary {vocabulary.id}"] = vocabulary.name
        for value in vocabulary.values:
            out[f"vocabulary {vocabulary.id} {value.code}"] = str(value.label)
    return out


def ids(project: Project) -> dict[str, set[str]]:
    [lifecycle] = project.lifecycles.values()
    return {
        "lifecycles": set(project.lifecycles),
        "stages": {s.id for s in lifecycle.stages},
        "raci": set(project.racis),
        "activities": {a.id for m in project.racis.values() for a in m.activities},
        "programs": set(project.programs),
        "teams": set(project.teams),
        "roles": set(project.roles),
        "conventions": set(project.conventions),
        "vocabularies": set(project.vocabularies),
    }


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("en") / "handbook"
    create_project(root)
    project, report = load_project(root)
    assert not report.sorted(), report.sorted()
    return project


def test_every_shipped_language_has_an_example_project() -> None:
    assert scaffold_languages() == shipped_languages()


@pytest.mark.parametrize("language", TRANSLATED)
def test_init_in_a_language_writes_its_words_with_the_english_ids(
    tmp_path: Path, english: Project, language: str
) -> None:
    root = init(tmp_path, "--language", language)
    mkdocs = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert mkdocs["theme"]["language"] == language
    project, report = load_project(root)
    assert not report.sorted(), report.sorted()
    assert ids(project) == ids(english)  # same slugs: only the words change
    assert all(ID.match(p) for p in project.people), sorted(project.people)
    words, source = texts(project), texts(english)
    assert words.keys() == source.keys()
    # every name, definition and criterion is written anew (the platform's picklist values are
    # the platform's, and stay as they are)
    same = sorted(k for k in words if words[k] == source[k])
    assert not same, same
    if language == "th":
        not_thai = sorted(k for k, v in words.items() if not THAI.search(v))
        assert not not_thai, not_thai
    home = (root / "docs" / "index.md").read_text(encoding="utf-8")
    english_home = (FILES / "docs" / "index.md").read_text(encoding="utf-8")
    assert home != english_home and home.startswith(f"# {mkdocs['site_name']}\n")
    for link in re.findall(r"\]\(([^)]+)\)", english_home):  # the same pages, linked the same way
        assert f"]({link})" in home


def test_init_without_a_language_writes_the_english_files_as_they_are(tmp_path: Path) -> None:
    root = init(tmp_path)
    today = dt.date.today().isoformat()
    assert scaffold_files() == scaffold_files("en")
    for rel, source in scaffold_files():
        assert source.is_relative_to(FILES), rel
        expected = with_modeline(rel, source.read_text(encoding="utf-8").replace("{{today}}", today))
        assert (root / rel).read_text(encoding="utf-8") == expected, rel
    assert "language" not in yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_languages_files_are_the_ones_with_words(language: str) -> None:
    """Only files with words are translated; the rest (.gitignore) are the English ones."""
    files = dict(scaffold_files(language))
    assert files.keys() == dict(scaffold_files()).keys()
    own = {rel for rel, source in files.items() if not source.is_relative_to(FILES)}
    assert own == {rel for rel in files if rel.endswith((".yaml", ".md", ".yml"))}


@pytest.mark.parametrize("value", ["de", "pt-BR", "english", ""])
def test_an_unknown_language_is_a_usage_error_naming_the_shipped_ones(tmp_path: Path, value: str) -> None:
    target = tmp_path / "handbook"
    result = run_cli(["init", str(target), "--language", value])
    assert result.code == 2, result
    assert result.err.startswith(f"mopsdocs: error: --language {value}: no such language")
    assert f"(shipped: {', '.join(shipped_languages())})" in result.err
    assert "Traceback" not in result.err
    assert not target.exists()  # nothing written


def test_the_help_names_every_shipped_language() -> None:
    result = run_cli(["init", "--help"])
    assert result.code == 0
    help_text = " ".join(result.out.split())
    for language in shipped_languages():
        assert re.search(rf"\b{language}\b", help_text.split("--language", 1)[1]), (language, help_text)


def test_the_language_code_may_be_written_in_capitals(tmp_path: Path) -> None:
    root = init(tmp_path, "--language", "FR")
    assert yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["language"] == "fr"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_editor_schemas_fit_the_languages_specs(tmp_path: Path, language: str) -> None:
    """Each spec names its kind's schema on its first line, and that schema (with this project's
    ids for completion) accepts it; `check` finds the schemas current."""
    root = init(tmp_path, "--language", language)
    project, _ = load_project(root)
    data = {doc.path: doc.data for doc, _ in project.documents}  # as mopsdocs reads it: YAML 1.2
    specs = sorted((root / "specs").rglob("*.yaml"))
    assert len(specs) == 5
    for spec in specs:
        text = spec.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, (spec, first)
        schema_path = (spec.parent / match.group(1)).resolve()
        assert schema_path.parent == (root / SCHEMAS).resolve()
        schema: dict[str, Any] = json.loads(schema_path.read_text(encoding="utf-8"))
        document = data[spec.relative_to(root).as_posix()]
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(document)]
        assert not errors, (spec.name, errors)
    people = json.dumps(json.loads((root / SCHEMAS / "lifecycle.schema.json").read_text(encoding="utf-8")))
    assert all(f'"{p}"' in people for p in project.people)  # this project's people, for completion
    check = run_cli(["check", "--strict"], cwd=root)
    assert check.code == 0 and check.out.startswith("All checks passed"), check.out + check.err
