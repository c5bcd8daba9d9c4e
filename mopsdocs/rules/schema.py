"""Codes raised while reading files and checking them against the spec models.

They have no `check` of their own: the loader (`mopsdocs.loader`) and the validator
(`mopsdocs.validate`) raise them. Declaring them here gives them a severity and a catalogue entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args, get_origin

from .. import specs
from ..diagnostics import Diagnostic
from ..project import Project
from ..rule_catalogue import RULES, declare
from .registry import rule

declare(
    "YAML001",
    "error",
    "YAML syntax error",
    """
    The file is not valid YAML. The diagnostic points at the first character the parser could not
    read; documents before it in the same file are still checked. Common causes: a tab used for
    indentation; `: ` inside a plain value (`definition: Note: a person`: the hint shows the value
    quoted); an unclosed quote, reported where the quote opens rather than where the parser gave up.
    """,
)
declare(
    "YAML002",
    "error",
    "duplicate key",
    """
    The same key appears twice in one mapping. YAML keeps only one of the values, so the other is
    silently lost; remove one. The first value is kept for further checks.
    """,
)
declare(
    "YAML003",
    "error",
    "anchor, alias, merge key or unsupported tag",
    """
    Specs are plain data that anyone on the team can read. Anchors (`&x`), aliases (`*x`), merge
    keys (`<<`) and tags other than YAML's core ones (such as `!!python/object`) are rejected and
    never expanded or executed. Write the value out in full.
    """,
)
declare(
    "YAML004",
    "error",
    "file is not UTF-8",
    """
    Spec files must be UTF-8 (a byte-order mark is fine). The diagnostic points at the first byte
    that cannot be decoded. Re-save the file as UTF-8.
    """,
)
declare(
    "SPEC001",
    "error",
    "missing or unknown `kind`",
    """
    Every YAML document in `specs/` must be a mapping whose `kind:` is one of `team`, `lifecycle`,
    `raci`, `naming` or `program`. Empty files and documents that are lists or single values are
    reported here too.
    """,
)
declare(
    "SPEC002",
    "error",
    "unknown key",
    """
    A key that the kind does not define, usually a typo (the hint says which key was probably
    meant). Keys of your own are allowed when they start with `x-`: they are kept and shown on the
    entity's page. In `{label: Europe, Middle East and Africa}` the comma ended `label`'s value and
    the rest became an unknown key: the hint shows the value quoted.
    """,
)
declare(
    "SPEC003",
    "error",
    "missing required key",
    """
    A required key is missing: `kind`; `id` and `name` on every entity that has them; a stage's
    `owner`; a transition's `from` and `to`; an activity's `assign`; a convention's `template` and
    `fields`; a vocabulary's `values` (each with `code`); a program's `owner`, `category` and
    `status`; a person's `roles`. The entity is left out of further checks.
    """,
)
declare(
    "SPEC004",
    "error",
    "wrong type or value",
    """
    A value of the wrong type (text where a list is expected, `yes` where `true` is expected), or
    a value outside its set (a bad enum value, a malformed duration, date or id). The value is
    dropped and the rest of the entity is still checked. Also: an empty either-of `owner: []`, and a
    program with both `trigger` and `triggers` (keep one).
    """,
)
declare(
    "SPEC005",
    "error",
    "duplicate id",
    """
    Two entities share an id in one namespace (parties: teams, roles, people and queues together;
    lifecycles; stages of one lifecycle; RACI matrices; activities of one matrix; vocabularies;
    conventions; programs). The first one, in file order, is kept.
    """,
)


@rule("SPEC006", "warning", "a comma split a list entry in two")
def check_split_entries(project: Project) -> Iterator[Diagnostic]:
    """
    In a list written `[...]` a comma ends an entry, so `steps: [Check the list, then dedupe]`
    is two steps, "Check the list" and "then dedupe", where one was meant. This is reported for
    lists of Markdown text (a stage's `entry` and `exit`, a program's `steps`) when an entry
    written without quotes starts with a lower-case word right after another unquoted entry on
    the same line: the sign of a sentence cut at its comma.

    Fix: quote the entry that holds the comma (`["Check the list, then dedupe"]`), or write the
    list one entry per line (`- Check the list, then dedupe`). Example:
    `specs/programs.yaml:7:28: warning[SPEC006]: 'then flag the record' looks like the rest of the step before it: in [...] a comma ends an entry`
    """
    for doc, spec in project.documents:
        for entity, name in _markdown_lists(spec):
            path = entity.origin + (name,)
            entries = _at(doc.data, path)
            if not isinstance(entries, list) or path not in doc.flow:
                continue
            for i in range(1, len(entries)):
                here, before = doc.values.get(path + (i,)), doc.values.get(path + (i - 1,))
                entry, previous = entries[i], entries[i - 1]
                if here is None or before is None or here[0] != before[0]:
                    continue
                if not isinstance(entry, str) or not isinstance(previous, str):
                    continue
                if not entry[:1].islower() or path + (i,) in doc.quoted or path + (i - 1,) in doc.quoted:
                    continue
                whole = f"{previous}, {entry}".replace("\\", "\\\\").replace('"', '\\"')
                noun = _ENTRY_NOUNS.get(name, "entry")
                yield Diagnostic(
                    "SPEC006",
                    RULES["SPEC006"].severity,
                    f"'{entry[:60]}' looks like the rest of the {noun} before it: in [...] a comma ends an entry",
                    doc.locate(path + (i,)),
                    f'if it is one {noun}, quote it: "{whole[:80]}"',
                )


_ENTRY_NOUNS = {"steps": "step", "entry": "entry criterion", "exit": "exit criterion"}


def _is_markdown_list(annotation: Any) -> bool:
    if get_origin(annotation) is not list:
        return False
    (item,) = get_args(annotation)
    return any(
        getattr(meta, "json_schema_extra", None) == {"contentMediaType": "text/markdown"}
        for meta in getattr(item, "__metadata__", ())
    )


def _markdown_lists(spec: specs.Spec) -> Iterator[tuple[specs.Spec, str]]:
    """Every (entity, key) inside `spec` whose value is a list of Markdown text."""
    stack: list[Any] = [spec]
    while stack:
        item = stack.pop()
        if isinstance(item, specs.Spec):
            for name, field in type(item).model_fields.items():
                if _is_markdown_list(field.annotation):
                    yield item, field.alias or name
                stack.append(getattr(item, name))
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


declare(
    "FILE001",
    "error",
    "file cannot be read",
    """
    A spec file could not be read: permissions, a broken symbolic link, a link loop, or a link
    pointing outside the project. Also raised when `specs_dir` does not exist.
    """,
)
declare(
    "LIMIT001",
    "error",
    "safety limit exceeded",
    """
    A file is larger, holds more documents, or nests deeper than the limits in the `limits`
    setting (defaults: 10 MB, 10,000 documents, 100 levels; 20,000 files). These protect the
    machine from hostile input; real projects never reach them.
    """,
)
