"""The `team` kind: teams, roles, people and (v2) queues, the parties every other kind refers to."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import Date, Email, Id, Markdown, Spec, described


class Team(Spec):
    id: Id = described("Unique id of the team (a party).")
    name: str = described("Human title.")
    description: Markdown | None = described("What the team does (Markdown).", default=None)


class Role(Spec):
    id: Id = described("Unique id of the role (a party).")
    name: str = described("Human title.")
    team: Id | None = described("The team this role belongs to.", default=None)
    description: Markdown | None = described("What the role does (Markdown).", default=None)


class Person(Spec):
    id: Id = described("Unique id of the person (a party).")
    name: str = described("Display name.")
    email: Email | None = described("E-mail address.", default=None)
    roles: list[Id] = described("Roles this person holds; the first gives the person's team.")
    active: bool = described("False once the person has left.", default=True)
    left_on: Date | None = described("Date the person left (also makes them inactive).", default=None)
    description: Markdown | None = described("Notes (Markdown).", default=None)


class Queue(Spec):
    id: Id = described("Unique id of the queue (a party): a CRM or MAP queue that holds records.")
    name: str = described("Human title.")
    team: Id | None = described("The team whose lane the queue is drawn in.", default=None)
    platform: str | None = described("The platform the queue lives in (salesforce, marketo, ...).", default=None)
    value: str | None = described("Its name or value in the platform.", default=None)
    description: Markdown | None = described("What the queue holds and who works it (Markdown).", default=None)


class TeamSpec(Spec):
    """Teams, roles, people and queues: the parties every other spec refers to."""

    KIND: ClassVar[str] = "team"
    kind: Literal["team"]
    teams: list[Team] = described("Teams.", default_factory=list)
    roles: list[Role] = described("Roles.", default_factory=list)
    people: list[Person] = described("People.", default_factory=list)
    queues: list[Queue] = described("Queues that hold records while nobody works them.", default_factory=list)
