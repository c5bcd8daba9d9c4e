"""`--infer-convention`: known templates are recovered from noisy names, with an exact coverage.

Each case writes names from a known convention (tests/importing/namegen.py), spoils some (typos
in codes, parts swapped, parts left out), infers a convention, and compares: the template (field
for field), the vocabularies' codes, and the figure "matches X of N names", which must equal the
real naming engine's count under the known convention and under the proposal compiled again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from namegen import Noise, Part, names

from mopsdocs import specs
from mopsdocs.importing.infer import Proposal, infer_convention
from mopsdocs.naming.compiler import compile_convention

CHANNELS = ("WBN", "EM", "TS", "EVT", "PPC", "SOC")
REGIONS = ("NA", "EMEA", "APAC", "LATAM")
AREAS = ("Data", "Email", "Scoring", "Sync", "Privacy")
LANGS = ("en", "fr", "de")


@dataclass(frozen=True)
class Case:
    id: str
    parts: list[Part]
    separator: str
    template: str  # the known template, in the field names the inference gives
    fields: dict[str, dict[str, object]]
    noise: Noise = field(default_factory=Noise)
    count: int = 1204


CASES = [
    Case(
        "program-optional-region",
        [
            Part("date", "date", format="%Y-%m"),
            Part("vocabulary", "channel", CHANNELS),
            Part("vocabulary", "region", REGIONS, optional=0.4),
            Part("text", "name"),
        ],
        "_",
        "{date}_{channel}[_{region}]_{name}",
        {
            "date": {"type": "date", "format": "YYYY-MM"},
            "channel": {"type": "vocabulary", "vocabulary": "channel"},
            "region": {"type": "vocabulary", "vocabulary": "region"},
            "name": {"type": "text", "pattern": "[A-Za-z0-9-]+"},
        },
    ),
    Case(
        "operational-literal-prefix",
        [Part("literal", values=("OPS",)), Part("vocabulary", "area", AREAS), Part("text", "name")],
        "_",
        "OPS_{area}_{name}",
        {"area": {"type": "vocabulary", "vocabulary": "area"}, "name": {"type": "text", "pattern": "[A-Za-z0-9-]+"}},
    ),
    Case(
        "pipes-and-full-dates",
        [Part("vocabulary", "region", REGIONS), Part("date", "date", format="%Y%m%d"), Part("text", "name")],
        " | ",
        "{region} | {date} | {name}",
        {
            "region": {"type": "vocabulary", "vocabulary": "region"},
            "date": {"type": "date", "format": "YYYYMMDD"},
            "name": {"type": "text", "pattern": "[A-Za-z0-9-]+"},
        },
        Noise(typo=0.03, swap=0.03, missing=0.02),
    ),
    Case(
        "optional-first-part",
        [
            Part("vocabulary", "lang", LANGS, optional=0.5),
            Part("date", "date", format="%Y-Q%q"),
            Part("vocabulary", "channel", CHANNELS),
            Part("text", "name"),
        ],
        "_",
        "[{lang}_]{date}_{channel}_{name}",
        {
            "lang": {"type": "vocabulary", "vocabulary": "lang"},
            "date": {"type": "date", "format": "YYYY-QN"},
            "channel": {"type": "vocabulary", "vocabulary": "channel"},
            "name": {"type": "text", "pattern": "[A-Za-z0-9-]+"},
        },
    ),
    Case(
        "hyphens-and-numbers",
        [Part("date", "date", format="%Y%m"), Part("vocabulary", "channel", CHANNELS), Part("number", "number")],
        "-",
        "{date}-{channel}-{number}",
        {
            "date": {"type": "date", "format": "YYYYMM"},
            "channel": {"type": "vocabulary", "vocabulary": "channel"},
            "number": {"type": "number", "digits": 3},
        },
        count=400,
    ),
]


def _vocabularies(case: Case) -> dict[str, specs.Vocabulary]:
    out = {}
    for part in case.parts:
        if part.kind == "vocabulary":
            out[part.field] = specs.Vocabulary(
                id=part.field, name=part.field, values=[specs.VocabularyValue(code=c) for c in part.values]
            )
    return out


def _known(case: Case) -> specs.Convention:
    fields = {k: specs.NameField.model_validate(v) for k, v in case.fields.items()}
    return specs.Convention(id="known", name="Known", template=case.template, fields=fields)


def _engine_count(conv: specs.Convention, vocabularies: dict[str, specs.Vocabulary], listed: list[str]) -> int:
    compiled, problems = compile_convention(conv, vocabularies)
    assert compiled is not None, problems
    return sum(compiled.is_valid(n) for n in listed)


def _shape(template: str, fields: dict[str, str]) -> str:
    """The template with each field named by its kind: `{date}_{vocabulary}[_{vocabulary}]_{text}`."""
    return re.sub(r"\{([^}]+)\}", lambda m: "{" + fields[m.group(1)] + "}", template)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_known_convention_is_recovered_with_the_projects_vocabularies(case: Case) -> None:
    listed = names(case.parts, case.separator, case.count, case.noise, seed=17)
    vocabularies = _vocabularies(case)
    proposal = infer_convention(listed, "inferred", vocabularies)
    assert proposal is not None
    assert proposal.template == case.template
    assert proposal.vocabularies == []  # the project's own were reused
    assert {k: v.model_dump(exclude_defaults=True) for k, v in proposal.convention.fields.items()} == case.fields
    expected = _engine_count(_known(case), vocabularies, listed)
    assert proposal.matched == expected
    assert proposal.total == len(listed)
    assert expected < len(listed)  # the noise is there and the proposal does not accept it
    assert proposal.coverage == f"matches {expected:,} of {len(listed):,} names"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_without_vocabularies_the_codes_are_found_and_the_count_is_the_engines(case: Case) -> None:
    listed = names(case.parts, case.separator, case.count, case.noise, seed=29)
    proposal = infer_convention(listed, "inferred")
    assert proposal is not None
    kinds = {k: str(v["type"]) for k, v in case.fields.items()}
    inferred_kinds = {k: str(v.type) for k, v in proposal.convention.fields.items()}
    assert _shape(proposal.template, inferred_kinds) == _shape(case.template, kinds)
    found = sorted(sorted(c.code for c in v.values) for v in proposal.vocabularies)
    assert found == sorted(sorted(p.values) for p in case.parts if p.kind == "vocabulary")
    new = {v.id: v for v in proposal.vocabularies}
    assert proposal.matched == _engine_count(proposal.convention, new, listed)
    assert proposal.matched == _engine_count(_known(case), _vocabularies(case), listed)


def test_typos_are_left_out_of_the_codes_and_listed() -> None:
    case = CASES[0]
    listed = names(case.parts, case.separator, case.count, Noise(typo=0.05, swap=0, missing=0), seed=3)
    proposal = infer_convention(listed, "inferred")
    assert isinstance(proposal, Proposal)
    channel = next(v for v in proposal.vocabularies if "WBN" in {c.code for c in v.values})
    assert sorted(c.code for c in channel.values) == sorted(CHANNELS)
    left_out = {t for tokens in proposal.left_out.values() for t in tokens}
    assert left_out and not left_out & set(CHANNELS) and not left_out & set(REGIONS)
    assert all(n not in proposal.convention.examples for n in proposal.unmatched)


def test_examples_are_names_the_proposal_matches() -> None:
    case = CASES[0]
    listed = names(case.parts, case.separator, 300, case.noise, seed=5)
    proposal = infer_convention(listed, "inferred")
    assert proposal is not None
    assert len(proposal.convention.examples) == 3
    assert set(proposal.convention.examples) <= set(listed)
    compiled, _ = compile_convention(proposal.convention, {v.id: v for v in proposal.vocabularies})
    assert compiled is not None
    assert all(compiled.is_valid(n) for n in proposal.convention.examples)
    assert not any(compiled.is_valid(n) for n in proposal.unmatched)


def test_the_same_names_in_any_order_give_the_same_proposal() -> None:
    case = CASES[0]
    listed = names(case.parts, case.separator, 500, case.noise, seed=8)
    first = infer_convention(listed, "inferred")
    second = infer_convention(list(reversed(listed)), "inferred")
    assert first is not None and second is not None
    assert (first.template, first.matched, first.convention.fields) == (
        second.template,
        second.matched,
        second.convention.fields,
    )
    assert [v.values for v in first.vocabularies] == [v.values for v in second.vocabularies]


@pytest.mark.parametrize(
    "listed",
    [[], ["", "  "], ["Webinar about data", "Spring newsletter", "Untitled program", "Copy of program"]],
    ids=["none", "blank", "free-text"],
)
def test_names_with_no_shape_give_no_proposal(listed: list[str]) -> None:
    assert infer_convention(listed, "inferred") is None
