"""Operational programs drafted from a Marketo programs export.

The operational ones are those in an operational folder: a folder whose name, or (with a
folders export) a folder on whose path, says "operational" (Marketo's own convention, e.g.
`Marketing Activities/Operational`). Each becomes a `program` spec with its Marketo name as
`asset_name`, `systems: [marketo]` and a status from the platform (`off` is paused, else active).
The category is read from words in the name where they say it plainly ("Bounce" ->
bounce-management); otherwise it is a decision. The owner is always one, and so is the first
review (`reviewed.on`): the draft is what the platform says, not yet what a person has checked.
The owner is written as an empty list (`owner: []`), which `check` reports as SPEC004 "name at
least one party", rather than left out: a program missing a required key is dropped whole by
validation, which would hide the review decision until the owner is filled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .. import specs
from ..exports import PlatformFolder, PlatformProgram
from .draft import Draft, Ids, decide, header
from .yaml_text import spec_text

OPERATIONAL = re.compile(r"operational|\bops\b", re.IGNORECASE)
# Words that name a category plainly, tried in this order (the first match decides).
CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    ("bounce-management", r"bounce"),
    ("deduplication", r"dedup|duplicate|merge"),
    ("data-normalization", r"normali[sz]|data[ -]?quality|cleans|standardi[sz]"),
    ("list-import", r"list[ -]?(import|load|upload)|\bimports?\b"),
    ("lead-scoring", r"scor(e|ing)"),
    ("lifecycle", r"lifecycle|life cycle|funnel|\brcm\b"),
    ("routing", r"routing|assignment|round[ -]?robin"),
    ("crm-sync", r"\bsync|\bcrm\b|sfdc"),
    ("preference-center", r"preference|subscription|unsubscribe"),
    ("privacy-compliance", r"privacy|gdpr|ccpa|consent|compliance|dsar"),
    ("alerts", r"alert|notification|interesting moment"),
    ("enrichment", r"enrich|append"),
)
CATEGORY_QUESTION = "what kind of program (category)"
REVIEW_QUESTION = "the date a person checked this"


def operational(programs: Sequence[PlatformProgram], folders: Sequence[PlatformFolder]) -> list[PlatformProgram]:
    """The programs in an operational folder, in export order."""
    paths = {f.id: f.path for f in folders if f.id}
    out = []
    for program in programs:
        where = f"{program.folder_name} {paths.get(program.folder_id, '')}"
        if OPERATIONAL.search(where):
            out.append(program)
    return out


def category_of(name: str) -> str | None:
    words = re.sub(r"[_|.]+", " ", name).lower()
    for category, pattern in CATEGORY_WORDS:
        if re.search(pattern, words):
            return category
    return None


def draft_programs(
    programs: Sequence[PlatformProgram], folders: Sequence[PlatformFolder], existing: dict[str, specs.ProgramSpec]
) -> tuple[list[Draft], list[str]]:
    documented = {(p.asset_name or "").casefold() for p in existing.values() if p.asset_name}
    ids = Ids(existing)
    drafts: list[Draft] = []
    not_drafted: list[str] = []
    chosen = operational(programs, folders)
    if programs and not chosen:
        not_drafted.append(
            f"programs: none of the {len(programs)} programs is in an operational folder "
            "(a folder named or under 'Operational')"
        )
    for program in chosen:
        if program.name.casefold() in documented:
            not_drafted.append(f"program '{program.name}': already documented (asset_name)")
            continue
        documented.add(program.name.casefold())
        drafts.append(_program(program, ids.new(program.name, "program")))
    return drafts, not_drafted


def _program(program: PlatformProgram, pid: str) -> Draft:
    category = category_of(program.name)
    decisions = ["owner: who owns the program"]
    if category is None:
        decisions.append("category: what kind of operational program it is")
    decisions.append("reviewed.on: the date a person checked the draft against Marketo")
    data: dict[str, Any] = {
        "kind": "program",
        "id": pid,
        "name": re.sub(r"[_|]+", " ", program.name).strip() or program.name,
        "asset_name": program.name,
        "category": category or decide(CATEGORY_QUESTION),
        "status": "paused" if program.active is False else "active",
        "owner": [],
        "systems": [program.system],
        "reviewed": {"on": decide(REVIEW_QUESTION)},
    }
    return Draft(
        f"programs/{pid}.yaml",
        "program",
        f"program '{pid}'",
        spec_text(data, header([program.at.path], decisions)),
        (program.at.path,),
        tuple(decisions),
    )
