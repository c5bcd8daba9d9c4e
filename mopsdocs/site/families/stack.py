"""Page `stack/`: the integration map, the renewal calendar, yearly cost by category, the tools.

The playbook's stack review on one page: what renews when and whether its decision is made
(`stack_model.facts`, the same facts STACK001 reads), what each category costs a year (a bar
chart per currency, with its table), who owns what, and every integration. The map is Graphviz
DOT built here (tools grouped by category, edges labelled by `via` and objects) and drawn by the
site's diagram service (cached, dot or graphviz-pure); the chart is `mopsdocs.charts.bars`.
The template (`stack.md.j2`) lays the view-model out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ... import durations, specs
from ...charts import base as chart
from ...charts.bars import Bar, Row, bar_chart
from ...i18n import ENGLISH, N_, Words
from ...project import Project
from ...stack_model import STATUSES, TOOL_CATEGORY_WORDS, CurrencyCosts, Renewal, facts, via_tool, yearly_cost
from ..context import SiteContext
from ..diagram import quote, wrap
from ..pages import STACK_PAGE, Page, program_path
from .people import CATEGORY_WORDS as PROGRAM_CATEGORY_WORDS
from .people import PartyRef, ref
from .raci import extras_of

# Words of this module's tables are translated where they are shown (`Words.gettext`).
MAP_TITLE = N_("Integration map")
# The tool categories in words (the contract's order), marked for the catalogs where they are defined
CATEGORY_WORDS = TOOL_CATEGORY_WORDS
STATUS_WORDS = {
    "active": N_("Active"),
    "sunsetting": N_("Sunsetting"),
    "evaluating": N_("Evaluating"),
    "retired": N_("Retired"),
}
# a tool's status inside the map's boxes and after a program's name: lower case, in brackets
STATUS_NOTES = {
    "active": N_("(active)"),
    "sunsetting": N_("(sunsetting)"),
    "evaluating": N_("(evaluating)"),
    "retired": N_("(retired)"),
}
PROGRAM_STATUS_WORDS = {"draft": N_("draft"), "active": N_("active"), "paused": N_("paused"), "retired": N_("retired")}
VIA_WORDS = {"native": N_("native"), "api": N_("API"), "file": N_("file")}
DECISION_WORDS = {
    "renew": N_("renew"),
    "renegotiate": N_("renegotiate"),
    "replace": N_("replace"),
    "cut": N_("cut"),
}
# a cost as written in the spec, in words: what it is paid per
PER_WORDS = {
    "year": N_("%(amount)s per year"),
    "quarter": N_("%(amount)s per quarter"),
    "month": N_("%(amount)s per month"),
    "seat-year": N_("%(amount)s per seat-year"),
    "seat-month": N_("%(amount)s per seat-month"),
}


def _word(table: dict[str, str], value: str, words: Words) -> str:
    """A spec value as a word of `table`, translated; a value the table lacks as written."""
    return words.gettext(table[value]) if value in table else value


def _duration(value: str | None, words: Words) -> str | None:
    """A notice or review window ("90d") in words ("90 jours"); as written on English pages,
    which always showed the spec's own notation."""
    if value is None or words.code == ENGLISH.code:
        return value
    return durations.describe(value, None, words)


def tool_anchor(tool_id: str) -> str:
    """The section of a tool on the stack page: `tool-<id>` (ids are anchor-safe)."""
    return f"tool-{tool_id}"


def money(amount: float, currency: str, words: Words = ENGLISH) -> str:
    """`60,000 USD` (`60 000 USD` in French); cents only when there are some (`588.50 USD`)."""
    if words.code == ENGLISH.code:  # the chart library's own grouping: what English pages always showed
        return f"{chart.number(amount, 0 if float(amount).is_integer() else 2)} {currency}"
    from babel.numbers import format_decimal

    pattern = "#,##0" if float(amount).is_integer() else "#,##0.00"
    return f"{format_decimal(amount, format=pattern, locale=words.code)} {currency}"


@dataclass(frozen=True)
class ToolRef:
    id: str
    name: str
    anchor: str | None  # its section on the stack page; None for an unknown id


@dataclass(frozen=True)
class RenewalView:
    tool: ToolRef
    renews_on: str
    decide_by: str
    window_opens: str
    due: bool  # STACK001
    stage: str  # ahead, missed, past
    reviewed_on: str | None
    reviewed_in_window: bool
    decision: str | None  # in words


@dataclass(frozen=True)
class IntegrationView:
    source: ToolRef
    target: ToolRef
    via: str  # native, API, file, or the tool's name
    via_tool: ToolRef | None
    objects: tuple[str, ...]
    both_ways: bool
    every: str | None
    automates: tuple[str, ...]
    owner: PartyRef | tuple[PartyRef, ...] | None
    description: str | None


@dataclass(frozen=True)
class ToolView:
    tool: specs.Tool
    ref: ToolRef
    stack: str  # the stack's name
    category: str  # in words
    status: str  # in words
    owner: PartyRef | tuple[PartyRef, ...] | None
    cost: str | None  # as written: "150 USD per seat-month"
    yearly: str | None  # "72,000 USD"; None without a cost or per seat without seats
    renewal: RenewalView | None
    notice: str | None
    reviewed_by: PartyRef | None
    review_decision: str | None  # the last review's decision, in words
    integrations: tuple[IntegrationView, ...]  # where it is an end or the `via`
    extras: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MonthView:
    label: str  # "2026-12"
    renewals: tuple[RenewalView, ...]
    deadlines: tuple[RenewalView, ...]


@dataclass(frozen=True)
class CostView:
    currency: str
    figure: Markup  # the chart and its table
    total: str


@dataclass(frozen=True)
class Overlap:
    category: str  # in words
    tools: tuple[ToolRef, ...]  # active, not `overlap_ok` (STACK003)


@dataclass(frozen=True)
class ProgramRef:
    name: str
    status: str
    status_word: str  # the status in words
    path: str | None  # its page, when the programs family is in the site


@dataclass(frozen=True)
class Automation:
    category: str  # the program category, in words
    integrations: tuple[IntegrationView, ...]
    programs: tuple[ProgramRef, ...]  # the project's programs of that category, by name


@dataclass(frozen=True)
class OwnerRow:
    owner: PartyRef
    tools: tuple[ToolRef, ...]


# --------------------------------------------------------------------------- the page


def pages(project: Project, site: SiteContext) -> list[Page]:
    if not project.stacks:
        return []
    found = facts(project)
    words = site.words
    tools = {tid: _tool_ref(project, tid) for tid in project.tools}
    renewals = {tid: _renewal_view(project, tools, r, words) for tid, r in found.renewals.items()}
    integrations = tuple(_integration_view(project, site, tools, i) for i in project.integrations)
    views = [_tool_view(project, site, tools, renewals, integrations, tid) for tid in _tool_order(project)]
    dot = integration_dot(project, lambda tid: f"#{tool_anchor(tid)}", words)
    diagram = None
    if site.render_svg is not None and project.integrations:
        # Graphviz SVG of escaped DOT; braces disarmed like every spec value (plugins may run the
        # page as a template: a tool named "{{ x }}" must stay text)
        svg = site.svg(dot).replace("{", "&#123;").replace("}", "&#125;")
        diagram = Markup(svg)  # noqa: S704
    first = next(iter(project.stacks.values()))
    context = {
        "stacks": [project.stacks[s] for s in sorted(project.stacks)],
        "tools": views,
        "integrations": integrations,
        "diagram": diagram,
        "renderer": site.renderer_name,
        "map": {  # the figure's caption: the tools drawn (those in an integration) and the integrations
            "tools": len({t for i in project.integrations for t in (i.from_, i.to, via_tool(i)) if t in project.tools}),
            "integrations": len(integrations),
        },
        "due": [
            renewals[t] for t in sorted(renewals, key=lambda t: (found.renewals[t].decide_by, t)) if renewals[t].due
        ],
        "calendar": [
            MonthView(m.month.strftime("%Y-%m"), _views(renewals, m.renewals), _views(renewals, m.deadlines))
            for m in found.calendar
        ],
        "window": _duration(project.settings.stack_review_window, words),
        "costs": [_cost_view(c, words) for c in found.costs],
        "cost_unknown": [tools[t] for t in found.cost_unknown],
        "owners": _owner_rows(project, site, tools, found.by_owner),
        "overlaps": [
            Overlap(_word(CATEGORY_WORDS, c, words), tuple(tools[t] for t in ids)) for c, ids in found.overlaps.items()
        ],
        "automation": [
            _automation(project, site, c, [integrations[n] for n in ns]) for c, ns in found.automates.items()
        ],
        "as_of": project.today().isoformat(),
        "spec_path": project.loc(first).path,
    }
    title = first.name if len(project.stacks) == 1 else words.gettext("Martech stack")
    return [Page(STACK_PAGE, title, "stack.md.j2", context, order=0)]


def _tool_order(project: Project) -> list[str]:
    """By category (the contract's order), then name: the order of the map's clusters."""
    order = {c: i for i, c in enumerate(CATEGORY_WORDS)}
    return sorted(
        project.tools,
        key=lambda t: (order[project.tools[t].category], project.tools[t].name.casefold(), t),
    )


def _tool_ref(project: Project, tool_id: str | None) -> ToolRef:
    tool = project.tools.get(tool_id or "")
    if tool is None:
        return ToolRef(tool_id or "", tool_id or "", None)
    return ToolRef(tool.id, tool.name, tool_anchor(tool.id))


def _owner(project: Project, site: SiteContext, owner: specs.Owner | None) -> PartyRef | tuple[PartyRef, ...] | None:
    if owner is None:
        return None
    if isinstance(owner, str):
        return ref(project, site, owner)
    return tuple(ref(project, site, o) for o in owner)


def _renewal_view(project: Project, tools: dict[str, ToolRef], r: Renewal, words: Words) -> RenewalView:
    reviewed = project.tools[r.tool_id].reviewed
    return RenewalView(
        tool=tools[r.tool_id],
        renews_on=r.renews_on.isoformat(),
        decide_by=r.decide_by.isoformat(),
        window_opens=r.window_opens.isoformat(),
        due=r.due,
        stage=r.stage,
        reviewed_on=r.reviewed_on.isoformat() if r.reviewed_on else None,
        reviewed_in_window=r.reviewed_in_window,
        decision=_word(DECISION_WORDS, reviewed.decision, words) if reviewed and reviewed.decision else None,
    )


def _views(renewals: dict[str, RenewalView], items: tuple[Renewal, ...]) -> tuple[RenewalView, ...]:
    return tuple(renewals[r.tool_id] for r in items)


def _integration_view(
    project: Project, site: SiteContext, tools: dict[str, ToolRef], i: specs.Integration
) -> IntegrationView:
    through = via_tool(i)
    via_ref = tools.get(through, _tool_ref(project, through)) if through else None
    return IntegrationView(
        source=tools.get(i.from_, _tool_ref(project, i.from_)),
        target=tools.get(i.to, _tool_ref(project, i.to)),
        via=via_ref.name if via_ref else _word(VIA_WORDS, i.via, site.words),
        via_tool=via_ref,
        objects=tuple(i.objects),
        both_ways=i.direction == "both",
        every=i.every,
        automates=tuple(i.automates),
        owner=_owner(project, site, i.owner),
        description=i.description,
    )


def _tool_view(
    project: Project,
    site: SiteContext,
    tools: dict[str, ToolRef],
    renewals: dict[str, RenewalView],
    integrations: tuple[IntegrationView, ...],
    tid: str,
) -> ToolView:
    tool = project.tools[tid]
    amount = yearly_cost(tool)
    stack = next((s.name for s in project.stacks.values() if any(t is tool for t in s.tools)), "")
    reviewer = tool.reviewed.by if tool.reviewed is not None else None
    decided = tool.reviewed.decision if tool.reviewed is not None else None
    words = site.words
    cost = None
    if tool.cost is not None:
        shown = money(tool.cost.amount, tool.cost.currency, words)
        cost = words.gettext(PER_WORDS[tool.cost.per], amount=shown) if tool.cost.per in PER_WORDS else shown
    return ToolView(
        tool=tool,
        ref=tools[tid],
        stack=stack,
        category=_word(CATEGORY_WORDS, tool.category, words),
        status=_word(STATUS_WORDS, tool.status, words),
        owner=_owner(project, site, tool.owner),
        cost=cost,
        yearly=money(amount, tool.cost.currency, words) if tool.cost is not None and amount is not None else None,
        renewal=renewals.get(tid),
        notice=_duration(tool.contract.notice, words) if tool.contract is not None else None,
        reviewed_by=ref(project, site, reviewer) if reviewer else None,
        review_decision=_word(DECISION_WORDS, decided, words) if decided else None,
        integrations=tuple(
            i for i in integrations if tid in (i.source.id, i.target.id, i.via_tool.id if i.via_tool else None)
        ),
        extras=extras_of(tool),
    )


def _owner_rows(
    project: Project, site: SiteContext, tools: dict[str, ToolRef], by_owner: dict[str, tuple[str, ...]]
) -> list[OwnerRow]:
    rows = [
        OwnerRow(ref(project, site, p), tuple(sorted((tools[t] for t in ids), key=lambda r: (r.name.casefold(), r.id))))
        for p, ids in by_owner.items()
    ]
    return sorted(rows, key=lambda r: (r.owner.name.casefold(), r.owner.id))


def _automation(project: Project, site: SiteContext, category: str, integrations: list[IntegrationView]) -> Automation:
    programs = sorted(
        (p for p in project.programs.values() if p.category == category), key=lambda p: (p.name.casefold(), p.id)
    )
    words = site.words
    name = (
        words.gettext(PROGRAM_CATEGORY_WORDS[category])
        if category in PROGRAM_CATEGORY_WORDS
        else category.replace("-", " ")
    )
    return Automation(
        name[:1].upper() + name[1:],
        tuple(integrations),
        tuple(
            ProgramRef(
                p.name,
                p.status,
                _word(PROGRAM_STATUS_WORDS, p.status, words),
                program_path(p.id) if site.has_family("programs") else None,
            )
            for p in programs
        ),
    )


# --------------------------------------------------------------------------- the cost chart


def _cost_view(costs: CurrencyCosts, words: Words = ENGLISH) -> CostView:
    """One chart per currency (amounts in different currencies are never on one scale)."""
    statuses = [s for s in STATUSES if any(dict(c.by_status).get(s) for c in costs.categories)]
    rows = []
    table = []

    def amount(value: float) -> str:
        return money(value, costs.currency, words)

    for c in costs.categories:
        amounts = dict(c.by_status)
        category = _word(CATEGORY_WORDS, c.category, words)
        bars = tuple(Bar(amounts[s], amount(amounts[s])) if s in amounts else None for s in statuses)
        rows.append(Row(category, bars))
        cells = [amount(amounts[s]) if s in amounts else "–" for s in statuses]
        table.append([category, *cells, *([amount(c.total)] if len(statuses) > 1 else [])])
    series = [_word(STATUS_WORDS, s, words) for s in statuses] if len(statuses) > 1 else []
    title = words.gettext("Yearly cost by category, %(currency)s", currency=costs.currency)
    total = amount(costs.total)
    if series:
        desc = words.gettext(
            "Horizontal bars, one row per tool category, one bar per tool status; the total is %(total)s a year. "
            "The table after the chart gives the same figures.",
            total=total,
        )
    else:
        desc = words.gettext(
            "Horizontal bars, one row per tool category, one bar each; the total is %(total)s a year. "
            "The table after the chart gives the same figures.",
            total=total,
        )
    svg = bar_chart(f"stack-cost-{costs.currency.lower()}", title, desc, rows, series).svg()
    headers = [
        words.gettext("Category"),
        *(series or [words.gettext("Yearly cost")]),
        *([words.gettext("Total")] if series else []),
    ]
    alternative = chart.data_table(title, headers, table, numeric=len(headers) - 1)
    # every spec value in the figure was escaped by mopsdocs.charts (xml); the rest is ours
    return CostView(costs.currency, Markup(chart.figure(svg, alternative)), total)  # noqa: S704


# --------------------------------------------------------------------------- the integration map


def _label(lines: list[str]) -> str:
    return '"' + "\\n".join(quote(line)[1:-1] for line in lines if line) + '"'


def integration_dot(project: Project, href: Callable[[str], str], words: Words = ENGLISH) -> str:
    """DOT of the integrations: tools grouped by category (clusters), an edge per integration
    labelled by `via` and its objects. Tools with no integration and retired tools nobody
    integrates with are left out (the tool table lists every tool). Deterministic; its words (the
    graph's name, categories, statuses, `via`, tooltips) in `words`' language."""
    used = {t for i in project.integrations for t in (i.from_, i.to, via_tool(i)) if t in project.tools}
    out = [
        f"digraph {quote(words.gettext(MAP_TITLE))} {{",
        '  graph [rankdir="LR", nodesep="0.2", ranksep="0.35", bgcolor="transparent", fontname="Helvetica", '
        'fontsize="12", id="mopsdocs-stack-map"];',
        '  node [shape="box", style="rounded", fontname="Helvetica", fontsize="12", margin="0.15,0.06"];',
        '  edge [fontname="Helvetica", fontsize="11", arrowsize="0.7"];',
    ]
    for category in CATEGORY_WORDS:
        members = [t for t in _tool_order(project) if t in used and project.tools[t].category == category]
        if not members:
            continue
        out.append(f"  subgraph {quote('cluster_' + category)} {{")
        out.append(
            f"    label={quote(words.gettext(CATEGORY_WORDS[category]))}; "
            'style="rounded,dashed"; class="mopsdocs-stack-category";'
        )
        for tid in members:
            tool = project.tools[tid]
            lines = wrap(tool.name, 22)
            if tool.status != "active":
                lines.append(_word(STATUS_NOTES, tool.status, words))
            style = "rounded" if tool.status == "active" else "rounded,dashed"
            out.append(
                f"    {quote(tid)} [label={_label(lines)}, URL={quote(href(tid))}, tooltip={quote(tool.name)}, "
                f"style={quote(style)}, class={quote('mopsdocs-tool mopsdocs-tool-' + tool.status)}];"
            )
        out.append("  }")
    for n, i in enumerate(project.integrations, start=1):
        if i.from_ not in project.tools or i.to not in project.tools:
            continue  # REF001 says so; an edge to nowhere would draw a tool that does not exist
        through = via_tool(i)
        via = project.tools[through].name if through in project.tools else _word(VIA_WORDS, i.via, words)
        tooltip = words.gettext(
            "%(source)s to %(target)s, via %(via)s",
            source=project.tools[i.from_].name,
            target=project.tools[i.to].name,
            via=via,
        )
        # The label is a node of its own on the way (no edge labels: dot 2.43 may fail with
        # "trouble in init_rank" on clusters with labelled edges, and xlabels land on other edges).
        label = quote(f"mopsdocs-integration-{n}")
        lines = [words.gettext("via %(via)s", via=via), *wrap(", ".join(i.objects), 24)]
        out.append(
            f'  {label} [label={_label(lines)}, shape="plaintext", fontsize="11", margin="0.02", '
            f'tooltip={quote(tooltip)}, class="mopsdocs-integration-label"];'
        )
        back = "back" if i.direction == "both" else "none"
        out.append(f"  {quote(i.from_)} -> {label} [dir={quote(back)}, tooltip={quote(tooltip)}];")
        out.append(f"  {label} -> {quote(i.to)} [tooltip={quote(tooltip)}];")
    out.append("}")
    return "\n".join(out) + "\n"


__all__ = ["MAP_TITLE", "integration_dot", "money", "pages", "tool_anchor"]
