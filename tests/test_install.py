"""`pip install mopsdocs`, no extras, builds a site on a machine without `dot`: graphviz-pure is a default dependency.

Measured (graphviz-pure 0.2.2): a 6.3 MB wheel (mkdocs-material, already required, is 9.3 MB), wheels for
Linux x86_64/aarch64, macOS x86_64/arm64 and Windows, no dependencies of its own, installed in under a second.
"""

from __future__ import annotations

import tomllib
from typing import Any

from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

README = (REPO / "README.md").read_text(encoding="utf-8")


def meta() -> dict[str, Any]:
    project: dict[str, Any] = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project


def requirement(texts: list[str], name: str) -> Requirement | None:
    found = [Requirement(t) for t in texts if canonicalize_name(Requirement(t).name) == name]
    return found[0] if found else None


def test_the_pure_renderer_is_a_default_dependency() -> None:
    req = requirement(meta()["dependencies"], "graphviz-pure")
    assert req is not None, "graphviz-pure is not a default dependency: `pip install mopsdocs` cannot draw without dot"
    assert req.marker is None and req.specifier.contains("0.2.2")


def test_the_render_extra_is_still_accepted_and_adds_nothing_new() -> None:
    extras = meta()["optional-dependencies"]
    assert "render" in extras  # `pip install "mopsdocs[render]"` in old instructions keeps working
    base = {canonicalize_name(Requirement(t).name) for t in meta()["dependencies"]}
    assert {canonicalize_name(Requirement(t).name) for t in extras["render"]} <= base


def test_the_readme_says_how_to_install_from_a_clone_or_a_git_url() -> None:
    assert "pip install ." in README and "pip install -e ." in README
    assert 'pip install "mopsdocs @ git+https://<git-host>/<org>/mopsdocs"' in README
    assert "mopsdocs[render]" not in README  # nothing extra to remember
    for script in ("./scripts/site", "./scripts/test"):  # the two commands stay true
        assert script in README and (REPO / script).is_file()
