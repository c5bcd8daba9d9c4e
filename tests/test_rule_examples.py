"""The example diagnostics quoted in rule docstrings (the rule catalogue page) are real output.

Every backquoted `path:line:col: severity[CODE]: message` in a rule's documentation must be a line
of some data-driven case's `expected.txt` (`tests/**/cases/*/expected.txt`), whole or followed by
its hint (` (...)`, as `check --format concise` prints it), and name the rule it documents.
"""

from __future__ import annotations

import re

import pytest
from conftest import REPO

from mopsdocs.rules import load_all

EXAMPLE = re.compile(r"`([^`\s]+:\d+:\d+: (?:error|warning)\[([A-Z]+[0-9]+)\]: [^`]+)`")
DOCUMENTED = {code: EXAMPLE.findall(rule.doc) for code, rule in load_all().items()}
WITH_EXAMPLES = sorted(code for code, found in DOCUMENTED.items() if found)
CASE_LINES = [
    line
    for expected in sorted((REPO / "tests").glob("**/cases/*/expected.txt"))
    for line in expected.read_text(encoding="utf-8").splitlines()
]


def test_the_catalogue_quotes_examples() -> None:
    # the pattern still finds the examples (a changed docstring style must not pass vacuously)
    assert len(WITH_EXAMPLES) >= 15, WITH_EXAMPLES
    assert {"PRG001", "RACI001", "REF001", "NAME001"} <= set(WITH_EXAMPLES)


@pytest.mark.parametrize("code", WITH_EXAMPLES)
def test_docstring_examples_are_lines_of_a_case(code: str) -> None:
    for example, named in DOCUMENTED[code]:
        assert named == code, f"{code}'s documentation quotes a {named} diagnostic: {example}"
        matches = [line for line in CASE_LINES if line == example or line.startswith(example + " (")]
        assert matches, f"{code}: no case's expected.txt has the line\n  {example}"
