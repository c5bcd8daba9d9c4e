"""Audit the locked dependencies (requirements/lock.txt) for known vulnerabilities with pip-audit.

    python requirements/audit.py [--lock FILE] [--strict-network]

Policy (docs/dependencies.md): a known vulnerability fails (exit 1) and is listed with its fix
versions. When the advisory services cannot be reached, or cannot tell about a package (pip-audit
"skips" it), the audit says so loudly on stderr and passes (exit 0), because a network outage must
not block every merge; `--strict-network` makes that exit 3 instead, for a scheduled job that must
really audit. A lock file pip-audit cannot read, or any other failure of the audit itself, is exit 2:
never silently green. Services tried in turn: PyPI's JSON API, then OSV.
Ignored advisories: `requirements/audit-ignore.txt`, one id per line with a `# reason`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
NETWORK = re.compile(
    r"ConnectionError|NameResolution|Max retries|timed out|Timeout|Temporary failure|"
    r"Network is unreachable|HTTPError|SSLError|ProxyError|503|502|504",
    re.IGNORECASE,
)


@dataclass
class Audit:
    service: str
    vulnerable: list[str] = field(default_factory=list)  # "name version: ID (fix: ...)"
    skipped: list[str] = field(default_factory=list)  # "name version: reason"
    audited: int = 0
    error: str | None = None  # pip-audit did not produce a report
    network: bool = False  # ... because a service could not be reached


def classify(service: str, returncode: int, stdout: str, stderr: str) -> Audit:
    """What one pip-audit run (with --format json) says."""
    audit = Audit(service)
    try:
        report = json.loads(stdout) if stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    if not isinstance(report, dict) or not isinstance(report.get("dependencies"), list):
        audit.error = (stderr.strip().splitlines() or [f"pip-audit exited {returncode} without a report"])[-1]
        audit.network = bool(NETWORK.search(stderr))
        return audit
    for dep in report["dependencies"]:
        name = f"{dep.get('name')} {dep['version']}" if dep.get("version") else str(dep.get("name"))
        if dep.get("skip_reason"):
            audit.skipped.append(f"{name}: {dep['skip_reason']}")
            continue
        audit.audited += 1
        for vuln in dep.get("vulns", []):
            fixes = ", ".join(vuln.get("fix_versions") or []) or "none yet"
            aliases = ", ".join(vuln.get("aliases") or [])
            audit.vulnerable.append(f"{name}: {vuln.get('id')}{f' ({aliases})' if aliases else ''}; fixed in {fixes}")
    return audit


def ignored_ids(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.split("#", 1)[0].strip() for line in path.read_text().splitlines() if line.split("#", 1)[0].strip()]


def run_pip_audit(lock: Path, service: str, ignore: list[str]) -> Audit:
    cmd = [
        sys.executable,
        "-m",
        "pip_audit",
        "-r",
        str(lock),
        "--no-deps",
        "--disable-pip",
        "--format",
        "json",
        "--progress-spinner",
        "off",
        "--timeout",
        "20",
        "-s",
        service,
    ]
    for vuln_id in ignore:
        cmd += ["--ignore-vuln", vuln_id]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return Audit(service, error="pip-audit took more than 10 minutes", network=True)
    return classify(service, proc.returncode, proc.stdout, proc.stderr)


def decide(audits: list[Audit], strict_network: bool, out=sys.stdout, err=sys.stderr) -> int:
    """The exit code for what the services said, printing the verdict."""
    found = sorted({line for a in audits for line in a.vulnerable})
    if found:
        print(
            f"pip-audit: {len(found)} known vulnerabilit{'y' if len(found) == 1 else 'ies'} in the locked "
            "dependencies:",
            file=out,
        )
        for line in found:
            print(f"  {line}", file=out)
        print(
            "Upgrade them (pyproject.toml bounds, then requirements/make_lock.sh), or list an advisory that does "
            "not apply in requirements/audit-ignore.txt with the reason.",
            file=out,
        )
        return 1
    broken = [a for a in audits if a.error and not a.network]
    complete = [a for a in audits if not a.error and not a.skipped and a.audited]
    if complete:
        print(
            f"pip-audit ({complete[0].service}): no known vulnerabilities in {complete[0].audited} locked packages.",
            file=out,
        )
        return 0
    if broken and not any(a.audited for a in audits):
        for a in broken:
            print(f"pip-audit ({a.service}) failed: {a.error}", file=err)
        return 2
    best = max(audits, key=lambda a: a.audited)
    print(
        "WARNING: the dependency audit is INCOMPLETE: the vulnerability services could not be reached or "
        "could not tell about every package, so known vulnerabilities may be hidden.",
        file=err,
    )
    for a in audits:
        if a.error:
            print(f"  {a.service}: {a.error}", file=err)
        elif a.skipped:
            print(
                f"  {a.service}: {len(a.skipped)} of {len(a.skipped) + a.audited} packages not audited, e.g. "
                f"{a.skipped[0]}",
                file=err,
            )
    print(
        f"  audited without a finding: {best.audited} packages ({best.service}). Run `python "
        "requirements/audit.py` where the network reaches pypi.org or api.osv.dev.",
        file=err,
    )
    return 3 if strict_network else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lock", type=Path, default=HERE / "lock.txt")
    parser.add_argument(
        "--strict-network",
        action="store_true",
        help="exit 3 when the audit could not be completed (for a scheduled job)",
    )
    args = parser.parse_args(argv)
    ignore = ignored_ids(HERE / "audit-ignore.txt")
    audits = []
    for service in ("pypi", "osv"):
        audit = run_pip_audit(args.lock, service, ignore)
        audits.append(audit)
        if audit.vulnerable or (not audit.error and not audit.skipped and audit.audited):
            break  # a finding, or a complete answer: no need to ask the next service
    return decide(audits, args.strict_network)


if __name__ == "__main__":
    sys.exit(main())
