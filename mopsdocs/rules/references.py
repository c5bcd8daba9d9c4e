"""REF001: every reference names an existing id of the right namespace."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, get_args

from .. import specs
from ..backlog_model import REF_KINDS, parse_ref
from ..diagnostics import Diagnostic, did_you_mean
from ..project import Project
from .registry import rule


def _unknown(
    project: Project,
    noun: str,
    ref: str,
    pool: Mapping[str, Any],
    entity: specs.Spec,
    *sub: Any,
    key: bool = False,
    namespace: str | None = None,
) -> Iterator[Diagnostic]:
    # an entity that exists but was dropped for its own error is not "unknown" (no cascade)
    if ref not in pool and not project.is_ghost(namespace or noun, ref):
        hint = _suggest(project, noun, ref, pool) or (f"no {noun} is defined yet" if not pool else None)
        yield project.diag("REF001", f"unknown {noun} '{ref}'", entity, *sub, hint=hint, key=key)


def _suggest(project: Project, noun: str, ref: str, pool: Mapping[str, Any]) -> str | None:
    """The closest id; parties are also found by name or initialism, and people who left come last."""
    if noun != "party":
        return did_you_mean(ref, pool)
    ghosts = {gid for (ns, gid) in project.ghosts if ns in ("team", "role", "person", "queue")}
    names = {pid: party.name for pid, party in pool.items() if isinstance(getattr(party, "name", None), str)}
    gone = {pid for pid, party in pool.items() if isinstance(party, specs.Person) and not project.is_active(party)}
    return did_you_mean(ref, (pid for pid in pool if pid not in ghosts), names=names, avoid=gone)


def _unknown_owner(project: Project, owner: specs.Owner | None, entity: specs.Spec) -> Iterator[Diagnostic]:
    """An `owner`: one party, or an either-of list whose every item must exist (located at the item)."""
    if isinstance(owner, str):
        yield from _unknown(project, "party", owner, project.parties, entity, "owner")
    elif owner is not None:
        for i, party in enumerate(owner):
            yield from _unknown(project, "party", party, project.parties, entity, "owner", i)


@rule("REF001", "error", "reference to an unknown id")
def check_references(project: Project) -> Iterator[Diagnostic]:
    """
    A reference names an id that is not defined. References are plain ids: parties (teams, roles,
    people and queues) for owners (each item of an either-of `owner` list) and RACI columns, stages of the same lifecycle for transitions, programs
    for `automated_by` and `depends_on`, vocabularies for naming fields, teams for a role's `team`
    and roles for a person's `roles`. A backlog item's `refs` name what it changes as `kind:id`
    (`program:`, `activity:<raci>/<activity>`, `stage:<lifecycle>/<stage>`, `tool:`, `channel:`,
    `scoring:`, `lifecycle:`, `raci:`, `convention:`, `vocabulary:`, `party:`), and a review goal's
    `item` names a backlog item as `<backlog>/<item>`. In a stack, a tool's `owner` and
    `reviewed.by` name parties; an integration's `from`, `to` and `via` (unless native, api or
    file) name tools, and its `automates` program categories. The hint names the closest existing id.

    Fix: correct the id, or define the missing entity. Example:
    `specs/lead.yaml:11:21: error[REF001]: unknown stage 'sal2' (did you mean 'sal'?)`
    """
    p = project
    for role in p.roles.values():
        if role.team is not None:
            yield from _unknown(p, "team", role.team, p.teams, role, "team")
    for person in p.people.values():
        for i, role_id in enumerate(person.roles):
            yield from _unknown(p, "role", role_id, p.roles, person, "roles", i)
    for queue in p.queues.values():
        if queue.team is not None:
            yield from _unknown(p, "team", queue.team, p.teams, queue, "team")
    for lc in p.lifecycles.values():
        stages = p.stages.get(lc.id, {})
        for stage in lc.stages:
            yield from _unknown_owner(p, stage.owner, stage)
        for t in lc.transitions:
            yield from _unknown(p, "stage", t.from_, stages, t, "from", namespace=f"stage:{lc.id}")
            if t.to is not None:  # an override may leave `to` out (a missing one elsewhere: SPEC003)
                yield from _unknown(p, "stage", t.to, stages, t, "to", namespace=f"stage:{lc.id}")
            yield from _unknown_owner(p, t.owner, t)
            if t.automated_by is not None:
                yield from _unknown(p, "program", t.automated_by, p.programs, t, "automated_by")
    for matrix in p.racis.values():
        for i, party in enumerate(matrix.parties or []):
            yield from _unknown(p, "party", party, p.parties, matrix, "parties", i)
        for activity in matrix.activities:
            for party in activity.assign:
                yield from _unknown(p, "party", party, p.parties, activity, "assign", party, key=True)
    # entities that are not in a namespace of their own but refer to one
    for spec in (s for _, s in p.documents if isinstance(s, specs.NamingSpec)):
        for convention in spec.conventions:
            for field in convention.fields.values():
                if field.vocabulary is not None:
                    yield from _unknown(p, "vocabulary", field.vocabulary, p.vocabularies, field, "vocabulary")
    for program in p.programs.values():
        yield from _unknown_owner(p, program.owner, program)
        for i, dep in enumerate(program.depends_on):
            yield from _unknown(p, "program", dep, p.programs, program, "depends_on", i)
        if program.reviewed is not None:
            if program.reviewed.by is not None:
                yield from _unknown(p, "party", program.reviewed.by, p.parties, program.reviewed, "by")
            for entry in program.reviewed.history:
                if entry.by is not None:
                    yield from _unknown(p, "party", entry.by, p.parties, entry, "by")
    yield from _scoring_references(p)
    yield from _backlog_references(p)
    yield from _stack_references(p)


def _scoring_references(p: Project) -> Iterator[Diagnostic]:
    """A scoring model's program, its rules' scores, its thresholds' scores, lifecycle and stages."""
    for mid in sorted(p.scorings):
        model, scores = p.scorings[mid], p.scores.get(mid, {})
        if model.program is not None:
            yield from _unknown(p, "program", model.program, p.programs, model, "program")
        for r in model.rules:
            yield from _unknown(p, "score", r.score, scores, r, "score", namespace=f"score:{mid}")
        for th in model.thresholds:
            for key in ("all", "any"):
                for score_id in getattr(th, key):
                    yield from _unknown(
                        p, "score", score_id, scores, th, key, score_id, key=True, namespace=f"score:{mid}"
                    )
            t = th.transition
            if t is None:
                continue
            yield from _unknown(p, "lifecycle", t.lifecycle, p.lifecycles, t, "lifecycle")
            if t.lifecycle in p.lifecycles:
                stages = p.stages.get(t.lifecycle, {})
                yield from _unknown(p, "stage", t.from_, stages, t, "from", namespace=f"stage:{t.lifecycle}")
                yield from _unknown(p, "stage", t.to, stages, t, "to", namespace=f"stage:{t.lifecycle}")


def _backlog_references(p: Project) -> Iterator[Diagnostic]:
    """A backlog item's owner and `refs` (kind:id, `<lifecycle>/<stage>` and `<raci>/<activity>` for
    stages and activities); a review goal's backlog item (`<backlog>/<item>`)."""
    for bid in sorted(p.backlogs):
        for item in p.backlogs[bid].items:
            yield from _unknown_owner(p, item.owner, item)
            for i, text in enumerate(item.refs):
                yield from _item_ref(p, item, i, text)
    for rid in sorted(p.reviews):
        for goal in p.reviews[rid].goals:
            if goal.item is None:
                continue
            bid, _, iid = goal.item.partition("/")
            if bid not in p.backlogs:
                yield from _unknown(p, "backlog", bid, p.backlogs, goal, "item")
            else:
                items = p.items.get(bid, {})
                yield from _unknown(p, "backlog item", iid, items, goal, "item", namespace=f"item:{bid}")


def _item_ref(p: Project, item: specs.Item, i: int, text: str) -> Iterator[Diagnostic]:
    ref = parse_ref(text)
    kind = REF_KINDS.get(ref.kind)
    if kind is None:
        hint = did_you_mean(ref.kind, REF_KINDS) or f"use one of {', '.join(sorted(REF_KINDS))}"
        yield p.diag("REF001", f"unknown kind of reference '{ref.kind}'", item, "refs", i, hint=hint)
        return
    if kind.inner is not None and kind.one is not None:
        if ref.outer is None:  # `stage:mql`: which lifecycle?
            owners = sorted(o for o in kind.one(p) if ref.id in kind.inner(p, o))
            outer = owners[0] if len(owners) == 1 else f"<{kind.outer_noun}>"
            example = f"{ref.kind}:{outer}/{ref.id}"
            yield p.diag(
                "REF001",
                f"reference '{text}' does not say which {kind.outer_noun} the {kind.noun} is in",
                item,
                "refs",
                i,
                hint=f"write {example}",
            )
            return
        pool = kind.one(p)
        if ref.outer not in pool:
            yield from _unknown(
                p, kind.outer_noun or kind.noun, ref.outer, pool, item, "refs", i, namespace=kind.outer_namespace
            )
            return
        inner = kind.inner(p, ref.outer)
        yield from _unknown(p, kind.noun, ref.id, inner, item, "refs", i, namespace=f"{kind.namespace}:{ref.outer}")
    elif kind.one is not None:
        if ref.outer is not None:
            hint = f"write {ref.kind}:{ref.id}: a {kind.noun} is named by its id alone"
            yield p.diag("REF001", f"unknown {kind.noun} '{ref.outer}/{ref.id}'", item, "refs", i, hint=hint)
            return
        yield from _unknown(p, kind.noun, ref.id, kind.one(p), item, "refs", i, namespace=kind.namespace)


def _stack_references(p: Project) -> Iterator[Diagnostic]:
    """(v2) A tool's owner and reviewer; an integration's ends, its `via` tool (anything but native,
    api and file), its owner and the program categories it `automates`."""
    categories = dict.fromkeys(get_args(specs.Category))
    for tid in sorted(p.tools):
        tool = p.tools[tid]
        yield from _unknown_owner(p, tool.owner, tool)
        if tool.reviewed is not None and tool.reviewed.by is not None:
            yield from _unknown(p, "party", tool.reviewed.by, p.parties, tool.reviewed, "by")
    for integration in p.integrations:
        yield from _unknown(p, "tool", integration.from_, p.tools, integration, "from")
        yield from _unknown(p, "tool", integration.to, p.tools, integration, "to")
        if integration.via not in ("native", "api", "file"):
            yield from _unknown(p, "tool", integration.via, p.tools, integration, "via")
        yield from _unknown_owner(p, integration.owner, integration)
        for i, category in enumerate(integration.automates):
            if category not in categories:  # a fixed list: nothing to be a ghost of
                hint = did_you_mean(category, categories) or f"program categories: {', '.join(categories)}"
                yield p.diag("REF001", f"unknown program category '{category}'", integration, "automates", i, hint=hint)
