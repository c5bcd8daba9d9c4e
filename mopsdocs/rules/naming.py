"""NAME001-006: naming conventions that contradict their own examples, templates and fields that
cannot work, ambiguous vocabularies, operational programs whose asset name breaks a convention,
and retired codes still in use.

Conventions are compiled once per project (`mopsdocs.naming.catalogue`); a convention that cannot
compile (NAME003, or an unknown vocabulary, REF001) is not checked further, so one mistake is
reported once.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import specs
from ..diagnostics import Diagnostic, did_you_mean
from ..naming.catalogue import compile_all
from ..naming.compiler import CompiledConvention
from ..naming.explain import explain, retired_problems
from ..naming.readings import Problem, Verdict
from ..project import Project
from .registry import rule

MAX_REASONS = 3


def _reasons(verdict: Verdict) -> str:
    return _listed(verdict.problems)


def _listed(problems: tuple[Problem, ...] | list[Problem]) -> str:
    shown = [f"{p.field}: {p.message}" if p.field else p.message for p in problems[:MAX_REASONS]]
    more = len(problems) - MAX_REASONS
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


@rule("NAME001", "error", "an example does not match its convention")
def check_examples(project: Project) -> Iterator[Diagnostic]:
    """
    An entry of a convention's `examples` does not conform to the convention. Examples are the
    convention's tests: each must be a name the convention accepts. The message says which part
    of the example fails and why.

    Fix: correct the example, or the template and fields if the example is right. Example:
    `specs/naming.yaml:19:9: error[NAME001]: example '2021-13_WBN_Peak-Capacity' does not conform: date: month 13 does not exist`
    """
    for conv_id, (compiled, _) in compile_all(project).items():
        conv = project.conventions[conv_id]
        if compiled is None:
            continue
        for i, example in enumerate(conv.examples):
            if not compiled.is_valid(example) and not _fits_but_breaks_rules(compiled, example):
                verdict = explain(compiled, example)
                hint = f"it would conform as '{verdict.suggestion}'" if verdict.suggestion else None
                yield project.diag(
                    "NAME001",
                    f"example '{example}' does not conform: {_reasons(verdict)}",
                    conv,
                    "examples",
                    i,
                    hint=hint,
                )


def _fits_but_breaks_rules(compiled: CompiledConvention, name: str) -> bool:
    """The name fits the template and breaks a cross-field rule: NAME007's, not NAME001's."""
    return not compiled.plain and compiled.matcher.fullmatch(name) is not None and bool(compiled.broken_rules(name))


@rule("NAME002", "error", "a counterexample matches its convention")
def check_counterexamples(project: Project) -> Iterator[Diagnostic]:
    """
    An entry of a convention's `counterexamples` conforms to the convention, although it is
    listed as a name the convention must reject. The convention is looser than intended.

    Fix: tighten the fields (a `pattern`, `max_length`, a smaller vocabulary) or the template, or
    remove the counterexample if it is in fact fine. Example:
    `specs/naming.yaml:14:9: error[NAME002]: counterexample 'OPS_Email_Bounces' conforms to convention 'ops'`
    """
    for conv_id, (compiled, _) in compile_all(project).items():
        conv = project.conventions[conv_id]
        if compiled is None:
            continue
        for i, name in enumerate(conv.counterexamples):
            if compiled.is_valid(name):
                yield project.diag(
                    "NAME002",
                    f"counterexample '{name}' conforms to convention '{conv_id}'",
                    conv,
                    "counterexamples",
                    i,
                    hint="tighten the fields or the template, or remove the counterexample",
                )


@rule("NAME003", "error", "template error: unknown or unused field, unbalanced brackets, invalid field")
def check_templates(project: Project) -> Iterator[Diagnostic]:
    """
    The template or a field definition cannot work. In the template: a placeholder naming no
    field, a field used twice, an unbalanced `[`, `]`, `{` or `}`, an empty group, or literal text
    holding a forbidden character. In `fields`: a field the template does not use, a vocabulary
    field without `vocabulary`, a date `format` with no date part (or with the same part twice),
    a `pattern` that is not a valid regular expression or uses what browsers cannot run
    (look-behind, back-references, inline flags), a key that does not apply to the field's type
    (`pattern` on a vocabulary field), lengths or bounds that contradict each other, vocabulary codes
    that can never be in a name. The diagnostic points at the template or at the field's key.

    Fix: as the message says; write `\\[`, `\\]`, `\\{`, `\\}` for literal brackets and braces.
    Example: `specs/naming.yaml:5:15: error[NAME003]: template: unknown field 'regoin' (character 8) (did you mean 'region'?)`
    """
    for conv_id, (_, problems) in compile_all(project).items():
        conv = project.conventions[conv_id]
        for problem in problems:
            if problem.code == "NAME003":
                yield project.diag("NAME003", problem.message, conv, *problem.where, hint=problem.hint, key=problem.key)


@rule("NAME004", "error", "duplicate code in a vocabulary")
def check_vocabularies(project: Project) -> Iterator[Diagnostic]:
    """
    Two values of one vocabulary have the same `code`, or a label or alias is ambiguous: it is
    another value's code, or the label or alias of another value too (compared ignoring letter
    case). A name built from it could mean either value, and suggestions could not choose. The
    same goes for a retired code's `replaced_by`: it must be a current code of the vocabulary
    (not the code itself, not another retired one), and only a `retired: true` value has one.

    Fix: remove the duplicate, or give each value its own code, label and aliases. Example:
    `specs/naming.yaml:8:16: error[NAME004]: duplicate code 'WBN' in vocabulary 'channel' (first at line 6)`
    """
    for vocab in project.vocabularies.values():
        yield from _vocabulary_problems(project, vocab)


def _vocabulary_problems(project: Project, vocab: specs.Vocabulary) -> Iterator[Diagnostic]:
    codes: dict[str, specs.VocabularyValue] = {}
    for value in vocab.values:
        if value.code in codes:
            first = project.loc(codes[value.code], "code")
            yield project.diag(
                "NAME004",
                f"duplicate code '{value.code}' in vocabulary '{vocab.id}' (first at line {first.line})",
                value,
                "code",
                hint="remove one of them",
            )
        else:
            codes[value.code] = value
    yield from _replacement_problems(project, vocab, codes)
    terms: dict[str, specs.VocabularyValue] = {}
    for value in vocab.values:
        entries = ([("label", value.label, ("label",))] if value.label else []) + [
            ("alias", alias, ("aliases", j)) for j, alias in enumerate(value.aliases)
        ]
        for how, term, where in entries:
            other = codes.get(term)
            if other is not None and other is not value:
                yield project.diag(
                    "NAME004",
                    f"{how} '{term}' of '{value.code}' is the code of another value",
                    value,
                    *where,
                    hint="a label or alias must not be a code of the vocabulary",
                )
                continue
            owner = terms.setdefault(term.lower(), value)
            if owner is not value and owner.code != value.code:
                yield project.diag(
                    "NAME004",
                    f"{how} '{term}' of '{value.code}' is also a label or alias of '{owner.code}'",
                    value,
                    *where,
                    hint="keep it on one value only",
                )


def _replacement_problems(
    project: Project, vocab: specs.Vocabulary, codes: dict[str, specs.VocabularyValue]
) -> Iterator[Diagnostic]:
    current = [c for c, v in codes.items() if not v.retired]
    for value in vocab.values:
        if value.replaced_by is None and value.retired_on is None:
            continue
        key = "replaced_by" if value.replaced_by is not None else "retired_on"
        if not value.retired:
            yield project.diag(
                "NAME004",
                f"'{value.code}' has `{key}` but is not retired",
                value,
                key,
                key=True,
                hint="add `retired: true`, or remove the key",
            )
            continue
        target = value.replaced_by
        if target is None:
            continue
        if target not in codes:
            hint = did_you_mean(target, current) or f"current codes: {', '.join(current[:10]) or 'none'}"
            message = f"'{value.code}' is replaced by '{target}', which is no code of vocabulary '{vocab.id}'"
        elif target == value.code or codes[target].retired:
            hint = f"name a current code: {', '.join(current[:10]) or 'none'}"
            which = "itself" if target == value.code else f"'{target}', which is retired too"
            message = f"'{value.code}' is replaced by {which}"
        else:
            continue
        yield project.diag("NAME004", message, value, "replaced_by", hint=hint)


def _governs(compiled: CompiledConvention, systems: list[str]) -> bool:
    """Whether a convention scoped by `systems` governs an asset of these systems (an asset or a
    convention that names no system: yes)."""
    if not compiled.systems or not systems:
        return True
    return bool({s.lower() for s in compiled.systems} & {s.lower() for s in systems})


@rule("NAME005", "error", "program `asset_name` does not conform")
def check_program_names(project: Project) -> Iterator[Diagnostic]:
    """
    An operational program's `asset_name` (its name in the marketing-automation platform) does not
    conform to a convention whose `applies_to` lists `operational-program`. It is checked against
    every such convention and must conform to each; a convention with `systems` only governs
    programs whose `systems` share one of them (or that list none). The message gives the
    reasons, the hint a conforming name when one can be derived.

    Fix: rename the program in the platform and in its spec, or correct the convention. Example:
    `specs/programs/programs.yaml:20:13: error[NAME005]: asset name 'OPS_Bounces_Legacy-Handling' does not conform to convention 'operational-program' (OPS_{area}_{name}): area: 'Bounces' is the alias of area code Email: use Email`
    """
    conventions = [
        (conv_id, c)
        for conv_id, (c, _) in compile_all(project).items()
        if c is not None and "operational-program" in c.applies_to
    ]
    if not conventions:
        return
    for program in project.programs.values():
        if program.asset_name is None:
            continue
        for conv_id, compiled in conventions:
            if compiled.is_valid(program.asset_name) or not _governs(compiled, program.systems):
                continue
            verdict = explain(compiled, program.asset_name)
            hint = f"rename it to '{verdict.suggestion}'" if verdict.suggestion else None
            yield project.diag(
                "NAME005",
                f"asset name '{program.asset_name}' does not conform to convention "
                f"'{conv_id}' ({compiled.template.source}): {_reasons(verdict)}",
                program,
                "asset_name",
                hint=hint,
            )


@rule("NAME006", "warning", "a retired vocabulary code is used")
def check_retired_codes(project: Project) -> Iterator[Diagnostic]:
    """
    A convention's example, or an operational program's `asset_name`, uses a vocabulary code
    marked `retired: true`. The name still conforms (old assets keep their names), but new names
    should not use it: the message says since when it is retired and what replaces it
    (`replaced_by`), the hint the name with the replacement. `mopsdocs names check` gives the
    same warning for each such name and counts it as valid; the page's builder does not offer
    retired codes.

    Fix: use the replacement in new names; rename the asset when the old code must go. Example:
    `specs/naming.yaml:25:9: warning[NAME006]: example '2021-12_TS_Gartner-Summit' uses a retired code: channel: 'TS' is retired (since 2025-02-01): use EVT`
    """
    compiled_all = [(conv_id, c) for conv_id, (c, _) in compile_all(project).items() if c is not None]
    for conv_id, compiled in compiled_all:
        if compiled.current is None:
            continue
        conv = project.conventions[conv_id]
        for i, example in enumerate(conv.examples):
            if compiled.is_valid(example) and compiled.current.fullmatch(example) is None:
                problems, suggestion = retired_problems(compiled, example)
                yield project.diag(
                    "NAME006",
                    f"example '{example}' uses a retired code: {_listed(problems)}",
                    conv,
                    "examples",
                    i,
                    hint=f"it would be '{suggestion}'" if suggestion else None,
                )
    for program in project.programs.values():
        name = program.asset_name
        if name is None:
            continue
        for conv_id, compiled in compiled_all:
            if (
                compiled.current is None
                or "operational-program" not in compiled.applies_to
                or not _governs(compiled, program.systems)
                or not compiled.is_valid(name)
                or compiled.current.fullmatch(name) is not None
            ):
                continue
            problems, suggestion = retired_problems(compiled, name)
            yield project.diag(
                "NAME006",
                f"asset name '{name}' uses a retired code of convention '{conv_id}': {_listed(problems)}",
                program,
                "asset_name",
                hint=f"rename it to '{suggestion}'" if suggestion else None,
            )


@rule("NAME007", "error", "a cross-field naming rule is broken by an example or is malformed")
def check_cross_field_rules(project: Project) -> Iterator[Diagnostic]:
    """
    A convention's `rules` say how fields go together: `{field: end, after: start}` (a date on or
    after another), `{field: source, allowed_with: {medium: {cpc: [google, bing]}}}` (with
    `medium` cpc, `source` is google or bing; with other mediums, anything). This rule reports an
    example that fits the template but breaks one of them, and a rule that cannot be checked: a
    field or code it names does not exist, `after` on a field that is no date, `allowed_with` on
    a field that has no codes, a rule with neither (or both) of `after` and `allowed_with`. A rule
    that cannot be checked is left out; the convention is still used.

    Fix: correct the example or the rule. Example:
    `specs/naming.yaml:31:9: error[NAME007]: example '20250115_2024-12_cpc_google' breaks a rule: end: '2024-12' is before start '20250115': end must be on or after start`
    """
    for conv_id, (compiled, problems) in compile_all(project).items():
        conv = project.conventions[conv_id]
        for problem in problems:
            if problem.code == "NAME007":
                yield project.diag("NAME007", problem.message, conv, *problem.where, hint=problem.hint, key=problem.key)
        if compiled is None or compiled.plain:
            continue
        for i, example in enumerate(conv.examples):
            if _fits_but_breaks_rules(compiled, example):
                yield project.diag(
                    "NAME007",
                    f"example '{example}' breaks a rule: {_listed(compiled.broken_rules(example))}",
                    conv,
                    "examples",
                    i,
                    hint="correct the example, or the rule",
                )
