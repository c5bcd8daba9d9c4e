"""Exports written exactly as the platforms write them, built from their documented formats.

Never real customer data: every record here is made up. Shapes (keys, wrappers, dates, CSV
dialects) follow the platforms' documentation as collected in `shared/domain/platform-exports.md`:
Marketo REST responses (`{"requestId", "success", "result": [...]}`, pages of at most 200, dates
like `2015-11-18T15:25:35Z+0000`), the user service's bare list (dates like
`2020-02-05T01:02:23.000t+0000`), Salesforce Data Loader and report CSVs (report footers, every
value quoted), Excel's dialects (BOM, Windows-1252, semicolons, UTF-16 tab-separated text),
HubSpot v3/v4 JSON.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MARKETO_DATE = "%Y-%m-%dT%H:%M:%SZ+0000"  # the asset API's "Z and an offset"


def marketo_date(day: str, time: str = "15:25:35") -> str:
    return f"{day}T{time}Z+0000"


def user_date(day: str, time: str = "01:02:23") -> str:
    return f"{day}T{time}.000t+0000"  # the user service's lower-case t


def response(results: list[dict[str, Any]], request_id: str = "e42b#14272d07d78") -> dict[str, Any]:
    out: dict[str, Any] = {"success": True, "errors": [], "requestId": request_id, "warnings": []}
    if not results:
        out["warnings"] = ["No assets found for the given search criteria."]
    out["result"] = results
    return out


def pages(results: list[dict[str, Any]], size: int = 200) -> list[dict[str, Any]]:
    """A list of responses, `size` results each (Marketo's maxReturn is 200)."""
    chunks = [results[i : i + size] for i in range(0, len(results), size)] or [[]]
    return [response(chunk, f"{i:04x}#{i:011x}") for i, chunk in enumerate(chunks)]


def program(
    pid: int,
    name: str,
    *,
    type_: str = "Default",
    channel: str = "Webinar",
    status: str = "",
    folder: str = "Programs",
    folder_id: int = 26,
    updated: str = "2026-10-01",
    created: str = "2024-01-15",
) -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "description": "",
        "createdAt": marketo_date(created),
        "updatedAt": marketo_date(updated),
        "url": f"https://app-sj01.marketo.com/#PG{pid}A1",
        "type": type_,
        "channel": channel,
        "folder": {"type": "Folder", "value": folder_id, "folderName": folder},
        "status": status,
        "workspace": "Default",
        "headStart": False,
    }


def channel(cid: int, name: str, program_type: str, statuses: Sequence[tuple[str, int, bool]]) -> dict[str, Any]:
    """`statuses`: (name, step, success); Marketo's own "Not in Program" (step 0) comes first."""
    listed = [{"name": "Not in Program", "step": 0, "description": "", "hidden": False, "success": False}]
    listed += [{"name": n, "step": s, "description": "", "hidden": False, "success": ok} for n, s, ok in statuses]
    return {"id": cid, "name": name, "applicableProgramType": program_type, "progressionStatuses": listed}


def campaign(
    cid: int,
    name: str,
    *,
    program_id: int,
    type_: str = "trigger",
    active: bool = True,
    limit: bool = True,
    updated: str = "2026-10-01",
) -> dict[str, Any]:
    return {
        "id": cid,
        "name": name,
        "description": "",
        "createdAt": marketo_date("2024-01-15"),
        "updatedAt": marketo_date(updated),
        "status": "Active" if active else "Inactive",
        "type": type_,
        "isSystem": False,
        "isActive": active,
        "isRequestable": False,
        "isCommunicationLimitEnabled": limit,
        "recurrence": {"weekdayOnly": False},
        "parentProgramId": program_id,
        "workspace": "Default",
    }


def folder(fid: int, name: str, path: str, *, archive: bool = False, system: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "description": None,
        "createdAt": marketo_date("2020-01-01"),
        "updatedAt": marketo_date("2020-01-01"),
        "folderId": {"id": fid, "type": "Folder"},
        "folderType": "Marketing Folder",
        "parent": {"id": 1, "type": "Folder"},
        "path": path,
        "isArchive": archive,
        "isSystem": system,
        "accessZoneId": 1,
        "workspace": "Default",
        "id": fid,
    }


def user(
    email: str,
    first: str,
    last: str,
    roles: Sequence[str] = ("Marketing User",),
    *,
    last_login: str | None = "2026-11-20",
    api_only: bool = False,
    locked: bool = False,
) -> dict[str, Any]:
    return {
        "userid": email,
        "firstName": first,
        "lastName": last,
        "emailAddress": email,
        "optedIn": False,
        "failedLogins": 0,
        "isLocked": locked,
        "lockedReason": "Admin locked" if locked else None,
        "apiOnly": api_only,
        "userRoleWorkspaces": [
            {"accessRoleId": 100 + i, "accessRoleName": r, "workspaceId": 1, "workspaceName": "Default"}
            for i, r in enumerate(roles)
        ],
        "expiresAt": None,
        "lastLoginAt": user_date(last_login) if last_login else None,
    }


def hubspot_property(name: str, label: str, options: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "type": "enumeration",
        "fieldType": "radio",
        "groupName": "contactinformation",
        "options": [
            {"label": lab, "value": val, "displayOrder": i, "hidden": False} for i, (lab, val) in enumerate(options)
        ],
        "hidden": False,
        "formField": True,
    }


def workflows_v4(flows: Sequence[tuple[str, str, bool]]) -> dict[str, Any]:
    return {
        "results": [
            {
                "id": fid,
                "name": name,
                "uuid": f"00000000-0000-0000-0000-{int(fid):012d}",
                "isEnabled": enabled,
                "flowType": "WORKFLOW",
                "objectTypeId": "0-1",
                "revisionId": "3",
                "createdAt": "2025-03-01T10:00:00.000Z",
                "updatedAt": "2026-09-30T16:45:12.120Z",
            }
            for fid, name, enabled in flows
        ],
        "paging": {},
    }


def write_json(path: Path, data: Any, *, indent: int | None = 2) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=indent, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def csv_text(rows: Sequence[Sequence[str]], *, delimiter: str = ",", quote_all: bool = False, crlf: bool = True) -> str:
    """Rows as CSV: quotes only where needed (Data Loader) or around every value (reports)."""
    end = "\r\n" if crlf else "\n"
    out = []
    for row in rows:
        cells = []
        for cell in row:
            needs = quote_all or any(ch in cell for ch in (delimiter, '"', "\n", "\r"))
            cells.append('"' + cell.replace('"', '""') + '"' if needs else cell)
        out.append(delimiter.join(cells))
    return end.join(out) + end


REPORT_FOOTER = [
    [],
    ["Grand Totals (4 records)"],
    [],
    ["Generated By:  Maude Bernard  12/1/2026, 9:14 AM"],
    ["Example Corp"],
    ["Confidential Information - Do Not Distribute"],
    ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
]


def write_csv(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    quote_all: bool = False,
    footer: bool = False,
    crlf: bool = True,
) -> Path:
    """`encoding`: utf-8, utf-8-sig (BOM), cp1252 (Excel's CSV), utf-16 (BOM + UTF-16 LE, Excel's
    "Unicode text")."""
    text = csv_text([*rows, *(REPORT_FOOTER if footer else [])], delimiter=delimiter, quote_all=quote_all, crlf=crlf)
    path.parent.mkdir(parents=True, exist_ok=True)
    if encoding == "utf-16":
        path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    else:
        path.write_bytes(text.encode(encoding))
    return path


LEAD_STATUS_HEADER = ["ApiName", "MasterLabel", "SortOrder", "IsConverted", "IsDefault"]
LEAD_STATUSES = [
    ["Open - Not Contacted", "Open - Not Contacted", "1", "false", "true"],
    ["Working - Contacted", "Working - Contacted", "2", "false", "false"],
    ["Closed - Converted", "Closed - Converted", "3", "true", "false"],
    ["Closed - Not Converted", "Closed - Not Converted", "4", "false", "false"],
]
