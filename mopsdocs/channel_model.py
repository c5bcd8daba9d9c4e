"""Facts about channels shared by the CH rules and the channel pages, computed from the model."""

from __future__ import annotations

from dataclasses import dataclass

from . import specs
from .project import Project

EVENT_TYPES = ("event", "event-with-webinar")
EVENT_ROLES: tuple[specs.StatusRole, ...] = ("registered", "waitlisted", "attended")
PROGRAM_TYPE_LABELS = {
    "default": "Default",
    "event": "Event",
    "event-with-webinar": "Event with Webinar",
    "engagement": "Engagement",
    "email": "Email",
}


@dataclass(frozen=True)
class Crm:
    status: str
    responded: bool


def crm_of(status: specs.ChannelStatus) -> Crm | None:
    """The CRM campaign-member status a progression status syncs to (a bare name is not responded)."""
    if status.crm is None:
        return None
    if isinstance(status.crm, str):
        return Crm(status.crm, False)
    return Crm(status.crm.status, status.crm.responded)


def is_valid_step(step: int) -> bool:
    """Steps are positive whole numbers (a step that is not whole is the validator's SPEC004)."""
    return step > 0


def step_peers(channel: specs.ChannelSpec) -> dict[int, tuple[str, ...]]:
    """Status index -> the names of the other statuses on the same step (people switch between them)."""
    out: dict[int, tuple[str, ...]] = {}
    for i, status in enumerate(channel.statuses):
        peers = tuple(s.name for j, s in enumerate(channel.statuses) if j != i and s.step == status.step)
        if peers:
            out[i] = peers
    return out


def steps(channel: specs.ChannelSpec) -> list[tuple[int, list[int]]]:
    """The progression left to right: each step with the indexes of its statuses, in spec order."""
    by_step: dict[int, list[int]] = {}
    for i, status in enumerate(channel.statuses):
        by_step.setdefault(status.step, []).append(i)
    return sorted(by_step.items(), key=lambda item: item[0])


def channel_vocabulary(project: Project) -> specs.Vocabulary | None:
    return project.vocabularies.get(project.settings.channel_vocabulary)


def conventions_using(project: Project) -> list[specs.Convention]:
    """Conventions with a field drawing its codes from the channel vocabulary, by id."""
    vocab = project.settings.channel_vocabulary
    return [
        project.conventions[cid]
        for cid in sorted(project.conventions)
        if any(f.vocabulary == vocab for f in project.conventions[cid].fields.values())
    ]


def channel_by_code(project: Project) -> dict[str, str]:
    """Vocabulary code -> the id of the first channel (by id) that carries it."""
    out: dict[str, str] = {}
    for cid in sorted(project.channels):
        code = project.channels[cid].code
        if code is not None:
            out.setdefault(code, cid)
    return out
