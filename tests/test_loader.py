"""The YAML loader: positions, YAML 1.2 scalars, and hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import require_tool

from mopsdocs.loader import Limits, LoadedFile, load_text, resolve_plain
from mopsdocs.validate import validate_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "yaml-test-suite"


def codes(result: LoadedFile) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_positions_of_keys_and_values_block_and_flow() -> None:
    text = "kind: team\nteams:\n  - id: a\n    name: A\n  - {id: b, name: 'B'}\n"
    doc = load_text(text, "t.yaml").documents[0]
    assert doc.keys[("kind",)] == (1, 1)
    assert doc.values[("kind",)] == (1, 7)
    assert doc.keys[("teams", 0, "name")] == (4, 5)
    assert doc.values[("teams", 0, "name")] == (4, 11)
    assert doc.values[("teams", 1)] == (5, 5)
    assert doc.keys[("teams", 1, "name")] == (5, 13)
    assert doc.values[("teams", 1, "name")] == (5, 19)
    assert str(doc.locate(("teams", 1, "missing"))) == "t.yaml:5:5"
    assert str(doc.locate(("teams", 0, "name"), key=True)) == "t.yaml:4:5"


def test_positions_in_later_documents_and_with_crlf() -> None:
    text = "kind: a\r\n---\r\nkind: b\r\nx:\r\n  - 1\r\n"
    docs = load_text(text, "m.yaml").documents
    assert [d.data for d in docs] == [{"kind": "a"}, {"kind": "b", "x": [1]}]
    assert docs[1].values[("x", 0)] == (5, 5)
    assert docs[1].index == 1


def test_columns_count_characters_not_bytes() -> None:
    doc = load_text("name: Café ☕ Tomás\nid: x\nk: [é, ü]\n", "u.yaml").documents[0]
    assert doc.values[("k", 1)] == (3, 8)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("NO", "NO"),
        ("on", "on"),
        ("yes", "yes"),
        ("2021-11-02", "2021-11-02"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("12", 12),
        ("-3", -3),
        ("0x1F", 31),
        ("0o17", 15),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("24h", "24h"),
        ("3 days", "3 days"),
        ("1_000", "1_000"),
    ],
)
def test_plain_scalars_resolve_by_yaml_1_2_core_schema(text: str, expected: object) -> None:
    assert resolve_plain(text) == expected
    doc = load_text(f"v: {text}\n", "s.yaml").documents[0]
    assert doc.data["v"] == expected


def test_quoted_and_core_tagged_scalars() -> None:
    data = load_text("a: '12'\nb: !!str 5\nc: !!int '7'\nd: \"true\"\n", "q.yaml").documents[0].data
    assert data == {"a": "12", "b": "5", "c": 7, "d": "true"}


def test_duplicate_key_reported_at_second_key_first_value_kept() -> None:
    result = load_text("a: 1\nb: 2\na: 3\n", "d.yaml")
    assert result.documents[0].data == {"a": 1, "b": 2}
    (d,) = result.diagnostics
    assert (d.code, d.location.line, d.location.column) == ("YAML002", 3, 1)
    assert "line 1" in d.message


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\nb: !!python/name:os.system\n"
    result = load_text(text, "p.yaml")
    assert codes(result) == ["YAML003", "YAML003"]
    assert result.documents[0].data == {"a": None, "b": None}
    assert not marker.exists()


def test_alias_bomb_rejected_in_milliseconds() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    result = load_text("\n".join(lines) + "\n", "bomb.yaml")
    elapsed = time.perf_counter() - start
    assert elapsed < 0.5  # a generous bound: expanding it would take hours and gigabytes
    assert set(codes(result)) == {"YAML003"}
    data = result.documents[0].data
    assert all(v is None for v in data["j"])  # aliases replaced, never expanded


@pytest.mark.parametrize("shape", ["flow", "block", "block-seq"])
def test_20000_deep_nesting_is_a_located_error_not_a_crash(shape: str) -> None:
    if shape == "flow":
        text = "[" * 20000 + "]" * 20000
    elif shape == "block":
        text = "".join(" " * i + "a:\n" for i in range(20000))
    else:
        text = "- " * 20000 + "x\n"
    result = load_text(text, "deep.yaml")
    assert "LIMIT001" in codes(result)
    assert all(d.location.line >= 1 for d in result.diagnostics)


def test_nesting_limit_is_configurable() -> None:
    text = "a:\n  b:\n    c:\n      d: 1\n"
    assert codes(load_text(text, "x.yaml", Limits(max_depth=3))) == ["LIMIT001"]
    assert codes(load_text(text, "x.yaml", Limits(max_depth=5))) == []


def test_one_megabyte_line_loads() -> None:
    result = load_text('a: "' + "x" * 1_000_000 + '"\n', "big.yaml")
    assert result.diagnostics == []
    assert len(result.documents[0].data["a"]) == 1_000_000


def test_document_limit() -> None:
    text = "---\nkind: team\n" * 30
    result = load_text(text, "many.yaml", Limits(max_documents=10))
    assert codes(result) == ["LIMIT001"]
    assert len(result.documents) == 10


def test_complex_and_non_string_keys_reported_and_dropped() -> None:
    result = load_text("? [a, b]\n: 1\n1: 2\nnull: 3\ntrue: 4\nok: 5\n", "k.yaml")
    assert codes(result) == ["SPEC004"] * 4
    assert result.documents[0].data == {"ok": 5}


def test_syntax_error_keeps_earlier_documents() -> None:
    result = load_text("kind: team\n---\nkind: [\n", "e.yaml")
    assert [d.data for d in result.documents] == [{"kind": "team"}]
    assert codes(result) == ["YAML001"]
    assert result.diagnostics[0].location.line == 4


def test_tab_indentation_gets_a_hint() -> None:
    (d,) = load_text("a:\n\tb: 1\n", "t.yaml").diagnostics
    assert d.code == "YAML001" and "tab" in (d.hint or "")
    assert (d.location.line, d.location.column) == (2, 1)


def test_control_characters() -> None:
    (d,) = load_text("kind: team\na: b\x07c\n", "c.yaml").diagnostics
    assert d.code == "YAML001"
    assert (d.location.line, d.location.column) == (2, 5)
    assert "U+0007" in d.message


def _corpus_inputs() -> list[Path]:
    return sorted(CORPUS.glob("**/in.yaml"))


def test_yaml_test_suite_never_raises() -> None:
    """Every input of the YAML test suite gives data or located diagnostics, never an exception."""
    require_tool("the YAML test suite", "its inputs", path=CORPUS, install="clone it into ../shared/corpora/")
    inputs = _corpus_inputs()
    assert len(inputs) > 300
    for path in inputs:
        raw = path.read_bytes()
        text = raw.decode("utf-8", "replace")
        result = load_text(text, "specs/in.yaml")
        for doc in result.documents:
            _, problems = validate_document(doc)
            for d in problems:
                assert d.location.line >= 1 and d.location.column >= 1
        for d in result.diagnostics:
            assert d.location.line >= 1 and d.location.column >= 1, path
        if (path.parent / "error").exists() and not result.diagnostics:
            # parsers differ on a few edge cases; most error cases must still be caught
            pass
    caught = sum(
        1
        for p in inputs
        if (p.parent / "error").exists() and load_text(p.read_bytes().decode("utf-8", "replace"), "x").diagnostics
    )
    errors = sum(1 for p in inputs if (p.parent / "error").exists())
    assert caught >= errors * 0.8
