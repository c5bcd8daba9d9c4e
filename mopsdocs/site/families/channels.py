"""Pages `channels/` (every channel) and `channels/<id>/` (its progression and CRM mapping).

The view-models are resolved, plain data: the progression grouped by step, the statuses a person
can switch to on the same step, the CRM status of each, the naming conventions that carry the
channel's code and the programs whose asset name does (`channel_model.programs_by_channel`).
The templates (`channels_index.md.j2`, `channel.md.j2`) only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import specs
from ...channel_model import (
    PROGRAM_TYPE_LABELS,
    channel_vocabulary,
    conventions_using,
    crm_of,
    programs_by_channel,
    step_peers,
    steps,
)
from ...i18n import N_, SOURCE_LANGUAGE
from ...project import Project
from ..context import SiteContext
from ..pages import CHANNELS_INDEX, Page, channel_path, convention_path, program_path

NAV = (N_("Channels"),)


@dataclass(frozen=True)
class ConventionRef:
    name: str
    path: str | None  # its naming page, when the naming family is in the site


@dataclass(frozen=True)
class ProgramRef:
    name: str
    asset_name: str
    path: str | None  # its program page, when the programs family is in the site


@dataclass(frozen=True)
class StatusRow:
    name: str
    step: int
    success: bool
    hidden: bool
    role: str | None
    crm_status: str | None
    responded: bool
    switches_with: tuple[str, ...]  # the other statuses on the same step
    description: str | None


@dataclass(frozen=True)
class StepColumn:
    step: int
    statuses: tuple[StatusRow, ...]


@dataclass(frozen=True)
class ChannelView:
    channel: specs.ChannelSpec
    path: str
    type_label: str
    statuses: tuple[StatusRow, ...]  # in spec order
    progression: tuple[StepColumn, ...]  # by step, left to right
    success_names: tuple[str, ...]
    in_vocabulary: bool  # its code is a code of the channel vocabulary
    vocabulary: str | None  # the channel vocabulary's name, when it exists
    conventions: tuple[ConventionRef, ...]
    programs: tuple[ProgramRef, ...]  # the programs whose asset name carries its code, by name
    source: str
    edit_url: str | None


def pages(project: Project, site: SiteContext) -> list[Page]:
    if not project.channels:
        return []
    views = sorted(
        (view(project, site, cid) for cid in project.channels), key=lambda v: (v.channel.name.casefold(), v.channel.id)
    )
    nav = tuple(site.words.gettext(section) for section in NAV)
    english = site.language == SOURCE_LANGUAGE  # else the platform's findings are marked lang="en"
    out = [
        Page(
            CHANNELS_INDEX,
            site.words.gettext("Channels"),
            "channels_index.md.j2",
            {"channels": views, "vocabulary": project.settings.channel_vocabulary},
            nav=nav,
            order=0,
        )
    ]
    for v in views:
        context = {"ch": v, "spec_path": v.source, "english": english}
        out.append(Page(v.path, v.channel.name, "channel.md.j2", context, nav=nav, order=1))
    return out


def view(project: Project, site: SiteContext, cid: str) -> ChannelView:
    channel = project.channels[cid]
    peers = step_peers(channel)
    rows = []
    for i, status in enumerate(channel.statuses):
        crm = crm_of(status)
        rows.append(
            StatusRow(
                name=status.name,
                step=status.step,
                success=status.success,
                hidden=status.hidden,
                role=status.role,
                crm_status=crm.status if crm else None,
                responded=bool(crm and crm.responded),
                switches_with=peers.get(i, ()),
                description=status.description,
            )
        )
    vocab = channel_vocabulary(project)
    in_vocabulary = vocab is not None and channel.code is not None and any(v.code == channel.code for v in vocab.values)
    conventions = (
        tuple(
            ConventionRef(c.name, convention_path(c.id) if site.has_family("naming") else None)
            for c in conventions_using(project)
        )
        if in_vocabulary
        else ()
    )
    programs = sorted(
        (project.programs[pid] for pid in programs_by_channel(project).get(cid, ())),
        key=lambda p: (p.name.casefold(), p.id),
    )
    source = project.loc(channel).path
    return ChannelView(
        channel=channel,
        path=channel_path(cid),
        type_label=PROGRAM_TYPE_LABELS[channel.program_type],
        statuses=tuple(rows),
        progression=tuple(StepColumn(step, tuple(rows[i] for i in members)) for step, members in steps(channel)),
        success_names=tuple(r.name for r in rows if r.success),
        in_vocabulary=in_vocabulary,
        vocabulary=vocab.name if vocab is not None else None,
        conventions=conventions,
        programs=tuple(
            ProgramRef(p.name, p.asset_name or "", program_path(p.id) if site.has_family("programs") else None)
            for p in programs
        ),
        source=source,
        edit_url=site.edit_url(source),
    )
