"""The example project's `exports/`: a small, made-up Marketo + Salesforce + HubSpot instance of the
example team, built from the documented formats (`exportkit`) so the audit page shows findings.

Run `python tests/audit/example_exports.py` to rewrite `exports/`; `test_example_exports.py`
checks that the files in the repository are what this writes. Each deliberate finding is noted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exports"))

import exportkit as k

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "exports"

OPERATIONAL = [  # asset names as the Marketo instance has them
    "OPS_Sync_Salesforce-Sync",
    "OPS_Privacy_Data-Subject-Requests",
    "OPS_Consent_Preference-Center",
    "OPS_Alerts_MQL-Alert",
    "OPS_Scoring_Legacy-Points",  # retired in the specs, a campaign still active: DRIFT002
    "OPS_Import_List-Import",
    "OPS_Routing_Lead-Assignment",
    "OPS_Scoring_Behavior-Fit",
    "OPS_Scoring_Decay",
    "OPS_Enrichment_Firmographics",  # paused in the specs, its campaign active: DRIFT002
    "OPS_Email_Bounce-Management",
    "OPS_Privacy_Consent-Management",
    "OPS_Lifecycle_Lead-Lifecycle",
    "OPS_Data_normalization",  # the spec writes Normalization: DRIFT001 with the platform's spelling
    # OPS_Dedupe_Nightly-Merge is missing: DRIFT001
]

CHANNELS = [
    (
        1001,
        "Webinar",
        "webinar",
        [
            ("Invited", 10, False),
            ("Registered", 20, False),
            ("Waitlisted", 20, False),
            ("No Show", 30, False),
            ("Attended", 30, True),
            ("Attended On-demand", 40, True),
        ],
    ),
    (1002, "Email Send", "email", [("Sent", 10, False), ("Clicked", 20, True)]),
    (1003, "Nurture", "nurture", [("Member", 10, False), ("Engaged", 20, True)]),
    (
        1004,
        "Event",
        "event",
        [
            ("Invited", 10, False),
            ("Registered", 20, False),
            ("Waitlisted", 20, False),
            ("No Show", 30, False),
            ("Attended", 30, True),
        ],
    ),
    # one status more than the spec: DRIFT005
    (
        1005,
        "Tradeshow",
        "event",
        [
            ("Target", 10, False),
            ("Registered", 20, False),
            ("Waitlisted", 20, False),
            ("No Show", 30, False),
            ("Visited Booth", 30, True),
            ("Meeting Booked", 40, True),
        ],
    ),
    (
        1006,
        "Content Syndication",
        "program",
        [("Uploaded", 10, False), ("Accepted", 20, True), ("Rejected", 20, False)],
    ),
    (1007, "Paid Search", "program", [("Clicked", 10, False), ("Converted", 20, True)]),
    (1008, "Paid Social", "program", [("Clicked", 10, False), ("Converted", 25, True)]),  # step 25: DRIFT005
    (1009, "Direct Mail", "program", [("Sent", 10, False), ("Responded", 20, True)]),
    (1010, "Website", "program", [("Visited", 10, False), ("Filled Out Form", 20, True)]),
    (1011, "Operational", "program", [("Member", 1, True)]),  # Marketo's usual, not in the specs: DRIFT005
    # a near-duplicate made by mistake, never used: AUDIT005, AUDIT006, DRIFT005
    (1012, "Webinars", "webinar", [("Registered", 10, False), ("Attended", 20, True)]),
]

FOLDERS = [
    k.folder(20, "Marketing Activities", "/Marketing Activities", system=True),
    k.folder(26, "FY22 Q4 Programs", "/Marketing Activities/FY22 Q4 Programs"),
    k.folder(27, "Operational", "/Marketing Activities/Operational"),  # off-convention: DRIFT006
    k.folder(28, "Archive", "/Marketing Activities/Archive", archive=True),
    k.folder(29, "2019", "/Marketing Activities/Archive/2019"),
]


def programs() -> list[dict[str, object]]:
    out = [
        k.program(2000 + i, name, channel="Operational", folder="Operational", folder_id=27, updated="2021-11-02")
        for i, name in enumerate(OPERATIONAL)
    ]
    marketing = [
        ("2021-11_WBN_NA_Peak-Capacity", "Event with Webinar", "Webinar", "2021-11-18"),
        ("2021-11_WBN_EMEA_Peak-Capacity", "Event with Webinar", "Webinar", "2021-11-19"),
        ("2021-11_WBN_EMEA_Peak Capacity", "Event with Webinar", "Webinar", "2021-11-19"),  # a copy: AUDIT006
        ("2021-10_EM_GLB_October-Newsletter", "Email", "Email Send", "2021-10-05"),
        ("2021-09_TS_NA_Dreamforce", "Event", "Tradeshow", "2021-09-30"),
        ("2021-06_EMN_GLB_Onboarding", "Engagement", "Nurture", "2021-11-29"),
        ("2021-08_PPC_NA_Brand-Search", "Default", "Paid Search", "2021-11-01"),
        ("2021-07_SOC_EMEA_LinkedIn-Launch", "Default", "Paid Social", "2021-10-12"),
        ("2021-05_CS_NA_Analyst-Report", "Default", "Content Syndication", "2021-08-01"),
        ("2021-04_DM_NA_Holiday-Box", "Default", "Direct Mail", "2021-04-20"),
        ("2021-03_WEB_GLB_Pricing-Guide", "Default", "Website", "2021-11-15"),
        ("2021-10_EVT_NA_Roadshow-Boston", "Event", "Event", "2021-10-21"),
        ("Webinar Dec 2021", "Event with Webinar", "Webinar", "2021-11-25"),  # off-convention: DRIFT006
        ("2021-11_WBN_NA_Office-Hours", "Default", "Webinar", "2021-11-22"),  # wrong type: AUDIT007
        ("2019-05_EM_NA_Spring-Promo", "Email", "Email Send", "2019-05-20"),  # stale, not archived: AUDIT008
    ]
    for i, (name, type_, channel, updated) in enumerate(marketing):
        out.append(k.program(3000 + i, name, type_=type_, channel=channel, folder="FY22 Q4 Programs", updated=updated))
    out.append(  # archived: never stale
        k.program(
            3900,
            "2019-03_WBN_NA_Old-Launch",
            type_="Event with Webinar",
            channel="Webinar",
            folder="2019",
            folder_id=29,
            updated="2019-03-28",
        )
    )
    return out


def campaigns() -> list[dict[str, object]]:
    ops = {name: 2000 + i for i, name in enumerate(OPERATIONAL)}
    made = [
        k.campaign(5001, "01 - Bounce Handling", program_id=ops["OPS_Email_Bounce-Management"]),
        k.campaign(5002, "01 - Route New Leads", program_id=ops["OPS_Routing_Lead-Assignment"]),
        k.campaign(5003, "01 - Legacy Points", program_id=ops["OPS_Scoring_Legacy-Points"]),
        k.campaign(5004, "01 - Call Enrichment", program_id=ops["OPS_Enrichment_Firmographics"]),
        k.campaign(5005, "01 - MQL Alert", program_id=ops["OPS_Alerts_MQL-Alert"], limit=False),
        k.campaign(5006, "01 - Nightly Normalize", program_id=ops["OPS_Data_normalization"], type_="batch"),
    ]
    for c in made:  # as exported on the as-of date: last changed before it
        c["createdAt"], c["updatedAt"] = k.marketo_date("2021-03-01"), k.marketo_date("2021-11-02")
    return made


def users() -> list[dict[str, object]]:
    return [
        k.user("maude@example.com", "Maude", "Bernard", ["Admin"], last_login="2021-11-30"),
        k.user("priya@example.com", "Priya", "Raman", ["Admin", "Marketing User"], last_login="2021-11-29"),  # AUDIT002
        k.user("tomas@example.com", "Tomás", "Álvarez", ["Analytics User"], last_login="2021-11-22"),
        k.user("jordan@example.com", "Jordan", "Lee", ["Marketing User"], last_login="2021-11-30"),
        k.user("aisha@example.com", "Aisha", "Okafor", ["Marketing User"], last_login="2021-07-14"),  # AUDIT001
        k.user("devon@example.com", "Devon", "Price", ["Marketing User"], last_login="2021-09-28"),  # left: AUDIT003
        k.user("agency@partner.example", "Studio", "Partner", ["Marketing User"], last_login="2021-11-10"),  # AUDIT004
        k.user("workato@example.com", "Workato", "Integration", ["API Role"], last_login=None, api_only=True),
    ]


def write(out: Path = OUT) -> list[Path]:
    written = [
        k.write_json(out / "marketo" / "programs.json", k.pages(programs(), size=20)),
        k.write_json(out / "marketo" / "channels.json", k.response([k.channel(*c) for c in CHANNELS])),
        k.write_json(out / "marketo" / "folders.json", k.response(FOLDERS)),
        k.write_json(out / "marketo" / "smart-campaigns.json", k.response(campaigns())),
        k.write_json(out / "marketo" / "users.json", users()),
        k.write_csv(  # a report export: every value quoted, a footer, UTF-8 with a BOM as Salesforce writes it
            out / "salesforce" / "lead-status.csv",
            [
                ["Lead Status", "Sort Order", "Converted", "Default"],
                ["Open - Not Contacted", "1", "0", "1"],
                ["Working - Contacted", "2", "0", "0"],
                ["Nurture", "3", "0", "0"],  # no stage documents it: DRIFT004
                ["Closed - Converted", "4", "1", "0"],
                ["Closed - Not Converted", "5", "0", "0"],
            ],
            encoding="utf-8-sig",
            quote_all=True,
            footer=True,
        ),
        k.write_json(
            out / "hubspot" / "lifecyclestage.json",
            k.hubspot_property(
                "lifecyclestage",
                "Lifecycle Stage",
                [
                    ("Subscriber", "subscriber"),
                    ("Lead", "lead"),
                    ("Marketing Qualified Lead", "marketingqualifiedlead"),
                    ("Sales Qualified Lead", "salesqualifiedlead"),
                    ("Opportunity", "opportunity"),
                    ("Customer", "customer"),
                    ("Evangelist", "evangelist"),
                    ("Other", "other"),
                ],
            ),
        ),
    ]
    return written


if __name__ == "__main__":
    for path in write():
        print(path.relative_to(REPO))
