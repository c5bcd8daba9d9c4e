"""Strict YAML 1.2 where libyaml is lenient (mopsdocs/yaml_strict.py), against the YAML test suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import require_tool

from mopsdocs import yaml_strict
from mopsdocs.loader import LoadedFile, load_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "yaml-test-suite"

# Must-reject inputs of the suite that we knowingly accept (at most 4), each with why. None today:
# the last one, S98Z (blank lines with more spaces than the block scalar's first line), is checked.
ACCEPTED: set[str] = set()


def yaml001(result: LoadedFile) -> list[str]:
    return [f"{d.location.line}:{d.location.column}" for d in result.diagnostics if d.code == "YAML001"]


def _corpus() -> list[tuple[str, str, bool]]:
    require_tool("the YAML test suite", "its inputs", path=CORPUS, install="clone it into ../shared/corpora/")
    cases = []
    for path in sorted(CORPUS.glob("**/in.yaml")):
        text = path.read_bytes().decode("utf-8", "replace")
        cases.append((path.parent.relative_to(CORPUS).as_posix(), text, (path.parent / "error").exists()))
    return cases


def test_every_must_reject_input_is_a_located_yaml001() -> None:
    cases = _corpus()
    errors = [(name, text) for name, text, error in cases if error]
    assert len(errors) == 94
    accepted = sorted(name for name, text in errors if not yaml001(load_text(text, "in.yaml")))
    assert accepted == sorted(ACCEPTED)  # a fixed one leaves the allow-list too


def test_no_valid_input_gets_a_strictness_error() -> None:
    """The checks never fire on the suite's valid inputs (libyaml itself rejects a few of them)."""
    cases = _corpus()
    valid = [(name, text) for name, text, error in cases if not error]
    assert len(valid) > 300
    assert [name for name, text in valid if yaml_strict.find_problem(text) is not None] == []


def test_real_specs_get_none_and_do_not_even_need_the_token_pass() -> None:
    root = Path(__file__).resolve().parents[1]
    real = [*root.glob("specs/**/*.yaml"), *root.glob("mopsdocs/scaffold/files*/specs/**/*.yaml")]
    assert len(real) > 10
    for path in real:  # the regexes alone clear them: loading real specs costs no token pass
        assert not yaml_strict._candidate(path.read_text(encoding="utf-8")), path
    expected = [c / "expected.txt" for c in root.glob("tests/cases/*") if (c / "expected.txt").is_file()]
    cases = [e.parent for e in expected if "[YAML001]" not in e.read_text(encoding="utf-8")]
    files = [p for case in cases for p in case.glob("specs/**/*.yaml")]
    assert len(files) > 40
    for path in files:
        assert yaml_strict.find_problem(path.read_text(encoding="utf-8", errors="replace")) is None, path


@pytest.mark.parametrize(
    "text,where,words",
    [
        ('kind: team\nname: "Ops"# the team\n', "2:12", "comment glued to a quoted value"),
        ("tags: [a, b]#x\n", "1:13", "comment glued to a closing bracket"),
        ("tags: [a,#x\n  b]\n", "1:10", "comment glued to ','"),
        ("text: >#folded\n  a\n", "1:8", "'|' or '>' of a block text"),
        ("%YAML 1.2#c\n---\na: 1\n", "1:10", "comment glued to a directive"),
        ("a: 1\n%YAML 1.2\n---\nb: 2\n", "2:1", "after a document's content"),
        ("---\n%YAML 1.2\n---\n", "2:1", "after a document's content"),
        ("tags: [a,\nb]\n", "2:1", "continues the brackets opened on line 1"),
        ("- [a,\n\tb]\n", "2:1", "continues the brackets opened on line 1"),
        ("- key: [a,\n  b]\n", "2:3", "at least 3 spaces"),
        ('note: "a\nb"\n', "2:1", "continues the quoted value opened on line 1"),
        ('note: "a\n\tb"\n', "2:1", "a tab does not count"),
        ("tags: [-]\n", "1:8", "'-' alone"),
        ("tags: [-, -]\n", "1:8", "'-' alone"),
        ("tags: [  # the tags\nb]\n", "2:1", "continues the brackets"),
        ("text: |\n    \n  # Heading\n", "3:3", "less than the blank lines"),
        ("- >\n\n   \n  # Heading\n", "4:3", "remove the spaces from the blank lines"),
    ],
)
def test_each_class_is_located_with_a_hint(text: str, where: str, words: str) -> None:
    result = load_text(text, "s.yaml")
    assert yaml001(result) == [where]
    (d,) = [d for d in result.diagnostics if d.code == "YAML001"]
    assert words in d.message + " " + (d.hint or "")
    assert d.hint


@pytest.mark.parametrize(
    "text",
    [
        "key: value#not a comment\n",
        'a: "x" # c\nb: [a, b] # c\nc: {x: 1}  # c\n',
        "colour: '#ff0000'\nc2: \"#fff\"\n",
        "pattern: '[A-Za-z0-9-]+'\nrange: [-1, -2]\nd: [a-, b-c]\ne: ['-', \"-\"]\n",
        "tags: [a,\n  b]\nmore:\n  - [a,\n    b]\n  - key: {x: 1,\n      y: 2}\n",
        'note: "a\n  b"\nother: \'c\n  d\'\nlist:\n  - "e\n\n    f"\n',
        "top: [a,\n # a comment in the flow\n  b]\n",
        "rate: 50%\nnote: '%x'\n---\nscalar\n%YAML 1.2\n",  # the last is a plain scalar's second line
        "%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n",
        "text: |\n  commas at the end,\n  and [brackets,\n  and 'quotes\n",
        "[a,\nb]\n",  # a flow at the top level has no indentation to keep
        'a: "x"\r\nb: [c,\r\n  d]\r\n',
        "text: |\n \n\n  # Heading\n  body\n    \nnext: |2\n    \n   x\n",  # fewer spaces, or explicit
        "text: >\n    \nnext: 1\n",  # only blank lines: an empty block text
    ],
)
def test_valid_look_alikes_are_not_errors(text: str) -> None:
    assert yaml001(load_text(text, "s.yaml")) == []
    assert yaml_strict.find_problem(text) is None


def test_documents_before_the_problem_are_kept() -> None:
    result = load_text("kind: team\n---\nkind: raci\nname: 'x'#c\n---\nkind: program\n", "m.yaml")
    assert [d.data for d in result.documents] == [{"kind": "team"}]
    assert yaml001(result) == ["4:10"]


def test_libyaml_error_wins_for_an_unclosed_quote() -> None:
    """An under-indented line of a quoted value is most often a quote never closed: when libyaml fails
    later, its error (which the loader words as an unclosed quote) is the one reported."""
    text = 'teams:\n  - id: a\n    name: "Ops\n    note: x\n  - id: b\n    name: "B"\n'
    (d,) = load_text(text, "t.yaml").diagnostics
    assert d.code == "YAML001" and "is not indented enough" not in d.message


def test_first_error_wins_between_libyaml_and_strictness() -> None:
    early = load_text("a: [b]#c\nd: [\n", "e.yaml")
    assert yaml001(early) == ["1:7"]
    late = load_text("a: [\nb: 'x'#c\n", "l.yaml")
    assert len(yaml001(late)) == 1 and yaml001(late) != ["2:8"]


def test_position_counts_crlf_and_cr_once() -> None:
    assert yaml_strict.position("a\r\nb\rc\nd", 7) == (4, 1)
