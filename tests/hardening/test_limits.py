"""Limits that protect the user's machine: each cap set in mkdocs.yml, met exactly and passed by one.

Caps (`limits:` in the mopsdocs settings block): max_file_bytes, max_documents, max_depth,
max_files. At the cap a project passes; one over gives one LIMIT001 that says which limit and how
to raise it. The defaults leave the example project and a large generated one far behind.
"""

from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest
from conftest import Result, run_cli
from hardtools import REPO, sane, write_project

from mopsdocs.config import LimitSettings
from mopsdocs.loader import load_text

TEAM = "kind: team\nteams:\n  - {id: a, name: A}\n"


def mkdocs(**limits: int) -> str:
    block = "".join(f"        {k}: {v}\n" for k, v in limits.items())
    return f"site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n      limits:\n{block}"


def check(root: Path, *args: str) -> Result:
    result = run_cli(["check", "--format", "concise", *args], cwd=root)
    sane(result, root, "check --format concise", concise=True)
    return result


def limit_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if "LIMIT001" in line]


def nested(depth: int) -> str:
    """A team spec whose deepest container is `depth` levels down (the document is level 1)."""
    return "kind: team\nx-n: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


@pytest.mark.parametrize(
    "setting,at_cap,over_cap,message",
    [
        (
            "max_file_bytes",
            {"specs/a.yaml": TEAM.ljust(500, "\n")},
            {"specs/a.yaml": TEAM.ljust(501, "\n")},
            "specs/a.yaml:1:1: error[LIMIT001]: file is 501 bytes, more than the limit of 500 "
            "(split the file, or raise the limit `max_file_bytes`)",
        ),
        (
            "max_documents",
            {"specs/a.yaml": "---\n" + TEAM * 1 + ("---\nkind: team\n" * 2)},
            {"specs/a.yaml": "---\n" + TEAM + ("---\nkind: team\n" * 3)},
            "specs/a.yaml:9:1: error[LIMIT001]: more than 3 documents in one file "
            "(split the file, or raise the limit `max_documents`)",
        ),
        (
            "max_depth",
            {"specs/a.yaml": nested(6)},
            {"specs/a.yaml": nested(7)},
            "specs/a.yaml:2:11: error[LIMIT001]: nesting deeper than 6 levels "
            "(specs never nest this deep; raise the limit `max_depth` if this is intended)",
        ),
        (
            "max_files",
            {f"specs/{i}.yaml": f"kind: team\nteams:\n  - {{id: t{i}, name: T}}\n" for i in range(4)},
            {f"specs/{i}.yaml": f"kind: team\nteams:\n  - {{id: t{i}, name: T}}\n" for i in range(5)},
            "mkdocs.yml:1:1: error[LIMIT001]: 5 spec files, more than the limit of 4; only the first 4 were read "
            "(raise the limit `max_files` if this is intended)",
        ),
    ],
)
def test_each_cap_from_mkdocs_yml(
    tmp_path: Path, setting: str, at_cap: dict[str, str], over_cap: dict[str, str], message: str
) -> None:
    value = {"max_file_bytes": 500, "max_documents": 3, "max_depth": 6, "max_files": 4}[setting]
    ok = write_project(tmp_path / "at", at_cap, mkdocs(**{setting: value}))
    assert check(ok).code == 0
    over = write_project(tmp_path / "over", over_cap, mkdocs(**{setting: value}))
    result = check(over)
    assert result.code == 1
    assert limit_lines(result.out) == [message]
    # the same project with the default limits is fine: the cap, not the input, made the error
    relaxed = write_project(tmp_path / "default", over_cap)
    assert check(relaxed).code == 0


def test_caps_apply_to_every_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fmt, --changed (its cache is keyed by the limits), export and the site read with the same caps."""
    monkeypatch.setenv("MOPSDOCS_CACHE_DIR", str(tmp_path / "cache"))
    root = write_project(tmp_path / "p", {"specs/a.yaml": nested(7)}, mkdocs(max_depth=6))
    assert limit_lines(check(root, "--changed").out)
    fmt = run_cli(["fmt", "--check"], cwd=root)
    assert fmt.code == 1 and "nesting deeper than 6 levels" in fmt.err
    exported = run_cli(["export"], cwd=root)
    assert exported.code == 1
    (root / "mkdocs.yml").write_text(mkdocs(max_depth=7))  # raised: the cached verdict must not stick
    assert check(root, "--changed").code == 0


def test_limit_settings_are_validated_where_they_are_written(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "p", {"specs/a.yaml": TEAM}, mkdocs(max_depth=1, max_files=0) + "        max_bytes: 5\n"
    )
    result = check(root)
    assert result.code == 1
    assert [line.split(": error")[0] for line in result.out.splitlines()[:-1]] == [
        "mkdocs.yml:6:20",
        "mkdocs.yml:7:20",
        "mkdocs.yml:8:9",
    ]
    assert "did you mean 'max_files'?" not in result.out  # max_bytes is closest to max_file_bytes
    assert "max_file_bytes" in result.out


def _generate_scale(out: Path, **sizes: int) -> Path:
    spec = importlib.util.spec_from_file_location("scale_project", REPO / "benchmarks" / "scale_project.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    root: Path = module.generate(out, **sizes)  # a module loaded by path: untyped to mypy
    return root


def _measure(root: Path) -> dict[str, int]:
    """How close a project comes to each default cap: biggest file, most documents, deepest nesting."""
    files = sorted((root / "specs").rglob("*.y*ml"))
    sizes = {"max_files": len(files), "max_file_bytes": 0, "max_documents": 0, "max_depth": 0}
    for path in files:
        text = path.read_text(encoding="utf-8")
        sizes["max_file_bytes"] = max(sizes["max_file_bytes"], len(text.encode()))
        docs = load_text(text, "x").documents
        sizes["max_documents"] = max(sizes["max_documents"], len(docs))
        sizes["max_depth"] = max(
            sizes["max_depth"], max((max((len(p) for p in d.values), default=0) for d in docs), default=0)
        )
    return sizes


@pytest.mark.parametrize("project", ["example", "generated-large"])
def test_defaults_leave_real_projects_far_behind(project: str, tmp_path: Path) -> None:
    if project == "example":
        root = REPO
    else:  # four times the benchmark's default size: 1,600 programs, 1,200 people, 3,200 RACI rows
        root = _generate_scale(tmp_path / "scale", programs=1600, people=1200, roles=240, activities=3200, stages=200)
    started = time.perf_counter()
    result = check(root, "--strict")
    elapsed = time.perf_counter() - started
    assert result.code == 0, result.out[-3000:]
    assert re.match(r"All checks passed \(\d+ spec files\)\.", result.out)
    used = _measure(root)
    defaults = LimitSettings()
    for cap, value in used.items():
        assert value * 10 <= getattr(defaults, cap), f"{project} uses {value} of {cap}={getattr(defaults, cap)}"
    print(f"{project}: {used}, check --strict {elapsed:.2f} s")
