"""Properties of channels, on generated projects: a valid channel gives no diagnostic.

Generated channels have unique status names, positive steps (some equal, in any order), a
success status that is a responded CRM status, the three roles when they are event channels,
and codes that are exactly the codes of the channel vocabulary (CH001-CH005 all quiet).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mopsdocs import specs
from mopsdocs.pipeline import load_project

MKDOCS = (
    "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n      channel_vocabulary: media\n"
)
PROGRAM_TYPES: tuple[str, ...] = specs.ProgramType.__args__  # type: ignore[attr-defined]
names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC XYZ-&<>|'\"é", min_size=1, max_size=16).filter(
    lambda s: s.strip() == s
)
codes = st.from_regex(r"[A-Z]{2,4}", fullmatch=True)


@st.composite
def channel(draw: st.DrawFn, cid: str, code: str) -> dict[str, Any]:
    program_type = draw(st.sampled_from(PROGRAM_TYPES))
    status_names = draw(st.lists(names, min_size=3, max_size=8, unique_by=str.casefold))
    statuses: list[dict[str, Any]] = []
    for name in status_names:
        status: dict[str, Any] = {"name": name, "step": draw(st.integers(1, 5))}
        if draw(st.booleans()):
            status["hidden"] = True
        crm = draw(st.sampled_from(["none", "text", "mapping"]))
        if crm == "text":
            status["crm"] = name
        elif crm == "mapping":
            status["crm"] = {"status": name, "responded": draw(st.booleans())}
        statuses.append(status)
    success = draw(st.lists(st.integers(0, len(statuses) - 1), min_size=1, max_size=3, unique=True))
    for i in success:
        statuses[i]["success"] = True
        statuses[i]["crm"] = {"status": statuses[i]["name"], "responded": True}
    if program_type in ("event", "event-with-webinar"):
        for i, role in enumerate(("registered", "waitlisted", "attended")):
            statuses[i]["role"] = role
    spec = {"kind": "channel", "id": cid, "name": cid.capitalize(), "code": code, "program_type": program_type}
    return {**spec, "statuses": statuses}


@st.composite
def projects(draw: st.DrawFn) -> list[dict[str, Any]]:
    chosen = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    return [draw(channel(f"ch{i}", code)) for i, code in enumerate(chosen)]


def render(channels: list[dict[str, Any]]) -> dict[str, str]:
    values = [{"code": c["code"]} for c in channels]
    naming = {"kind": "naming", "vocabularies": [{"id": "media", "name": "Media", "values": values}]}
    files = {"specs/naming.yaml": json.dumps(naming, ensure_ascii=False) + "\n"}
    for c in channels:  # JSON is YAML: every name quoted
        files[f"specs/channels/{c['id']}.yaml"] = json.dumps(c, ensure_ascii=False, indent=1) + "\n"
    return files


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_generated_valid_channels_have_no_diagnostics(channels: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp), render(channels), MKDOCS)
        project, report = load_project(root)
    assert report.sorted() == []
    assert sorted(project.channels) == sorted(c["id"] for c in channels)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(), st.data())
def test_removing_every_success_gives_ch001_for_that_channel_only(
    channels: list[dict[str, Any]], data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(channels))
    for status in target["statuses"]:
        status.pop("success", None)
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp), render(channels), MKDOCS)
        _, report = load_project(root)
    found = [(d.code, d.location.path) for d in report.sorted()]
    assert found == [("CH001", f"specs/channels/{target['id']}.yaml")]
