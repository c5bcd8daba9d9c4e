"""The template language: `{field}` placeholders, `[ ... ]` optional groups, everything else literal.

A backslash makes the next character literal (`\\[`, `\\]`, `\\{`, `\\}`, `\\\\`), so templates like
`\\[{type}\\] {date} {name}` (a published Marketo pattern) can be written. Parsing never raises:
it returns the tree or every syntax problem with its 1-based character position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
MAX_ALTERNATIVES = 64  # 2**6 optional groups; templates with more are explained from the first 64


@dataclass(frozen=True)
class Literal:
    text: str


@dataclass(frozen=True)
class Slot:
    field: str
    position: int  # 1-based character index of `{` in the template


@dataclass(frozen=True)
class Group:
    children: tuple[Node, ...]


Node = Literal | Slot | Group


@dataclass(frozen=True)
class TemplateProblem:
    message: str
    position: int | None = None  # 1-based character in the template


@dataclass(frozen=True)
class Template:
    source: str
    nodes: tuple[Node, ...]

    def slots(self) -> list[Slot]:
        return list(_slots(self.nodes))

    @cached_property
    def alternatives(self) -> list[tuple[Literal | Slot, ...]]:
        """Every flat sequence the template can stand for (optional groups in or out), with all
        groups in first. At most MAX_ALTERNATIVES."""
        return [tuple(_merge(seq)) for seq in _expand(self.nodes)][:MAX_ALTERNATIVES]


def _slots(nodes: tuple[Node, ...]) -> Iterator[Slot]:
    for node in nodes:
        if isinstance(node, Slot):
            yield node
        elif isinstance(node, Group):
            yield from _slots(node.children)


def _expand(nodes: tuple[Node, ...]) -> list[list[Literal | Slot]]:
    seqs: list[list[Literal | Slot]] = [[]]
    for node in nodes:
        if isinstance(node, Group):
            inner = _expand(node.children)
            seqs = [s + i for s in seqs for i in inner] + [list(s) for s in seqs]
        else:
            seqs = [s + [node] for s in seqs]
        if len(seqs) > MAX_ALTERNATIVES * 4:
            seqs = seqs[: MAX_ALTERNATIVES * 4]
    return seqs


def _merge(seq: list[Literal | Slot]) -> Iterator[Literal | Slot]:
    pending = ""
    for item in seq:
        if isinstance(item, Literal):
            pending += item.text
            continue
        if pending:
            yield Literal(pending)
            pending = ""
        yield item
    if pending:
        yield Literal(pending)


def parse_template(source: str) -> tuple[Template | None, list[TemplateProblem]]:
    """The template's tree, or None and its syntax problems."""
    problems: list[TemplateProblem] = []
    stack: list[tuple[list[Node], int]] = [([], 0)]  # (children, position of '[')
    literal: list[str] = []
    i = 0

    def flush() -> None:
        if literal:
            stack[-1][0].append(Literal("".join(literal)))
            literal.clear()

    while i < len(source):
        ch = source[i]
        if ch == "\\":
            if i + 1 >= len(source):
                problems.append(
                    TemplateProblem("a '\\' at the end escapes nothing; write '\\\\' for a backslash", i + 1)
                )
                break
            literal.append(source[i + 1])
            i += 2
            continue
        if ch == "{":
            end = source.find("}", i + 1)
            nxt = source.find("{", i + 1)
            if end < 0 or (0 <= nxt < end):
                problems.append(TemplateProblem("'{' is not closed by '}'", i + 1))
                i += 1
                continue
            name = source[i + 1 : end]
            if not name:
                problems.append(TemplateProblem("empty placeholder '{}': put a field name inside", i + 1))
            elif not FIELD_NAME.match(name):
                problems.append(
                    TemplateProblem(
                        f"'{{{name}}}' is not a placeholder: field names use letters, digits, '_' and '-'", i + 1
                    )
                )
            else:
                flush()
                stack[-1][0].append(Slot(name, i + 1))
            i = end + 1
            continue
        if ch == "}":
            problems.append(TemplateProblem("'}' has no matching '{' (write '\\}' for a literal brace)", i + 1))
        elif ch == "[":
            flush()
            stack.append(([], i + 1))
        elif ch == "]":
            if len(stack) == 1:
                problems.append(TemplateProblem("']' has no matching '[' (write '\\]' for a literal bracket)", i + 1))
            else:
                flush()
                children, opened = stack.pop()
                if not children:
                    problems.append(TemplateProblem("empty optional group '[]'", opened))
                stack[-1][0].append(Group(tuple(children)))
        else:
            literal.append(ch)
        i += 1
    flush()
    for _, opened in stack[1:]:
        problems.append(TemplateProblem("'[' is not closed by ']' (write '\\[' for a literal bracket)", opened))
    if not source:
        problems.append(TemplateProblem("the template is empty"))
    if problems:
        return None, problems
    return Template(source, tuple(stack[0][0])), []
