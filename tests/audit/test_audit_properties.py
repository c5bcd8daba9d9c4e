"""Hypothesis: the order of an export's rows, and how a response is split into pages, change no finding.

A generated instance (users, channels, programs, lead statuses) is written once as it came and
once shuffled and paged (random page sizes, some pages compact JSON, CSV rows shuffled); the
audit's findings, without their places (which move with the rows, by design), are the same.
AUDIT006 names two objects, "the second" naming "the first": it is compared as the pair.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import make_cases
from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from make_cases import k

from mopsdocs.audit.run import run_audit
from mopsdocs.exports import read_exports
from mopsdocs.pipeline import load_project

ROOT = Path(tempfile.mkdtemp(prefix="mopsdocs-audit-prop-"))
atexit.register(shutil.rmtree, ROOT, ignore_errors=True)
make_project(
    ROOT,
    {
        "specs/team.yaml": make_cases.TEAM,
        "specs/naming.yaml": make_cases.NAMING,
        "specs/lifecycle.yaml": make_cases.LIFECYCLE,
        "specs/channels/webinar.yaml": make_cases.WEBINAR,
        "specs/channels/email.yaml": make_cases.EMAIL,
    },
    dedent=False,
)
PROJECT, _ = load_project(ROOT, as_of="2026-12-01")

emails = [
    "maude@example.com",
    "sam@example.com",
    "dana@example.com",
    "lee@example.com",
    "x@agency.example",
    "y@b.example",
]
role_names = ["Admin", "Marketing User", "Analytics User"]
channel_names = ["Webinar", "Webinars", "Email Send", "E-mail Send", "Tradeshow", "Nurture"]
kinds = {"Webinar": "webinar", "Webinars": "webinar", "Email Send": "email", "E-mail Send": "email",
         "Tradeshow": "event", "Nurture": "nurture"}  # fmt: skip
program_types = ["Default", "Event", "Event with Webinar", "Engagement", "Email"]
program_names = st.sampled_from(
    [
        "2026-11_WBN_Peak",
        "2026-11_EM_Peak",
        "Peak webinar",
        "Peak Webinar",
        "Peak webinar copy",
        "2025 Kickoff",
        "2026 Kickoff",
        "OPS_Scoring",
        "2019-05_EM_Old",
    ]
)
days = st.sampled_from(["2019-05-20", "2025-11-30", "2025-12-02", "2026-09-01", "2026-11-29"])


@st.composite
def instance(draw: st.DrawFn) -> dict[str, Any]:
    users = [
        k.user(e, "F", "L", draw(st.lists(st.sampled_from(role_names), min_size=1, max_size=3)),
               last_login=draw(st.none() | days), api_only=draw(st.booleans()), locked=draw(st.booleans()))
        for e in draw(st.lists(st.sampled_from(emails), unique=True, max_size=6))
    ]  # fmt: skip
    channels = [
        k.channel(i, name, kinds[name], draw(st.lists(st.sampled_from(
            [("Registered", 10, False), ("Attended", 30, True), ("Sent", 10, False), ("Clicked", 20, True)]
        ), unique=True, max_size=3)))
        for i, name in enumerate(draw(st.lists(st.sampled_from(channel_names), unique=True, max_size=6)))
    ]  # fmt: skip
    programs = [
        k.program(i, name, type_=draw(st.sampled_from(program_types)),
                  channel=draw(st.sampled_from(channel_names)), updated=draw(days))
        for i, name in enumerate(draw(st.lists(program_names, unique=True, max_size=9)))
    ]  # fmt: skip
    statuses = draw(
        st.lists(st.sampled_from(k.LEAD_STATUSES + [["N", "Nurture", "9", "false", "false"]]), unique_by=str)
    )
    return {"users": users, "channels": channels, "programs": programs, "statuses": statuses}


def findings(folder: Path) -> Counter[tuple[str, str]]:
    result = run_audit(PROJECT, read_exports([folder], root=ROOT, settings=PROJECT.settings))
    out: Counter[tuple[str, str]] = Counter()
    for d in result.diagnostics:
        message = re.sub(r" \([^()]*:\d+:\d+\)", "", d.message)  # places of other objects
        if d.code == "AUDIT006":
            message = " & ".join(sorted(re.findall(r"'([^']*)'", message)))
        where = d.location.path if d.location.path.startswith("specs/") else ""
        out[(d.code, f"{where} {message}")] += 1
    return out


def write(folder: Path, data: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any] | None) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)

    def arranged(items: list[Any]) -> list[Any]:
        return draw(st.permutations(items)) if draw is not None else items

    def paged(items: list[Any]) -> Any:
        if draw is None:
            return k.response(items)
        return k.pages(arranged(items), size=draw(st.integers(1, 4)))

    indent = None if draw is not None and draw(st.booleans()) else 2
    k.write_json(folder / "users.json", arranged(data["users"]) if draw else data["users"], indent=indent)
    k.write_json(folder / "channels.json", paged(data["channels"]), indent=indent)
    k.write_json(folder / "programs.json", paged(data["programs"]), indent=indent)
    if data["statuses"]:
        k.write_csv(folder / "LeadStatus.csv", [k.LEAD_STATUS_HEADER, *arranged(data["statuses"])])


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(instance(), st.data())
def test_order_and_paging_change_no_finding(data: dict[str, Any], choices: st.DataObject) -> None:
    write(ROOT / "as-exported", data, None)
    write(ROOT / "shuffled", data, choices.draw)
    assert findings(ROOT / "shuffled") == findings(ROOT / "as-exported")
