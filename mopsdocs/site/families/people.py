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
from ...i18n import N_, Words
from ...project import Party, Project
from ...raci.model import WORDS, from_spec
from ...stack_model import TOOL_CATEGORY_WORDS
from ..context import SiteContext
from ..diagram import KIND_LABELS as TRANSITION_WORDS
from ..nav import SECTION_LIMIT
from ..pages import PEOPLE_INDEX, STACK_PAGE, Page, lifecycle_path, party_path, program_path, raci_path
from .raci import activity_pages, extras_of, row_anchor, turnaround

# Words of this module's tables are translated where they are shown (`Words.gettext`).
NAV = (N_("People"),)
KIND_LABEL = {"team": N_("Team"), "role": N_("Role"), "person": N_("Person"), "queue": N_("Queue")}
KIND_NAV: dict[str, tuple[str, ...]] = {
    "team": (N_("People"), N_("Teams")),
    "role": (N_("People"), N_("Roles")),
    "person": (N_("People"), N_("Team members")),
    "queue": (N_("People"), N_("Queues")),
}
SECTIONS = (
    ("A/R", N_("Accountable and responsible")),
    ("A", N_("Accountable")),
    ("R", N_("Responsible")),
    ("C", N_("Consulted")),
    ("I", N_("Informed")),
)
# Program categories and statuses (spec vocabulary) as a party page names them, in lower case
# inside "category, status"; the stack page takes the categories from here too.
CATEGORY_WORDS = {
    "data-normalization": N_("data normalisation"),
    "deduplication": N_("deduplication"),
    "list-import": N_("list import"),
    "lead-scoring": N_("lead scoring"),
    "lifecycle": N_("lifecycle"),
    "routing": N_("routing"),
    "crm-sync": N_("CRM sync"),
    "bounce-management": N_("bounce management"),
    "preference-center": N_("preference centre"),
    "privacy-compliance": N_("privacy compliance"),
    "alerts": N_("alerts"),
    "enrichment": N_("enrichment"),
    "other": N_("other"),
}
STATUS_WORDS = {  # programs' and (v2) martech tools' statuses
    "draft": N_("draft"),
    "active": N_("active"),
    "paused": N_("paused"),
    "retired": N_("retired"),
    "evaluating": N_("evaluating"),
    "sunsetting": N_("sunsetting"),
}


def _word(table: dict[str, str], value: str, words: Words) -> str:
    """A spec value shown as a word of `table`, translated; a value the table lacks as written."""
    return words.gettext(table[value]) if value in table else value


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
    sla: str | None = None  # (v2) the activity's turnaround in words, for its R and A (raci.turnaround)


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
    kind: str  # team, role, person, queue (a party of unknown kind reads as a person)
    kind_label: str  # the kind as a word, in the site's language
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
    tools: tuple[Owned, ...] = ()  # (v2) martech tools it owns, linked to their section of stack/


# --------------------------------------------------------------------------- pages


def pages(project: Project, site: SiteContext) -> list[Page]:
    directory = Directory(project, site)
    words = site.words
    out = [index_page(project, site, directory)]
    kinds = (list(project.teams), list(project.roles), list(project.people), list(project.queues))
    for kind_order, ids in enumerate(kinds, start=1):
        by_team = kind_order > 1 and len(ids) > SECTION_LIMIT
        for party_id in ids:
            v = view(project, site, party_id, directory)
            nav = tuple(words.gettext(title) for title in KIND_NAV[v.ref.kind or "person"])
            order = kind_order
            if by_team:  # too many for one section of the navigation: one per team, in spec order
                nav, order = _team_section(project, party_id, nav, kind_order, words)
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
    project: Project, party_id: str, nav: tuple[str, ...], kind_order: int, words: Words
) -> tuple[tuple[str, ...], int]:
    teams = list(project.teams)
    team = project.team_of(party_id)
    if team in project.teams:
        return (*nav, project.teams[team].name), kind_order * 10_000 + teams.index(team)
    return (*nav, words.gettext("No team")), kind_order * 10_000 + len(teams)


def index_page(project: Project, site: SiteContext, directory: Directory | None = None) -> Page:
    d = directory or Directory(project, site)

    def by_name(rows: list[IndexRow]) -> list[IndexRow]:
        return sorted(rows, key=lambda r: (r.ref.name.casefold(), r.ref.id))

    def refs(ids: list[str]) -> tuple[PartyRef, ...]:
        return tuple(d.ref(i) for i in ids)

    teams = [IndexRow(d.ref(t), None, refs(d.team_roles[t]), refs(d.team_people[t])) for t in project.teams]
    roles = [IndexRow(d.ref(r), d.team_ref(r), (), refs(d.holders[r])) for r in project.roles]
    people = [
        IndexRow(d.ref(p), d.team_ref(p), refs([r for r in project.people[p].roles if r in project.roles]), ())
        for p in project.people
    ]
    queues = [IndexRow(d.ref(q.id), d.team_ref(q.id), (), (), q.platform, q.value) for q in project.queues.values()]
    context = {"teams": by_name(teams), "roles": by_name(roles), "people": by_name(people), "queues": by_name(queues)}
    words = site.words
    nav = tuple(words.gettext(title) for title in NAV)
    return Page(PEOPLE_INDEX, words.gettext("People"), "people_index.md.j2", context, nav=nav, order=0)


# --------------------------------------------------------------------------- references


def ref(project: Project, site: SiteContext, party_id: str) -> PartyRef:
    party = project.parties.get(party_id)
    if party is None:
        return PartyRef(party_id, party_id, None, None)
    active = not isinstance(party, specs.Person) or project.is_active(party)
    path = party_path(party_id) if site.has_family("people") else None
    return PartyRef(party_id, party.name, project.party_kind(party_id), path, active)


def sources(project: Project, party_id: str) -> list[str]:
    """The party itself, then the parties whose letters it inherits: a person's roles (unless the
    person has left), a team's roles."""
    party = project.parties[party_id]
    if isinstance(party, specs.Person):
        inherited = [r for r in party.roles if r in project.roles] if project.is_active(party) else []
    elif isinstance(party, specs.Team):
        inherited = [r.id for r in project.roles.values() if r.team == party_id]
    else:
        inherited = []
    return [party_id, *dict.fromkeys(inherited)]


# --------------------------------------------------------------------------- the whole project, once


@dataclass(frozen=True)
class _Letter:
    """A letter one party holds in one matrix row: what a `Duty` shows, found once per build."""

    position: tuple[int, int]  # (matrix, row): the order of the tables on a party's page
    letter: str
    matrix_id: str
    activity_name: str
    group: str | None
    matrix_name: str
    matrix_path: str | None
    anchor: str
    row_path: str | None
    sla: str | None  # (v2) the activity's turnaround, shown to its R and A


@dataclass(frozen=True)
class _Program:
    spec: specs.ProgramSpec
    owners: tuple[str, ...]
    path: str | None
    where: str


class Directory:
    """What the party pages need from the whole project, worked out once per build: every party's
    reference, letters and programs, who holds which role, the teams' roles and people.

    Each party page then reads only its own entries. (Working them out per page re-resolved every
    matrix and re-sorted every program once per party: 366 times on a 366-party site, most of
    the time the people pages took to generate.)
    """

    def __init__(self, project: Project, site: SiteContext) -> None:
        self.project = project
        self.site = site
        self.words = site.words
        self._refs: dict[str, PartyRef] = {}
        self.team_roles: dict[str, list[str]] = {t: [] for t in project.teams}
        for role in project.roles.values():
            if role.team in self.team_roles:
                self.team_roles[role.team].append(role.id)
        self.holders: dict[str, list[str]] = {r: [] for r in project.roles}
        for person in project.people.values():
            for role_id in dict.fromkeys(person.roles):
                if role_id in self.holders:
                    self.holders[role_id].append(person.id)
        self.team_people: dict[str, list[str]] = {}
        for team, roles in self.team_roles.items():  # a person holding any role of the team, in spec order
            held = {p for r in roles for p in self.holders[r]}
            self.team_people[team] = [p for p in project.people if p in held]
        self.calendar = project.settings.business_calendar()
        self.letters = self._letters()
        self.programs = self._programs()
        self.programs_of: dict[str, list[int]] = {}
        for n, program in enumerate(self.programs):
            for owner in program.owners:
                self.programs_of.setdefault(owner, []).append(n)
        self.lifecycles = sorted(project.lifecycles.values(), key=lambda lc: (lc.name.casefold(), lc.id))

    def ref(self, party_id: str) -> PartyRef:
        found = self._refs.get(party_id)
        if found is None:
            found = self._refs[party_id] = ref(self.project, self.site, party_id)
        return found

    def team_ref(self, party_id: str) -> PartyRef | None:
        team = self.project.team_of(party_id)
        return self.ref(team) if team in self.project.teams else None

    def _letters(self) -> dict[str, list[_Letter]]:
        project, site = self.project, self.site
        out: dict[str, list[_Letter]] = {}
        matrices = sorted(project.racis, key=lambda m: (project.racis[m].name.casefold(), m))
        for m, matrix_id in enumerate(matrices):
            spec = project.racis[matrix_id]
            path = raci_path(matrix_id) if site.has_family("raci") else None
            matrix = from_spec(project, spec)
            rows_at = activity_pages(matrix) if path else {}
            activities = project.activities.get(matrix_id, {})
            for r, row in enumerate(matrix.grouped_rows()):
                activity = activities.get(row.id)
                sla = turnaround(activity.sla, self.calendar, self.words) if activity is not None else None
                for party_id, letter in row.assign.items():
                    if letter in WORDS:
                        out.setdefault(party_id, []).append(
                            _Letter(
                                (m, r),
                                letter,
                                matrix_id,
                                row.name,
                                row.group,
                                spec.name,
                                path,
                                row_anchor(row.id),
                                rows_at.get(row.id),
                                sla if letter in ("R", "A", "A/R") else None,
                            )
                        )
        return out

    def _programs(self) -> list[_Program]:
        project, site = self.project, self.site
        out = []
        for program_id in sorted(project.programs, key=lambda x: (project.programs[x].name.casefold(), x)):
            program = project.programs[program_id]
            path = program_path(program_id) if site.has_family("programs") else None
            category = _word(CATEGORY_WORDS, program.category, self.words)
            where = self.words.gettext(
                "%(category)s, %(status)s", category=category, status=_word(STATUS_WORDS, program.status, self.words)
            )
            out.append(_Program(program, specs.owner_ids(program.owner), path, where))
        return out


# --------------------------------------------------------------------------- the party page


def view(project: Project, site: SiteContext, party_id: str, directory: Directory | None = None) -> PartyView:
    d = directory or Directory(project, site)
    party = project.parties[party_id]
    me = d.ref(party_id)
    who = sources(project, party_id)
    duties = list(_duties(d, party_id, who))
    stages, transitions = _lifecycle_ownership(d, party_id, who)
    programs = tuple(_programs(d, party_id, who))
    tools = tuple(_tools(d, party_id, who))
    direct_work = sum(1 for x in duties if x.via is None and x.letter in ("R", "A", "A/R"))
    direct_work += sum(1 for o in (*stages, *transitions, *programs) if o.via is None)
    kind = project.party_kind(party_id) or "person"
    words = d.words
    if isinstance(party, specs.Person):
        roles = tuple(d.ref(r) for r in party.roles if r in project.roles)
        people: tuple[PartyRef, ...] = ()
    elif isinstance(party, specs.Team):
        roles = tuple(d.ref(r) for r in d.team_roles[party_id])
        people = tuple(d.ref(p) for p in d.team_people[party_id])
    else:
        roles, people = (), tuple(d.ref(p) for p in d.holders.get(party_id, ()))
    return PartyView(
        ref=me,
        kind=kind,
        kind_label=words.gettext(KIND_LABEL[kind]),
        party=party,
        email=getattr(party, "email", None),
        left_on=getattr(party, "left_on", None),
        team=d.team_ref(party_id) if kind != "team" else None,
        roles=roles,
        people=people,
        inactive=not me.active,
        inherits=tuple(d.ref(s) for s in who[1:]),
        sections=tuple(
            DutySection(letter, words.gettext(title), tuple(x for x in duties if x.letter == letter))
            for letter, title in SECTIONS
            if any(x.letter == letter for x in duties)
        ),
        counts=_counts(duties),
        stages=stages,
        transitions=transitions,
        programs=programs,
        hand_over=direct_work if not me.active else 0,
        extras=extras_of(party),
        source=project.document_of(party).path,
        edit_url=site.edit_url(project.document_of(party).path),
        tools=tools,
    )


def _counts(duties: list[Duty]) -> dict[str, int]:
    """Activities per letter, each counted once (a person may hold one through two roles)."""

    def count(*letters: str) -> int:
        return len({(d.matrix_id, d.anchor) for d in duties if d.letter in letters})

    return {"A": count("A", "A/R"), "R": count("R", "A/R"), "C": count("C"), "I": count("I")}


def _via(d: Directory, party_id: str, source: str) -> PartyRef | None:
    return None if source == party_id else d.ref(source)


def _duties(d: Directory, party_id: str, who: list[str]) -> Iterator[Duty]:
    """Every letter the party (or a party it inherits from) holds, matrix by matrix, in row order
    (a row held through two sources: the party's own letter first, then its roles' in order)."""
    held = sorted(
        ((x.position, n, x, source) for n, source in enumerate(who) for x in d.letters.get(source, ())),
        key=lambda item: (item[0], item[1]),
    )
    for _, _, x, source in held:
        yield Duty(
            x.letter,
            x.matrix_id,
            x.activity_name,
            x.group,
            x.matrix_name,
            x.matrix_path,
            x.anchor,
            x.row_path,
            _via(d, party_id, source),
            x.sla,
        )


def _owned_by(
    d: Directory, party_id: str, who: list[str], owner: specs.Owner | None
) -> tuple[PartyRef | None, tuple[PartyRef, ...]] | None:
    """Whether the party (or one it inherits from) is among `owner`'s parties: (via, the others of
    an either-of owner); None when it is not."""
    return _owned_among(d, party_id, who, specs.owner_ids(owner))


def _owned_among(
    d: Directory, party_id: str, who: list[str], owners: tuple[str, ...] | list[str]
) -> tuple[PartyRef | None, tuple[PartyRef, ...]] | None:
    source = next((s for s in who if s in owners), None)
    if source is None:
        return None
    return _via(d, party_id, source), tuple(d.ref(o) for o in owners if o != source)


def _lifecycle_ownership(d: Directory, party_id: str, who: list[str]) -> tuple[tuple[Owned, ...], tuple[Owned, ...]]:
    stages: list[Owned] = []
    transitions: list[Owned] = []
    project, cal, words = d.project, d.calendar, d.words
    for lc in d.lifecycles:
        table = project.stages.get(lc.id, {})
        path = lifecycle_path(lc.id) if d.site.has_family("lifecycle") else None
        for stage in lc.stages:
            owned = _owned_by(d, party_id, who, stage.owner)
            if table.get(stage.id) is stage and owned is not None:
                sla = durations.shown(stage.sla, cal, words)
                stages.append(Owned(stage.name, lc.name, path, f"stage-{stage.id}", sla, *owned))
        for t in lc.transitions:
            owned = _owned_by(d, party_id, who, t.owner)
            if owned is not None and t.from_ in table and t.to in table:
                names = {"source": table[t.from_].name, "target": table[t.to].name}
                if t.type == "progress":
                    name = words.gettext("%(source)s → %(target)s", **names)
                else:
                    kind = _word(TRANSITION_WORDS, t.type, words)
                    name = words.gettext("%(source)s → %(target)s (%(kind)s)", kind=kind, **names)
                sla = durations.shown(t.sla, cal, words)
                transitions.append(Owned(name, lc.name, path, f"stage-{t.from_}", sla, *owned))
    return tuple(stages), tuple(transitions)


def _programs(d: Directory, party_id: str, who: list[str]) -> Iterator[Owned]:
    for n in sorted({n for source in who for n in d.programs_of.get(source, ())}):
        program = d.programs[n]
        owned = _owned_among(d, party_id, who, program.owners)
        if owned is not None:
            yield Owned(program.spec.name, program.where, program.path, None, None, *owned)


def _tools(d: Directory, party_id: str, who: list[str]) -> Iterator[Owned]:
    """(v2) The martech tools the party owns, by name, each linked to its section of the stack page."""
    project = d.project
    path = STACK_PAGE if d.site.has_family("stack") else None
    for tool in sorted(project.tools.values(), key=lambda t: (t.name.casefold(), t.id)):
        owned = _owned_by(d, party_id, who, tool.owner)
        if owned is not None:
            category = _word(TOOL_CATEGORY_WORDS, tool.category, d.words)
            status = _word(STATUS_WORDS, tool.status, d.words)
            where = d.words.gettext("%(category)s, %(status)s", category=category, status=status)
            yield Owned(tool.name, where, path, f"tool-{tool.id}", None, *owned)
