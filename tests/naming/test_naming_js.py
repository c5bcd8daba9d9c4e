"""The page's JavaScript engine (mopsdocs/assets/namebuilder.js, run with node) and the Python
matcher and builder give the same verdicts, problems and notes on the same cases: the example
project's conventions with realistic names and values, the v2 conventions of the case
`naming-v2-valid` (variants, cross-field rules, choices, multiple codes, retired codes, forbidden
words, switches, fiscal dates), and generated conventions with every field type."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from conftest import REPO, require_tool
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from naming_reference import conventions, valid_names

from mopsdocs.naming.build import build_name
from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.compiler import CompiledConvention, compile_convention
from mopsdocs.naming.fields import CompiledField
from mopsdocs.naming.jsdata import convention_data
from mopsdocs.pipeline import load_project

ENGINE = REPO / "mopsdocs" / "assets" / "namebuilder.js"
RUNNER = Path(__file__).with_name("js_runner.js")
NODE = shutil.which("node") or shutil.which("nodejs")

NAMES = [
    "2021-12_WBN_NA_Peak-Capacity",
    "2021-12_WBN_Peak-Capacity",
    "2021-13_WBN_x",
    "2020-02-29_WBN_x",
    "Webinar_2021-12_x",
    "2021-12_wbn_x",
    "2021-12_WBN_NA_Peak;Capacity",
    "2021-12_WBN_" + "x" * 80,
    " 2021-12_WBN_x",
    "2021-12_WBN_x\u200b",
    "2021-12_WBN_x\u00a0y",
    "",
    "OPS_Email_Bounce-Management",
    "OPS_Bounces_x",
    "EM01_Invite",
    "EM1_Invite",
    "EM00_Invite",
    "EM02_Reminder_B",
    "01 - Unsubscribe All",
    "1 - Unsubscribe All",
    "2021-q4_linkedin_peak-capacity",
    "2021-q4_linkedin_peak--capacity",
    "2021-q5_linkedin_x",
    "2021-Q4_linkedin_x",
    "😀_2021-12_WBN_x",
    "2021-12_WBN_𝒳",
    "x" * 300,
]


def _samples(f: CompiledField) -> list[str]:
    """Values worth building with for a field: valid ones, fixable ones, wrong ones."""
    values = []
    if f.kind == "choice":
        for c in f.choices:
            values += _samples(c)
    elif f.kind == "literal":
        values += [f.literal, f.literal.swapcase(), f.literal + "x"]
    elif f.kind == "vocabulary" and f.multiple is not None:
        sep = f.multiple[0]
        codes = list(f.codes[:3])
        values += [
            sep.join(codes[:2]),
            sep.join(codes[:1] * 2),
            sep.join(c.lower() for c in codes),
            sep.join(codes + ["ZZ"]),
        ]
        values += [sep.join([t, codes[0]]) for t in list(f.terms)[:2] if not t.startswith("~")]
        values += list(f.retired)[:1]
    elif f.kind == "vocabulary":
        values += list(f.retired)[:2]
    return values


def _builds(conv: CompiledConvention) -> list[dict[str, str]]:
    samples: dict[str, list[str]] = {}
    for f in conv.fields.values():
        values = ["", "zz;z", "x" * 70, " lead", "ß", "\u200bx", "test", *_samples(f)]
        if f.kind == "vocabulary":
            values += (
                list(f.codes[:3])
                + [c.lower() for c in f.codes[:2]]
                + [t for t in list(f.terms)[:4] if not t.startswith("~")]
            )
        elif f.kind == "date":
            values += [
                "2021-12",
                "2021-13",
                "2021-02-29",
                "2020-02-29",
                "2021-04-31",
                "2021-q4",
                "2021-q5",
                "Dec 2021",
                "0000-01",
            ]
        elif f.kind == "number":
            values += ["1", "01", "00", "123", "7", "x1", "99999999999999999999"]
        else:
            values += ["Peak-Capacity", "peak-capacity", "Peak Capacity", "Unsubscribe All", "a--b", "-a"]
        samples[f.name] = values
    for switch in conv.switches:
        samples["+" + switch] = ["", "on"]
    out = []
    names = list(samples)
    longest = max(len(v) for v in samples.values())
    for i in range(longest):
        out.append({n: samples[n][(i + k) % len(samples[n])] for k, n in enumerate(names)})
        out.append({n: samples[n][(i * 7 + k * 3) % len(samples[n])] for k, n in enumerate(names) if (i + k) % 3})
    return out


def _python(conv: CompiledConvention, names: list[str], builds: list[dict[str, str]]) -> dict[str, Any]:
    results = []
    for values in builds:
        b = build_name(conv, values)
        results.append(
            {
                "name": b.name,
                "problems": [{"field": p.field, "message": p.message} for p in b.problems],
                "notes": list(b.notes),
            }
        )
    return {"checks": [conv.is_valid(n) for n in names], "builds": results}


def _node(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    node = NODE or require_tool("node", "running the page's name builder (namebuilder.js)")
    proc = subprocess.run(
        [node, str(RUNNER), str(ENGINE)],
        input=json.dumps({"cases": cases}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    results: list[dict[str, Any]] = json.loads(proc.stdout)["results"]
    return results


def test_example_project_conventions_agree() -> None:
    project, _ = load_project(REPO)
    compiled = [c for c, _ in compile_all(project).values() if c is not None]
    assert len(compiled) >= 5
    cases, expected = [], []
    for conv in compiled:
        names = NAMES + list(project.conventions[conv.id].examples) + list(project.conventions[conv.id].counterexamples)
        builds = _builds(conv)
        cases.append({"convention": convention_data(conv), "names": names, "builds": builds})
        expected.append(_python(conv, names, builds))
    got = _node(cases)
    for conv, want, have in zip(compiled, expected, got):
        assert have["checks"] == want["checks"], conv.id
        for values, w, h in zip(cases[compiled.index(conv)]["builds"], want["builds"], have["builds"]):
            assert h == w, (conv.id, values)
    # the cases are not all alike: both verdicts and both outcomes of building occur
    assert {True, False} <= {c for r in expected for c in r["checks"]}
    assert any(b["name"] for r in expected for b in r["builds"]) and any(
        b["problems"] for r in expected for b in r["builds"]
    )
    assert any(b["notes"] for r in expected for b in r["builds"])


V2_CASE = Path(__file__).parent / "cases" / "naming-v2-valid"


EXTRA_BUILDS = {  # what breaks a cross-field rule, or picks a variant by its label
    "utm-link": [
        {"start": "20250301", "end": "20250201", "medium": "cpc", "source": "google"},
        {"start": "20250301", "end": "open", "medium": "email", "source": "google"},
        {"start": "20250301", "end": "20250301", "medium": "Email", "source": "MARKETO"},
    ],
    "campaign": [
        {"date": "20250301", "type": "Virtual conference", "partner": "ON24", "name": "Summit", "+_PARENT": "on"},
        {"date": "20250301", "type": "Webinar", "partner": "ON24", "name": "Launch"},
    ],
    "utm-campaign": [{"date": "eg", "region": "Europe_amer", "type": "Webinar", "gtm": "cicd", "name": "test"}],
}


def _variations(name: str) -> list[str]:
    return [name, name[:-1], name + "_", name.swapcase(), name.replace("_", "-", 1), name[: len(name) // 2]]


def test_v2_conventions_agree(tmp_path: Path) -> None:
    """Variants, cross-field rules and the v2 field types, on names a team writes and their slips."""
    work = tmp_path / "v2"
    shutil.copytree(V2_CASE, work)
    project, report = load_project(work)
    assert not [d for d in report.diagnostics if d.severity == "error"]
    compiled = [c for c, _ in compile_all(project).values() if c is not None]
    assert {c.id for c in compiled} == {"utm-campaign", "campaign", "folder", "utm-link"}
    assert any(c.variants for c in compiled) and any(c.rules for c in compiled)
    cases, expected = [], []
    for conv in compiled:
        spec = project.conventions[conv.id]
        names = [v for n in [*spec.examples, *spec.counterexamples] for v in _variations(n)]
        names += ["20250301_emea_webinar_cicd", "eg_emea_webinar_devsecops_dontuse", "20250301_open_cpc_bing"]
        builds = _builds(conv) + [dict(zip(conv.fields, _example_values(project, conv, n))) for n in spec.examples]
        builds += EXTRA_BUILDS.get(conv.id, [])
        cases.append({"convention": convention_data(conv), "names": names, "builds": builds})
        expected.append(_python(conv, names, builds))
    got = _node(cases)
    for conv, case, want, have in zip(compiled, cases, expected, got):
        assert have["checks"] == want["checks"], (conv.id, list(zip(case["names"], want["checks"], have["checks"])))
        for values, w, h in zip(case["builds"], want["builds"], have["builds"]):
            assert h == w, (conv.id, values)
    assert {True, False} <= {c for r in expected for c in r["checks"]}
    assert any("retired" in note for r in expected for b in r["builds"] for note in b["notes"])
    assert any("does not go with" in p["message"] for r in expected for b in r["builds"] for p in b["problems"])


def _example_values(project: Any, conv: CompiledConvention, name: str) -> list[str]:
    from mopsdocs.naming.explain import field_values

    values = field_values(conv, name) or {}
    return [values.get(f, "") for f in conv.fields]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_conventions_agree(data: st.DataObject) -> None:
    conv, vocabularies = data.draw(conventions())
    compiled, problems = compile_convention(conv, vocabularies)
    assert compiled is not None, problems
    names = data.draw(st.lists(valid_names(conv, vocabularies), min_size=1, max_size=8))
    names += [n[:-1] for n in names] + [n.swapcase() for n in names] + [n + "_" for n in names]
    builds = _builds(compiled)
    got = _node([{"convention": convention_data(compiled), "names": names, "builds": builds}])[0]
    want = _python(compiled, names, builds)
    assert got["checks"] == want["checks"], (conv.template, names)
    assert got["builds"] == want["builds"]
