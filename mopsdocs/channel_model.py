"""Facts about channels shared by the CH rules and the channel pages, computed from the model."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from . import specs
from .naming.catalogue import compile_all
from .naming.explain import field_values
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


_programs: tuple[weakref.ref[Project], dict[str, tuple[str, ...]]] | None = None


def programs_by_channel(project: Project) -> dict[str, tuple[str, ...]]:
    """Channel id -> the ids of the programs that use it (by id), computed once per project.

    A program uses a channel when its `asset_name`, read by a convention that applies to
    operational programs (the conventions of NAME005), has in a field from the channel vocabulary
    the channel's code. A name that does not conform gives no code (NAME005 says why)."""
    global _programs
    if _programs is not None and _programs[0]() is project:
        return _programs[1]
    vocab = project.settings.channel_vocabulary
    readers = [
        (compiled, [name for name, f in compiled.fields.items() if f.kind == "vocabulary" and f.vocabulary == vocab])
        for compiled, _ in compile_all(project).values()
        if compiled is not None and "operational-program" in compiled.applies_to
    ]
    readers = [(compiled, names) for compiled, names in readers if names]
    by_code = channel_by_code(project)
    found: dict[str, set[str]] = {}
    for pid, program in project.programs.items():
        if program.asset_name is None:
            continue
        for compiled, names in readers:
            values = field_values(compiled, program.asset_name) or {}
            for name in names:
                cid = by_code.get(values.get(name, ""))
                if cid is not None:
                    found.setdefault(cid, set()).add(pid)
    out = {cid: tuple(sorted(pids)) for cid, pids in found.items()}
    _programs = (weakref.ref(project), out)
    return out
