"""What real exports hold that YAML does not like: names with quotes, colons, hashes, line breaks,
YAML 1.1 words, dates, numbers, scripts without Latin letters, invisible characters, great length.
Every draft still reads back as written, holds only decisions for `check`, and `fmt` keeps it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from test_import import DECISION_CODES, _new_project, _tree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exports"))

import exportkit as k

from mopsdocs.fmt import format_text
from mopsdocs.loader import load_text

ODD = [
    'Webinar: "Live" #1 & more',
    "Yes",
    "null",
    "2021-01-01",
    "- dash first",
    "* star, [brackets], {braces}",
    "Line\nbreak",
    "Tab\there",
    "สัมมนาออนไลน์",
    "Zero\u200bwidth",
    "x" * 300,
    "  padded  ",
    "'single' and \\ backslash",
]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root: Path = _new_project(tmp_path / "handbook")
    channels = [
        k.channel(i, name, "event", [(name, 10, False), ("Registered", 20, False), (f"{name} attended", 30, True)])
        for i, name in enumerate(ODD, start=1)
    ]
    k.write_json(root / "exports" / "channels.json", k.response(channels))
    programs = [k.program(100 + i, f"OPS {name}", folder="Operational", folder_id=12) for i, name in enumerate(ODD)]
    k.write_json(root / "exports" / "programs.json", k.pages(programs, size=5))
    users = [k.user(f"user{i}@example.com", name, "Ünïcode", ["On"]) for i, name in enumerate(ODD)]
    users.append(k.user("not an email", "No", "Mail"))
    k.write_json(root / "exports" / "users.json", users)
    rows = [k.LEAD_STATUS_HEADER] + [[n, n, str(i), "false", "false"] for i, n in enumerate(ODD, start=1)]
    k.write_csv(root / "exports" / "lead-status.csv", rows)
    hs = k.hubspot_property("hs_lead_status", "Lead Status", [(n, f"v{i}") for i, n in enumerate(ODD)])
    k.write_json(root / "exports" / "hs-lead-status.json", hs)
    return root


def test_odd_names_read_back_as_written_and_leave_only_decisions(hostile: Path) -> None:
    done = run_cli(["import", "exports"], cwd=hostile)
    assert done.code == 0, done.err
    drafts = _tree(hostile / "specs")
    assert len(drafts) == len(ODD) * 2 + 1 + 2 + 1  # channels, programs, vocabulary, 2 lifecycles, people
    for rel, text in drafts.items():
        loaded = load_text(text, rel)
        assert loaded.diagnostics == [], rel
        assert format_text(text) == text, rel
    checked = run_cli(["check", "--format", "concise"], cwd=hostile)
    in_drafts = [line for line in checked.out.splitlines() if line.startswith("specs/")]
    codes = {re.search(r"\[(\w+)\]", line).group(1) for line in in_drafts}  # type: ignore[union-attr]
    assert codes <= DECISION_CODES, checked.out
    assert "Traceback" not in checked.out + checked.err


def test_names_survive_whole(hostile: Path) -> None:
    run_cli(["import", "exports"], cwd=hostile)
    from mopsdocs.pipeline import load_project

    project, _ = load_project(hostile)
    channel_names = sorted(c.name for c in project.channels.values())
    assert channel_names == sorted(n.strip() for n in ODD)  # exports are read stripped of blanks
    vocabulary = project.vocabularies["channel"]
    assert len({v.code for v in vocabulary.values}) == len(ODD)  # codes made unique
    lead = (hostile / "specs" / "lifecycles" / "lead.yaml").read_text(encoding="utf-8")
    assert '"Line\\nbreak"' in lead and 'values: {salesforce: "Yes"}' in lead


def test_ids_are_valid_and_unique_whatever_the_names(hostile: Path) -> None:
    run_cli(["import", "exports"], cwd=hostile)
    ids = [p.stem for p in (hostile / "specs" / "channels").glob("*.yaml")]
    assert len(set(ids)) == len(ODD)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", i) for i in ids)
    assert "channel" in ids  # the Thai name has no Latin letters to make an id of
