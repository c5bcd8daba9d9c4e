"""A `Convention` spec compiled once into a `CompiledConvention`: one regular expression for the
whole name (the fast path of `names check` and of the page's builder), plus the compiled fields the
explainer and the builder use. Compiling never raises: problems come back located by a path under
the convention (`("fields", "date", "format")`), and the rules turn them into NAME003 diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import specs
from ..diagnostics import did_you_mean
from . import dates
from . import regex as rx
from .fields import CompiledField
from .grammar import Group, Literal, Node, Slot, Template, parse_template
from .regex import Intervals, Rx
from .userpattern import PatternProblem, compile_user_pattern

# Characters no name should hold whatever the convention says: control characters and the
# invisible ones that arrive by copy and paste (zero-width spaces, BOMs, non-breaking spaces).
INVISIBLE: Intervals = [
    (0, 31),
    (127, 159),
    (0xA0, 0xA0),
    (0xAD, 0xAD),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0xFEFF, 0xFEFF),
]
EVERYTHING: Intervals = [(0, rx.MAX_CODE_POINT)]
END = Rx(r"\Z", "$")
MAX_LENGTH_SPAN = 256
_KEYS_BY_KIND = {
    "vocabulary": {"type", "vocabulary", "description"},
    "date": {"type", "format", "description"},
    "text": {"type", "pattern", "min_length", "max_length", "description"},
    "number": {"type", "digits", "min", "max", "description"},
}


@dataclass(frozen=True)
class CompileProblem:
    message: str
    where: tuple[Any, ...]  # path under the convention
    key: bool = False
    hint: str | None = None


@dataclass
class CompiledConvention:
    id: str
    name: str
    template: Template
    fields: dict[str, CompiledField]  # in template order
    max_length: int | None
    forbidden: str
    case_sensitive: bool
    rx: Rx  # the whole name; Python: use with fullmatch; JavaScript: "^" + js + "$" with the u flag
    applies_to: tuple[str, ...] = ()
    allowed: Intervals = field(default_factory=list)  # characters a name may hold at all
    matcher: re.Pattern[str] = field(init=False)
    # the explainer's memory across names (alignments of name endings): see explain._align
    memo: dict[object, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.matcher = re.compile(self.rx.py)

    def is_valid(self, name: str) -> bool:
        return self.matcher.fullmatch(name) is not None

    @property
    def marketo_forbidden(self) -> bool:
        return self.forbidden == specs.MARKETO_FORBIDDEN


def compile_convention(
    conv: specs.Convention, vocabularies: Mapping[str, specs.Vocabulary], known_fields: set[str] | None = None
) -> tuple[CompiledConvention | None, list[CompileProblem]]:
    """The compiled convention (None when it cannot be used) and every problem found.

    `known_fields` are field names present in the YAML even if schema validation dropped their
    definition: a placeholder naming one is not reported again (no cascade of errors)."""
    problems: list[CompileProblem] = []
    template, syntax = parse_template(conv.template)
    for p in syntax:
        where = f" (character {p.position})" if p.position else ""
        problems.append(CompileProblem(f"template: {p.message}{where}", ("template",)))
    usable = template is not None
    compiled_fields: dict[str, CompiledField] = {}
    optional = _optional_fields(template.nodes) if template else set()
    for name, spec in conv.fields.items():
        compiled, field_problems, ok = _compile_field(conv, name, spec, vocabularies, name in optional)
        problems.extend(field_problems)
        usable = usable and ok
        if compiled is not None:
            compiled_fields[name] = compiled
    for compiled in compiled_fields.values():
        compiled.forbidden = conv.forbidden
    if template is None:
        return None, problems
    placeholder_problems, ok = _check_placeholders(conv, template, known_fields or set())
    problems.extend(placeholder_problems)
    problems.extend(_check_literals(conv, template))
    if not ok or not usable or any(p.where == ("template",) for p in problems):
        return None, problems
    allowed = rx.complement(rx.normalize(INVISIBLE + [(ord(c), ord(c)) for c in conv.forbidden]))
    ordered = {s.field: compiled_fields[s.field] for s in template.slots()}
    body = _body(template.nodes, ordered, conv.case_sensitive)
    guard = rx.lookahead(rx.repeat(rx.char_class(allowed), 1, conv.max_length) + END)
    whole = guard + rx.group(body)
    return CompiledConvention(
        conv.id,
        conv.name,
        template,
        ordered,
        conv.max_length,
        conv.forbidden,
        conv.case_sensitive,
        whole,
        tuple(conv.applies_to),
        allowed,
    ), problems


def _optional_fields(nodes: tuple[Node, ...], inside: bool = False) -> set[str]:
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, Slot) and inside:
            out.add(node.field)
        elif isinstance(node, Group):
            out |= _optional_fields(node.children, True)
    return out


def _body(nodes: tuple[Node, ...], fields: Mapping[str, CompiledField], case_sensitive: bool) -> Rx:
    parts = []
    for node in nodes:
        if isinstance(node, Literal):
            parts.append(rx.literal(node.text, case_sensitive))
        elif isinstance(node, Slot):
            parts.append(rx.group(fields[node.field].rx))
        else:
            parts.append(rx.optional(_body(node.children, fields, case_sensitive)))
    return rx.concat(parts)


def _check_placeholders(
    conv: specs.Convention, template: Template, known: set[str]
) -> tuple[list[CompileProblem], bool]:
    problems = []
    ok = True
    seen: set[str] = set()
    for slot in template.slots():
        if slot.field in seen:
            problems.append(
                CompileProblem(
                    f"template: field '{slot.field}' is used twice (character {slot.position})",
                    ("template",),
                    hint="a field appears once; define a second field",
                )
            )
        seen.add(slot.field)
        if slot.field not in conv.fields:
            ok = False
            if slot.field not in known:
                hint = (
                    did_you_mean(slot.field, conv.fields)
                    or f"define it under `fields:` ({', '.join(sorted(conv.fields)) or 'none yet'})"
                )
                problems.append(
                    CompileProblem(
                        f"template: unknown field '{slot.field}' (character {slot.position})", ("template",), hint=hint
                    )
                )
    for name in conv.fields:
        if name not in seen:
            problems.append(
                CompileProblem(
                    f"field '{name}' is not used in the template",
                    ("fields", name),
                    key=True,
                    hint=f"add {{{name}}} to the template, or remove the field",
                )
            )
    return problems, ok


def _check_literals(conv: specs.Convention, template: Template) -> list[CompileProblem]:
    text = "".join(_literals(template.nodes))
    bad = sorted({c for c in text if c in conv.forbidden or rx.in_class(c, INVISIBLE)})
    if not bad:
        return []
    shown = ", ".join(f"'{c}'" if c.isprintable() else f"U+{ord(c):04X}" for c in bad)
    return [
        CompileProblem(
            f"template: its literal text contains {shown}, which names may not contain",
            ("template",),
            hint="change the separator, or the convention's `forbidden` characters",
        )
    ]


def _literals(nodes: tuple[Node, ...]) -> list[str]:
    out = []
    for node in nodes:
        if isinstance(node, Literal):
            out.append(node.text)
        elif isinstance(node, Group):
            out.extend(_literals(node.children))
    return out


# --------------------------------------------------------------------------- fields


def field_kind(spec: specs.NameField) -> str:
    """The type, defaulting as the contract says: vocabulary with `vocabulary`, date with `format`."""
    if spec.type is not None:
        return spec.type
    return "vocabulary" if spec.vocabulary is not None else ("date" if spec.format is not None else "text")


def _compile_field(
    conv: specs.Convention,
    name: str,
    spec: specs.NameField,
    vocabularies: Mapping[str, specs.Vocabulary],
    optional: bool,
) -> tuple[CompiledField | None, list[CompileProblem], bool]:
    kind = field_kind(spec)
    where = ("fields", name)
    problems = [
        CompileProblem(
            f"field '{name}': '{key}' does not apply to a {kind} field",
            where + (key,),
            key=True,
            hint="remove it, or set `type:` to the kind of field you meant",
        )
        for key in sorted(spec.model_fields_set - _KEYS_BY_KIND[kind])
    ]
    try:
        compiled = _COMPILERS[kind](conv, name, spec, vocabularies, optional)
    except _FieldProblem as exc:
        return (
            None,
            problems + [CompileProblem(f"field '{name}': {exc.args[0]}", where + exc.where, exc.key, exc.hint)],
            False,
        )
    except _Unresolved:
        return None, problems, False
    return compiled, problems, True


class _FieldProblem(Exception):
    def __init__(self, message: str, where: tuple[Any, ...] = (), key: bool = False, hint: str | None = None) -> None:
        super().__init__(message)
        self.where, self.key, self.hint = where, key, hint


class _Unresolved(Exception):
    """A problem already reported by another rule (an unknown vocabulary is REF001)."""


def _vocabulary_field(
    conv: specs.Convention,
    name: str,
    spec: specs.NameField,
    vocabularies: Mapping[str, specs.Vocabulary],
    optional: bool,
) -> CompiledField:
    if spec.vocabulary is None:
        raise _FieldProblem(
            "a vocabulary field needs `vocabulary:` (the id of a vocabulary)",
            (),
            True,
            "add `vocabulary: <id>`, or change `type:`",
        )
    vocab = vocabularies.get(spec.vocabulary)
    if vocab is None:
        raise _Unresolved()
    codes = tuple(dict.fromkeys(v.code for v in vocab.values))
    if not codes:
        raise _FieldProblem(f"vocabulary '{vocab.id}' has no values", ("vocabulary",))
    bad = [c for c in codes if not c or any(ch in conv.forbidden or rx.in_class(ch, INVISIBLE) for ch in c)]
    if bad:
        shown = ", ".join(f"'{c}'" for c in bad[:5])
        raise _FieldProblem(
            f"vocabulary '{vocab.id}' has codes that can never be in a name: {shown}",
            ("vocabulary",),
            hint="codes may not be empty or contain the convention's forbidden characters",
        )
    terms: dict[str, tuple[str, str]] = {}
    for value in vocab.values:
        for term, how in [(value.label, "label")] + [(a, "alias") for a in value.aliases]:
            if term and term != value.code:
                terms.setdefault(term.lower(), (value.code, how))
                terms.setdefault("~" + "".join(ch for ch in term.lower() if ch.isalnum()), (value.code, how))
    return CompiledField(
        name,
        "vocabulary",
        rx.words(codes, conv.case_sensitive),
        optional,
        conv.case_sensitive,
        vocabulary=vocab.id,
        codes=codes,
        terms=terms,
    )


def _date_field(
    conv: specs.Convention,
    name: str,
    spec: specs.NameField,
    vocabularies: Mapping[str, specs.Vocabulary],
    optional: bool,
) -> CompiledField:
    try:
        fmt = dates.parse_format(spec.format if spec.format is not None else "YYYY-MM-DD")
    except dates.DateFormatProblem as exc:
        raise _FieldProblem(str(exc), ("format",), hint="e.g. YYYY-MM, YYYY-MM-DD, YYYYMMDD or YYYY-qN") from None
    return CompiledField(
        name, "date", dates.date_rx(fmt, conv.case_sensitive), optional, conv.case_sensitive, date_format=fmt
    )


def _number_field(
    conv: specs.Convention,
    name: str,
    spec: specs.NameField,
    vocabularies: Mapping[str, specs.Vocabulary],
    optional: bool,
) -> CompiledField:
    low, high = spec.min, spec.max
    if low is not None and high is not None and low > high:
        raise _FieldProblem(f"min ({low}) is larger than max ({high})", ("min",))
    if spec.digits is not None and low is not None and low >= 10**spec.digits:
        raise _FieldProblem(f"min ({low}) does not fit in {spec.digits} digits", ("min",))
    if high is not None and high < 0:
        raise _FieldProblem(f"max ({high}) is below zero: numbers in names have no sign", ("max",))
    if spec.digits is None and low is None and high is None:
        matcher = rx.repeat(rx.char_class(rx.DIGITS), 1, None)
    else:
        matcher = rx.int_range(low or 0, high, spec.digits)
    return CompiledField(
        name, "number", matcher, optional, conv.case_sensitive, digits=spec.digits, minimum=low, maximum=high
    )


def _text_field(
    conv: specs.Convention,
    name: str,
    spec: specs.NameField,
    vocabularies: Mapping[str, specs.Vocabulary],
    optional: bool,
) -> CompiledField:
    # Without min_length, free text needs one character; a pattern decides for itself.
    low = spec.min_length if spec.min_length is not None else (1 if spec.pattern is None else 0)
    high = spec.max_length
    if high is not None and low > high:
        raise _FieldProblem(f"min_length ({low}) is larger than max_length ({high})", ("min_length",))
    pattern = None
    if spec.pattern is not None:
        try:
            pattern = compile_user_pattern(spec.pattern)
        except PatternProblem as exc:
            raise _FieldProblem(f"pattern: {exc}", ("pattern",)) from None
    if pattern is None:
        matcher, allowed = rx.repeat(rx.char_class(EVERYTHING), low, high), None
    elif pattern.single_class is not None:
        ranges, p_low, p_high = pattern.single_class
        lo, hi = max(low, p_low), _min(high, p_high)
        if hi is not None and lo > hi:
            raise _FieldProblem(f"no text can match the pattern and be {low} to {high} characters long", ("pattern",))
        matcher, allowed = rx.repeat(rx.char_class(ranges), lo, hi), ranges
    else:
        matcher, allowed = (
            _bounded(
                pattern.rx,
                pattern.min_width,
                pattern.max_width,
                low,
                high,
                conv.max_length,
                sorted(conv.fields).index(name),
            ),
            None,
        )
    return CompiledField(
        name,
        "text",
        matcher,
        optional,
        conv.case_sensitive,
        pattern=pattern,
        min_length=low,
        max_length=high,
        allowed=allowed,
    )


def _min(a: int | None, b: int | None) -> int | None:
    return b if a is None else (a if b is None else min(a, b))


def _bounded(
    body: Rx, p_low: int, p_high: int | None, low: int, high: int | None, name_max: int | None, salt: int
) -> Rx:
    """A pattern whose matches must also be `low`..`high` long. Regular expressions cannot count
    the characters of a sub-match, so each allowed length L is tried: a look-ahead captures what
    follows the next L characters, and after the pattern the rest must be exactly that capture."""
    if p_low >= low and (high is None or (p_high is not None and p_high <= high)):
        return rx.group(body)
    top = _min(_min(high, p_high), name_max)  # a field is never longer than the whole name
    bottom = max(low, p_low)
    if top is None:
        raise _FieldProblem(
            "with min_length and a pattern like this one, the field needs max_length too",
            ("min_length",),
            hint="add `max_length:` to the field or to the convention",
        )
    if top - bottom + 1 > MAX_LENGTH_SPAN:
        raise _FieldProblem(
            f"max_length - min_length is more than {MAX_LENGTH_SPAN} for a pattern like this one",
            ("max_length",),
            hint="narrow the lengths, or write the pattern as one repeated class",
        )
    if bottom > top:
        raise _FieldProblem(f"no text can match the pattern and be {low} to {high} characters long", ("pattern",))
    options = []
    for length in range(top, bottom - 1, -1):
        tag = f"f{salt}n{length}"  # unique per field and length; deterministic
        grab = rx.lookahead(rx.repeat(rx.ANY, length, length) + rx.named(tag, rx.repeat(rx.ANY, 0, None)))
        options.append(grab + rx.group(body) + rx.lookahead(rx.backref(tag) + END))
    return rx.alternation(options)


_COMPILERS = {"vocabulary": _vocabulary_field, "date": _date_field, "number": _number_field, "text": _text_field}
