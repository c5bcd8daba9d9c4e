"""`mopsdocs fmt`: values and comments survive, output is stable, writes are safe."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import REPO, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from mopsdocs.fmt import format_text
from mopsdocs.loader import load_text

MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"


def data_of(text: str) -> list[Any]:
    result = load_text(text, "x.yaml")
    assert result.diagnostics == []
    return [d.data for d in result.documents]


def comments_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_example_project_keeps_values_and_comments_and_is_idempotent() -> None:
    files = sorted((REPO / "specs").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        once = format_text(text)
        assert data_of(once) == data_of(text), path
        assert sorted(comments_of(once)) == sorted(comments_of(text)), path
        assert format_text(once) == once, path


def test_key_order_indentation_and_yaml11_traps() -> None:
    text = (
        "# team file\nroles:\n- name: Analyst   # the analyst\n  id: analyst\n  team: mops\n"
        "kind: team\nteams:\n- {name: Ops, id: mops}\nx-owner: maude\npeople:\n"
        "- roles: [analyst]\n  active: true\n  id: ana\n  name: Ana\n  x-country: NO\n"
    )
    out = format_text(text)
    assert out == (
        "# team file\nkind: team\nteams:\n  - {id: mops, name: Ops}\nroles:\n  - id: analyst\n"
        "    name: Analyst # the analyst\n    team: mops\npeople:\n  - id: ana\n    name: Ana\n"
        "    roles: [analyst]\n    active: true\n    x-country: 'NO'\nx-owner: maude\n"
    )
    assert data_of(out) == data_of(text)


def test_fmt_command_writes_only_changed_files_and_check_mode(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "specs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS)
    messy = root / "specs" / "team.yaml"
    messy.write_text("teams:\n- {name: Ops, id: mops}\nkind: team\n")
    tidy = root / "specs" / "tidy.yaml"
    tidy.write_text("kind: team\nteams:\n  - {id: b, name: B}\n")
    tidy_mtime = tidy.stat().st_mtime_ns
    broken = root / "specs" / "broken.yaml"
    broken.write_bytes(b"kind: team\nteams: [\n")

    check = run_cli(["fmt", "--check"], cwd=root)
    assert check.code == 1
    assert "would reformat specs/team.yaml" in check.out
    assert messy.read_text() == "teams:\n- {name: Ops, id: mops}\nkind: team\n"  # --check writes nothing

    result = run_cli(["fmt"], cwd=root)
    assert result.code == 1  # the broken file is named, and left alone
    assert "skipped specs/broken.yaml" in result.err
    assert messy.read_text() == "kind: team\nteams:\n  - {id: mops, name: Ops}\n"
    assert tidy.stat().st_mtime_ns == tidy_mtime
    assert broken.read_bytes() == b"kind: team\nteams: [\n"
    assert not list((root / "specs").glob(".*.tmp"))  # no temp files left behind

    broken.unlink()
    assert run_cli(["fmt", "--check"], cwd=root).code == 0


# --------------------------------------------------------------------------- property

KEYS = ["kind", "id", "name", "description", "owner", "roles", "x-note", "zzz", "active", "values"]
plain_words = st.sampled_from(
    [
        "yes",
        "no",
        "on",
        "off",
        "NO",
        "Y",
        "010",
        "1e3",
        "2021-11-02",
        "true",
        "null",
        "Known",
        "Open - Not Contacted",
        "a: b",
        "#tag",
        "café ☕",
    ]
)
scalars = st.one_of(
    st.integers(-1000, 1000),
    st.booleans(),
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30),
    plain_words,
)


def scalar_text(value: object, plain: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    assert isinstance(value, str)
    safe_plain = value in {"yes", "no", "on", "off", "NO", "Y", "Known", "Open - Not Contacted", "café ☕"}
    return value if (plain and safe_plain) else json.dumps(value, ensure_ascii=False)


@st.composite
def documents(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=8, unique=True))
    lines = []
    for key in keys:
        if draw(st.booleans()):
            lines.append(f"# about {key}")
        shape = draw(st.sampled_from(["scalar", "list", "flow", "map"]))
        if shape == "scalar":
            lines.append(f"{key}: {scalar_text(draw(scalars), draw(st.booleans()))}")
        elif shape == "list":
            items = draw(st.lists(scalars, min_size=1, max_size=3))
            lines.append(f"{key}:")
            for item in items:
                lines.append(
                    f"  - {scalar_text(item, draw(st.booleans()))}" + ("  # note" if draw(st.booleans()) else "")
                )
        elif shape == "flow":
            items = draw(st.lists(scalars, max_size=3))
            lines.append(f"{key}: [{', '.join(scalar_text(i, False) for i in items)}]")
        else:
            sub = draw(
                st.lists(st.sampled_from(["id", "name", "team", "x-a", "b"]), min_size=1, max_size=4, unique=True)
            )
            lines.append(f"{key}:")
            for k in sub:
                lines.append(f"  {k}: {scalar_text(draw(scalars), draw(st.booleans()))}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(st.lists(documents(), min_size=1, max_size=3))
def test_fmt_never_changes_a_value_or_loses_a_comment(docs: list[str]) -> None:
    text = "---\n".join(docs) if len(docs) > 1 else docs[0]
    before = data_of(text)
    out = format_text(text)
    assert data_of(out) == before
    assert sorted(comments_of(out)) == sorted(comments_of(text))
    assert format_text(out) == out


def test_the_example_project_is_already_formatted() -> None:
    result = run_cli(["fmt", "--check"], cwd=REPO)
    assert result.code == 0, result.out + result.err
    assert "0 file(s) would reformat" in result.out
