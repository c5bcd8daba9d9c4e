"""Properties of the CSV round trip, over random matrices.

- export then import gives back the same matrix (columns, ids, names, groups, letters);
- the spec that import writes reads back, through the real loader and validator, as that matrix;
- a matrix's rule verdicts (one A, some R) are the same before and after the trip.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mopsdocs.loader import load_text
from mopsdocs.raci.csv_io import defuse, export_csv, read_matrix_csv, restore
from mopsdocs.raci.model import LETTERS, Matrix, Row
from mopsdocs.raci.spec_writer import raci_spec
from mopsdocs.rules.raci import accountable, responsible
from mopsdocs.specs import ID_PATTERN, RaciSpec
from mopsdocs.validate import validate_document

ids = st.from_regex(ID_PATTERN.replace("{0,63}", "{0,12}"), fullmatch=True)
# Any text a spreadsheet cell can hold, trimmed (import trims cells); NUL is the one character a
# CSV file cannot carry (import rejects NUL bytes as a binary file).
cell_text = (
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def matrices(draw: st.DrawFn) -> Matrix:
    parties = tuple(draw(st.lists(ids, max_size=6, unique=True)))
    activity_ids = draw(st.lists(ids, max_size=8, unique=True))
    groups = draw(st.lists(cell_text, max_size=3))
    rows = []
    for activity in activity_ids:
        assigned = draw(st.lists(st.sampled_from(parties), unique=True)) if parties else []
        assign = {p: draw(st.sampled_from(LETTERS)) for p in assigned}
        group = draw(st.sampled_from([None, *groups]))
        rows.append(Row(activity, draw(cell_text), group, assign))
    return Matrix(draw(ids), draw(cell_text), parties, tuple(rows))


def same(a: Matrix, b: Matrix) -> bool:
    return a.columns == b.columns and [(r.id, r.name, r.group, dict(r.assign)) for r in a.rows] == [
        (r.id, r.name, r.group, dict(r.assign)) for r in b.rows
    ]


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_export_then_import_gives_back_the_matrix(matrix: Matrix) -> None:
    imported = read_matrix_csv(export_csv(matrix).encode("utf-8"))
    assert imported.problems == []
    assert imported.notes == [], "an exported file needs no normalising"
    assert same(imported.matrix(matrix.id, matrix.name), matrix)


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_the_written_spec_reads_back_as_the_matrix(matrix: Matrix) -> None:
    docs = load_text(raci_spec(matrix, "sheet.csv"), "specs/imported.yaml")
    assert docs.diagnostics == []
    spec, problems = validate_document(docs.documents[0])
    assert problems == [] and isinstance(spec, RaciSpec)
    back = Matrix(
        spec.id,
        spec.name,
        tuple(spec.parties or ()),
        tuple(Row(a.id, a.name, a.group, dict(a.assign)) for a in spec.activities),
    )
    assert (back.id, back.name) == (matrix.id, matrix.name)
    assert same(back, matrix)
    for before, after in zip(matrix.rows, back.rows):
        assert sorted(accountable(before.assign)) == sorted(accountable(after.assign))
        assert sorted(responsible(before.assign)) == sorted(responsible(after.assign))


@given(st.text(st.characters(exclude_categories=["Cs"])))
def test_defuse_never_leaves_a_formula_and_restore_undoes_it(value: str) -> None:
    assert restore(defuse(value)) == value
    assert defuse(value)[:1] not in ("=", "+", "-", "@", "\t", "\r")
