"""Pages `people/` (teams, roles, people, queues) and `people/<party>/` (everything a party owns).

A party's page answers "what do I own?": every RACI letter it holds in every matrix (linked to
the matrix row), and the lifecycle stages, transitions and programs it owns. A person also
carries what their roles carry, and a team what its roles carry ("via" says where a line comes
from); a person who has left carries only what is still assigned to them by name, which is
exactly what must be handed over. An either-of owner (`owner: [sdr, bdr]`) is owned by each of
its parties, the others named beside it ("or BDR"). A queue (v2) has a page too, marked as a queue:
what records wait in it. The view-models are resolved, plain data; the templates
(`people_index.md.j2`, `party.md.j2`) lay them out and escape them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ... import durations, specs
from ...project import Party, Project
from ...raci.model import WORDS, from_spec
from ..context import SiteContext
from ..nav import SECTION_LIMIT
from ..pages import PEOPLE_INDEX, Page, lifecycle_path, party_path, program_path, raci_path
from .raci import activity_pages, extras_of, row_anchor

NAV = ("People",)
KIND_LABEL = {"team": "Team", "role": "Role", "person": "Person", "queue": "Queue"}
KIND_NAV: dict[str, tuple[str, ...]] = {
    "team": ("People", "Teams"),
    "role": ("People", "Roles"),
    "person": ("People", "Team members"),
    "queue": ("People", "Queues"),
}
SECTIONS = (
    ("A/R", "Accountable and responsible"),
    ("A", "Accountable"),
    ("R", "Responsible"),
    ("C", "Consulted"),
    ("I", "Informed"),
)
CATEGORY_WORDS = {
    "crm-sync": "CRM sync",
    "preference-center": "preference centre",
    "data-normalization": "data normalisation",
}


@dataclass(frozen=True)
class PartyRef:
    id: str
    name: str
    kind: str | None
    path: str | None  # its page, when it has one
    active: bool = True  # False only for a person who has left


@dataclass(frozen=True)
class Duty:
    letter: str
    matrix_id: str
    activity_name: str
    group: str | None
    matrix_name: str
    matrix_path: str | None
    anchor: str  # the activity's row in the matrix
    row_path: str | None  # the page that row is on: the matrix's, or that of its part (a big matrix)
    via: PartyRef | None  # the role (or team) the letter is inherited from; None when direct


@dataclass(frozen=True)
class DutySection:
    letter: str
    title: str
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class Owned:
    name: str
    where: str  # the lifecycle's name, or a program's category and status
    path: str | None
    anchor: str | None
    sla: str | None
    via: PartyRef | None
    shared: tuple[PartyRef, ...] = ()  # an either-of owner's other parties: any one of them owns it


@dataclass(frozen=True)
class IndexRow:
    """A line of the people index: a team (its roles and people), a role (its team and holders),
    or a person (their team and roles)."""

    ref: PartyRef
    team: PartyRef | None
    roles: tuple[PartyRef, ...]
    people: tuple[PartyRef, ...]
    platform: str | None = None  # a queue's platform and its value there
    value: str | None = None


@dataclass(frozen=True)
class PartyView:
    ref: PartyRef
    kind_label: str
    party: Party
    email: str | None
    left_on: str | None
    team: PartyRef | None
    roles: tuple[PartyRef, ...]  # a person's roles; a team's roles
    people: tuple[PartyRef, ...]  # a role's holders; a team's members
    inactive: bool
    inherits: tuple[PartyRef, ...]  # whose letters and ownerships this page includes besides its own
    sections: tuple[DutySection, ...]
    counts: dict[str, int]  # R, A, C, I (A/R counts as both A and R)
    stages: tuple[Owned, ...]
    transitions: tuple[Owned, ...]
    programs: tuple[Owned, ...]
    hand_over: int  # R, A, A/R and ownerships held by name: what a person who left must hand over
    extras: tuple[tuple[str, str], ...]
    source: str
    edit_url: str | None


# --------------------------------------------------------------------------- pages


def pages(project: Project, site: SiteContext) -> list[Page]:
    out = [index_page(project, site)]
    kinds = (list(project.teams), list(project.roles), list(project.people), list(project.queues))
    for kind_order, ids in enumerate(kinds, start=1):
        by_team = kind_order > 1 and len(ids) > SECTION_LIMIT
        for party_id in ids:
            v = view(project, site, party_id)
            nav, order = KIND_NAV[v.ref.kind or "person"], kind_order
            if by_team:  # too many for one section of the navigation: one per team, in spec order
                nav, order = _team_section(project, party_id, nav, kind_order)
            out.append(
                Page(
                    v.ref.path or party_path(party_id),
                    v.party.name,
                    "party.md.j2",
                    {"p": v, "spec_path": v.source},
                    nav=nav,
                    order=order,
                )
            )
    return out


def _team_section(
    project: Project, party_id: str, nav: tuple[str, ...], kind_order: int
) -> tuple[tuple[str, ...], int]:
    teams = list(project.teams)
    team = project.team_of(party_id)
    if team in project.teams:
        return (*nav, project.teams[team].name), kind_order * 10_000 + teams.index(team)
    return (*nav, "No team"), kind_order * 10_000 + len(teams)


def index_page(project: Project, site: SiteContext) -> Page:
    def by_name(rows: list[IndexRow]) -> list[IndexRow]:
        return sorted(rows, key=lambda r: (r.ref.name.casefold(), r.ref.id))

    def refs(ids: list[str]) -> tuple[PartyRef, ...]:
        return tuple(ref(project, site, i) for i in ids)

    teams = [
        IndexRow(ref(project, site, t), None, refs(_team_roles(project, t)), refs(_team_people(project, t)))
        for t in project.teams
    ]
    roles = [
        IndexRow(ref(project, site, r), _team_ref(project, site, r), (), _holders(project, site, r))
        for r in project.roles
    ]
    people = [
        IndexRow(
            ref(project, site, p),
            _team_ref(project, site, p),
            refs([r for r in project.people[p].roles if r in project.roles]),
            (),
        )
        for p in project.people
    ]
    queues = [
        IndexRow(ref(project, site, q.id), _team_ref(project, site, q.id), (), (), q.platform, q.value)
        for q in project.queues.values()
    ]
    context = {"teams": by_name(teams), "roles": by_name(roles), "people": by_name(people), "queues": by_name(queues)}
    return Page(PEOPLE_INDEX, "People", "people_index.md.j2", context, nav=NAV, order=0)


# --------------------------------------------------------------------------- references


def ref(project: Project, site: SiteContext, party_id: str) -> PartyRef:
    party = project.parties.get(party_id)
    if party is None:
        return PartyRef(party_id, party_id, None, None)
    active = not isinstance(party, specs.Person) or project.is_active(party)
    path = party_path(party_id) if site.has_family("people") else None
    return PartyRef(party_id, party.name, project.party_kind(party_id), path, active)


def _team_ref(project: Project, site: SiteContext, party_id: str) -> PartyRef | None:
    team = project.team_of(party_id)
    return ref(project, site, team) if team in project.teams else None


def _team_roles(project: Project, team_id: str) -> list[str]:
    return [r.id for r in project.roles.values() if r.team == team_id]


def _team_people(project: Project, team_id: str) -> list[str]:
    """People holding any role of the team (a person's own team is that of its first role)."""
    roles = set(_team_roles(project, team_id))
    return [p.id for p in project.people.values() if roles.intersection(p.roles)]


def _holders(project: Project, site: SiteContext, role_id: str) -> tuple[PartyRef, ...]:
    return tuple(ref(project, site, p.id) for p in project.people.values() if role_id in p.roles)


def sources(project: Project, party_id: str) -> list[str]:
    """The party itself, then the parties whose letters it inherits: a person's roles (unless the
    person has left), a team's roles."""
    party = project.parties[party_id]
    if isinstance(party, specs.Person):
        inherited = [r for r in party.roles if r in project.roles] if project.is_active(party) else []
    elif isinstance(party, specs.Team):
        inherited = _team_roles(project, party_id)
    else:
        inherited = []
    return [party_id, *dict.fromkeys(inherited)]


# --------------------------------------------------------------------------- the party page


def view(project: Project, site: SiteContext, party_id: str) -> PartyView:
    party = project.parties[party_id]
    me = ref(project, site, party_id)
    who = sources(project, party_id)
    duties = list(_duties(project, site, party_id, who))
    stages, transitions = _lifecycle_ownership(project, site, party_id, who)
    programs = tuple(_programs(project, site, party_id, who))
    direct_work = sum(1 for d in duties if d.via is None and d.letter in ("R", "A", "A/R"))
    direct_work += sum(1 for o in (*stages, *transitions, *programs) if o.via is None)
    kind = project.party_kind(party_id) or "person"
    if isinstance(party, specs.Person):
        roles = tuple(ref(project, site, r) for r in party.roles if r in project.roles)
        people: tuple[PartyRef, ...] = ()
    elif isinstance(party, specs.Team):
        roles = tuple(ref(project, site, r) for r in _team_roles(project, party_id))
        people = tuple(ref(project, site, p) for p in _team_people(project, party_id))
    else:
        roles, people = (), _holders(project, site, party_id)
    return PartyView(
        ref=me,
        kind_label=KIND_LABEL[kind],
        party=party,
        email=getattr(party, "email", None),
        left_on=getattr(party, "left_on", None),
        team=_team_ref(project, site, party_id) if kind != "team" else None,
        roles=roles,
        people=people,
        inactive=not me.active,
        inherits=tuple(ref(project, site, s) for s in who[1:]),
        sections=tuple(
            DutySection(letter, title, tuple(d for d in duties if d.letter == letter))
            for letter, title in SECTIONS
            if any(d.letter == letter for d in duties)
        ),
        counts=_counts(duties),
        stages=stages,
        transitions=transitions,
        programs=programs,
        hand_over=direct_work if not me.active else 0,
        extras=extras_of(party),
        source=project.document_of(party).path,
        edit_url=site.edit_url(project.document_of(party).path),
    )


def _counts(duties: list[Duty]) -> dict[str, int]:
    """Activities per letter, each counted once (a person may hold one through two roles)."""

    def count(*letters: str) -> int:
        return len({(d.matrix_id, d.anchor) for d in duties if d.letter in letters})

    return {"A": count("A", "A/R"), "R": count("R", "A/R"), "C": count("C"), "I": count("I")}


def _via(project: Project, site: SiteContext, party_id: str, source: str) -> PartyRef | None:
    return None if source == party_id else ref(project, site, source)


def _duties(project: Project, site: SiteContext, party_id: str, who: list[str]) -> Iterator[Duty]:
    """Every letter the party (or a party it inherits from) holds, matrix by matrix, in row order."""
    for matrix_id in sorted(project.racis, key=lambda m: (project.racis[m].name.casefold(), m)):
        spec = project.racis[matrix_id]
        path = raci_path(matrix_id) if site.has_family("raci") else None
        matrix = from_spec(project, spec)
        rows_at = activity_pages(matrix) if path else {}
        for row in matrix.grouped_rows():
            for source in who:
                letter = row.assign.get(source)
                if letter in WORDS:
                    yield Duty(
                        letter,
                        matrix_id,
                        row.name,
                        row.group,
                        spec.name,
                        path,
                        row_anchor(row.id),
                        rows_at.get(row.id),
                        _via(project, site, party_id, source),
                    )


def _owned_by(
    project: Project, site: SiteContext, party_id: str, who: list[str], owner: specs.Owner | None
) -> tuple[PartyRef | None, tuple[PartyRef, ...]] | None:
    """Whether the party (or one it inherits from) is among `owner`'s parties: (via, the others of
    an either-of owner); None when it is not."""
    owners = specs.owner_ids(owner)
    source = next((s for s in who if s in owners), None)
    if source is None:
        return None
    return _via(project, site, party_id, source), tuple(ref(project, site, o) for o in owners if o != source)


def _lifecycle_ownership(
    project: Project, site: SiteContext, party_id: str, who: list[str]
) -> tuple[tuple[Owned, ...], tuple[Owned, ...]]:
    stages: list[Owned] = []
    transitions: list[Owned] = []
    cal = project.settings.business_calendar()
    for lc_id in sorted(project.lifecycles, key=lambda x: (project.lifecycles[x].name.casefold(), x)):
        lc = project.lifecycles[lc_id]
        table = project.stages.get(lc_id, {})
        path = lifecycle_path(lc_id) if site.has_family("lifecycle") else None
        for stage in lc.stages:
            owned = _owned_by(project, site, party_id, who, stage.owner)
            if table.get(stage.id) is stage and owned is not None:
                sla = durations.shown(stage.sla, cal)
                stages.append(Owned(stage.name, lc.name, path, f"stage-{stage.id}", sla, *owned))
        for t in lc.transitions:
            owned = _owned_by(project, site, party_id, who, t.owner)
            if owned is not None and t.from_ in table and t.to in table:
                name = f"{table[t.from_].name} → {table[t.to].name}"
                if t.type != "progress":
                    name += f" ({t.type})"
                transitions.append(Owned(name, lc.name, path, f"stage-{t.from_}", durations.shown(t.sla, cal), *owned))
    return tuple(stages), tuple(transitions)


def _programs(project: Project, site: SiteContext, party_id: str, who: list[str]) -> Iterator[Owned]:
    for program_id in sorted(project.programs, key=lambda x: (project.programs[x].name.casefold(), x)):
        program = project.programs[program_id]
        owned = _owned_by(project, site, party_id, who, program.owner)
        if owned is not None:
            path = program_path(program_id) if site.has_family("programs") else None
            category = CATEGORY_WORDS.get(program.category, program.category.replace("-", " "))
            where = f"{category}, {program.status}"
            yield Owned(program.name, where, path, None, None, *owned)
