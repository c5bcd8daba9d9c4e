"""STACK001-003: renewal decisions on time, no integration on a tool that is going, no overlap.

The playbook's stack review: which tools to renew or cut before their notice deadline, which
integrations hang on a tool being retired, which tools do the same job. The facts (renewal
windows, tools by category) come from `mopsdocs.stack_model`, shared with the `stack/` page.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import specs
from ..diagnostics import Diagnostic
from ..project import Project
from ..stack_model import Renewal, facts, via_tool
from .registry import rule

GOING = ("retired", "sunsetting")


def _renewal_message(tool: specs.Tool, r: Renewal) -> tuple[str, str]:
    written = tool.contract.notice if tool.contract is not None else None
    notice = f", notice {written}" if written else ""  # as written: 90d, 20bd
    if r.stage == "ahead":
        return (
            f"renewal decision for '{tool.id}' is due by {r.decide_by} (renews on {r.renews_on}{notice}) "
            f"and it was not reviewed since {r.window_opens}",
            "review it before the notice deadline and record the decision: "
            "`reviewed: {on: YYYY-MM-DD, decision: renew}`; decisions: renew, renegotiate, replace, cut",
        )
    if r.stage == "missed":
        return (
            f"notice deadline for '{tool.id}' passed on {r.decide_by}: it renews on {r.renews_on} as it stands",
            "decide now and record it in `reviewed`: vendors often still negotiate before the renewal date",
        )
    return (
        f"contract of '{tool.id}' renewed on {r.renews_on} with no review since {r.window_opens}",
        "set `contract.renews_on` to the next renewal date and record the decision in `reviewed`",
    )


@rule("STACK001", "warning", "renewal decision due and the tool not reviewed")
def check_renewals(project: Project) -> Iterator[Diagnostic]:
    """
    A tool's renewal decision is due: its notice deadline (`contract.renews_on` minus
    `contract.notice`) is within `stack_review_window` (default 120d) of the as-of date, or already
    past, and the tool was not reviewed (`reviewed.on`) since that window opened. Contracts renew
    by themselves unless notice is given: a renewal nobody decided on is a year of a tool nobody
    chose. Retired tools are left out; the window's first day counts as in it, and so does a
    review on that day.

    Silent while the tool's `contract` or `reviewed` has an error of its own.

    Fix: review the tool and record the decision (`reviewed: {on: 2026-11-20, decision: renew}`),
    or, once renewed, set `renews_on` to the next renewal date. Examples:
    `specs/stack.yaml:7:65: warning[STACK001]: renewal decision for 'edge' is due by 2027-04-01 (renews on 2027-05-01, notice 30d) and it was not reviewed since 2026-12-02`
    `specs/stack.yaml:23:73: warning[STACK001]: notice deadline for 'missed' passed on 2026-11-16: it renews on 2027-01-15 as it stands`
    """
    found = facts(project)
    for tid in sorted(found.renewals):
        tool, r = project.tools[tid], found.renewals[tid]
        if not r.due or project.had_error(tool, "contract") or project.had_error(tool, "reviewed"):
            continue
        message, hint = _renewal_message(tool, r)
        assert tool.contract is not None  # a renewal comes from the contract's `renews_on`
        yield project.diag("STACK001", message, tool.contract, "renews_on", hint=hint)


@rule("STACK002", "warning", "integration with a retired or sunsetting tool")
def check_going_tools(project: Project) -> Iterator[Diagnostic]:
    """
    An integration starts or ends at a tool whose `status` is `retired` or `sunsetting`, or runs
    through one (`via`). When the tool goes, the data it moves stops: a retired tool's
    integration is either gone (remove it from the spec) or silently broken; a sunsetting tool's
    integrations are the migration plan's checklist.

    Fix: move the integration to the tool that takes over, or remove it. Example:
    `specs/stack.yaml:14:43: warning[STACK002]: integration 'gotowebinar' -> 'marketo' runs through 'zapier', which is sunsetting`
    """
    for integration in project.integrations:
        ends = (("from", integration.from_), ("to", integration.to), ("via", via_tool(integration)))
        for key, tid in ends:
            tool = project.tools.get(tid) if tid is not None else None
            if tool is None or tool.status not in GOING:
                continue
            role = "runs through" if key == "via" else {"from": "starts at", "to": "ends at"}[key]
            arrow = "<->" if integration.direction == "both" else "->"
            yield project.diag(
                "STACK002",
                f"integration '{integration.from_}' {arrow} '{integration.to}' {role} '{tid}', which is {tool.status}",
                integration,
                key,
                hint=(
                    f"remove the integration, or point it at the tool that replaced '{tid}'"
                    if tool.status == "retired"
                    else f"plan its move before '{tid}' goes: to the tool that takes over, or remove it"
                ),
            )


@rule("STACK003", "warning", "two active tools in one category")
def check_overlap(project: Project) -> Iterator[Diagnostic]:
    """
    Two or more `active` tools share a `category` (two enrichment vendors, two webinar
    platforms): candidates to consolidate, the first question of a stack review. A tool with
    `overlap_ok: true` is meant to be there beside the others (a second CRM for one region, a
    chat tool per product) and overlaps with none. Category `other` is never an overlap.
    One warning per category, at the second tool in spec order, naming them all.

    Fix: plan to retire one (`status: sunsetting`), or mark the one meant to overlap
    `overlap_ok: true`. Example:
    `specs/stack.yaml:6:46: warning[STACK003]: 'clearbit' and 'zoominfo' are both active tools in category 'enrichment': candidates to consolidate`
    """
    for category, ids in facts(project).overlaps.items():
        tools = [project.tools[t] for t in ids]
        in_order = sorted(tools, key=lambda t: (project.loc(t).path, project.loc(t).line, t.id))
        quoted = [f"'{t.id}'" for t in tools]  # by id: the message reads the same however files are split
        names = (
            f"{quoted[0]} and {quoted[1]} are both"
            if len(quoted) == 2
            else ", ".join(quoted[:-1]) + f" and {quoted[-1]} are all"
        )
        yield project.diag(
            "STACK003",
            f"{names} active tools in category '{category}': candidates to consolidate",
            in_order[1],
            "category",
            hint="plan to retire one with `status: sunsetting`, or set `overlap_ok: true` on a tool meant to overlap",
        )
