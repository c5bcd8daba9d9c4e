"""A fresh `mopsdocs init` project is clean on every check mopsdocs ships, and looks like the example site.

Real commands, as a user runs them: the console script in a subprocess, real MkDocs, real Graphviz.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, require_tool, run_cli, run_process

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def fresh(tmp_path: Path, language: str = "en") -> Path:
    target = tmp_path / "handbook"
    result = run_cli(["init", str(target)] + (["--language", language] if language != "en" else []))
    assert result.code == 0, result.err
    return target


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "fr", "th"])  # `init --language`: the example in each language
def test_a_fresh_init_project_passes_check_fmt_and_build_strict(tmp_path: Path, language: str) -> None:
    require_tool("dot", "building the new project's site with real Graphviz")
    root = fresh(tmp_path, language)

    check = run_process(["check", "--strict"], cwd=root)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("All checks passed") and check.stderr == "", check.stdout + check.stderr

    fmt = run_process(["fmt", "--check"], cwd=root)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr
    assert "0 file(s) would reformat" in fmt.stdout and "would reformat specs" not in fmt.stdout

    build = run_process(["build", "--strict"], cwd=root, env=BUILD_ENV, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "drawn with dot" in build.stderr, build.stderr
    health = (root / "site" / "health" / "index.html").read_text(encoding="utf-8")
    article = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<article.*?</article>", health, re.S)[0]))  # type: ignore[index]
    assert "**" not in article and "\\*" not in article and "\\_" not in article, "escaped Markdown shown as text"
    if language != "en":  # the words are the catalogs' (tests/i18n); here: the page is in that language
        assert f'<html lang="{language}"' in health
        toggles = [p["toggle"]["name"] for p in _theme(root / "mkdocs.yml")["palette"]]
        assert toggles[0] in health  # the palette toggle, named in the project's language
        return
    assert "All checks passed" in article
    assert "problem" not in article.split("Operational programs audit", 1)[1].replace("no problems", "").replace(
        "its problems", ""
    ), "the audit of a clean project names problems"
    assert "Switch to dark mode" in health  # the palette toggle


def _theme(path: Path) -> dict[str, Any]:
    text = re.sub(r"!!python/\S+", "null", path.read_text(encoding="utf-8"))  # MkDocs' tags: not the theme
    data: dict[str, Any] = yaml.safe_load(text)
    theme: dict[str, Any] = data["theme"]
    return theme


def test_init_has_the_example_sites_light_dark_toggle(tmp_path: Path) -> None:
    root = fresh(tmp_path)
    palette = _theme(root / "mkdocs.yml").get("palette")
    assert palette, "init's mkdocs.yml has no palette (no light/dark toggle)"
    assert palette == _theme(REPO / "mkdocs.yml")["palette"]
    assert [p["scheme"] for p in palette] == ["default", "slate"] and all("toggle" in p for p in palette)


def test_the_example_project_and_the_scaffold_are_fmt_clean(tmp_path: Path) -> None:
    example = run_cli(["fmt", "--check"], cwd=REPO)
    assert example.code == 0, example.out + example.err
    fresh_project = run_cli(["fmt", "--check"], cwd=fresh(tmp_path))
    assert fresh_project.code == 0, fresh_project.out + fresh_project.err
