"""The lock (requirements/lock.txt) and pyproject.toml's declared ranges agree: offline, in milliseconds.

scripts/_setup.sh installs with the lock as constraints, so the lock is what the tests run on; a
declared range that the lock falls outside of (or a dependency the lock lacks) means the declared
range is untested. Regenerate the lock with requirements/make_lock.sh after changing pyproject.toml.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest
from conftest import REPO
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

LOCK = REPO / "requirements" / "lock.txt"
MAKE_LOCK = REPO / "requirements" / "make_lock.sh"


def locked() -> dict[NormalizedName, Version]:
    pins: dict[NormalizedName, Version] = {}
    for number, raw in enumerate(LOCK.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        (spec,) = req.specifier  # exactly one `==` pin per line, no markers, no extras
        assert spec.operator == "==" and not req.marker and not req.extras, f"lock.txt:{number}: not a pin: {raw}"
        name = canonicalize_name(req.name)
        assert name not in pins, f"lock.txt:{number}: {req.name} pinned twice"
        pins[name] = Version(spec.version)
    return pins


def project() -> dict[str, Any]:
    meta: dict[str, Any] = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return meta


def declared() -> list[tuple[str, Requirement]]:
    """(where, requirement) for the base dependencies and every extra's."""
    meta = project()
    found = [("dependencies", Requirement(text)) for text in meta["dependencies"]]
    for extra, texts in meta.get("optional-dependencies", {}).items():
        found += [(f"[{extra}]", Requirement(text)) for text in texts]
    return found


def applies(where: str, req: Requirement) -> bool:
    """Whether the requirement's marker holds here (the lock is made on Linux, Python 3.11)."""
    if req.marker is None:
        return True
    env = {key: str(value) for key, value in default_environment().items()}
    env["extra"] = where.strip("[]") if where.startswith("[") else ""
    return req.marker.evaluate(env)


def test_the_lock_is_one_pin_per_package() -> None:
    pins = locked()
    assert len(pins) > 50  # the whole dependency set, not a stub
    assert "mopsdocs" not in pins  # the package itself is installed from the checkout


def test_every_declared_dependency_is_locked_inside_its_range() -> None:
    pins = locked()
    problems = []
    for where, req in declared():
        if not applies(where, req):
            continue
        name = canonicalize_name(req.name)
        if name not in pins:
            problems.append(f"{req} ({where}) is not in requirements/lock.txt")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{req} ({where}): the lock has {name}=={pins[name]}, outside the declared range")
    assert not problems, "run requirements/make_lock.sh, or fix the ranges:\n" + "\n".join(problems)


def test_the_lock_is_made_with_every_extra() -> None:
    """make_lock.sh installs `.[render,test]`: a new extra must be added there, or it goes unlocked."""
    match = re.search(r'"\$ROOT\[([a-z0-9,-]+)\]"', MAKE_LOCK.read_text(encoding="utf-8"))
    assert match, "requirements/make_lock.sh no longer installs $ROOT[EXTRAS]"
    assert sorted(match[1].split(",")) == sorted(project().get("optional-dependencies", {}))


@pytest.mark.parametrize("tool", ["ruff", "mypy"])
def test_the_gate_tools_are_pinned_exactly(tool: str) -> None:
    """scripts/test runs them as gates: a new release must not change what passes without a commit."""
    (req,) = [r for where, r in declared() if where == "[test]" and canonicalize_name(r.name) == tool]
    (spec,) = req.specifier
    assert spec.operator == "==", f"{req}: pin the exact version in the test extra"
    assert locked()[canonicalize_name(tool)] == Version(spec.version)


def test_runtime_dependencies_are_bounded_below_the_next_major() -> None:
    """MkDocs 2 drops plugins; Material 10 may never come (9.x is maintained until 2027): every runtime
    dependency has an upper bound, so an upstream major release cannot break an install."""
    runtime = [Requirement(text) for text in project()["dependencies"]]
    for req in runtime:
        assert [s for s in req.specifier if s.operator in ("<", "<=", "~=", "==")], f"{req.name} has no upper bound"
    names = {canonicalize_name(r.name): r for r in runtime}
    assert not names[canonicalize_name("mkdocs")].specifier.contains("2.0")
    assert not names[canonicalize_name("mkdocs-material")].specifier.contains("10.0")
