"""A large, valid MOPs project for scale runs: people, roles, RACI, lifecycle, programs, naming.

    python benchmarks/scale_project.py OUT_DIR [--programs 400 --people 300 --roles 60
                                                --activities 800 --stages 60]

The project passes `mopsdocs check --strict`: every role is held, every hand-off has an SLA,
every program is reviewed within its cadence, names conform. Used by benchmarks/site_scale.py
and by the browser tests' scale checks.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path
from typing import get_args

from mopsdocs.specs import Category

AS_OF = "2021-12-01"
# every category of the contract but "other", in its order
CATEGORIES = [c for c in get_args(Category) if c != "other"]
TEAMS = ["marketing-ops", "demand-gen", "sales-development", "sales", "sales-ops", "legal"]


def mkdocs_yml(nav_prune: bool = True) -> str:
    features = "\n".join(
        f"    - {f}" for f in ["navigation.sections", "navigation.prune"] if nav_prune or f != "navigation.prune"
    )
    return (
        f"site_name: Scale test\ntheme:\n  name: material\n  font: false\n  features:\n{features}\n"
        f"plugins:\n  - search\n  - mopsdocs:\n      as_of: {AS_OF}\n      raci_max_consulted: 4\n"
    )


def team_spec(people: int, roles: int) -> str:
    lines = ["kind: team", "teams:"]
    lines += [f"  - {{id: {t}, name: {t.replace('-', ' ').title()}}}" for t in TEAMS]
    lines.append("roles:")
    lines += [f"  - {{id: role-{r:03d}, name: Role {r}, team: {TEAMS[r % len(TEAMS)]}}}" for r in range(roles)]
    lines.append("people:")
    for p in range(people):
        lines.append(
            f"  - {{id: person-{p:04d}, name: Person {p}, email: person{p}@example.com, roles: [role-{p % roles:03d}]}}"
        )
    return "\n".join(lines) + "\n"


def lifecycle_spec(stages: int) -> str:
    lines = ["kind: lifecycle", "id: lead", "name: Lead lifecycle", "stages:"]
    for s in range(stages):
        flags = ", initial: true" if s == 0 else (", terminal: true" if s == stages - 1 else "")
        path = ", path: detour" if s % 10 == 9 and s != stages - 1 else ""
        lines.append(
            f"  - {{id: s{s:02d}, name: Stage {s}, owner: {TEAMS[(s // 10) % len(TEAMS)]}, sla: 24h"
            f"{flags}{path}, definition: 'Records at step {s}.'}}"
        )
    lines.append("transitions:")
    main = [s for s in range(stages) if not (s % 10 == 9 and s != stages - 1)]
    for a, b in itertools.pairwise(main):
        lines.append(f"  - {{from: s{a:02d}, to: s{b:02d}, when: 'Score passes {b * 5}', sla: 24h}}")
    for s in range(stages):
        if s % 10 == 9 and s != stages - 1:  # detours: entered from the previous stage, lead back
            lines.append(f"  - {{from: s{s - 1:02d}, to: s{s:02d}, type: recycle, sla: 24h}}")
            lines.append(f"  - {{from: s{s:02d}, to: s{s - 1:02d}, type: reopen, sla: 24h}}")
    return "\n".join(lines) + "\n"


def raci_spec(activities: int, roles: int) -> str:
    lines = ["kind: raci", "id: mops", "name: Marketing operations RACI", "activities:"]
    for a in range(activities):
        r = [f"role-{(a + i) % roles:03d}" for i in range(4)]
        lines.append(
            f"  - {{id: act-{a:04d}, name: Activity {a}, group: Group {a // 40}, "
            f"assign: {{{r[0]}: A/R, {r[1]}: C, {r[2]}: I, {r[3]}: C}}}}"
        )
    return "\n".join(lines) + "\n"


def program_spec(p: int, roles: int) -> str:
    dep = f"\ndepends_on: [prog-{p - 1:03d}]" if p % 8 else ""
    return (
        f"kind: program\nid: prog-{p:03d}\nname: Program {p}\nasset_name: OPS_Data_Program-{p}\n"
        f"category: {CATEGORIES[p % len(CATEGORIES)]}\nstatus: active\nowner: role-{p % roles:03d}\n"
        f"purpose: Keeps step {p} of the data flow healthy.\n"
        f"trigger: {{type: batch, schedule: 'daily 02:00'}}\nsystems: [marketo, salesforce]{dep}\n"
        f"steps: ['Smart list: changed', 'Flow: fix value']\nreviewed: {{on: 2021-11-01, every: 90d}}\n"
    )


NAMING = """\
kind: naming
vocabularies:
  - id: area
    name: Area
    values: [{code: Data}, {code: Email}, {code: Scoring}]
conventions:
  - id: operational-program
    name: Operational program
    applies_to: [operational-program]
    template: "OPS_{area}_{name}"
    fields:
      area: {type: vocabulary, vocabulary: area}
      name: {type: text, pattern: "[A-Za-z0-9-]+", max_length: 40}
    examples: [OPS_Data_Normalization]
"""


def generate(
    out: Path,
    *,
    programs: int = 400,
    people: int = 300,
    roles: int = 60,
    activities: int = 800,
    stages: int = 60,
    nav_prune: bool = True,
) -> Path:
    specs = out / "specs"
    (specs / "programs").mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "index.md").write_text("# Scale test\n\nA generated MOPs project.\n")
    (out / "mkdocs.yml").write_text(mkdocs_yml(nav_prune))
    (specs / "team.yaml").write_text(team_spec(people, roles))
    (specs / "lifecycle.yaml").write_text(lifecycle_spec(stages))
    (specs / "raci.yaml").write_text(raci_spec(activities, roles))
    (specs / "naming.yaml").write_text(NAMING)
    for p in range(programs):
        (specs / "programs" / f"prog-{p:03d}.yaml").write_text(program_spec(p, roles))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--programs", type=int, default=400)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--roles", type=int, default=60)
    parser.add_argument("--activities", type=int, default=800)
    parser.add_argument("--stages", type=int, default=60)
    a = parser.parse_args()
    generate(a.out, programs=a.programs, people=a.people, roles=a.roles, activities=a.activities, stages=a.stages)


if __name__ == "__main__":
    main()
