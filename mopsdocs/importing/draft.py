"""What every drafting module shares: the `Draft` it returns, ids, and the marks of a decision.

A decision is something the exports cannot say and a person must (who owns a stage, what kind
of operational program this is). A draft never guesses one silently; it leaves it so that
`mopsdocs check` reports it, located, with its own hint:
- an owner as an empty list (`owner: []`): SPEC004, "name at least one party";
- a required key left out (a person's `roles`): SPEC003, "add `roles:` to this person";
- a value that reads as the question (`category: "DECIDE: what kind of program"`): SPEC004,
  which lists the allowed values;
- a rule that speaks for it (an event channel's statuses without a `registered` role: CH004; a
  success status with no CRM mapping: CH005).
Each draft also says its decisions in words, printed by the command and written at the top of
the file, so the file reads as a checklist before `check` is run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..wording import slug

DECIDE = "DECIDE: "  # the start of a value that is a question for a person


@dataclass(frozen=True)
class Draft:
    """One drafted spec file."""

    path: str  # relative to the output folder, '/' separators (`channels/webinar.yaml`)
    kind: str
    title: str  # what it holds, for the command's output ("channel 'webinar'")
    text: str
    sources: tuple[str, ...]  # the exports it was drafted from
    decisions: tuple[str, ...] = ()  # what a person must still decide (check reports each)


@dataclass
class Drafted:
    """Everything one import drafts, and what it left out on purpose (said, never silent)."""

    drafts: list[Draft] = field(default_factory=list)
    not_drafted: list[str] = field(default_factory=list)  # "channel 'Email' is already specified"
    notes: list[str] = field(default_factory=list)  # coverage, codes left out, ...


def decide(question: str) -> str:
    """A value that is a question: `check` reports it (SPEC004) with the value in its message,
    which shows 60 characters: the question must fit."""
    text = DECIDE + question
    if len(text) > 60:
        raise ValueError(f"decision text longer than check shows: {text!r}")  # our bug, caught by tests
    return text


class Ids:
    """Fresh ids in one namespace: `slug` of a name, `-2`, `-3` ... when taken."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)

    def new(self, name: str, fallback: str) -> str:
        base = re.sub(r"[-_]+", "-", slug(name))[:60].strip("-") or fallback
        if not re.match(r"^[a-z0-9]", base):
            base = f"{fallback}-{base}"[:60]
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def header(
    sources: Iterable[str],
    decisions: Iterable[str],
    command: str = "mopsdocs import",
    flagged: str = "(`mopsdocs check` points at each one)",
) -> list[str]:
    """The comment lines at the top of a draft: where it came from and what is left to decide."""
    lines = [f"Drafted by `{command}` from {', '.join(_printable(s) for s in sources)}."]
    wanted = list(decisions)
    if wanted:
        lines.append(f"Still to decide {flagged}:")
        lines.extend(f"- {_printable(d)}" for d in wanted)
    else:
        lines.append("Review it against the platform; nothing is left to decide.")
    return lines


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)
