"""TEAM001-003: people who left still owning things, roles nobody holds, queues given work."""

from __future__ import annotations

from collections.abc import Iterator

from .. import specs
from ..diagnostics import Diagnostic
from ..project import Project
from .registry import rule


def _inactive(project: Project, party_id: str) -> bool:
    person = project.people.get(party_id)
    return person is not None and not project.is_active(person)


def _owners(owner: specs.Owner | None) -> list[tuple[str, tuple[int, ...]]]:
    """Each party of an `owner` with where it stands under `owner`: () for one, (i,) in a list."""
    if owner is None:
        return []
    return [(owner, ())] if isinstance(owner, str) else [(pid, (i,)) for i, pid in enumerate(owner)]


@rule("TEAM001", "warning", "inactive person is an owner, or R/A/A-R somewhere")
def check_inactive_owners(project: Project) -> Iterator[Diagnostic]:
    """
    A person marked `active: false` (or whose `left_on` date has passed) still owns a stage, a
    transition or a program, or is Responsible or Accountable in a RACI matrix. Work assigned to
    someone who left is work nobody does.

    An either-of owner (`owner: [sdr, maude]`) is reported for each inactive person in it, at that
    item: "any one of these" must not offer someone who left.

    Fix: hand it to a role rather than a person (roles outlive people), or to whoever took over.
    """
    p = project
    for lc in p.lifecycles.values():
        for stage in lc.stages:
            for pid, at in _owners(stage.owner):
                if _inactive(p, pid):
                    yield p.diag(
                        "TEAM001",
                        f"stage '{stage.id}' is owned by '{pid}', who is inactive",
                        stage,
                        "owner",
                        *at,
                        hint="give the stage to a role or an active person",
                    )
        for t in lc.transitions:
            for pid, at in _owners(t.owner):
                if _inactive(p, pid):
                    yield p.diag(
                        "TEAM001",
                        f"transition {t.from_} -> {t.to} is owned by '{pid}', who is inactive",
                        t,
                        "owner",
                        *at,
                        hint="give the transition to a role or an active person",
                    )
    for matrix in p.racis.values():
        for activity in matrix.activities:
            for party, letter in activity.assign.items():
                if letter in ("R", "A", "A/R") and _inactive(p, party):
                    yield p.diag(
                        "TEAM001",
                        f"'{party}' is {letter} for '{activity.id}' but is inactive",
                        activity,
                        "assign",
                        party,
                        hint="assign the letter to a role or an active person",
                    )
    for program in p.programs.values():
        for pid, at in _owners(program.owner):
            if _inactive(p, pid):
                yield p.diag(
                    "TEAM001",
                    f"program '{program.id}' is owned by '{pid}', who is inactive",
                    program,
                    "owner",
                    *at,
                    hint="give the program to a role or an active person",
                )


@rule("TEAM002", "warning", "role with no active person")
def check_empty_roles(project: Project) -> Iterator[Diagnostic]:
    """
    No active person holds this role, so whatever the role owns has nobody behind it.

    Fix: add the role to an active person's `roles`, or remove the role.

    Silent while some person names a role that does not exist (REF001): that is usually the
    holder, misspelt, and the REF001 is the one thing to fix. A person with an error of their own
    (a duplicate id, SPEC005; a malformed `active` or `left_on`; dropped by validation) still
    counts as holding their roles, and while a file is cut short by a YAML error nothing is said.
    """
    if any(r not in project.roles for person in project.people.values() for r in person.roles):
        return
    if project.unparsed_source("person") is not None:  # a file cut short may list the holder
        return
    # every person written, duplicates (SPEC005) included: a second `sam` still holds its roles
    people = [person for _, spec in project.documents if isinstance(spec, specs.TeamSpec) for person in spec.people]
    if any(project.had_error(person, "roles") for person in people):
        return  # a role cut from someone's `roles` may be the one
    held = {
        r
        for person in people
        if project.is_active(person) or project.had_error(person, "active") or project.had_error(person, "left_on")
        for r in person.roles
    }
    for (ns, _), raw in project.ghosts.items():  # a person dropped for another error may hold it
        if ns == "person" and isinstance(raw.get("roles"), list):
            held.update(r for r in raw["roles"] if isinstance(r, str))
    for role in project.roles.values():
        if role.id not in held:
            yield project.diag(
                "TEAM002",
                f"role '{role.id}' has no active person",
                role,
                "id",
                hint=f"add '{role.id}' to an active person's roles",
            )


@rule("TEAM003", "warning", "a queue is R, A or A/R, or owns a program")
def check_queues_doing_work(project: Project) -> Iterator[Diagnostic]:
    """
    A queue (a CRM or MAP queue in `queues:`) holds records while nobody works them: it may own a
    stage or a transition (records wait there), but it does no work. A queue that is R, A or A/R
    in a RACI activity, or owns a program, leaves that work to nobody. Example:
    `specs/raci.yaml:7:29: warning[TEAM003]: queue 'recycle-queue' is R for 'recycling', but a queue does no work`

    Fix: name who works the queue (the role that empties it) instead; say in the queue's
    `description` who that is.
    """
    p = project
    for matrix in p.racis.values():
        for activity in matrix.activities:
            for party, letter in activity.assign.items():
                if letter in ("R", "A", "A/R") and party in p.queues:
                    yield p.diag(
                        "TEAM003",
                        f"queue '{party}' is {letter} for '{activity.id}', but a queue does no work",
                        activity,
                        "assign",
                        party,
                        hint=_who_works(p, party),
                    )
    for pid in sorted(p.programs):
        program = p.programs[pid]
        for party, at in _owners(program.owner):
            if party in p.queues:
                yield p.diag(
                    "TEAM003",
                    f"program '{pid}' is owned by queue '{party}', but a queue does no work",
                    program,
                    "owner",
                    *at,
                    hint=_who_works(p, party),
                )


def _who_works(project: Project, queue_id: str) -> str:
    team = project.queues[queue_id].team
    where = f", e.g. a role of team '{team}'" if team else ""
    return f"name who works the queue instead{where}"
