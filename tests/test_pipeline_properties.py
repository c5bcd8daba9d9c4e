"""Properties of the whole pipeline, on generated projects.

- a generated valid project has no diagnostics;
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


class Generated(TypedDict):
    """A generated project, before it is written out as spec files."""

    teams: list[str]
    roles: dict[str, str]  # role -> its team
    people: dict[str, list[str]]  # person -> their roles
    stages: list[str]
    owners: list[str]  # the owning team of each stage, in stage order


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
    return {"teams": teams, "roles": team_of_role, "people": holders, "stages": stages, "owners": owners}


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
    return {"specs/team.yaml": "\n".join(team_lines) + "\n", "specs/lead.yaml": "\n".join(lc) + "\n"}


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
    # the references in the generated text: stage owners, transition ends, role teams, person roles
    spots = []
    for path, text in files.items():
        for lineno, line in enumerate(text.splitlines(), 1):
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
