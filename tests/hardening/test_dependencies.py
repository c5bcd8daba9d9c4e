"""The dependency audit's policy (requirements/audit.py), on recorded pip-audit answers: offline.

The audit itself asks online advisory services (PyPI, OSV) that CI machines here cannot reach, so
it is not part of the suite: run `python requirements/audit.py --strict-network` on a connected
machine (docs/dependencies.md). These tests prove that its verdicts are right wherever it runs: a
finding fails, a broken audit is never green, an unreachable service is loud. The lock's agreement
with pyproject.toml is tests/test_dependencies_lock.py.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys

from hardtools import REPO

spec = importlib.util.spec_from_file_location("mopsdocs_requirements_audit", REPO / "requirements" / "audit.py")
assert spec and spec.loader
audit = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = audit  # dataclasses look their module up there
spec.loader.exec_module(audit)


# --------------------------------------------------------------------------- the audit's policy

VULNERABLE = json.dumps(
    {
        "dependencies": [
            {
                "name": "jinja2",
                "version": "2.10",
                "vulns": [
                    {
                        "id": "PYSEC-2019-217",
                        "fix_versions": ["2.10.1"],
                        "aliases": ["CVE-2019-10906"],
                        "description": "sandbox",
                    }
                ],
            },
            {"name": "click", "version": "8.1.0", "vulns": []},
        ],
        "fixes": [],
    }
)
CLEAN = json.dumps({"dependencies": [{"name": "click", "version": "8.1.0", "vulns": []}], "fixes": []})
SKIPPED = json.dumps({"dependencies": [{"name": "click", "skip_reason": "Dependency not found on PyPI"}], "fixes": []})
OFFLINE = (
    "Traceback (most recent call last):\n ...\nrequests.exceptions.ConnectionError: HTTPSConnectionPool("
    "host='api.osv.dev', port=443): Max retries exceeded (NameResolutionError)\n"
)


def verdict(*runs: tuple[str, int, str, str], strict: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = audit.decide([audit.classify(*run) for run in runs], strict, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_known_vulnerability_fails_and_names_the_fix() -> None:
    code, out, _ = verdict(("pypi", 1, VULNERABLE, ""))
    assert code == 1
    assert "jinja2 2.10: PYSEC-2019-217 (CVE-2019-10906); fixed in 2.10.1" in out


def test_a_vulnerability_from_the_second_service_still_fails() -> None:
    assert verdict(("pypi", 0, SKIPPED, ""), ("osv", 1, VULNERABLE, ""))[0] == 1


def test_a_complete_clean_audit_passes() -> None:
    code, out, err = verdict(("pypi", 0, CLEAN, ""))
    assert (code, err) == (0, "") and "no known vulnerabilities in 1 locked packages" in out


def test_no_network_warns_loudly_and_passes_unless_strict() -> None:
    code, _, err = verdict(("pypi", 0, SKIPPED, ""), ("osv", 1, "", OFFLINE))
    assert code == 0
    assert "WARNING: the dependency audit is INCOMPLETE" in err and "api.osv.dev" in err
    assert verdict(("pypi", 0, SKIPPED, ""), ("osv", 1, "", OFFLINE), strict=True)[0] == 3


def test_a_broken_audit_is_never_green() -> None:
    code, _, err = verdict(
        ("pypi", 1, "", "ERROR: invalid requirement: 'click=8'\n"),
        ("osv", 1, "", "ERROR: invalid requirement: 'click=8'\n"),
    )
    assert code == 2 and "invalid requirement" in err
