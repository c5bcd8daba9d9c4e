"""Channel specs and the channel vocabulary, drafted from a Marketo channels export.

Statuses keep the platform's order, names, steps and success flags; Marketo's own "Not in
Program" (step 0) is left out, as `audit` leaves it out. Event channels get the roles
`registered`, `waitlisted` and `attended` where a status has that name; a role no status
is named for stays open and CH004 says so. The CRM mapping comes from a Salesforce
CampaignMemberStatus export when one is read (statuses sync by name); without it, CH005 asks for
it on the success statuses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .. import specs
from ..exports import MemberStatus, PlatformChannel
from .draft import Draft, Ids, decide, header
from .yaml_text import spec_text

_ROLES = {"registered": "registered", "waitlisted": "waitlisted", "wait listed": "waitlisted", "attended": "attended"}
_EVENT_KINDS = ("event", "event-with-webinar")


def draft_channels(
    channels: Sequence[PlatformChannel],
    member_statuses: Sequence[MemberStatus],
    existing: dict[str, specs.ChannelSpec],
    vocabularies: dict[str, specs.Vocabulary],
    vocabulary_id: str,
) -> tuple[list[Draft], list[str]]:
    """(drafts, what was not drafted and why): one file per channel, and the vocabulary."""
    not_drafted: list[str] = []
    known_names = {c.name.casefold(): cid for cid, c in existing.items()}
    ids = Ids(existing)
    vocabulary = vocabularies.get(vocabulary_id)
    codes = _codes_from(vocabulary) if vocabulary is not None else {}
    used_codes = set(codes.values()) | {c.code for c in existing.values() if c.code}
    drafted: list[tuple[PlatformChannel, str, str | None]] = []
    seen: set[str] = set()
    for channel in channels:
        key = channel.name.casefold()
        if key in known_names:
            not_drafted.append(f"channel '{channel.name}': already specified as '{known_names[key]}'")
            continue
        if key in seen:
            not_drafted.append(f"channel '{channel.name}': listed twice in the exports, drafted once")
            continue
        seen.add(key)
        code = codes.get(channel.name.casefold())
        if vocabulary is None:
            code = _new_code(channel.name, used_codes)
        drafted.append((channel, ids.new(channel.name, "channel"), code))
    responded = _crm_statuses(member_statuses)
    drafts = [_channel_draft(ch, cid, code, responded, vocabulary_id) for ch, cid, code in drafted]
    if vocabulary is None and drafted:
        drafts.append(_vocabulary_draft(drafted, vocabulary_id))
    elif vocabulary is not None:
        for channel, _, code in drafted:
            if code is None:
                not_drafted.append(
                    f"code of channel '{channel.name}': no value of vocabulary '{vocabulary_id}' has that label; "
                    "add one and set the channel's `code`"
                )
    return drafts, not_drafted


def _codes_from(vocabulary: specs.Vocabulary) -> dict[str, str]:
    """Channel name (case-folded) -> code, from the existing vocabulary's labels and aliases."""
    out: dict[str, str] = {}
    for value in vocabulary.values:
        for term in [value.code, value.label or "", *value.aliases]:
            if term:
                out.setdefault(term.casefold(), value.code)
    return out


def _new_code(name: str, used: set[str]) -> str:
    """A short code in the style of published conventions: `Trade Show` -> TS, `Webinar` -> WBN
    (the first letter and the consonants after it), unique with a digit when taken."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    if len(words) >= 2:
        base = "".join(w[0] for w in words[:4]).upper()
    elif words:
        word = words[0].upper()
        base = (word[0] + "".join(c for c in word[1:] if c not in "AEIOU"))[:3]
        if len(base) < 2:
            base = word[:3]
    else:
        base = "CH"
    code, n = base, 2
    while code in used:
        code, n = f"{base}{n}", n + 1
    used.add(code)
    return code


def _crm_statuses(member_statuses: Sequence[MemberStatus]) -> dict[str, tuple[str, bool]]:
    """Member status label (case-folded) -> (label, responded in any campaign)."""
    out: dict[str, tuple[str, bool]] = {}
    for status in member_statuses:
        key = status.label.casefold()
        label, responded = out.get(key, (status.label, False))
        out[key] = (label, responded or bool(status.responded))
    return out


def _channel_draft(
    channel: PlatformChannel, cid: str, code: str | None, crm: dict[str, tuple[str, bool]], vocabulary_id: str
) -> Draft:
    decisions: list[str] = []
    kind: Any = channel.kind
    if kind is None:
        kind = decide("which program type")
        decisions.append(f"program_type: Marketo says '{channel.program_type}', which mopsdocs does not know")
    statuses = [_status(s, kind, crm) for s in channel.statuses if s.step != 0]
    if kind in _EVENT_KINDS:
        missing = sorted(set(_ROLES.values()) - {s.get("role") for s in statuses})
        if missing:
            decisions.append(f"statuses: which status is {' / '.join(missing)} (CH004)")
    if any(s.get("success") and "responded" not in str(s.get("crm")) for s in statuses):
        decisions.append("statuses: the CRM status of each success status (CH005)")
    if any("step" not in s for s in statuses):
        decisions.append("statuses: the step of each status the export gave none")
    if not any(s.get("success") for s in statuses):
        decisions.append("statuses: which status is the program's success (CH001)")
    data = {
        "kind": "channel",
        "id": cid,
        "name": channel.name,
        "code": code,
        "program_type": kind,
        "statuses": statuses,
    }
    return Draft(
        f"channels/{cid}.yaml",
        "channel",
        f"channel '{cid}'",
        spec_text(data, header([channel.at.path], decisions)),
        (channel.at.path,),
        tuple(decisions),
    )


def _status(status: Any, kind: Any, crm: dict[str, tuple[str, bool]]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": status.name}
    if status.step is not None:
        out["step"] = status.step
    role = _ROLES.get(status.name.casefold().strip()) if kind in _EVENT_KINDS else None
    if role is not None:
        out["role"] = role
    if status.success:
        out["success"] = True
    if status.hidden:
        out["hidden"] = True
    mapped = crm.get(status.name.casefold())
    if mapped is not None:
        label, responded = mapped
        out["crm"] = {"status": label, "responded": True} if responded else label
    return out


def _vocabulary_draft(drafted: list[tuple[PlatformChannel, str, str | None]], vocabulary_id: str) -> Draft:
    values = [{"code": code, "label": channel.name} for channel, _, code in drafted if code]
    data = {"kind": "naming", "vocabularies": [{"id": vocabulary_id, "name": "Channel", "values": values}]}
    sources = tuple(dict.fromkeys(channel.at.path for channel, _, _ in drafted))
    return Draft(
        f"naming/{vocabulary_id}-vocabulary.yaml",
        "naming",
        f"vocabulary '{vocabulary_id}'",
        spec_text(data, header(sources, [])),
        sources,
    )
