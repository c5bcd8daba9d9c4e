"""A `Convention` spec compiled once into a `CompiledConvention`: one regular expression for the
whole name (the fast path of `names check` and of the page's builder), plus the compiled fields the
explainer and the builder use. Compiling never raises: problems come back located by a path under
the convention (`("fields", "date", "format")`), and the rules turn them into NAME003 diagnostics.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import specs
from ..diagnostics import did_you_mean
from ..specs.naming import ChoiceAlternative, Multiple
from . import dates
from . import regex as rx
from .crossfield import CompiledRule, compile_rule, rule_problems
from .fields import CompiledField
from .grammar import Group, Literal, Node, Slot, Template, parse_template
from .readings import Problem
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
MAX_COMBINATIONS = 20_000  # values a `multiple` field may spell out in the matcher
WORD_CHARACTER = rx.char_class([(48, 57), (65, 90), (97, 122)])  # what a forbidden word may not touch
_KEYS_BY_KIND = {
    "vocabulary": {"type", "vocabulary", "description", "multiple", "case"},
    "date": {"type", "format", "description", "fiscal", "case"},
    "text": {"type", "pattern", "min_length", "max_length", "description"},
    "number": {"type", "digits", "min", "max", "description"},
    "choice": {"type", "of", "description"},
    "literal": {"literal", "case"},
}
FieldSpec = specs.NameField | ChoiceAlternative


@dataclass(frozen=True)
class CompileProblem:
    message: str
    where: tuple[Any, ...]  # path under the convention
    key: bool = False
    hint: str | None = None
    code: str = "NAME003"  # NAME007 for a cross-field rule that cannot be checked


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
    systems: tuple[str, ...] = ()
    forbidden_words: tuple[str, ...] = ()
    switches: tuple[str, ...] = ()  # the text of each optional group without a field, in template order
    current_rx: Rx | None = None  # the whole name without retired codes (None: no field has any)
    rules: tuple[CompiledRule, ...] = ()
    capture_rx: Rx | None = None  # with rules: the whole name with a named group per field (Python only)
    # variants: (code, convention of its template), the default template's first with code None;
    # each has the variant field narrowed to its codes, and this one's fields are all of theirs
    variants: tuple[tuple[str | None, CompiledConvention], ...] = ()
    variant_field: str | None = None
    matcher: re.Pattern[str] = field(init=False)
    current: re.Pattern[str] | None = field(init=False)
    words: re.Pattern[str] | None = field(init=False)  # finds the forbidden words (group 1)
    capture: re.Pattern[str] | None = field(init=False)
    plain: bool = field(init=False)
    # the explainer's memory across names (alignments of name endings): see explain._align
    memo: dict[object, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.matcher = re.compile(self.rx.py)
        self.current = re.compile(self.current_rx.py) if self.current_rx is not None else None
        self.words = re.compile(forbidden_words_rx(self.forbidden_words).py) if self.forbidden_words else None
        self.capture = re.compile(self.capture_rx.py) if self.capture_rx is not None else None
        self.plain = not self.rules and all(sub.plain for _, sub in self.variants)  # the matcher decides alone

    def is_valid(self, name: str) -> bool:
        if self.plain:
            return self.matcher.fullmatch(name) is not None
        if self.variants:
            return any(sub.is_valid(name) for _, sub in self.variants)
        return self.matcher.fullmatch(name) is not None and not self.broken_rules(name)

    def broken_rules(self, name: str) -> list[Problem]:
        """What a name that fits the template breaks of the cross-field rules."""
        if self.variants:
            sub = next((s for _, s in self.variants if s.matcher.fullmatch(name)), None)
            return sub.broken_rules(name) if sub is not None else []
        m = self.capture.fullmatch(name) if self.capture is not None else None
        if m is None:
            return []
        values = {
            self._slot_names[int(k[1:])]: v
            for k, v in m.groupdict().items()
            if k.startswith("v") and v is not None and k[1:].isdigit()
        }
        return rule_problems(self.rules, self.fields, values)

    @property
    def _slot_names(self) -> list[str]:
        return [slot.field for slot in self.template.slots()]

    def forbidden_words_in(self, name: str) -> list[tuple[str, int]]:
        """The forbidden words in a name, each once, as the convention lists them, with where."""
        if self.words is None:
            return []
        listed: dict[str, str] = {}
        for word in self.forbidden_words:
            listed.setdefault(word.lower(), word)
        found: dict[str, int] = {}
        for m in self.words.finditer(name):
            found.setdefault(listed.get(m.group(1).lower(), m.group(1)), m.start(1))
        return list(found.items())

    @property
    def marketo_forbidden(self) -> bool:
        return self.forbidden == specs.MARKETO_FORBIDDEN


@dataclass(frozen=True)
class _Context:
    vocabularies: Mapping[str, specs.Vocabulary]
    fiscal_start: tuple[int, int]
    salt: str = ""  # keeps the group names of a choice's alternatives apart


def forbidden_words_rx(words: tuple[str, ...]) -> Rx:
    """A forbidden word as a whole word, in any letter case: at the start or after a character
    that is not A-Z, a-z or 0-9, and not followed by one. The word is group 1."""
    body = rx.words(words, case_sensitive=False)
    return Rx(f"(?:^|{WORD_CHARACTER_NOT.py})({body.py})", f"(?:^|{WORD_CHARACTER_NOT.js})({body.js})") + rx.negative(
        WORD_CHARACTER
    )


WORD_CHARACTER_NOT = rx.char_class(rx.complement([(48, 57), (65, 90), (97, 122)]))


def compile_convention(
    conv: specs.Convention,
    vocabularies: Mapping[str, specs.Vocabulary],
    known_fields: set[str] | None = None,
    fiscal_year_start: str = "01-01",
) -> tuple[CompiledConvention | None, list[CompileProblem]]:
    """The compiled convention (None when it cannot be used) and every problem found.

    `known_fields` are field names present in the YAML even if schema validation dropped their
    definition: a placeholder naming one is not reported again (no cascade of errors).
    `fiscal_year_start` (MM-DD) is the setting fiscal dates count from."""
    ctx = _Context(vocabularies, (int(fiscal_year_start[:2]), int(fiscal_year_start[3:5])))
    if conv.variants is not None:
        return _compile_variants(conv, ctx, known_fields or set())
    return _compile_one(conv, ctx, known_fields or set())


def _compile_one(
    conv: specs.Convention,
    ctx: _Context,
    known_fields: set[str],
    all_fields: set[str] | None = None,
    whole_field: CompiledField | None = None,
) -> tuple[CompiledConvention | None, list[CompileProblem]]:
    """One template's convention; `all_fields`, for a variant, are the fields of every template
    (a rule about a field of another variant's template is not this one's), and `whole_field`
    its variant field with all its codes (a rule may name any of them)."""
    problems: list[CompileProblem] = []
    template, syntax = parse_template(conv.template)
    for p in syntax:
        where = f" (character {p.position})" if p.position else ""
        problems.append(CompileProblem(f"template: {p.message}{where}", ("template",)))
    usable = template is not None
    compiled_fields: dict[str, CompiledField] = {}
    optional = _optional_fields(template.nodes) if template else set()
    for name, spec in conv.fields.items():
        compiled, field_problems, ok = _compile_field(conv, name, spec, ctx, name in optional)
        problems.extend(field_problems)
        usable = usable and ok
        if compiled is not None:
            compiled_fields[name] = compiled
    for compiled in compiled_fields.values():
        compiled.forbidden = conv.forbidden
        for choice in compiled.choices:
            choice.forbidden = conv.forbidden
    if template is None:
        return None, problems
    placeholder_problems, ok = _check_placeholders(conv, template, known_fields or set())
    problems.extend(placeholder_problems)
    problems.extend(_check_literals(conv, template))
    switches, switch_problems = _switches(template)
    problems.extend(switch_problems)
    if not ok or not usable or any(p.where == ("template",) for p in problems):
        return None, problems
    allowed = rx.complement(rx.normalize(INVISIBLE + [(ord(c), ord(c)) for c in conv.forbidden]))
    ordered = {s.field: compiled_fields[s.field] for s in template.slots()}
    guard = rx.lookahead(rx.repeat(rx.char_class(allowed), 1, conv.max_length) + END)
    words = tuple(dict.fromkeys(w for w in conv.forbidden_words if w.strip()))
    if words:
        guard = guard + rx.negative_lookahead(forbidden_words_rx(words))
    whole = guard + rx.group(_body(template.nodes, ordered, conv.case_sensitive))
    current = None
    if any(f.current is not None for f in ordered.values()):
        current = guard + rx.group(_body(template.nodes, ordered, conv.case_sensitive, current=True))
    rules: list[CompiledRule] = []
    for i, rule_spec in enumerate(conv.rules):
        mentioned = {rule_spec.field, rule_spec.after, *(rule_spec.allowed_with or {})} - {None}
        if all_fields is not None and any(n not in ordered and n in all_fields for n in mentioned):
            continue
        known = {**ordered, whole_field.name: whole_field} if whole_field is not None else ordered
        rule, rule_errors = compile_rule(rule_spec, known)
        problems.extend(
            CompileProblem(p.message, ("rules", i, *p.where), p.key, p.hint, "NAME007") for p in rule_errors
        )
        if rule is not None:
            rules.append(rule)
    capture = None
    if rules:
        slots = {slot.field: k for k, slot in enumerate(template.slots())}
        capture = guard + rx.group(_body(template.nodes, ordered, conv.case_sensitive, capture=slots))
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
        tuple(conv.systems),
        words,
        switches,
        current,
        tuple(rules),
        capture,
    ), problems


def _optional_fields(nodes: tuple[Node, ...], inside: bool = False) -> set[str]:
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, Slot) and inside:
            out.add(node.field)
        elif isinstance(node, Group):
            out |= _optional_fields(node.children, True)
    return out


def _body(
    nodes: tuple[Node, ...],
    fields: Mapping[str, CompiledField],
    case_sensitive: bool,
    current: bool = False,
    capture: Mapping[str, int] | None = None,
) -> Rx:
    """The template as one expression; `current` leaves retired codes out, `capture` puts each
    field in a named group `v<k>` (k: its place among the template's fields)."""
    parts = []
    for node in nodes:
        if isinstance(node, Literal):
            parts.append(rx.literal(node.text, case_sensitive))
        elif isinstance(node, Slot):
            f = fields[node.field]
            body = f.current if current and f.current is not None else f.rx
            parts.append(rx.named(f"v{capture[node.field]}", body) if capture is not None else rx.group(body))
        else:
            parts.append(rx.optional(_body(node.children, fields, case_sensitive, current, capture)))
    return rx.concat(parts)


VARIANT_VOCABULARY = " variant"  # no id can be this: the narrowed vocabulary of a variant's field


def _compile_variants(
    conv: specs.Convention, ctx: _Context, known_fields: set[str]
) -> tuple[CompiledConvention | None, list[CompileProblem]]:
    """One convention per template (the default's, then each variant's), each with the variant
    field narrowed to its codes (the default: every code without a template of its own); the
    result matches what any of them matches, and holds every field of every template."""
    assert conv.variants is not None
    variants = conv.variants
    name = variants.field
    spec = conv.fields.get(name)
    if spec is None:
        hint = did_you_mean(name, conv.fields) or f"fields: {', '.join(conv.fields)}"
        return None, [
            CompileProblem(f"variants: '{name}' is no field of the convention", ("variants", "field"), hint=hint)
        ]
    if field_kind(spec) != "vocabulary" or spec.multiple is not None:
        return None, [
            CompileProblem(
                f"variants: '{name}' must be a vocabulary field of one code (its code picks the template)",
                ("variants", "field"),
            )
        ]
    vocab = ctx.vocabularies.get(spec.vocabulary or "")
    if vocab is None:
        return None, []  # REF001 says so
    problems: list[CompileProblem] = []
    codes = {cased(v.code, spec.case): v for v in vocab.values}
    for value in variants.templates:
        if value not in codes:
            hint = did_you_mean(value, list(codes)) or f"codes: {', '.join(list(codes)[:10])}"
            problems.append(
                CompileProblem(
                    f"variants: '{value}' is no code of vocabulary '{vocab.id}'",
                    ("variants", "templates", value),
                    True,
                    hint,
                )
            )
    full, field_problems, _ = _compile_field(conv, name, spec, ctx, False)  # every code: for rules and the builder
    if full is None:
        return None, problems + field_problems
    full.forbidden = conv.forbidden
    templates: list[tuple[str | None, str, tuple[Any, ...]]] = [(None, conv.template, ("template",))]
    templates += [(code, t, ("variants", "templates", code)) for code, t in variants.templates.items()]
    subs: list[tuple[str | None, CompiledConvention]] = []
    used: set[str] = set()
    usable = parsed_all = True
    for k, (code, source, where) in enumerate(templates):
        if code is not None and code not in codes:
            continue  # said above; a template no name can pick
        parsed, _ = parse_template(source)
        parsed_all = parsed_all and parsed is not None
        names = {slot.field for slot in parsed.slots()} if parsed is not None else set(conv.fields)
        used |= names
        keep = [
            v
            for v in vocab.values
            if (cased(v.code, spec.case) == code if code else cased(v.code, spec.case) not in variants.templates)
        ]
        narrowed = {**ctx.vocabularies, VARIANT_VOCABULARY: vocab.model_copy(update={"values": keep})}
        fields = {
            n: (s.model_copy(update={"vocabulary": VARIANT_VOCABULARY}) if n == name else s)
            for n, s in conv.fields.items()
            if n in names
        }
        sub_conv = conv.model_copy(update={"template": source, "fields": fields, "variants": None})
        compiled, sub_problems = _compile_one(
            sub_conv, _Context(narrowed, ctx.fiscal_start, f"v{k}"), known_fields, set(conv.fields), full
        )
        problems.extend(
            CompileProblem(p.message, where, p.key, p.hint, p.code) if p.where == ("template",) else p
            for p in sub_problems
        )
        if compiled is None:
            usable = False
        else:
            subs.append((code, compiled))
    for n in conv.fields if parsed_all else ():
        if n not in used:
            problems.append(
                CompileProblem(
                    f"field '{n}' is not used in the template or its variants",
                    ("fields", n),
                    key=True,
                    hint=f"add {{{n}}} to a template, or remove the field",
                )
            )
    problems = list(dict.fromkeys(problems))  # a field's problem, once for all the templates that use it
    if not usable:
        return None, problems
    default = subs[0][1]
    if name in default.fields:
        full.optional = default.fields[name].optional
    fields_all: dict[str, CompiledField] = {}
    for _, sub in subs:
        for n, f in sub.fields.items():
            fields_all.setdefault(n, full if n == name else f)
    whole = rx.alternation([sub.rx for _, sub in subs])
    current = None
    if any(sub.current_rx is not None for _, sub in subs):
        current = rx.alternation([sub.current_rx or sub.rx for _, sub in subs])
    return CompiledConvention(
        conv.id,
        conv.name,
        default.template,
        fields_all,
        conv.max_length,
        conv.forbidden,
        conv.case_sensitive,
        whole,
        tuple(conv.applies_to),
        default.allowed,
        tuple(conv.systems),
        default.forbidden_words,
        tuple(dict.fromkeys(s for _, sub in subs for s in sub.switches)),
        current,
        variants=tuple(subs),
        variant_field=name,
    ), problems


def switch_text(group: Group) -> str | None:
    """The text of an optional group without a field (a switch, like `[_PARENT]`); None if it has one."""
    out = []
    for child in group.children:
        if isinstance(child, Slot):
            return None
        if isinstance(child, Literal):
            out.append(child.text)
        else:
            inner = switch_text(child)
            if inner is None:
                return None
            out.append(inner)
    return "".join(out)


def _switches(template: Template) -> tuple[tuple[str, ...], list[CompileProblem]]:
    """The texts of the template's switches, each once: `+TEXT` turns on every group writing it
    (v1 templates such as `{a}[_]{b}[_]{c}` stay as they were)."""
    found: list[str] = []

    def walk(nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            if isinstance(node, Group):
                text = switch_text(node)
                if text is None:
                    walk(node.children)
                elif text:
                    found.append(text)

    walk(template.nodes)
    return tuple(dict.fromkeys(found)), []


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


def field_kind(spec: FieldSpec) -> str:
    """The type, defaulting as the contract says: choice with `of`, vocabulary with `vocabulary`,
    date with `format`; an alternative of a choice with `literal` is a literal."""
    if isinstance(spec, ChoiceAlternative) and spec.literal is not None:
        return "literal"
    if spec.type is not None:
        return spec.type
    if isinstance(spec, specs.NameField) and spec.of is not None:
        return "choice"
    return "vocabulary" if spec.vocabulary is not None else ("date" if spec.format is not None else "text")


def _case_sensitive(conv: specs.Convention, spec: FieldSpec) -> bool:
    """A field's `case` overrides the convention's: `any` ignores letter case; `upper` and
    `lower` ask for exactly that case."""
    return conv.case_sensitive if spec.case is None else spec.case != "any"


def cased(text: str, case: str | None) -> str:
    return text.upper() if case == "upper" else (text.lower() if case == "lower" else text)


def _compile_field(
    conv: specs.Convention,
    name: str,
    spec: FieldSpec,
    ctx: _Context,
    optional: bool,
    where: tuple[Any, ...] | None = None,
) -> tuple[CompiledField | None, list[CompileProblem], bool]:
    kind = field_kind(spec)
    where = ("fields", name) if where is None else where
    problems = [
        CompileProblem(
            f"field '{name}': '{key}' does not apply to a {kind} field",
            where + (key,),
            key=True,
            hint="remove it, or set `type:` to the kind of field you meant",
        )
        for key in sorted(spec.model_fields_set - _KEYS_BY_KIND[kind] - ({"type"} if kind == "literal" else set()))
    ]
    try:
        compiled = _COMPILERS[kind](conv, name, spec, ctx, optional)
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
    spec: Any,
    ctx: _Context,
    optional: bool,
) -> CompiledField:
    if spec.vocabulary is None:
        raise _FieldProblem(
            "a vocabulary field needs `vocabulary:` (the id of a vocabulary)",
            (),
            True,
            "add `vocabulary: <id>`, or change `type:`",
        )
    vocab = ctx.vocabularies.get(spec.vocabulary)
    if vocab is None:
        raise _Unresolved()
    case_sensitive = _case_sensitive(conv, spec)
    codes = tuple(dict.fromkeys(cased(v.code, spec.case) for v in vocab.values))
    if not codes and spec.vocabulary != VARIANT_VOCABULARY:  # (every code may have a template of its own)
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
        code = cased(value.code, spec.case)
        for term, how in [(value.label, "label")] + [(a, "alias") for a in value.aliases]:
            if term and term != code:
                terms.setdefault(term.lower(), (code, how))
                terms.setdefault("~" + "".join(ch for ch in term.lower() if ch.isalnum()), (code, how))
    retired = {
        cased(v.code, spec.case): (cased(v.replaced_by, spec.case) if v.replaced_by else None, v.retired_on)
        for v in vocab.values
        if v.retired
    }
    current_codes = tuple(c for c in codes if c not in retired)
    multiple = None
    if getattr(spec, "multiple", None) is not None:  # (an alternative of a choice has none)
        multiple = _multiple(conv, spec.multiple, codes)
        matcher = rx.words(_combinations(codes, multiple), case_sensitive)
        current = rx.words(_combinations(current_codes, multiple), case_sensitive) if retired else None
    else:
        matcher = rx.words(codes, case_sensitive)
        current = rx.words(current_codes, case_sensitive) if retired else None
    return CompiledField(
        name,
        "vocabulary",
        matcher,
        optional,
        case_sensitive,
        vocabulary=vocab.id,
        codes=codes,
        terms=terms,
        multiple=multiple,
        retired=retired,
        current=current if current_codes else rx.NEVER if retired else None,
    )


def _multiple(conv: specs.Convention, spec: Multiple, codes: tuple[str, ...]) -> tuple[str, int]:
    separator, most = spec.separator, spec.max if spec.max is not None else len(codes)
    if not separator:
        raise _FieldProblem("multiple: the separator is empty", ("multiple", "separator"), hint="e.g. separator: '_'")
    if any(ch in conv.forbidden or rx.in_class(ch, INVISIBLE) for ch in separator):
        raise _FieldProblem(
            f"multiple: the separator '{separator}' holds a character names may not contain", ("multiple", "separator")
        )
    inside = [c for c in codes if any(ch in c for ch in separator)]
    if inside:  # a separator sharing a character with a code could split a value two ways
        raise _FieldProblem(
            f"multiple: the separator '{separator}' shares a character with the code '{inside[0]}': "
            "codes could not be told apart",
            ("multiple", "separator"),
            hint="choose a separator whose characters no code contains",
        )
    most = min(most, len(codes))
    count = sum(_permutations(len(codes), k) for k in range(1, most + 1))
    if count > MAX_COMBINATIONS:
        raise _FieldProblem(
            f"multiple: {len(codes)} codes, up to {most} at a time, make {count:,} values "
            f"(more than {MAX_COMBINATIONS:,})",
            ("multiple", "max") if spec.max is not None else ("multiple",),
            key=spec.max is None,
            hint="set a smaller `max` (how many codes one name may hold)",
        )
    return separator, most


def _permutations(n: int, k: int) -> int:
    out = 1
    for i in range(k):
        out *= n - i
    return out


def _combinations(codes: tuple[str, ...], multiple: tuple[str, int]) -> list[str]:
    """Every value of a multiple field: one to `max` different codes, in any order."""
    separator, most = multiple
    return [separator.join(p) for k in range(1, most + 1) for p in itertools.permutations(codes, k)]


def _date_field(
    conv: specs.Convention,
    name: str,
    spec: Any,
    ctx: _Context,
    optional: bool,
) -> CompiledField:
    default = "YYYY-qN" if spec.fiscal else "YYYY-MM-DD"
    try:
        fmt = dates.parse_format(spec.format if spec.format is not None else default, spec.fiscal).cased(spec.case)
    except dates.DateFormatProblem as exc:
        hint = "e.g. 'FY'YY-'Q'N or YYYY-qN" if spec.fiscal else "e.g. YYYY-MM, YYYY-MM-DD, YYYYMMDD or YYYY-qN"
        raise _FieldProblem(str(exc), ("format",), hint=hint) from None
    case_sensitive = _case_sensitive(conv, spec)
    return CompiledField(
        name,
        "date",
        dates.date_rx(fmt, case_sensitive),
        optional,
        case_sensitive,
        date_format=fmt,
        fiscal_start=ctx.fiscal_start if spec.fiscal else (1, 1),
    )


def _literal_field(
    conv: specs.Convention,
    name: str,
    spec: Any,
    ctx: _Context,
    optional: bool,
) -> CompiledField:
    text = cased(spec.literal, spec.case)
    if not text or any(ch in conv.forbidden or rx.in_class(ch, INVISIBLE) for ch in text):
        raise _FieldProblem(
            f"the literal '{text}' can never be in a name",
            ("literal",),
            hint="literals may not be empty or hold forbidden characters",
        )
    case_sensitive = _case_sensitive(conv, spec)
    return CompiledField(name, "literal", rx.literal(text, case_sensitive), optional, case_sensitive, literal=text)


def _choice_field(
    conv: specs.Convention,
    name: str,
    spec: Any,
    ctx: _Context,
    optional: bool,
) -> CompiledField:
    if not spec.of:
        raise _FieldProblem(
            "a choice field needs `of:` (its alternatives)" if spec.of is None else "`of` lists no alternative",
            () if spec.of is None else ("of",),
            spec.of is None,
            "add `of: [{type: date, format: YYYYMMDD}, {literal: eg}]`",
        )
    choices = []
    for i, alternative in enumerate(spec.of):
        inner = _Context(ctx.vocabularies, ctx.fiscal_start, f"{ctx.salt}a{i}")
        compiled, problems, ok = _compile_field(conv, name, alternative, inner, optional, ("fields", name, "of", i))
        if problems:
            first = problems[0]
            raise _FieldProblem(first.message.removeprefix(f"field '{name}': "), first.where[2:], first.key, first.hint)
        if not ok or compiled is None:
            raise _Unresolved()
        choices.append(compiled)
    current = None
    if any(c.current is not None for c in choices):
        current = rx.alternation([c.current if c.current is not None else c.rx for c in choices])
    return CompiledField(
        name,
        "choice",
        rx.alternation([c.rx for c in choices]),
        optional,
        _case_sensitive(conv, spec),
        choices=tuple(choices),
        current=current,
    )


def _number_field(
    conv: specs.Convention,
    name: str,
    spec: Any,
    ctx: _Context,
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
    spec: Any,
    ctx: _Context,
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
                f"{sorted(conv.fields).index(name)}{ctx.salt}",
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
    body: Rx, p_low: int, p_high: int | None, low: int, high: int | None, name_max: int | None, salt: str
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


_COMPILERS = {
    "vocabulary": _vocabulary_field,
    "date": _date_field,
    "number": _number_field,
    "text": _text_field,
    "choice": _choice_field,
    "literal": _literal_field,
}
