"""The exports of a made-up instance, as its platforms write them (through `tests/exports/exportkit`).

One Marketo instance (channels, programs in pages with an operational folder, folders, users from
the user service with an API user and a locked one), its Salesforce org (LeadStatus from Data
Loader, CampaignMemberStatus from a report with its footer, saved by Excel as Windows-1252), a
HubSpot portal's lifecycle stage property, and a list of program names.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exports"))

import exportkit as k

CHANNELS = [
    k.channel(
        1,
        "Webinar",
        "webinar",
        [("Invited", 10, False), ("Registered", 20, False), ("Waitlisted", 20, False), ("No Show", 30, False)]
        + [("Attended", 30, True), ("Attended On-demand", 40, True)],
    ),
    k.channel(
        2, "Trade Show", "event", [("Registered", 10, False), ("On Waitlist", 10, False), ("Visited Booth", 20, True)]
    ),
    k.channel(3, "Email Blast", "email", [("Sent", 10, False), ("Clicked", 20, True)]),
    k.channel(4, "Content Syndication", "program", [("Lead Received", 10, False), ("Downloaded", 20, True)]),
]
FOLDERS = [
    k.folder(11, "Programs", "/Marketing Activities/Programs"),
    k.folder(12, "Operational", "/Marketing Activities/Operational"),
    k.folder(13, "Data", "/Marketing Activities/Operational/Data"),
    k.folder(14, "Archive", "/Marketing Activities/Archive", archive=True),
]
PROGRAMS = [
    k.program(1001, "2026-03_WBN_NA_Peak-Capacity", type_="Event with Webinar", folder="Programs", folder_id=11),
    k.program(1002, "OPS_Email_Bounce-Management", folder="Operational", folder_id=12, channel="Operational"),
    k.program(1003, "OPS_Data_Normalization", folder="Data", folder_id=13, channel="Operational"),
    k.program(1004, "OPS_Consent_Preference-Center", folder="Operational", folder_id=12, channel="Operational"),
    k.program(1005, "OPS_Web_Form-Handler", folder="Operational", folder_id=12, channel="Operational"),
    k.program(
        1006,
        "2025-11_EM_Newsletter",
        type_="Email",
        channel="Email Blast",
        folder="Programs",
        folder_id=11,
        status="unlocked",
    ),
]
USERS = [
    k.user("maude.bernard@example.com", "Maude", "Bernard", ["Admin"]),
    k.user("devon.okafor@example.com", "Devon", "Okafor", ["Marketing User", "Analytics"]),
    k.user("lena.park@example.com", "Lena", "Park", ["Marketing User"], locked=True, last_login="2025-01-10"),
    k.user("sync@example.com", "Salesforce", "Sync", ["API Only"], api_only=True, last_login=None),
]
MEMBER_STATUSES = [
    ["Campaign ID", "Member Status", "Responded", "Default"],
    ["7013000000AbCdE", "Registered", "0", "1"],
    ["7013000000AbCdE", "Attended", "1", "0"],
    ["7013000000AbCdE", "Attended On-demand", "1", "0"],
    ["7013000000XyZwV", "Visited Booth", "1", "0"],
    ["7013000000XyZwV", "Clicked", "1", "0"],
]
HUBSPOT_STAGES = [
    ("Subscriber", "subscriber"),
    ("Lead", "lead"),
    ("Marketing Qualified Lead", "marketingqualifiedlead"),
    ("Sales Qualified Lead", "salesqualifiedlead"),
    ("Opportunity", "opportunity"),
    ("Customer", "customer"),
    ("Evangelist", "evangelist"),
]


def write_instance(folder: Path, *, hubspot: bool = True) -> Path:
    """Every export of the instance under `folder` (file names say nothing: content decides)."""
    k.write_json(folder / "marketo" / "channels.json", k.response(CHANNELS))
    k.write_json(folder / "marketo" / "programs.json", k.pages(PROGRAMS, size=4))
    k.write_json(folder / "marketo" / "folders.json", k.response(FOLDERS))
    k.write_json(folder / "marketo" / "users.json", USERS)
    k.write_csv(folder / "salesforce" / "lead-status.csv", [k.LEAD_STATUS_HEADER, *k.LEAD_STATUSES])
    k.write_csv(
        folder / "salesforce" / "member-status.csv", MEMBER_STATUSES, encoding="cp1252", quote_all=True, footer=True
    )
    if hubspot:
        stages = k.hubspot_property("lifecyclestage", "Lifecycle Stage", HUBSPOT_STAGES)
        k.write_json(folder / "hubspot" / "lifecyclestage.json", stages)
    return folder


def write_names(path: Path, names: list[str]) -> Path:
    k.write_csv(path, [["Name"], *([n] for n in names)])
    return path
