"""Hypothesis: whatever bytes a file holds (real exports cut short, bytes flipped, encodings
mixed), reading it never raises; it gives records or exactly one FILE001, and the audit over
it runs to the end."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path

import exportkit as k
from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mopsdocs.audit.run import run_audit
from mopsdocs.exports import read_exports
from mopsdocs.pipeline import load_project

SEEDS: list[bytes] = [
    json.dumps(k.response([k.program(1, "2026-01_WBN_A"), k.program(2, "B")]), indent=2).encode(),
    json.dumps(k.pages([k.user("a@example.com", "A", "B"), k.user("c@example.com", "C", "D")], size=1)).encode(),
    json.dumps(k.response([k.channel(1, "Webinar", "webinar", [("Attended", 30, True)])])).encode(),
    k.csv_text([k.LEAD_STATUS_HEADER, *k.LEAD_STATUSES], delimiter=";").encode("cp1252"),
    k.csv_text([["Label", "Responded"], ["Sent", "0"], ["Clicked", '1\n"x']], quote_all=True).encode("utf-16"),
    b"Name\n2026-01_WBN_A\nWebinar Jan\n",
]
ROOT = Path(tempfile.mkdtemp(prefix="mopsdocs-readers-fuzz-"))
atexit.register(shutil.rmtree, ROOT, ignore_errors=True)
make_project(ROOT, {"specs/team.yaml": "kind: team\npeople:\n  - {id: a, name: A, email: a@example.com, roles: []}\n"})
PROJECT, _ = load_project(ROOT)


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["cut", "flip", "insert", "delete"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if action == "cut":
            del data[at:]
        elif action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(
                st.sampled_from([b'"', b",", b"\n", b"\r", b"\x00", b"{", b"]", b"\xff\xfe", b"\xef\xbb\xbf"])
            )
        else:
            del data[at : at + draw(st.integers(1, 8))]
    return bytes(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(mangled(), st.sampled_from(["x.json", "x.csv", "x.txt", "x"]))
def test_any_bytes_give_records_or_one_file001(raw: bytes, name: str) -> None:
    folder = ROOT / "exports"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / name).write_bytes(raw)
    exports = read_exports([folder], root=ROOT, settings=PROJECT.settings)
    problems = [d for d in exports.diagnostics if d.code == "FILE001"]
    assert len(problems) + len(exports.files) == 1, (exports.files, problems)
    for d in problems:
        assert d.location.path == f"exports/{name}" and d.location.line >= 1 and d.location.column >= 1
    run_audit(PROJECT, exports)  # the rules take whatever was read
