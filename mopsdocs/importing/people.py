"""People (id, name, email) drafted from a users export.

API-only users are integrations, not people: they are left out and counted. A person already in
the team specs (same email, case-insensitive) is not drafted again. Locked users are drafted
inactive (`active: false`): a locked login is most often someone who left. Which of the team's
roles each person holds is a decision: `roles` is left out, so `check` asks for it (SPEC003);
the roles they hold in the platform are kept beside it as `x-platform-roles`, to decide from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .. import specs
from ..exports import PlatformUser
from .draft import Draft, Ids, header
from .yaml_text import spec_text

_EMAIL = re.compile(specs.EMAIL_PATTERN)


def draft_people(
    users: Sequence[PlatformUser], existing_people: dict[str, specs.Person], taken_ids: set[str]
) -> tuple[list[Draft], list[str]]:
    known = {p.email.casefold() for p in existing_people.values() if p.email}
    ids = Ids(taken_ids)
    people: list[dict[str, Any]] = []
    not_drafted: list[str] = []
    api_only = 0
    by_system: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, list[str]] = {}
    for user in users:
        email = user.email.strip()
        if user.api_only:
            api_only += 1
            continue
        if email and email.casefold() in known:
            not_drafted.append(f"user {email}: already a person in the team specs")
            continue
        if email:
            known.add(email.casefold())
        local = email.split("@", 1)[0] if email else user.id
        person: dict[str, Any] = {"id": ids.new(local or user.name, "person"), "name": user.name or email or user.id}
        if _EMAIL.match(email):
            person["email"] = email
        if user.locked:
            person["active"] = False
        if user.role_names:
            person["x-platform-roles"] = list(user.role_names)
        people.append(person)
        by_system.setdefault(user.system, []).append(person)
        sources.setdefault(user.system, [])
        if user.at.path not in sources[user.system]:
            sources[user.system].append(user.at.path)
    if api_only:
        not_drafted.append(f"{api_only} API-only user(s): integrations, not people")
    drafts = []
    for system, drafted in by_system.items():
        counted = "1 person" if len(drafted) == 1 else f"{len(drafted)} people"
        decisions = [f"roles of each of the {counted}: which team roles they hold"]
        data = {"kind": "team", "people": drafted}
        drafts.append(
            Draft(
                f"team/{system}-users.yaml",
                "team",
                counted,
                spec_text(data, header(sources[system], decisions)),
                tuple(sources[system]),
                tuple(decisions),
            )
        )
    return drafts, not_drafted
