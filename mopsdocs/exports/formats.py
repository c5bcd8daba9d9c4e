"""Each export type: how it is recognised from its keys or headers, and how a record is built.

JSON records are recognised by their keys (the API's own names); CSV files by their headers,
compared ignoring case, spaces, `_` and `-` and matched against each field's synonyms (Data
Loader writes API names, reports and Excel the screen's labels). `exports:` entries name the
type, and a field's column, when detection cannot tell.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import model as m
from .values import to_bool, to_date, to_datetime, to_int, to_text

Get = Callable[[str], Any]  # a field's raw value in one record ("" / None when absent)


def normal(header: str) -> str:
    """A header or key as compared: `E-mail Address` and `emailaddress` are the same."""
    return re.sub(r"[\s_\-.]+", "", header.replace("\ufeff", "")).casefold()


@dataclass(frozen=True)
class Format:
    type: str
    system: m.System | None
    key_field: str  # the field whose place a record's `at` points at
    fields: Mapping[str, tuple[str, ...]]  # field -> CSV header synonyms (first: the API name)
    required: tuple[str, ...]  # CSV: fields whose column must be found
    one_of: tuple[str, ...] = ()  # CSV: at least one of these must be found too
    dated: tuple[str, ...] = ()  # fields whose newest date the file reports


def synonyms(*names: str) -> tuple[str, ...]:
    return tuple(normal(n) for n in names)


USERS = Format(
    "marketo-users",
    "marketo",
    "email",
    {
        "email": synonyms("emailAddress", "Email", "Email Address", "E-mail", "E-mail Address", "User Email"),
        "id": synonyms("userid", "User ID", "Login", "Username", "User Name"),
        "first_name": synonyms("firstName", "First Name", "First"),
        "last_name": synonyms("lastName", "Last Name", "Last"),
        "roles": synonyms("accessRoleName", "Roles", "Role", "User Roles", "Role Name", "Access Role"),
        "workspace": synonyms("workspaceName", "Workspace", "Workspaces", "Workspace Name"),
        "api_only": synonyms("apiOnly", "API Only", "API User", "Is API Only"),
        "locked": synonyms("isLocked", "Locked", "Is Locked", "Status"),
        "expires": synonyms("expiresAt", "Expires", "Expires At", "Access Expires", "Expiration Date"),
        "last_login": synonyms(
            "lastLoginAt", "Last Login", "Last Login At", "Last Login Date", "Last Access", "Last Logged In"
        ),
    },
    ("email",),
    ("roles", "last_login", "first_name", "api_only"),
    ("last_login",),
)
LEAD_STATUS = Format(
    "salesforce-lead-status",
    "salesforce",
    "label",
    {
        "label": synonyms("MasterLabel", "Lead Status", "Label", "Status", "Picklist Value", "Value"),
        "api_name": synonyms("ApiName", "API Name"),
        "sort_order": synonyms("SortOrder", "Sort Order", "Order"),
        "converted": synonyms("IsConverted", "Converted", "Is Converted"),
        "default": synonyms("IsDefault", "Default", "Is Default"),
    },
    ("label",),
    ("converted", "sort_order", "api_name"),
)
MEMBER_STATUS = Format(
    "salesforce-member-status",
    "salesforce",
    "label",
    {
        "label": synonyms("Label", "Member Status", "Status"),
        "campaign_id": synonyms("CampaignId", "Campaign ID", "Campaign"),
        "responded": synonyms("HasResponded", "Responded", "Has Responded"),
        "default": synonyms("IsDefault", "Default", "Is Default"),
        "sort_order": synonyms("SortOrder", "Sort Order"),
    },
    ("label", "responded"),
)
SF_CAMPAIGNS = Format(
    "salesforce-campaigns",
    "salesforce",
    "name",
    {
        "name": synonyms("Name", "Campaign Name"),
        "type": synonyms("Type", "Campaign Type"),
        "status": synonyms("Status", "Campaign Status"),
        "active": synonyms("IsActive", "Active", "Is Active"),
        "start_date": synonyms("StartDate", "Start Date"),
    },
    ("name",),
    ("type", "active", "start_date"),
    ("start_date",),
)
NAMES = Format(
    "names",
    None,
    "name",
    {
        "name": synonyms(
            "Name",
            "Program Name",
            "Asset Name",
            "Campaign Name",
            "Email Name",
            "Smart Campaign Name",
            "Landing Page Name",
            "Form Name",
            "utm_campaign",
        ),
    },
    ("name",),
)
CSV_FORMATS: tuple[Format, ...] = (USERS, MEMBER_STATUS, LEAD_STATUS, SF_CAMPAIGNS, NAMES)

# Field names `exports:` entries may map, per type (JSON types read the API's own keys)
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "marketo-programs": ("id", "name", "type", "channel", "status", "folder", "workspace", "createdAt", "updatedAt"),
    "marketo-channels": ("name", "applicableProgramType", "progressionStatuses"),
    "marketo-campaigns": ("name", "type", "isActive", "status", "isCommunicationLimitEnabled", "parentProgramId"),
    "marketo-folders": ("name", "path", "isArchive"),
    "marketo-users": ("emailAddress", "firstName", "lastName", "apiOnly", "isLocked", "lastLoginAt"),
    "hubspot-property": ("name", "options"),
    "hubspot-workflows": ("id", "name", "isEnabled", "flowType", "updatedAt"),
}
JSON_KEY_FIELD = {
    "marketo-programs": "name",
    "marketo-channels": "name",
    "marketo-campaigns": "name",
    "marketo-folders": "name",
    "marketo-users": "emailAddress",
    "hubspot-property": "name",
    "hubspot-workflows": "name",
}
JSON_SYSTEM: dict[str, m.System] = {
    "marketo-programs": "marketo",
    "marketo-channels": "marketo",
    "marketo-campaigns": "marketo",
    "marketo-folders": "marketo",
    "marketo-users": "marketo",
    "hubspot-property": "hubspot",
    "hubspot-workflows": "hubspot",
}


def detect_json(keys: set[str]) -> str | None:
    """The type of JSON records with these keys, or None."""
    if "progressionStatuses" in keys or "applicableProgramType" in keys:
        return "marketo-channels"
    if "emailAddress" in keys and keys & {"userRoleWorkspaces", "userid", "lastLoginAt", "apiOnly"}:
        return "marketo-users"
    if "options" in keys and "name" in keys and keys & {"fieldType", "type", "groupName", "label"}:
        return "hubspot-property"
    if "flowType" in keys or ("isEnabled" in keys and "objectTypeId" in keys):
        return "hubspot-workflows"
    if "enabled" in keys and keys & {"insertedAt", "portalId", "migrationStatus"}:
        return "hubspot-workflows"
    if "isArchive" in keys or ("folderId" in keys and "path" in keys):
        return "marketo-folders"
    if "isActive" in keys and keys & {"parentProgramId", "isRequestable", "isCommunicationLimitEnabled", "isSystem"}:
        return "marketo-campaigns"
    if "channel" in keys and "folder" in keys and "name" in keys:
        return "marketo-programs"
    return None


def columns_of(header: list[str], fmt: Format, mapped: Mapping[str, str]) -> dict[str, int]:
    """field -> column index: the `exports:` entry's mapping first, then the synonyms."""
    index = {normal(h): i for i, h in reversed(list(enumerate(header)))}  # the first of equal headers
    found: dict[str, int] = {}
    for fld, column in mapped.items():
        if normal(column) in index:
            found[fld] = index[normal(column)]
    taken = set(found.values())
    for fld, names in fmt.fields.items():
        if fld in found:
            continue
        for name in names:
            if name in index and index[name] not in taken:
                found[fld] = index[name]
                taken.add(index[name])
                break
    return found


def csv_fits(fmt: Format, found: Mapping[str, int]) -> bool:
    return all(f in found for f in fmt.required) and (not fmt.one_of or any(f in found for f in fmt.one_of))


def detect_csv(header: list[str]) -> Format | None:
    for fmt in CSV_FORMATS:
        if csv_fits(fmt, columns_of(header, fmt, {})):
            return fmt
    return None


# -- building records -------------------------------------------------------------------------


def _few(value: Any) -> str:
    """Text of a field with few distinct values (a type, a channel, a folder): one shared copy
    each, so that 100,000 programs do not hold 100,000 copies of "Event with Webinar"."""
    return sys.intern(to_text(value))


def _folder(value: Any) -> tuple[str, str, str]:
    if isinstance(value, dict):
        return _few(value.get("folderName")), _few(value.get("type")), _few(value.get("value"))
    return _few(value), "", ""


def program(data: Mapping[str, Any], at: m.Where) -> m.PlatformProgram:
    folder_name, folder_type, folder_id = _folder(data.get("folder"))
    kind = _few(data.get("type"))
    return m.PlatformProgram(
        at=at,
        system="marketo",
        id=to_text(data.get("id")),
        name=to_text(data.get("name")),
        type=kind,
        kind=m.MARKETO_PROGRAM_KINDS.get(kind.casefold()),
        channel=_few(data.get("channel")),
        status=_few(data.get("status")),
        folder_name=folder_name,
        folder_type=folder_type,
        folder_id=folder_id,
        workspace=_few(data.get("workspace")),
        created_at=to_datetime(data.get("createdAt")),
        updated_at=to_datetime(data.get("updatedAt")),
    )


def channel(data: Mapping[str, Any], at: m.Where, status_places: list[m.Where]) -> m.PlatformChannel:
    raw = data.get("progressionStatuses")
    statuses = []
    for i, status in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(status, dict):
            continue
        statuses.append(
            m.ChannelStatus(
                at=status_places[i] if i < len(status_places) else at,
                name=to_text(status.get("name")),
                step=to_int(status.get("step")),
                success=bool(to_bool(status.get("success"))),
                hidden=bool(to_bool(status.get("hidden"))),
                description=to_text(status.get("description")),
            )
        )
    word = to_text(data.get("applicableProgramType"))
    return m.PlatformChannel(
        at=at,
        system="marketo",
        id=to_text(data.get("id")),
        name=to_text(data.get("name")),
        program_type=word,
        kind=m.MARKETO_CHANNEL_KINDS.get(word.casefold()),
        statuses=tuple(statuses),
    )


def campaign(data: Mapping[str, Any], at: m.Where) -> m.PlatformCampaign:
    parent = data.get("parentProgramId")
    return m.PlatformCampaign(
        at=at,
        system="marketo",
        id=to_text(data.get("id")),
        name=to_text(data.get("name")),
        type=to_text(data.get("type")).casefold(),
        active=to_bool(data.get("isActive")),
        status=to_text(data.get("status")),
        communication_limit=to_bool(data.get("isCommunicationLimitEnabled")),
        program_id="" if parent in (None, 0, "0") else to_text(parent),
        system_campaign=to_bool(data.get("isSystem")),
        created_at=to_datetime(data.get("createdAt")),
        updated_at=to_datetime(data.get("updatedAt")),
    )


def folder(data: Mapping[str, Any], at: m.Where) -> m.PlatformFolder:
    ident = data.get("folderId", data.get("id"))
    if isinstance(ident, dict):
        ident = ident.get("id")
    workspace = data.get("workspace")
    return m.PlatformFolder(
        at=at,
        system="marketo",
        id=to_text(ident),
        name=to_text(data.get("name")),
        path=to_text(data.get("path")),
        archived=bool(to_bool(data.get("isArchive"))),
        system_folder=to_bool(data.get("isSystem")),
        workspace=to_text(workspace),
    )


def user_json(data: Mapping[str, Any], at: m.Where) -> m.PlatformUser:
    roles = []
    raw = data.get("userRoleWorkspaces")
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict):
            roles.append(m.UserRole(to_text(item.get("accessRoleName")), to_text(item.get("workspaceName"))))
    return m.PlatformUser(
        at=at,
        system="marketo",
        id=to_text(data.get("userid")),
        email=to_text(data.get("emailAddress")),
        first_name=to_text(data.get("firstName")),
        last_name=to_text(data.get("lastName")),
        api_only=bool(to_bool(data.get("apiOnly"))),
        locked=bool(to_bool(data.get("isLocked"))),
        expires_at=to_datetime(data.get("expiresAt")),
        last_login_at=to_datetime(data.get("lastLoginAt")),
        roles=tuple(roles),
        logins_exported="lastLoginAt" in data,
    )


_ROLE_SPLIT = re.compile(r"\s*[;|\n]\s*|\s*,\s*(?=[A-Z])")


def user_csv(get: Get, at: m.Where, logins_exported: bool = True) -> m.PlatformUser:
    workspace = to_text(get("workspace"))
    roles = tuple(m.UserRole(r, workspace) for r in _ROLE_SPLIT.split(to_text(get("roles"))) if r)
    locked = to_text(get("locked"))
    return m.PlatformUser(
        at=at,
        system="marketo",
        id=to_text(get("id")),
        email=to_text(get("email")),
        first_name=to_text(get("first_name")),
        last_name=to_text(get("last_name")),
        api_only=bool(to_bool(get("api_only"))),
        locked=bool(to_bool(locked)) or locked.casefold() == "locked",
        expires_at=to_datetime(get("expires")),
        last_login_at=to_datetime(get("last_login")),
        roles=roles,
        logins_exported=logins_exported,
    )


def lead_status(get: Get, at: m.Where) -> m.LeadStatus:
    return m.LeadStatus(
        at=at,
        system="salesforce",
        label=to_text(get("label")),
        api_name=to_text(get("api_name")),
        sort_order=to_int(get("sort_order")),
        converted=to_bool(get("converted")),
        default=to_bool(get("default")),
    )


def member_status(get: Get, at: m.Where) -> m.MemberStatus:
    return m.MemberStatus(
        at=at,
        system="salesforce",
        campaign_id=to_text(get("campaign_id")),
        label=to_text(get("label")),
        responded=to_bool(get("responded")),
        default=to_bool(get("default")),
        sort_order=to_int(get("sort_order")),
    )


def sf_campaign(get: Get, at: m.Where) -> m.SalesforceCampaign:
    return m.SalesforceCampaign(
        at=at,
        system="salesforce",
        name=to_text(get("name")),
        type=to_text(get("type")),
        status=to_text(get("status")),
        active=to_bool(get("active")),
        start_date=to_date(get("start_date")),
    )


def workflow(data: Mapping[str, Any], at: m.Where) -> m.HubspotWorkflow:
    enabled = data.get("isEnabled", data.get("enabled"))
    return m.HubspotWorkflow(
        at=at,
        system="hubspot",
        id=to_text(data.get("id")),
        name=to_text(data.get("name")),
        enabled=to_bool(enabled),
        flow_type=to_text(data.get("flowType", data.get("type"))),
        updated_at=to_datetime(data.get("updatedAt")),
    )


def prop(data: Mapping[str, Any], at: m.Where, option_places: list[m.Where]) -> m.HubspotProperty:
    options = []
    raw = data.get("options")
    for i, option in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(option, dict):
            options.append(
                m.PropertyOption(
                    at=option_places[i] if i < len(option_places) else at,
                    label=to_text(option.get("label")),
                    value=to_text(option.get("value")),
                    display_order=to_int(option.get("displayOrder")),
                    hidden=bool(to_bool(option.get("hidden"))),
                )
            )
    return m.HubspotProperty(
        at=at,
        system="hubspot",
        name=to_text(data.get("name")),
        label=to_text(data.get("label")),
        options=tuple(options),
    )
