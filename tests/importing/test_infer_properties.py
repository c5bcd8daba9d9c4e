"""Hypothesis: any convention of the kinds teams write is recovered from names made with it.

The generated conventions have two to five parts (dates in formats teams use, vocabularies of
distinct codes, free text, a literal prefix, numbers), one separator and at most one optional
part; the names are made from them with noise. The proposal's template has the same shape, its
vocabularies the same codes, and its figure is the naming engine's count under the known
convention.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from namegen import Noise, Part, names
from test_infer import Case, _engine_count, _known, _shape, _vocabularies

from mopsdocs.importing.infer import infer_convention
from mopsdocs.specs import NameField

DATES = {"%Y-%m": "YYYY-MM", "%Y%m%d": "YYYYMMDD", "%Y-Q%q": "YYYY-QN", "%Y%m": "YYYYMM"}
CODE = st.text(alphabet="ABCDEFGHJKLMNPRSTVWXZ", min_size=2, max_size=4)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    separator = draw(st.sampled_from(["_", " | ", "-"]))
    kinds = draw(st.lists(st.sampled_from(["date", "vocabulary", "text", "number"]), min_size=2, max_size=4))
    if "vocabulary" not in kinds and "date" not in kinds:
        kinds.append("vocabulary")
    if draw(st.booleans()):
        kinds.insert(0, "literal")
    used: set[str] = set()
    parts: list[Part] = []
    fields: dict[str, dict[str, object]] = {}
    pieces: list[str] = []
    optional_done = False
    for i, kind in enumerate(kinds):
        name = f"f{i}"
        sep = separator if pieces else ""
        if kind == "literal":
            parts.append(Part("literal", values=("OPS",)))
            pieces.append(sep + "OPS")
            continue
        optional = 0.0
        if kind == "vocabulary":
            codes = draw(
                st.lists(CODE.filter(lambda c: c not in used and c != "OPS"), min_size=3, max_size=6, unique=True)
            )
            used.update(codes)
            parts.append(Part("vocabulary", name, tuple(codes)))
            fields[name] = {"type": "vocabulary", "vocabulary": name}
            if not optional_done and i > 0 and draw(st.booleans()):
                optional, optional_done = 0.4, True
                parts[-1] = Part("vocabulary", name, tuple(codes), optional=optional)
        elif kind == "date":
            fmt = draw(st.sampled_from([f for f in DATES if not (separator == "-" and "-" in f)]))
            parts.append(Part("date", name, format=fmt))
            fields[name] = {"type": "date", "format": DATES[fmt]}
        elif kind == "number":
            parts.append(Part("number", name))
            fields[name] = {"type": "number", "digits": 3}
        else:
            parts.append(Part("text", name, values=("",) if separator == "-" else ()))
            fields[name] = {"type": "text"}
        slot = "{" + name + "}"
        pieces.append(f"[{sep}{slot}]" if optional else sep + slot)
    return Case("generated", parts, separator, "".join(pieces), fields, Noise(), 600)


@settings(max_examples=40, deadline=None)
@given(cases(), st.integers(0, 2**16))
def test_generated_conventions_are_recovered(case: Case, seed: int) -> None:
    listed = names(case.parts, case.separator, case.count, case.noise, seed=seed)
    proposal = infer_convention(listed, "inferred")
    assert proposal is not None
    kinds = {k: str(v["type"]) for k, v in case.fields.items()}
    inferred = {k: str(v.type) for k, v in proposal.convention.fields.items()}
    assert _shape(proposal.template, inferred) == _shape(case.template, kinds)
    found = sorted(sorted(c.code for c in v.values) for v in proposal.vocabularies)
    assert found == sorted(sorted(p.values) for p in case.parts if p.kind == "vocabulary")
    known = _known(_with_patterns(case, proposal.convention.fields))
    assert proposal.matched == _engine_count(known, _vocabularies(case), listed)


def _with_patterns(case: Case, inferred: dict[str, NameField]) -> Case:
    """The known convention with the text patterns the proposal found, field for field in
    template order (free text has no one right pattern; codes, dates and numbers are compared)."""
    fields = dict(case.fields)
    for (name, spec), found in zip(list(fields.items()), inferred.values()):
        if spec["type"] == "text" and found.pattern:
            fields[name] = {"type": "text", "pattern": found.pattern}
    return Case(case.id, case.parts, case.separator, case.template, fields, case.noise, case.count)
