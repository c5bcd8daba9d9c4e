"""Properties of the whole pipeline, on generated projects.

- a generated valid project (teams, a lifecycle, channels with the naming vocabulary of their codes,
  scoring models whose thresholds drive the lifecycle's transitions) has no diagnostics;
- breaking one reference yields exactly one REF001, at that reference's line and column;
- shuffling the order of files and of list items changes nothing but positions.
"""

from __future__ import annotations

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
    }


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
