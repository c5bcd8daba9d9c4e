"""Everything one `mopsdocs import` drafts from the exports read, given what the project holds.

Each kind has its module (`channels`, `lifecycles`, `people`, `programs`, `conventions`); this
one only hands each the records and the project's namespaces (so nothing already specified is
drafted again, and no drafted id collides with one in use), and collects the results.
"""

from __future__ import annotations

from pathlib import Path

from ..exports import Exports
from ..project import Project
from ..wording import slug
from .channels import draft_channels
from .conventions import NameGroup, draft_convention
from .draft import Drafted
from .lifecycles import draft_lifecycles
from .people import draft_people
from .programs import draft_programs


def draft_all(
    exports: Exports, project: Project, *, infer_convention: bool = False, convention_id: str | None = None
) -> Drafted:
    out = Drafted()
    if exports.channels:
        drafts, skipped = draft_channels(
            exports.channels,
            exports.member_statuses,
            project.channels,
            project.vocabularies,
            project.settings.channel_vocabulary,
        )
        out.drafts += drafts
        out.not_drafted += skipped
    drafts, skipped = draft_lifecycles(exports.lead_statuses, exports.hubspot_properties, project.lifecycles)
    out.drafts += drafts
    out.not_drafted += skipped
    if exports.users:
        drafts, skipped = draft_people(exports.users, project.people, set(project.parties))
        out.drafts += drafts
        out.not_drafted += skipped
    if exports.programs:
        drafts, skipped = draft_programs(exports.programs, exports.folders, project.programs)
        out.drafts += drafts
        out.not_drafted += skipped
    if infer_convention:
        groups = names_to_infer_from(exports)
        if not groups:
            groups = [NameGroup([], [], None, None)]
        taken = set(project.conventions)
        for group in groups:
            wanted = _convention_id(group, convention_id, several=len(groups) > 1)
            drafts, skipped, notes = draft_convention(group, taken, project.vocabularies, wanted)
            out.drafts += drafts
            out.not_drafted += skipped
            out.notes += notes
    return out


def names_to_infer_from(exports: Exports) -> list[NameGroup]:
    """The names exports' names, one group per asset type their `exports:` entries give (a
    convention governs one kind of asset); without a names export, the programs' names (a
    programs export is a list of asset names too)."""
    groups: dict[tuple[str | None, str | None], NameGroup] = {}
    for name in exports.names:
        group = groups.setdefault((name.asset, name.system), NameGroup([], [], name.asset, name.system))
        group.names.append(name.name)
        if name.at.path not in group.sources:
            group.sources.append(name.at.path)
    if not groups and exports.programs:
        sources = list(dict.fromkeys(p.at.path for p in exports.programs))
        return [NameGroup([p.name for p in exports.programs], sources, "program", exports.programs[0].system)]
    return list(groups.values())


def _convention_id(group: NameGroup, given: str | None, several: bool) -> str:
    if given:
        return f"{given}-{group.asset}" if several and group.asset else given
    if group.asset:
        return group.asset
    return (slug(Path(group.sources[0]).stem) if group.sources else "") or "inferred"


def empty_project(root: Path) -> Project:
    """A project with nothing specified (for `-o DIR` outside any project)."""
    from ..config import Settings

    return Project(root=root, settings=Settings())
