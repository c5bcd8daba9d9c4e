"""Codes raised while reading files and checking them against the spec models.

They have no `check` of their own: the loader (`mopsdocs.loader`) and the validator
(`mopsdocs.validate`) raise them. Declaring them here gives them a severity and a catalogue entry.
"""

from __future__ import annotations

from ..rule_catalogue import declare

declare(
    "YAML001",
    "error",
    "YAML syntax error",
    """
    The file is not valid YAML. The diagnostic points at the first character the parser could not
    read; documents before it in the same file are still checked. Common causes: a tab used for
    indentation, a colon followed by no space inside a value (quote the value), an unclosed quote.
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
    entity's page.
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
    dropped and the rest of the entity is still checked.
    """,
)
declare(
    "SPEC005",
    "error",
    "duplicate id",
    """
    Two entities share an id in one namespace (parties: teams, roles and people together;
    lifecycles; stages of one lifecycle; RACI matrices; activities of one matrix; vocabularies;
    conventions; programs). The first one, in file order, is kept.
    """,
)
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
