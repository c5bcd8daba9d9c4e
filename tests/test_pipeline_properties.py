"""Properties of the whole pipeline, on generated projects.

- a generated valid project (teams, a lifecycle, channels with the naming vocabulary of their codes,
  scoring models whose thresholds drive the lifecycle's transitions) has no diagnostics;
- breaking one reference yields exactly one REF001, at that reference's line and column;
- shuffling the order of files and of list items changes nothing but positions.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import tempfile
from pathlib import Path
from typing import TypedDict

from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mopsdocs.diagnostics import Diagnostic
from mopsdocs.pipeline import load_project

MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"
ids = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True)


class Status(TypedDict):
    name: str
    step: int
    role: str | None
    success: bool
    crm: str | None  # the YAML of `crm:`, or None


class Channel(TypedDict):
    id: str
    code: str
    program_type: str
    statuses: list[Status]


class Rule(TypedDict):
    id: str
    score: str
    points: int
    times: int | None  # limit.times; None: no limit


class Threshold(TypedDict):
    id: str
    bars: dict[str, int]  # score -> bar
    any: bool  # `any:` rather than `all:`
    fast_track: bool
    transition: int  # index of the stage it leaves (to the next one)


class Scoring(TypedDict):
    id: str
    tokens: str
    scores: dict[str, tuple[int, int] | None]  # score -> (decay points, floor) or no decay
    rules: list[Rule]
    thresholds: list[Threshold]


class Generated(TypedDict):
    """A generated project, before it is written out as spec files."""

    teams: list[str]
    roles: dict[str, str]  # role -> its team
    people: dict[str, list[str]]  # person -> their roles
    stages: list[str]
    owners: list[str]  # the owning team of each stage, in stage order
    channels: list[Channel]
    scorings: list[Scoring]
    stack: list[str]  # (v2) the lines of a stack spec ([] for none)
    backlog: list[str]  # (v2) the lines of a backlog spec ([] for none)
    reviews: list[list[str]]  # (v2) the lines of each review spec
    naming: list[str]  # (v2) the lines of a naming spec using the v2 naming keys ([] for none)


PROGRAM_TYPES = ("default", "event", "event-with-webinar", "engagement", "email")
codes = st.from_regex(r"[A-Z]{2,4}", fullmatch=True)


@st.composite
def channels(draw: st.DrawFn) -> list[Channel]:
    """Channels with a success status that is responded in the CRM, the roles event programs need,
    unique status names and positive steps; their codes are the channel vocabulary's."""
    out: list[Channel] = []
    for i, code in enumerate(draw(st.lists(codes, min_size=0, max_size=3, unique=True))):
        program_type = draw(st.sampled_from(PROGRAM_TYPES))
        roles: list[str | None] = [None] * draw(st.integers(0, 3))
        if program_type in ("event", "event-with-webinar"):
            roles += ["registered", "waitlisted", "attended"]
        success = draw(st.integers(0, len(roles)))  # the index of a success status (len: one more at the end)
        roles.append(None)
        statuses: list[Status] = []
        for k, role in enumerate(roles):
            crm = draw(st.sampled_from([None, f"Crm {k}", f"{{status: Crm {k}, responded: false}}"]))
            if k == success:
                crm = f"{{status: Crm {k}, responded: true}}"
            statuses.append(
                {
                    "name": f"Status {k}",
                    "step": draw(st.integers(1, 4)),
                    "role": role,
                    "success": k == success,
                    "crm": crm,
                }
            )
        out.append({"id": f"ch{i}", "code": code, "program_type": program_type, "statuses": statuses})
    return out


@st.composite
def scorings(draw: st.DrawFn, n_transitions: int) -> list[Scoring]:
    """Scoring models whose thresholds can be reached, by no single action unless `fast_track`,
    each driving a transition of the lifecycle; tokens on every rule; decays with a floor."""
    out: list[Scoring] = []
    for m in range(draw(st.integers(0, 2))):
        score_ids = [f"sc{k}" for k in range(draw(st.integers(1, 3)))]
        scores = {
            sid: draw(st.one_of(st.none(), st.tuples(st.integers(-20, -1), st.integers(-10, 10)))) for sid in score_ids
        }
        rules: list[Rule] = []
        for sid in score_ids:  # every score has a rule that helps, so each one can reach a bar
            for _ in range(draw(st.integers(1, 3))):
                rules.append(
                    {
                        "id": f"r{len(rules)}",
                        "score": sid,
                        "points": draw(st.integers(1, 30)),
                        "times": draw(st.one_of(st.none(), st.integers(1, 3))),
                    }
                )
            if draw(st.booleans()):  # rules that take points away never help
                rules.append({"id": f"r{len(rules)}", "score": sid, "points": -draw(st.integers(1, 50)), "times": 1})
        thresholds: list[Threshold] = []
        for t in range(draw(st.integers(0, 2))):
            chosen = draw(st.lists(st.sampled_from(score_ids), min_size=1, max_size=len(score_ids), unique=True))
            use_any = len(chosen) > 1 and draw(st.booleans())
            bars: dict[str, int] = {}
            fast_track = False
            for sid in chosen:
                helping = [r for r in rules if r.get("score") == sid and r["points"] > 0]
                best = max(r["points"] for r in helping)
                caps = [r["points"] * r["times"] for r in helping if r["times"] is not None]
                most = None if len(caps) < len(helping) else sum(caps)
                if most is not None and most <= best:  # one firing is all there is: only a fast track
                    bars[sid], fast_track = best, True
                else:  # more than any one firing adds, within reach
                    bars[sid] = draw(st.integers(best + 1, best + 40 if most is None else min(most, best + 40)))
            if len(chosen) > 1 and not use_any:
                fast_track = fast_track and draw(st.booleans())  # two scores: one action never reaches both
            thresholds.append(
                {
                    "id": f"t{t}",
                    "bars": bars,
                    "any": use_any,
                    "fast_track": fast_track or draw(st.booleans()),
                    "transition": draw(st.integers(0, n_transitions - 1)),
                }
            )
        out.append(
            {
                "id": f"model{m}",
                "tokens": draw(st.sampled_from(["required", "optional"])),
                "scores": scores,
                "rules": rules,
                "thresholds": thresholds,
            }
        )
    return out


@st.composite
def projects(draw: st.DrawFn) -> Generated:
    """Teams, roles, people and a lifecycle whose main path walks every stage to a terminal one."""
    names = draw(st.lists(ids, min_size=6, max_size=14, unique=True))
    n_teams = draw(st.integers(1, 2))
    teams, rest = names[:n_teams], names[n_teams:]
    roles = rest[: max(1, len(rest) // 3)]
    people = rest[len(roles) : len(roles) * 2]
    stages = [f"s{i}" for i in range(draw(st.integers(2, 8)))]
    team_of_role = {r: draw(st.sampled_from(teams)) for r in roles}
    # every role has an active person so TEAM002 stays silent
    holders = {p: [roles[i % len(roles)]] for i, p in enumerate(people)}
    for r in roles[len(people) :]:
        holders.setdefault(people[0], []).append(r) if people else None
    owners = [draw(st.sampled_from(teams)) for _ in stages]  # teams own stages: one team keeps SLA rules quiet
    owners = [owners[0]] * len(stages)
    return {
        "teams": teams,
        "roles": team_of_role,
        "people": holders,
        "stages": stages,
        "owners": owners,
        "channels": draw(channels()),
        "scorings": draw(scorings(len(stages) - 1)),
        "stack": draw(stacks(roles)),
        "backlog": (backlog := draw(backlogs(teams, roles, stages))),
        "reviews": draw(reviews(backlog)),
        "naming": draw(namings_v2()),
    }


FORBIDDEN_WORDS = ("test", "dontuse")


@st.composite
def namings_v2(draw: st.DrawFn) -> list[str]:
    """(v2) A valid naming spec with the v2 keys: a retired code with its replacement, a choice of
    a date or `eg`, several region codes in one field, a field's own letter case, forbidden
    words, a switch, a variant template for one type, a cross-field rule, systems, and a fiscal
    quarter; its examples are filled in to conform (no retired code, every rule kept)."""
    if not draw(st.booleans()):
        return []
    word = st.from_regex(r"[a-z]{2,5}", fullmatch=True).filter(lambda w: w not in FORBIDDEN_WORDS)
    regions = draw(st.lists(word, min_size=2, max_size=4, unique=True))
    type_code = st.from_regex(r"[A-Z][a-z]{2,6}", fullmatch=True).filter(lambda t: t.lower() not in FORBIDDEN_WORDS)
    types = draw(st.lists(type_code, min_size=2, max_size=4, unique_by=str.lower))
    case = draw(st.sampled_from(("lower", "upper", None)))
    cased = [t.lower() if case == "lower" else t.upper() if case == "upper" else t for t in types]
    variant = draw(st.booleans())
    lines = ["kind: naming", "vocabularies:", "  - id: v2-region", "    name: Region", "    values:"]
    lines += [f"      - {{code: {r}}}" for r in regions]
    lines += [f"      - {{code: {regions[0]}9, retired: true, retired_on: 2024-01-01, replaced_by: {regions[0]}}}"]
    lines += ["  - id: v2-type", "    name: Type", "    values:"] + [f"      - {{code: {t}}}" for t in types]
    lines += ["conventions:", "  - id: v2-utm", "    name: UTM v2", "    systems: [marketo]"]
    lines += ['    template: "{date}_{region}_{type}[_{name}][_PARENT]"', "    forbidden_words: [test, dontuse]"]
    if variant:
        lines += [
            "    variants:",
            "      field: type",
            f'      templates: {{{cased[1]}: "{{type}}_{{date}}_{{region}}[_PARENT]"}}',
        ]
    lines += ["    fields:", "      date: {type: choice, of: [{type: date, format: YYYYMMDD}, {literal: eg}]}"]
    lines += ['      region: {vocabulary: v2-region, multiple: {separator: "+", max: 2}}']
    lines += [
        f"      type: {{vocabulary: v2-type{', case: ' + case if case else ''}}}",
        '      name: {pattern: "[a-z0-9-]+"}',
    ]
    lines += ["    rules:", f"      - {{field: type, allowed_with: {{region: {{{regions[0]}: [{types[0]}]}}}}}}"]
    examples = []
    for _ in range(draw(st.integers(1, 3))):
        day = draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
        date = "eg" if draw(st.booleans()) else f"{day:%Y%m%d}"
        picked = draw(st.lists(st.sampled_from(regions), min_size=1, max_size=2, unique=True))
        kind = cased[0] if regions[0] in picked else draw(st.sampled_from(cased))  # the rule: regions[0] takes types[0]
        region = "+".join(picked)
        switch = "_PARENT" if draw(st.booleans()) else ""
        if variant and kind == cased[1]:
            examples.append(f"{kind}_{date}_{region}{switch}")
        else:
            name = "_" + draw(word) if draw(st.booleans()) else ""
            examples.append(f"{date}_{region}_{kind}{name}{switch}")
    lines += ["    examples: [" + ", ".join(examples) + "]", "    counterexamples: [eg_zz_test]"]
    year, quarter = draw(st.integers(0, 99)), draw(st.integers(1, 4))
    lines += ["  - id: v2-folder", "    name: Fiscal folder", '    template: "{quarter} {group}"', "    fields:"]
    lines += [
        "      quarter: {type: date, format: \"'FY'YY' Q'N\", fiscal: true}",
        '      group: {pattern: "[A-Z][a-z]+"}',
    ]
    lines += [f"    examples: [FY{year:02d} Q{quarter} Webinars]", f"    counterexamples: [FY{year:02d} Q5 Webinars]"]
    return lines


TOOL_CATEGORIES = ("marketing-automation", "crm", "ipaas", "enrichment", "analytics", "abm", "consent", "webinar")


@st.composite
def stacks(draw: st.DrawFn, roles: list[str]) -> list[str]:
    """(v2) A valid stack: active tools in distinct categories (a shared one marked `overlap_ok`),
    integrations only between tools that stay (never retired or sunsetting), through native, api,
    file or an active iPaaS; contracts either far ahead or reviewed inside their window, so STACK001
    stays silent whatever today is; costs per year, month or seat."""
    n = draw(st.integers(0, 6))
    if n == 0:
        return []
    lines = ["kind: stack", "id: martech", "name: Martech", "tools:"]
    tools: list[tuple[str, str, str]] = []  # (id, category, status)
    for i in range(n):
        status = draw(st.sampled_from(("active", "active", "evaluating", "sunsetting", "retired")))
        category = draw(st.sampled_from(TOOL_CATEGORIES))
        overlap = status == "active" and any(c == category and s == "active" for _, c, s in tools)
        keys = [f"id: t{i}", f"name: Tool {i}", f"category: {category}", f"status: {status}"]
        keys += [f"owner: {draw(st.sampled_from(roles))}"] if draw(st.booleans()) else []
        keys += ["overlap_ok: true"] if overlap else []
        per = draw(st.sampled_from(("year", "month", "seat-month", None)))
        if per is not None:
            keys.append(f"cost: {{amount: {draw(st.integers(0, 99999))}, currency: USD, per: {per}}}")
            keys += [f"seats: {draw(st.integers(1, 50))}"] if per.startswith("seat") else []
        if draw(st.booleans()):  # far ahead, or long past and reviewed inside its window
            far = draw(st.booleans())
            keys.append(f"contract: {{renews_on: {'2099-06-30' if far else '2000-06-30'}, notice: 30d}}")
            keys += [] if far else ["reviewed: {on: 2000-05-01, decision: renew}"]
        lines.append(f"  - {{{', '.join(keys)}}}")
        tools.append((f"t{i}", category, status))
    staying = [t for t, _, s in tools if s in ("active", "evaluating")]
    ipaas = [t for t, c, s in tools if c == "ipaas" and s == "active"]
    lines.append("integrations:")
    for _ in range(draw(st.integers(0, 4)) if len(staying) >= 2 else 0):
        a, b = draw(st.sampled_from(staying)), draw(st.sampled_from(staying))
        via = draw(st.sampled_from(("native", "api", "file", *ipaas)))
        owner = f", owner: {draw(st.sampled_from(roles))}" if draw(st.booleans()) else ""
        lines.append(f"  - {{from: {a}, to: {b}, via: {via}, automates: [list-import]{owner}}}")
    if lines[-1] == "integrations:":
        lines[-1] = "integrations: []"
    return lines


LEVELS = ("low", "medium", "high")
ITEM_STATUSES = ("idea", "planned", "in-progress", "done", "dropped")
PILLARS = ("scalable", "cohesive", "organized", "reliable", "efficient")


@st.composite
def backlogs(draw: st.DrawFn, teams: list[str], roles: list[str], stages: list[str]) -> list[str]:
    """(v2) A valid backlog: no low-impact, high-effort item planned or in progress (BL001), dues
    far ahead or on finished work (BL002 stays silent whatever today is), owners that exist (one
    party each: the reference test breaks `owner:` values), refs to the lifecycle, its stages and
    the roles."""
    n = draw(st.integers(0, 6))
    if n == 0:
        return []
    lines = ["kind: backlog", "id: b", "name: Backlog", "items:"]
    targets = ["lifecycle:lead", *(f"stage:lead/{s}" for s in stages), *(f"party:{r}" for r in roles)]
    for i in range(n):
        impact, effort = draw(st.sampled_from(LEVELS)), draw(st.sampled_from(LEVELS))
        bl001 = ("planned", "in-progress") if (impact, effort) == ("low", "high") else ()
        status = draw(st.sampled_from([s for s in ITEM_STATUSES if s not in bl001]))
        keys = [f"id: i{i}", f"name: Item {i}", f"impact: {impact}", f"effort: {effort}", f"status: {status}"]
        keys += [f"owner: {draw(st.sampled_from([*teams, *roles]))}"] if draw(st.booleans()) else []
        past = ["2001-Q1", "2001-01-31"] if status in ("done", "dropped") else []
        due = draw(st.sampled_from([None, "2999-Q4", "2999-12-31", *past]))
        keys += [f"due: {due}"] if due else []
        pillars = draw(st.lists(st.sampled_from(PILLARS), max_size=3, unique=True))
        keys += [f"pillars: [{', '.join(pillars)}]"] if pillars else []
        refs = draw(st.lists(st.sampled_from(targets), max_size=3, unique=True))
        keys += [f"refs: [{', '.join(refs)}]"] if refs else []
        lines.append(f"  - {{{', '.join(keys)}}}")
    return lines


@st.composite
def reviews(draw: st.DrawFn, backlog: list[str]) -> list[list[str]]:
    """(v2) Valid reviews of distinct years: numbers, rates between 0 and 1, a breakdown, SCORE
    ratings 1-5, goals naming the backlog's items."""
    items = [line.split("id: ", 1)[1].split(",", 1)[0] for line in backlog if line.startswith("  - {id: ")]
    out = []
    for year in draw(st.lists(st.integers(2000, 2030), max_size=3, unique=True)):
        lines = ["kind: review", f"id: y{year}", f"name: Year {year}", f"year: {year}", "figures:"]
        lines.append(f"  campaigns: {draw(st.integers(0, 10**6))}")
        lines.append(f"  median_open_rate: {draw(st.floats(0, 1, allow_nan=False))!r}")
        if draw(st.booleans()):
            webinar, email = draw(st.integers(0, 99)), draw(st.integers(0, 99))
            lines.append(f"  by_channel: {{Webinar: {webinar}, Email Send: {email}}}")
        ratings = {p: draw(st.integers(1, 5)) for p in PILLARS if draw(st.booleans())}
        if ratings:
            lines.append("score:")
            lines += [f"  {p}: {{rating: {r}, evidence: Because}}" for p, r in ratings.items()]
        goals = draw(st.lists(st.sampled_from(items), max_size=2, unique=True)) if items else []
        lines.append("goals:" if goals else "goals: []")
        lines += [f"  - {{name: Goal {g}, item: b/{g}}}" for g in goals]
        out.append(lines)
    return out


def render(p: Generated, rng: random.Random) -> dict[str, str]:
    team_lines = ["kind: team", "teams:"] + [f"  - {{id: {t}, name: Team {t}}}" for t in p["teams"]]
    team_lines += ["roles:"] + [f"  - {{id: {r}, name: Role {r}, team: {t}}}" for r, t in p["roles"].items()]
    people = list(p["people"].items())
    rng.shuffle(people)
    team_lines += ["people:"] + [f"  - {{id: {pid}, name: P {pid}, roles: [{', '.join(rs)}]}}" for pid, rs in people]
    stages = p["stages"]
    lc = ["kind: lifecycle", "id: lead", "name: Lead", "stages:"]
    for i, (s, owner) in enumerate(zip(stages, p["owners"])):
        flags = ", initial: true" if i == 0 else (", terminal: true" if i == len(stages) - 1 else "")
        lc.append(f"  - {{id: {s}, name: Stage {s}, owner: {owner}{flags}}}")
    transitions = [f"  - {{from: {a}, to: {b}}}" for a, b in itertools.pairwise(stages)]
    rng.shuffle(transitions)
    lc += ["transitions:", *transitions]
    files = {"specs/team.yaml": "\n".join(team_lines) + "\n", "specs/lead.yaml": "\n".join(lc) + "\n"}
    if p["channels"]:
        vocab = ["kind: naming", "vocabularies:", "  - id: channel", "    name: Channel", "    values:"]
        vocab += [f"      - {{code: {c['code']}, label: Label {c['id']}}}" for c in p["channels"]]
        files["specs/naming.yaml"] = "\n".join(vocab) + "\n"
    for c in p["channels"]:
        ch = ["kind: channel", f"id: {c['id']}", f"name: Channel {c['id']}", f"code: {c['code']}"]
        ch += [f"program_type: {c['program_type']}", "statuses:"]
        for st_ in c["statuses"]:
            keys = [f"name: {st_['name']}", f"step: {st_['step']}"]
            keys += [f"role: {st_['role']}"] if st_["role"] else []
            keys += ["success: true"] if st_["success"] else []
            keys += [f"crm: {st_['crm']}"] if st_["crm"] else []
            ch.append(f"  - {{{', '.join(keys)}}}")
        files[f"specs/channels/{c['id']}.yaml"] = "\n".join(ch) + "\n"
    for m in p["scorings"]:
        sc = ["kind: scoring", f"id: {m['id']}", f"name: Model {m['id']}", f"tokens: {m['tokens']}", "scores:"]
        for sid, decay in m["scores"].items():
            extra = f", decay: {{points: {decay[0]}, every: 30d, floor: {decay[1]}}}" if decay else ""
            sc.append(f"  - {{id: {sid}, name: Score {sid}{extra}}}")
        sc.append("rules:")
        for r in m["rules"]:
            limit = f", limit: {{times: {r['times']}, per: 7d}}" if r["times"] is not None else ""
            token = '"{{my.' + r["id"] + '}}"'
            sc.append(f"  - {{id: {r['id']}, score: {r['score']}, points: {r['points']}, token: {token}{limit}}}")
        sc.append("thresholds:" if m["thresholds"] else "thresholds: []")
        for t in m["thresholds"]:
            bars = ", ".join(f"{sid}: {bar}" for sid, bar in t["bars"].items())
            a, b = stages[t["transition"]], stages[t["transition"] + 1]
            sc.append(f"  - id: {t['id']}")
            sc.append(f"    name: Threshold {t['id']}")
            sc.append(f"    {'any' if t['any'] else 'all'}: {{{bars}}}")
            sc.append(f"    fast_track: {'true' if t['fast_track'] else 'false'}")
            sc.append(f"    transition: {{lifecycle: lead, from: {a}, to: {b}}}")
        files[f"specs/scoring/{m['id']}.yaml"] = "\n".join(sc) + "\n"
    if p["stack"]:
        files["specs/stack.yaml"] = "\n".join(p["stack"]) + "\n"
    if p["backlog"]:
        files["specs/backlog.yaml"] = "\n".join(p["backlog"]) + "\n"
    for lines in p["reviews"]:
        files[f"specs/reviews/{lines[1].removeprefix('id: ')}.yaml"] = "\n".join(lines) + "\n"
    if p["naming"]:
        files["specs/naming-v2.yaml"] = "\n".join(p["naming"]) + "\n"
    return files


def check(files: dict[str, str]) -> list[Diagnostic]:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp), files, MKDOCS)
        _, report = load_project(root)
        return report.sorted()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(), st.randoms(use_true_random=False))
def test_generated_valid_project_has_no_diagnostics(p: Generated, rng: random.Random) -> None:
    assert check(render(p, rng)) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(), st.randoms(use_true_random=False), st.data())
def test_breaking_one_reference_gives_exactly_one_ref001_there(
    p: Generated, rng: random.Random, data: st.DataObject
) -> None:
    files = render(p, rng)
    # the references in the generated text: stage owners, transition ends (of the lifecycle and of
    # the thresholds), role teams, person roles
    spots = []
    # a transition a threshold drives is left alone: breaking it also makes that threshold's SCORE001
    driven = {
        f"- {{from: {p['stages'][t['transition']]}, to: {p['stages'][t['transition'] + 1]}}}"
        for m in p["scorings"]
        for t in m["thresholds"]
    }
    for path, text in files.items():
        for lineno, line in enumerate(text.splitlines(), 1):
            if path == "specs/lead.yaml" and line.strip() in driven:
                continue
            for key in ("owner: ", "from: ", "to: ", "team: ", "roles: ["):
                col = line.find(key)
                if col >= 0:
                    spots.append((path, lineno, col + len(key) + 1))
    path, lineno, col = data.draw(st.sampled_from(spots))
    lines = files[path].splitlines()
    line = lines[lineno - 1]
    lines[lineno - 1] = line[: col - 1] + "zz" + line[col - 1 :]  # 'zz' + id: never an existing id
    files[path] = "\n".join(lines) + "\n"
    diags = check(files)
    assert [(d.code, d.location.path, d.location.line, d.location.column) for d in diags] == [
        ("REF001", path, lineno, col)
    ]


@settings(max_examples=30, deadline=None)
@given(projects(), st.randoms(use_true_random=False), st.randoms(use_true_random=False))
def test_order_of_list_items_changes_nothing(p: Generated, rng1: random.Random, rng2: random.Random) -> None:
    import json

    from mopsdocs.export import export_json

    outputs = []
    for rng in (rng1, rng2):
        with tempfile.TemporaryDirectory() as tmp:
            root = make_project(Path(tmp), render(p, rng), MKDOCS)
            project, _ = load_project(root, as_of="2021-12-01")
            data = json.loads(export_json(project))
            for person in data["people"].values():
                person.pop("roles")
            lc = data["lifecycles"]["lead"]
            lc["transitions"] = sorted(lc["transitions"], key=lambda t: (t["from"], t["to"]))
            outputs.append(data)
    assert outputs[0] == outputs[1]
