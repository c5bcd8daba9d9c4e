"""What `names check` says about realistic wrong names, exactly, on the repository's conventions;
and the pieces under it: templates, dates, field patterns, the example project staying clean."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import REPO, make_project

from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.compiler import CompiledConvention
from mopsdocs.naming.dates import date_rx, parse_format
from mopsdocs.naming.explain import explain, verdict
from mopsdocs.naming.grammar import parse_template
from mopsdocs.naming.userpattern import PatternProblem, compile_user_pattern
from mopsdocs.pipeline import load_project


@pytest.fixture(scope="module")
def conventions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CompiledConvention]:
    root = make_project(tmp_path_factory.mktemp("p"), {"specs/naming.yaml": (REPO / "specs/naming.yaml").read_text()})
    project, _ = load_project(root)
    return {cid: c for cid, (c, _) in compile_all(project).items() if c is not None}


CASES = [
    (
        "program",
        "Webinar_2021-12_Peak-Capacity",
        [
            "date: '2021-12' is in the wrong place: names follow {date}_{channel}[_{region}]_{name}",
            "channel: 'Webinar' is the label of channel code WBN: use WBN",
        ],
        "2021-12_WBN_Peak-Capacity",
    ),
    ("program", "2021-13_WBN_Peak-Capacity", ["date: month 13 does not exist"], None),
    (
        "program",
        "2021-12 WBN_NA_Peak-Capacity",
        ["expected '_' after the date, found ' '"],
        "2021-12_WBN_NA_Peak-Capacity",
    ),
    (
        "program",
        "2021-12_WBN_NA_Peak;Capacity",
        ["name: ';' is not allowed in Marketo asset names"],
        "2021-12_WBN_NA_Peak-Capacity",
    ),
    (
        "program",
        "2021-12_WBN_NA_" + "Very-Long-Name-" * 5 + "x",
        ["is 91 characters, the limit is 80", "name: is 76 characters, the limit for name is 40"],
        None,
    ),
    (
        "program",
        "2021-12_webcast_emea_Launch",
        [
            "channel: 'webcast' is the alias of channel code WBN: use WBN",
            "region: 'emea' has the wrong letter case: use EMEA",
        ],
        "2021-12_WBN_EMEA_Launch",
    ),
    (
        "program",
        "2021-12_Trade Show_EMEA_Gartner Summit",
        [
            "channel: 'Trade Show' is the label of channel code TS: use TS",
            "name: ' ' is not allowed in name (allowed: - 0-9 A-Z a-z): use Gartner-Summit",
        ],
        "2021-12_TS_EMEA_Gartner-Summit",
    ),
    (
        "program",
        "Dec 2021 - Webinar - Peak Capacity",
        [
            "date: 'Dec 2021' is not written YYYY-MM: use 2021-12",
            "expected '_' after the date, found ' - '",
            "channel: 'Webinar' is the label of channel code WBN: use WBN",
            "expected '_' after the channel, found ' - '",
            "name: ' ' is not allowed in name (allowed: - 0-9 A-Z a-z): use Peak-Capacity",
        ],
        "2021-12_WBN_Peak-Capacity",
    ),
    (
        "program",
        "2021-12_WBN_NA_Peak-Capacity\u00a0",
        [
            "ends with a non-breaking space",
            ("contains a non-breaking space (it looks like a space but is not one) at character 29"),
        ],
        "2021-12_WBN_NA_Peak-Capacity",
    ),
    ("program", "Summer party", ["does not follow the pattern {date}_{channel}[_{region}]_{name}"], None),
    (
        "operational-program",
        "OPS_Bounce Management",
        [
            (
                "area: 'Bounce' is not an area code: use one of Data, Email, Scoring, Lifecycle, Routing, Sync, "
                "Privacy, Alerts, Import, Enrichment, ..."
            ),
            "expected '_' after the area, found ' '",
        ],
        None,
    ),
    (
        "operational-program",
        "ops_email_bounce-management",
        ["expected 'OPS_' at the start, found 'ops_'", "area: 'email' has the wrong letter case: use Email"],
        "OPS_Email_bounce-management",
    ),
    ("email", "EM1_Invite", ["step: '1' must have 2 digits: use 01"], "EM01_Invite"),
    (
        "email",
        "EM00_invitation",
        ["step: 0 is below the minimum, 1", "type: 'invitation' is the alias of type code Invite: use Invite"],
        None,
    ),
    ("smart-campaign", "1 - Unsubscribe All", ["order: '1' must have 2 digits: use 01"], "01 - Unsubscribe All"),
    ("smart-campaign", "01-Unsubscribe All", ["expected ' - ' after the order, found '-'"], "01 - Unsubscribe All"),
    (
        "utm-campaign",
        "2021-Q4_LinkedIn_Peak Capacity",
        [
            "quarter: '2021-Q4' is not written YYYY-qN: use 2021-q4",
            "source: 'LinkedIn' has the wrong letter case: use linkedin",
            "name: 'Peak Capacity' does not match the pattern [a-z0-9]+(-[a-z0-9]+)*: use peak-capacity",
        ],
        "2021-q4_linkedin_peak-capacity",
    ),
    (
        "utm-campaign",
        "2021-12_linkedin_launch",
        ["quarter: '2021-12' is not written YYYY-qN: use 2021-q4"],
        "2021-q4_linkedin_launch",
    ),
]


@pytest.mark.parametrize(("convention", "name", "problems", "suggestion"), CASES, ids=[c[1][:30] for c in CASES])
def test_explanations(
    conventions: dict[str, CompiledConvention], convention: str, name: str, problems: list[str], suggestion: str | None
) -> None:
    result = verdict(conventions[convention], name)
    assert not result.valid
    assert [f"{p.field}: {p.message}" if p.field else p.message for p in result.problems] == problems
    assert result.suggestion == suggestion


def test_examples_of_the_repository_are_valid_and_counterexamples_not(
    conventions: dict[str, CompiledConvention],
) -> None:
    project, report = load_project(REPO)
    assert [d for d in report.diagnostics if d.code.startswith("NAME") or d.location.path == "specs/naming.yaml"] == []
    for cid, conv in conventions.items():
        spec = project.conventions[cid]
        assert all(conv.is_valid(e) for e in spec.examples) and spec.examples
        assert not any(conv.is_valid(e) for e in spec.counterexamples) and spec.counterexamples


def test_every_program_asset_name_of_the_repository_conforms(conventions: dict[str, CompiledConvention]) -> None:
    project, _ = load_project(REPO)
    names = [p.asset_name for p in project.programs.values() if p.asset_name]
    assert all(conventions["operational-program"].is_valid(n) for n in names), names


def test_explain_is_bounded_on_long_garbage(conventions: dict[str, CompiledConvention]) -> None:
    import time

    start = time.perf_counter()
    for name in ["_".join(["Webinar"] * 40), "a b " * 120, "-".join(str(i) for i in range(200))]:
        assert explain(conventions["program"], name).problems
    assert time.perf_counter() - start < 5


# --------------------------------------------------------------------------- the pieces


def test_template_grammar() -> None:
    template, problems = parse_template(r"\[{type}\] {date}[-{day}] {name}")
    assert problems == [] and template is not None
    assert [s.field for s in template.slots()] == ["type", "date", "day", "name"]
    assert len(template.alternatives) == 2
    for source, message in [
        ("{a", "'{' is not closed by '}'"),
        ("a]", "']' has no matching '['"),
        ("[{a}", "'[' is not closed by ']'"),
        ("[]{a}", "empty optional group '[]'"),
        ("{}", "empty placeholder '{}'"),
        ("{a b}", "'{a b}' is not a placeholder"),
        ("a}", "'}' has no matching '{'"),
        ("x\\", "a '\\' at the end escapes nothing"),
        ("", "empty"),
    ]:
        t, problems = parse_template(source)
        assert t is None and any(message in p.message for p in problems), (source, problems)


@pytest.mark.parametrize("fmt", ["YYYY-MM-DD", "DD.MM.YYYY", "YYMMDD", "MM/DD", "YYYY-MM", "DD", "YYYY-qN"])
def test_date_matcher_accepts_exactly_the_existing_dates(fmt: str) -> None:
    pattern = re.compile(date_rx(parse_format(fmt)).py)
    real = set()
    day = dt.date(1999, 12, 1)
    while day < dt.date(2001, 3, 5):  # a leap year that is a multiple of 400, and 1999 which is not
        text = (
            fmt.replace("YYYY", f"{day.year:04d}")
            .replace("YY", f"{day.year % 100:02d}")
            .replace("MM", f"{day.month:02d}")
            .replace("DD", f"{day.day:02d}")
            .replace("N", str((day.month - 1) // 3 + 1))
        )
        real.add(text)
        assert pattern.fullmatch(text), text
        day += dt.timedelta(days=1)
    for month in range(14):
        for d in (0, 28, 29, 30, 31, 32):
            for year in (1999, 2000, 2100):
                text = (
                    fmt.replace("YYYY", f"{year:04d}")
                    .replace("YY", f"{year % 100:02d}")
                    .replace("MM", f"{month:02d}")
                    .replace("DD", f"{d:02d}")
                    .replace("N", "5")
                )
                try:
                    exists = (
                        "N" not in fmt
                        and dt.date(
                            2000 + year % 100
                            if "YY" in fmt and "YYYY" not in fmt
                            else (year if "YYYY" in fmt else 2000),
                            month if "MM" in fmt else 1,
                            d if "DD" in fmt else 1,
                        )
                        is not None
                    )
                except ValueError:
                    exists = False
                assert (pattern.fullmatch(text) is not None) == exists, text


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(?i)abc", "inline flags"),
        ("(?i:a)b", "inline flags"),
        ("a(?=b)", "look-ahead"),
        ("(?<=a)b", "look-behind"),
        (r"(a)\1", "back-references"),
        (r"a\b", "anchors"),
        ("a$b", "anchors"),
        ("a++", "possessive"),
        ("(?>a)", "atomic"),
        ("[a-", "not a valid regular expression"),
        ("a" * 1001, "1,001 characters"),
    ],
)
def test_patterns_browsers_cannot_run_are_refused(pattern: str, message: str) -> None:
    with pytest.raises(PatternProblem, match=re.escape(message)):
        compile_user_pattern(pattern)


def test_patterns_mean_the_same_in_python_and_the_browser() -> None:
    p = compile_user_pattern(r"^\d+\s?\w.[^\W_]$")
    assert p.rx.py.startswith("(?:[0-9])") and "\\d" not in p.rx.js and "\\w" not in p.rx.js
    assert re.fullmatch(p.rx.py, "12 ab1") and not re.fullmatch(p.rx.py, "١٢ab1")  # Arabic-Indic digits are not \d
    assert p.single_class is None and (p.min_width, p.max_width) == (4, None)


def test_compile_is_cheap(tmp_path: Path) -> None:
    import time

    root = make_project(tmp_path / "p", {"specs/naming.yaml": (REPO / "specs/naming.yaml").read_text()})
    project, _ = load_project(root)
    start = time.perf_counter()
    from mopsdocs.naming.compiler import compile_convention

    for conv in project.conventions.values():
        compile_convention(conv, project.vocabularies)
    assert time.perf_counter() - start < 0.5
