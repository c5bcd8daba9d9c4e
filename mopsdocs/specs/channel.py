"""The `channel` kind: a Marketo channel, its program type and its progression statuses."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from .base import MAPPING_TAG, TEXT_OR_MAPPING, TEXT_TAG, Id, Markdown, Spec, described

ProgramType = Literal["default", "event", "event-with-webinar", "engagement", "email"]
StatusRole = Literal["registered", "waitlisted", "attended"]


class CrmStatus(Spec):
    status: str = described("The CRM campaign-member status it syncs to.")
    responded: bool = described("Whether that CRM status counts as responded.", default=False)


# `crm: Registered` or `crm: {status: Attended, responded: true}`
CrmValue = Annotated[
    Annotated[str, TEXT_TAG] | Annotated[CrmStatus, MAPPING_TAG],
    TEXT_OR_MAPPING,
]


class ChannelStatus(Spec):
    name: str = described("The progression status as the platform names it.")
    step: int = described(
        "Its step as the platform numbers it: a positive whole number; equal steps let people switch "
        "between those statuses."
    )
    role: StatusRole | None = described(
        "registered, waitlisted or attended: what an event program maps to it.", default=None
    )
    success: bool = described("Whether reaching it is the program's success.", default=False)
    hidden: bool = described("Hidden in the platform (kept for history).", default=False)
    crm: CrmValue | None = described("The CRM campaign-member status: its name, or {status, responded}.", default=None)
    description: Markdown | None = described("Markdown.", default=None)


class ChannelSpec(Spec):
    """A Marketo channel: the program type it serves and the statuses members progress through."""

    KIND: ClassVar[str] = "channel"
    kind: Literal["channel"]
    id: Id = described("Unique id of the channel.")
    name: str = described("The channel's name in the platform.")
    code: str | None = described(
        "Its code in the naming vocabulary named by the `channel_vocabulary` setting.", default=None
    )
    program_type: ProgramType = described("default, event, event-with-webinar, engagement or email.", default="default")
    description: Markdown | None = described("Markdown.", default=None)
    statuses: list[ChannelStatus] = described("Progression statuses, in order.")
