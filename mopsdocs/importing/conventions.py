"""`--infer-convention`: the proposal of `infer.py` as a `kind: naming` spec file.

The proposal is valid as drafted (its examples are names it matches), so `names check` can use
it at once. What a person still decides is said in the file's header and the command's output,
not flagged by `check`: the fields' names (`part2` is a position, not a meaning), the new
vocabularies' labels, whether the codes left out as too rare are typos or codes, and the asset
types it `applies_to`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import specs
from .draft import Draft, Ids, header
from .infer import Proposal, infer_convention
from .yaml_text import spec_text

LEFT_OUT_SHOWN = 8
UNFLAGGED = "(`check` does not ask: the proposal works as it is)"


@dataclass
class NameGroup:
    """Names one convention is proposed for: same asset type and system (from `exports:`)."""

    names: list[str]
    sources: list[str]
    asset: str | None
    system: str | None


def draft_convention(
    group: NameGroup,
    taken: set[str],
    vocabularies: dict[str, specs.Vocabulary],
    wanted_id: str,
) -> tuple[list[Draft], list[str], list[str]]:
    """(drafts, not drafted, notes): the naming spec, or why there is none. `taken`: the
    convention ids in use; the new one is added to it."""
    names, sources = group.names, group.sources
    if not names:
        return [], ["naming convention: no names read (give a names export, or a programs export)"], []
    ids = Ids(taken)
    cid = ids.new(wanted_id, "convention")
    taken.add(cid)
    proposal = infer_convention(names, cid, vocabularies, title=f"Inferred from {', '.join(sources)}")
    if proposal is None:
        return [], [f"naming convention: the {len(names):,} names share no shape to propose"], []
    if group.asset:
        proposal.convention = proposal.convention.model_copy(update={"applies_to": [group.asset]})
    if group.system:
        proposal.convention = proposal.convention.model_copy(update={"systems": [group.system]})
    notes = [f"convention '{cid}': {proposal.template} {proposal.coverage}"]
    decisions = _decisions(proposal)
    for field, tokens in proposal.left_out.items():
        shown = ", ".join(tokens[:LEFT_OUT_SHOWN]) + (", ..." if len(tokens) > LEFT_OUT_SHOWN else "")
        notes.append(f"  {field}: {len(tokens)} value(s) too rare to be codes, left out: {shown}")
    data: dict[str, Any] = {"kind": "naming", "vocabularies": [_vocabulary(v) for v in proposal.vocabularies]}
    if not proposal.vocabularies:
        del data["vocabularies"]
    data["conventions"] = [_convention(proposal)]
    lines = header(sources, decisions, "mopsdocs import --infer-convention", UNFLAGGED)
    lines.insert(1, f"It {proposal.coverage}.")
    draft = Draft(f"naming/{cid}.yaml", "naming", f"convention '{cid}'", spec_text(data, lines), tuple(sources), ())
    return [draft], [], notes + [f"  to decide (check does not ask): {d}" for d in decisions]


def _decisions(proposal: Proposal) -> list[str]:
    out = []
    positional = [f for f in proposal.convention.fields if f.startswith("part")]
    if positional:
        out.append(f"rename the fields {', '.join(positional)} to what they mean (template and fields)")
    if proposal.vocabularies:
        out.append("label the codes of " + ", ".join(v.id for v in proposal.vocabularies))
    if proposal.left_out:
        out.append("codes left out as too rare: typos to fix in the platform, or codes to add")
    if not proposal.convention.applies_to:
        out.append("applies_to: the asset types these names are (program, email, ...)")
    return out


def _vocabulary(vocab: specs.Vocabulary) -> dict[str, Any]:
    return {"id": vocab.id, "name": vocab.name, "values": [{"code": v.code} for v in vocab.values]}


def _field(spec: specs.NameField) -> dict[str, Any]:
    out: dict[str, Any] = {"type": spec.type}
    for key in ("vocabulary", "format", "pattern", "digits"):
        value = getattr(spec, key)
        if value is not None:
            out[key] = value
    return out


def _convention(proposal: Proposal) -> dict[str, Any]:
    conv = proposal.convention
    return {
        "id": conv.id,
        "name": conv.name,
        "applies_to": list(conv.applies_to) or None,
        "template": conv.template,
        "fields": {name: _field(spec) for name, spec in conv.fields.items()},
        "examples": list(conv.examples),
        "systems": list(conv.systems) or None,
    }
