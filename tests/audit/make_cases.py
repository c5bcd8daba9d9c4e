"""Writes the audit's data-driven cases, `tests/cases/drift*` and `tests/cases/audit*`.

Each case is a project (specs, and exports built from the documented formats by `exportkit`)
run with `mopsdocs audit --format concise --as-of 2026-12-01` (`command.txt`, `args.txt`);
`expected.txt` is its exact output, written by the cases runner with MOPSDOCS_UPDATE_CASES=1
and read before committing. Run `python tests/audit/make_cases.py` after changing a case here;
`test_audit_cases_are_generated` checks that the folders are what this writes.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exports"))

import exportkit as k

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
AS_OF = "2026-12-01"

TEAM = """\
kind: team
teams:
  - {id: mops, name: Marketing Operations}
roles:
  - {id: mops-manager, name: MOPs Manager, team: mops}
  - {id: campaign-manager, name: Campaign Manager, team: mops}
people:
  - {id: maude, name: Maude B., email: maude@example.com, roles: [mops-manager]}
  - {id: sam, name: Sam K., email: Sam@Example.com, roles: [campaign-manager]}
  - {id: dana, name: Dana P., email: dana@example.com, roles: [campaign-manager], left_on: 2026-06-30}
  - {id: lee, name: Lee R., email: lee@example.com, roles: [campaign-manager], active: false}
"""


def program_spec(pid: str, asset: str, status: str = "active", systems: str = "[marketo]") -> str:
    return textwrap.dedent(f"""\
        kind: program
        id: {pid}
        name: {pid.replace("-", " ").title()}
        asset_name: {asset}
        category: other
        status: {status}
        owner: mops-manager
        systems: {systems}
        reviewed: {{on: 2026-11-01}}
        """)


NAMING = """\
kind: naming
vocabularies:
  - id: channel
    name: Channel
    values:
      - {code: WBN, label: Webinar}
      - {code: EM, label: Email}
conventions:
  - id: program
    name: Marketo program
    applies_to: [program]
    template: "{date}_{channel}_{name}"
    fields:
      date: {type: date, format: YYYY-MM}
      channel: {type: vocabulary, vocabulary: channel}
      name: {type: text, pattern: "[A-Za-z0-9-]+"}
    examples: ["2026-11_WBN_Peak-Capacity"]
"""

LIFECYCLE = """\
kind: lifecycle
id: lead
name: Lead lifecycle
stages:
  - {id: new, name: New, initial: true, owner: mops-manager, values: {salesforce: Open - Not Contacted}}
  - {id: mql, name: MQL, owner: mops-manager, values: {salesforce: {status: Marketing Qualified}}}
  - {id: working, name: Working, owner: mops-manager, values: {salesforce: working - contacted}}
  - {id: won, name: Won, terminal: true, owner: mops-manager, values: {salesforce: Closed - Converted}}
transitions:
  - {from: new, to: mql}
  - {from: mql, to: working, sla: 1d}
  - {from: working, to: won}
"""

WEBINAR = """\
kind: channel
id: webinar
name: Webinar
program_type: event-with-webinar
statuses:
  - {name: Registered, step: 10, role: registered, crm: Registered}
  - {name: Waitlisted, step: 10, role: waitlisted, crm: Waitlisted}
  - {name: Attended, step: 30, role: attended, success: true, crm: {status: Attended, responded: true}}
  - {name: Replayed, step: 40, success: true, crm: {status: Replayed, responded: true}}
"""
EMAIL = """\
kind: channel
id: email
name: Email Send
program_type: email
statuses:
  - {name: Sent, step: 10}
  - {name: Clicked, step: 20, success: true, crm: {status: Clicked, responded: true}}
"""
PODCAST = """\
kind: channel
id: podcast
name: Podcast
statuses:
  - {name: Listened, step: 10, success: true, crm: {status: Listened, responded: true}}
"""

Writer = Callable[[Path], None]


def _text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def drift001(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/programs/bounces.yaml", program_spec("bounces", "OPS_Email_Bounces"))  # missing
    _text(root / "specs/programs/dedupe.yaml", program_spec("dedupe", "OPS_dedupe_Nightly"))  # letter case
    _text(root / "specs/programs/routing.yaml", program_spec("routing", "OPS_Routing", systems="[marketo, salesforce]"))
    _text(root / "specs/programs/sync.yaml", program_spec("sync", "OPS_Sync", systems="[salesforce]"))  # not read
    _text(root / "specs/programs/old.yaml", program_spec("old", "OPS_Old", status="retired"))  # not looked for
    k.write_json(
        root / "exports/programs.json",
        k.response([k.program(1, "OPS_Dedupe_Nightly"), k.program(2, "OPS_Scoring")]),
    )
    k.write_json(root / "exports/campaigns.json", k.response([k.campaign(9, "OPS_Routing", program_id=2)]))


def drift002(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/programs/nurture.yaml", program_spec("nurture", "OPS_Nurture"))
    _text(root / "specs/programs/enrich.yaml", program_spec("enrich", "OPS_Enrich", status="paused"))
    _text(root / "specs/programs/legacy.yaml", program_spec("legacy", "OPS_Legacy", status="retired"))
    _text(root / "specs/programs/routing.yaml", program_spec("routing", "OPS_Routing"))  # agrees
    _text(root / "specs/programs/unknown.yaml", program_spec("unknown", "OPS_Unknown", status="paused"))  # not said
    k.write_json(
        root / "exports/programs.json",
        k.response(
            [
                k.program(1, "OPS_Nurture", type_="Engagement", channel="Nurture", status="off"),
                k.program(2, "OPS_Enrich"),
                k.program(3, "OPS_Legacy", type_="Engagement", channel="Nurture", status="on"),
                k.program(4, "OPS_Routing"),
                k.program(5, "OPS_Unknown"),
            ]
        ),
    )
    k.write_json(
        root / "exports/campaigns.json",
        k.response(
            [
                k.campaign(11, "01 - Enrich", program_id=2, active=True),
                k.campaign(12, "01 - Route", program_id=4, active=False),
                k.campaign(13, "02 - Route", program_id=4, active=True),
            ]
        ),
    )


def _lead_status_csv(root: Path, extra: list[list[str]] | None = None) -> None:
    rows = [k.LEAD_STATUS_HEADER, *k.LEAD_STATUSES, *(extra or [])]
    k.write_csv(root / "exports/LeadStatus.csv", rows)


def drift003(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/lifecycle.yaml", LIFECYCLE)
    _lead_status_csv(root, [["Marketing_Qualified_Lead", "Marketing Qualified Lead", "5", "false", "false"]])


def drift004(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/lifecycle.yaml", LIFECYCLE.replace("Marketing Qualified", "Working - Contacted"))
    # a report export: every value quoted, the screen's labels, a footer
    k.write_csv(
        root / "exports/lead-status-report.csv",
        [
            ["Lead Status", "Sort Order", "Converted"],
            ["Open - Not Contacted", "1", "0"],
            ["Working - Contacted", "2", "0"],
            ["Nurture", "3", "0"],
            ["Closed - Converted", "4", "1"],
            ["Closed - Not Converted", "5", "0"],
        ],
        quote_all=True,
        footer=True,
    )
    k.write_json(
        root / "exports/hs_lead_status.json",
        k.hubspot_property("hs_lead_status", "Lead Status", [("New", "NEW"), ("Open", "OPEN")]),
    )  # no stage has a hubspot value: not compared


def drift005(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/channels/webinar.yaml", WEBINAR)
    _text(root / "specs/channels/email.yaml", EMAIL)
    _text(root / "specs/channels/podcast.yaml", PODCAST)
    k.write_json(
        root / "exports/channels.json",
        k.response(
            [
                k.channel(
                    1,
                    "Webinar",
                    "webinar",
                    [
                        ("Registered", 10, False),
                        ("Waitlisted", 10, False),
                        ("Attended", 40, True),
                        ("No Show", 30, False),
                    ],
                ),
                k.channel(2, "email send", "nurture", [("Sent", 10, False), ("Clicked", 20, False)]),
                k.channel(3, "Tradeshow", "event", [("Visited Booth", 30, True)]),
            ]
        ),
    )


def drift006(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/naming.yaml", NAMING)
    _text(
        root / "mkdocs.yml",
        "site_name: Test project\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"
        "      exports:\n        - {path: exports/email-names.csv, type: names, system: marketo, asset: program}\n",
    )
    k.write_json(
        root / "exports/programs.json",
        k.response(
            [
                k.program(1, "2026-11_WBN_Peak-Capacity"),
                k.program(2, "Webinar Dec 2026"),
                k.program(3, "2026-11_Webinar_Launch"),
                k.program(4, "2019-01_old name", folder="Archive", folder_id=90),  # archived: not judged
            ]
        ),
    )
    k.write_csv(
        root / "exports/email-names.csv",
        [["Program Name", "Created"], ["2026-10_EM_Newsletter", "2026-10-01"], ["EM newsletter Nov", "2026-11-01"]],
    )


def audit001(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    k.write_json(
        root / "exports/users.json",
        [
            k.user("maude@example.com", "Maude", "B", ["Admin"], last_login="2026-09-02"),  # 90 days
            k.user("sam@example.com", "Sam", "K", ["Marketing User"], last_login="2026-09-03"),  # 89 days
            k.user("new@example.com", "New", "Hire", ["Marketing User"], last_login=None),
            k.user("api@example.com", "Api", "User", ["API Role"], last_login=None, api_only=True),
            k.user("old@example.com", "Old", "Login", ["Marketing User"], last_login="2025-01-01", locked=True),
        ],
    )


def audit002(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    two = k.user("maude@example.com", "Maude", "B", ["Admin", "Marketing User"])
    same_twice = k.user("sam@example.com", "Sam", "K", ["Marketing User"])
    same_twice["userRoleWorkspaces"].append(
        {"accessRoleId": 101, "accessRoleName": "Marketing User", "workspaceId": 2, "workspaceName": "EMEA"}
    )
    k.write_json(root / "exports/users.json", [two, same_twice])


def audit003(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    # the Users & Roles screen as a spreadsheet: Excel's CSV, Windows-1252, semicolons
    k.write_csv(
        root / "exports/users-and-roles.csv",
        [
            ["First Name", "Last Name", "Email", "Roles", "Last Login", "Locked"],
            ["Dana", "Pérez", "dana@example.com", "Marketing User", "2026-06-29", "No"],
            ["Lee", "R", "LEE@example.com", "Marketing User", "2026-01-10", "No"],
            ["Maude", "B", "maude@example.com", "Admin", "2026-11-30", "No"],
            ["Old", "Hand", "dana.old@example.com", "Marketing User", "2025-01-10", "Yes"],
        ],
        encoding="cp1252",
        delimiter=";",
    )


def audit004(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    k.write_json(
        root / "exports/users.json",
        k.pages(
            [
                k.user("maude@example.com", "Maude", "B", ["Admin"]),
                k.user("SAM@example.com", "Sam", "K", ["Marketing User"]),
                k.user("agency@partner.example", "Studio", "Partner", ["Marketing User"]),
                k.user("workato@example.com", "Workato", "API", ["API Role"], api_only=True),
            ],
            size=2,
        ),
    )


def audit005(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    k.write_json(
        root / "exports/channels.json",
        k.response(
            [
                k.channel(1, "Webinar", "webinar", [("Attended", 10, True)]),
                k.channel(2, "Tradeshow Old", "event", [("Visited", 10, True)]),
            ]
        ),
    )
    k.write_json(
        root / "exports/programs.json",
        k.response([k.program(1, "2026-11_WBN_x", type_="Event with Webinar", channel="webinar")]),
    )


def audit006(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/naming.yaml", NAMING)
    k.write_json(
        root / "exports/channels.json",
        k.response(
            [
                k.channel(1, "Webinar", "webinar", [("Attended", 10, True)]),
                k.channel(2, "Email", "email", [("Clicked", 10, True)]),
                k.channel(3, "Webinars", "webinar", [("Attended", 10, True)]),
                k.channel(4, "E-mail", "email", [("Clicked", 10, True)]),
            ]
        ),
    )
    k.write_json(
        root / "exports/programs.json",
        k.response(
            [
                k.program(1, "Spring Launch Webinar", type_="Event with Webinar"),
                k.program(2, "Spring Launch Webinar copy", type_="Event with Webinar"),
                k.program(3, "spring-launch webinar", type_="Event with Webinar"),
                k.program(4, "2026-11_WBN_Peak-Capacity", type_="Event with Webinar"),
                k.program(5, "2026-11_EM_Peak-Capacity", type_="Event with Webinar"),  # both conform: differ on purpose
                k.program(6, "2025 Kickoff", type_="Event with Webinar"),
                k.program(7, "2026 Kickoff", type_="Event with Webinar"),  # other numbers: a recurring program
            ]
        ),
    )


def audit007(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/channels/email.yaml", EMAIL)
    k.write_json(
        root / "exports/channels.json", k.response([k.channel(1, "Webinar", "webinar", [("Attended", 10, True)])])
    )
    k.write_json(
        root / "exports/programs.json",
        k.response(
            [
                k.program(1, "2026-03_WBN_Launch", type_="Default", channel="Webinar"),
                k.program(2, "2026-04_WBN_Launch", type_="Event with Webinar", channel="Webinar"),
                k.program(3, "2026-05_EM_News", type_="Engagement", channel="Email Send"),  # from the channel spec
                k.program(4, "2026-06_X_Other", type_="Default", channel="Unknown"),  # no such channel: silent
            ]
        ),
    )


def audit008(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "specs/programs/scoring.yaml", program_spec("scoring", "OPS_Scoring"))
    k.write_json(
        root / "exports/programs.json",
        k.response(
            [
                k.program(1, "2025-12_EM_Promo", updated="2025-12-01"),  # 365 days
                k.program(2, "2025-12_EM_Recent", updated="2025-12-02"),  # 364 days
                k.program(3, "2019-05_EM_Spring-Promo", updated="2019-05-20"),
                k.program(4, "2019-06_EM_Archived", folder="2019", folder_id=29, updated="2019-06-01"),
                k.program(5, "OPS_Scoring", folder="Operational", folder_id=27, updated="2020-01-01"),  # runs as is
                k.program(6, "2018-01_EM_Old", folder="Old programs - Archive", folder_id=31, updated="2018-01-01"),
            ]
        ),
    )
    k.write_json(
        root / "exports/folders.json",
        k.response(
            [
                k.folder(26, "Programs", "/Marketing Activities/Programs"),
                k.folder(27, "Operational", "/Marketing Activities/Operational"),
                k.folder(28, "Archive", "/Marketing Activities/Archive", archive=True),
                k.folder(29, "2019", "/Marketing Activities/Archive/2019"),
            ]
        ),
    )


def file001(root: Path) -> None:
    _text(root / "specs/team.yaml", TEAM)
    _text(root / "exports/broken.json", '{"success": true, "result": [\n  {"id": 1, "name": "x"},\n]}\n')
    _text(root / "exports/contacts.csv", "Full Name,Phone\nMaude B.,555-0100\n")
    (root / "exports/workbook.csv").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    _text(
        root / "exports/error.json",
        '{"requestId": "1#2", "success": false, "errors": [{"code": "601", "message": "Access token invalid"}]}\n',
    )
    _text(root / "exports/notes.md", "# not an export: skipped in a folder\n")
    k.write_json(root / "exports/users.json", [k.user("maude@example.com", "Maude", "B", ["Admin"])])  # still read


CASES: dict[str, Writer] = {
    "drift001-missing-program": drift001,
    "drift002-status": drift002,
    "drift003-stage-value": drift003,
    "drift004-undocumented-status": drift004,
    "drift005-channels": drift005,
    "drift006-exported-names": drift006,
    "audit001-inactive-login": audit001,
    "audit002-roles": audit002,
    "audit003-leaver-not-locked": audit003,
    "audit004-unknown-user": audit004,
    "audit005-unused-channel": audit005,
    "audit006-similar-names": audit006,
    "audit007-program-type": audit007,
    "audit008-stale-program": audit008,
    "audit-file001-unreadable": file001,
}


def write_case(name: str, root: Path) -> None:
    """The case's inputs (not expected.txt) in `root`."""
    CASES[name](root)
    _text(root / "command.txt", "audit\n")
    _text(root / "args.txt", f"--as-of {AS_OF}\n")


def main() -> None:
    for name in CASES:
        root = CASES_DIR / name
        expected = root / "expected.txt"
        kept = expected.read_bytes() if expected.exists() else None
        if root.exists():
            shutil.rmtree(root)
        write_case(name, root)
        if kept is not None:
            expected.write_bytes(kept)
        else:
            expected.write_text("", encoding="utf-8")
        print(root.relative_to(CASES_DIR.parent.parent))


if __name__ == "__main__":
    main()
