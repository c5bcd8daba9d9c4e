"""Pages `naming/<convention>/`: the template, its fields and vocabularies, examples, a name builder.

The builder is a plain HTML form; `mopsdocs/assets/namebuilder.js` (shipped by the plugin with
every page, no CDN) gives it life from the convention compiled by `mopsdocs.naming` and embedded
in the page as JSON, so it accepts exactly what `mopsdocs names check` accepts.

Every word the pages write is in the site's language: the field table's words here, the builder's
messages as a second JSON block the template writes only for a language other than English (the
engine's own English is the fallback, so a page without the block still works).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ... import specs
from ...channel_model import channel_by_code
from ...i18n import N_, SOURCE_LANGUAGE, Words, translations
from ...naming import regex as rx
from ...naming.catalogue import compile_all
from ...naming.compiler import CompiledConvention, cased, field_kind
from ...naming.fields import CompiledField
from ...naming.jsdata import convention_data, script_json
from ...project import Project
from ..context import SiteContext
from ..pages import Page, channel_path, convention_path

NAV = ("Naming",)

# A field's type, as the Fields table shows it (the spec's `type:` values)
KINDS = {
    "text": N_("text"),
    "vocabulary": N_("vocabulary"),
    "date": N_("date"),
    "number": N_("number"),
    "choice": N_("choice"),
    "switch": N_("switch"),
}
# Asset types of `applies_to` mopsdocs knows; any other is shown as written. English shows the id.
ASSET_TYPES = {
    "program": N_("program"),
    "operational-program": N_("operational-program"),
    "email": N_("email"),
    "folder": N_("folder"),
    "smart-campaign": N_("smart-campaign"),
    "utm-campaign": N_("utm-campaign"),
    "landing-page": N_("landing-page"),
    "form": N_("form"),
}


class _Marked:
    """`ngettext` is the name the catalog extraction looks for: marks a plural message of the
    builder without translating it (the page gets both forms, the engine picks one)."""

    @staticmethod
    def ngettext(singular: str, plural: str) -> tuple[str, str]:
        return singular, plural


# The name builder's messages (mopsdocs/assets/namebuilder.js writes them in English when the
# page carries none): the English text is the key, placeholders are filled by name in the engine.
BUILDER_MESSAGES = (
    N_("'%(code)s' is retired (since %(date)s): use %(replacement)s"),
    N_("'%(code)s' is retired (since %(date)s): it has no replacement"),
    N_("'%(code)s' is retired: use %(replacement)s"),
    N_("'%(code)s' is retired: it has no replacement"),
    N_("year 0000 does not exist"),
    N_("quarter %(quarter)s does not exist"),
    N_("month %(month)s does not exist"),
    N_("day %(day)s does not exist"),
    N_("%(year)s is not a leap year: February %(year)s has 28 days"),
    N_("day %(day)s does not exist in %(month)s %(year)s"),
    N_("day %(day)s does not exist in %(month)s"),
    N_("space"),
    N_("anything but %(chars)s"),
    N_("is %(length)s characters, the limit for %(field)s is %(limit)s"),
    N_("none"),
    N_("'%(text)s' is not a %(field)s code: use one of %(codes)s"),
    N_("'%(text)s' is not an %(field)s code: use one of %(codes)s"),
    N_("'%(text)s' has the wrong letter case: use %(code)s"),
    N_("'%(text)s' is the label of %(field)s code %(code)s: use %(code)s"),
    N_("'%(text)s' is the alias of %(field)s code %(code)s: use %(code)s"),
    N_("'%(code)s' is given twice"),
    N_("has %(count)s codes joined by '%(separator)s', at most %(max)s"),
    N_("a date written %(format)s"),
    N_("a %(vocabulary)s code"),
    N_("a number"),
    N_("text matching %(pattern)s"),
    N_("text"),
    N_("is required"),
    N_("'%(text)s' is not '%(literal)s'"),
    N_("%(first)s or %(then)s"),
    N_("'%(text)s' is not %(alternatives)s"),
    N_("'%(text)s' is not a date written %(format)s"),
    N_("'%(text)s' is not a number"),
    N_("'%(text)s' must have %(digits)s digits: use %(fixed)s"),
    N_("'%(text)s' has %(length)s digits; %(field)s has %(digits)s"),
    N_("%(value)s is below the minimum, %(min)s"),
    N_("%(value)s is above the maximum, %(max)s"),
    N_("'%(text)s' does not match the pattern %(pattern)s"),
    N_("'%(char)s' is not allowed in Marketo asset names"),
    N_("'%(char)s' is not allowed in these names"),
    N_("%(field)s: left out: names with this %(variant)s follow %(template)s"),
    N_("%(field)s: %(message)s"),
    N_("is %(length)s characters, the limit is %(limit)s"),
    N_("contains an invisible or control character (U+%(code)s)"),
    N_("starts or ends with white space"),
    N_("contains the forbidden word '%(word)s'"),
    N_("does not follow the pattern %(template)s"),
    N_("'%(value)s' is before %(other)s '%(other_value)s': %(field)s must be on or after %(other)s"),
    N_("'%(code)s' does not go with %(other)s '%(other_code)s': use %(allowed)s"),
    N_("Copied"),
)
BUILDER_PLURALS = (
    _Marked.ngettext(
        "is %(num)s character, %(field)s needs at least %(min)s",
        "is %(num)s characters, %(field)s needs at least %(min)s",
    ),
    _Marked.ngettext(
        "%(chars)s is not allowed in %(field)s (allowed: %(allowed)s)",
        "%(chars)s are not allowed in %(field)s (allowed: %(allowed)s)",
    ),
)


@dataclass(frozen=True)
class FieldRow:
    name: str
    kind: str  # the spec's type; `kind_label` is the word shown for it
    rule: str  # what values are allowed, in words
    optional: bool
    description: str | None
    vocabulary: str | None  # anchor of its vocabulary section
    options: tuple[tuple[str, str], ...]  # (code, label) for the builder's <select>; retired codes left out
    placeholder: str
    separator: str | None = None  # a multiple field: the builder's <select multiple> joins codes with it
    fiscal: bool = False
    case: str | None = None  # upper, lower or any: the field's own letter case rule
    only_with: tuple[str, ...] = ()  # a field of some variants' templates only: their codes
    kind_label: str = ""


@dataclass(frozen=True)
class ValueRow:
    code: str
    label: str
    aliases: str
    description: str | None
    path: str | None = None  # the channel page of a channel vocabulary's code
    retired: bool = False
    retired_on: str | None = None
    replaced_by: str | None = None


@dataclass(frozen=True)
class VocabularyView:
    id: str
    name: str
    anchor: str
    description: str | None
    values: tuple[ValueRow, ...]
    has_retired: bool = False


@dataclass(frozen=True)
class ConventionView:
    convention: specs.Convention
    path: str
    forbidden: str  # shown as characters separated by spaces
    fields: tuple[FieldRow, ...]
    vocabularies: tuple[VocabularyView, ...]
    problems: tuple[str, ...]  # why the convention cannot be used (then there is no builder)
    builder_json: Markup | None  # the compiled convention for the page's engine, script-safe
    form_id: str
    source: str
    edit_url: str | None
    switches: tuple[str, ...] = ()  # optional groups without a field: checkboxes in the builder
    fiscal_year_start: str = "01-01"
    variant_field: str | None = None
    variants: tuple[tuple[str, str], ...] = ()  # (code, its template)
    rules: tuple[RuleView, ...] = ()
    applies_to: tuple[str, ...] = ()  # the asset types, as words
    switch_label: str = "switch"
    messages_json: Markup | None = None  # the builder's messages in the site's language (none in English)


@dataclass(frozen=True)
class RuleView:
    field: str
    after: str | None
    allowed_with: tuple[tuple[str, str, tuple[str, ...]], ...]  # (other field, its code, codes allowed)
    description: str | None


def pages(project: Project, site: SiteContext) -> list[Page]:
    compiled = compile_all(project)
    out = []
    for order, conv_id in enumerate(compiled):
        v = view(project, site, project.conventions[conv_id], *compiled[conv_id])
        out.append(
            Page(v.path, v.convention.name, "naming.md.j2", {"c": v, "spec_path": v.source}, nav=NAV, order=order)
        )
    return out


def view(
    project: Project,
    site: SiteContext,
    conv: specs.Convention,
    compiled: CompiledConvention | None,
    problems: list[Any],
) -> ConventionView:
    source = project.loc(conv).path
    # template order (the order of `fields:` is only the order keys happen to be written in;
    # with variants, the default template's fields come first, then the variants' own)
    order = list(compiled.fields) if compiled else sorted(conv.fields)
    fields = [conv.fields[n] for n in order if n in conv.fields]
    vocab_ids = [
        f.vocabulary
        for f in fields
        if field_kind(f) == "vocabulary" and f.vocabulary is not None and f.vocabulary in project.vocabularies
    ]
    vocabularies = tuple(_vocabulary(project, site, project.vocabularies[v]) for v in dict.fromkeys(vocab_ids))
    words = site.words
    rows = tuple(_field_row(project, conv, name, compiled, words) for name in order if name in conv.fields)
    # script_json escapes everything that could end the <script> element or start a template tag
    data = Markup(script_json(convention_data(compiled))) if compiled is not None else None  # noqa: S704
    messages = builder_messages(words) if compiled is not None else None
    return ConventionView(
        convention=conv,
        path=convention_path(conv.id),
        forbidden=" ".join(conv.forbidden),
        fields=rows,
        vocabularies=vocabularies,
        problems=tuple(p.message for p in problems) if compiled is None else (),
        builder_json=data,
        form_id=f"name-builder-{conv.id}",
        source=source,
        edit_url=site.edit_url(source),
        switches=compiled.switches if compiled is not None else (),
        fiscal_year_start=project.settings.fiscal_year_start,
        variant_field=conv.variants.field if conv.variants is not None else None,
        variants=tuple(conv.variants.templates.items()) if conv.variants is not None else (),
        rules=tuple(
            RuleView(
                r.field,
                r.after,
                tuple(
                    (other, code, tuple(allowed))
                    for other, by_code in (r.allowed_with or {}).items()
                    for code, allowed in by_code.items()
                ),
                r.description,
            )
            for r in conv.rules
        ),
        applies_to=tuple(words.gettext(ASSET_TYPES[a]) if a in ASSET_TYPES else a for a in conv.applies_to),
        switch_label=words.gettext(KINDS["switch"]),
        messages_json=Markup(script_json(messages)) if messages is not None else None,  # noqa: S704
    )


def builder_messages(words: Words) -> dict[str, Any] | None:
    """The builder's messages in the language of `words`, for the page's engine: None in English
    (the engine's own text). A plural message gets its forms for one and for more than one; the
    engine picks with `Intl.PluralRules` of the language."""
    if words.code == SOURCE_LANGUAGE:
        return None
    catalog = translations(words.code)
    messages: dict[str, Any] = {m: catalog.gettext(m) for m in BUILDER_MESSAGES}
    for singular, plural in BUILDER_PLURALS:
        messages[singular] = [catalog.ngettext(singular, plural, 1), catalog.ngettext(singular, plural, 2)]
    from babel.dates import get_month_names

    months = get_month_names("wide", locale=words.code)
    return {"language": words.code, "messages": messages, "months": [str(months[m]) for m in range(1, 13)]}


def _vocabulary(project: Project, site: SiteContext, vocab: specs.Vocabulary) -> VocabularyView:
    channels: dict[str, str] = {}
    if vocab.id == project.settings.channel_vocabulary and site.has_family("channels"):
        channels = channel_by_code(project)
    values = tuple(
        ValueRow(
            v.code,
            v.label or "",
            ", ".join(v.aliases),
            v.description,
            channel_path(channels[v.code]) if v.code in channels else None,
            v.retired,
            v.retired_on,
            v.replaced_by,
        )
        for v in vocab.values
    )
    has_retired = any(v.retired for v in values)
    return VocabularyView(vocab.id, vocab.name, f"vocabulary-{vocab.id}", vocab.description, values, has_retired)


def _field_row(
    project: Project, conv: specs.Convention, name: str, compiled: CompiledConvention | None, words: Words
) -> FieldRow:
    spec = conv.fields[name]
    kind = field_kind(spec)
    cf = compiled.fields.get(name) if compiled else None
    options: tuple[tuple[str, str], ...] = ()
    anchor = None
    placeholder = ""
    separator = None
    if kind == "vocabulary" and spec.vocabulary in project.vocabularies:
        vocab = project.vocabularies[spec.vocabulary]
        # a field's `case` writes the codes its way; retired codes are not offered
        options = tuple((cased(v.code, spec.case), v.label or "") for v in vocab.values if not v.retired)
        anchor = f"vocabulary-{vocab.id}"
        rule = words.ngettext(
            "a code of %(vocabulary)s (%(num)s code)",
            "a code of %(vocabulary)s (%(num)s codes)",
            len(vocab.values),
            vocabulary=vocab.name,
        )
        if spec.multiple is not None and cf is not None and cf.multiple is not None:
            separator = cf.multiple[0]
            rule = words.gettext(
                "1 to %(max)s different codes of %(vocabulary)s, joined by '%(separator)s'",
                max=cf.multiple[1],
                vocabulary=vocab.name,
                separator=separator,
            )
    elif kind == "date":
        # the format is the spec's own notation (YYYY, MM, ...): the same in every language
        placeholder = spec.format or ("YYYY-qN" if spec.fiscal else "YYYY-MM-DD")
        if spec.fiscal:
            rule = words.gettext("a fiscal date written %(format)s", format=placeholder)
        else:
            rule = words.gettext("a date written %(format)s", format=placeholder)
    elif kind == "number":
        rule = _number_rule(spec, words)
    elif kind == "choice" and cf is not None:
        rule = _either([_alternative_words(c, words) for c in cf.choices], words)
        shapes = [c.date_format.source if c.date_format else c.literal for c in cf.choices]
        placeholder = _either([p for p in shapes if p], words)
    elif kind == "choice":
        rule = words.gettext("one of its alternatives")
    else:
        rule = _text_rule(spec, cf, words)
    optional = cf.optional if cf is not None else False
    only_with: tuple[str, ...] = ()
    if compiled is not None and compiled.variants and name not in compiled.variants[0][1].fields:
        only_with = tuple(code for code, sub in compiled.variants[1:] if code is not None and name in sub.fields)
        optional = optional or all(
            sub.fields[name].optional for code, sub in compiled.variants[1:] if name in sub.fields
        )
    return FieldRow(
        name,
        kind,
        rule,
        optional,
        spec.description,
        anchor,
        options,
        placeholder,
        separator,
        spec.fiscal,
        spec.case,
        only_with,
        words.gettext(KINDS[kind]) if kind in KINDS else kind,
    )


def _either(alternatives: list[str], words: Words) -> str:
    """'a or b or c', in the language of `words`."""
    if not alternatives:
        return ""
    out = alternatives[0]
    for then in alternatives[1:]:
        out = words.gettext("%(first)s or %(then)s", first=out, then=then)
    return out


def _alternative_words(f: CompiledField, words: Words) -> str:
    """fields.py `alternative_words`, in the language of `words` (the builder says the same)."""
    if f.kind == "literal":
        return f"'{f.literal}'"
    if f.kind == "date" and f.date_format is not None:
        return words.gettext("a date written %(format)s", format=f.date_format.source)
    if f.kind == "vocabulary":
        return words.gettext("a %(vocabulary)s code", vocabulary=f.vocabulary)
    if f.kind == "number":
        return words.gettext("a number")
    if f.pattern:
        return words.gettext("text matching %(pattern)s", pattern=f.pattern.source)
    return words.gettext("text")


def _describe_class(ranges: rx.Intervals, words: Words) -> str:
    """fields.py `describe_class`, in the language of `words`: the ranges of a set of characters."""
    if sum(high - low + 1 for low, high in ranges) > 0x10000:
        return words.gettext("anything but %(chars)s", chars=_ranges_text(rx.complement(ranges), words))
    return _ranges_text(ranges, words)


def _ranges_text(ranges: rx.Intervals, words: Words) -> str:
    def shown(c: str) -> str:
        if c == " ":
            return words.gettext("space")
        return c if c.isprintable() else f"U+{ord(c):04X}"

    parts = [shown(chr(low)) if low == high else f"{shown(chr(low))}-{shown(chr(high))}" for low, high in ranges[:12]]
    return " ".join(parts) + (" ..." if len(ranges) > 12 else "")


def _number_rule(spec: specs.NameField, words: Words) -> str:
    if spec.digits:
        parts = [words.ngettext("%(num)s digit", "%(num)s digits", spec.digits)]
    else:
        parts = [words.gettext("a number")]
    if spec.min is not None and spec.max is not None:
        parts.append(words.gettext("from %(min)s to %(max)s", min=spec.min, max=spec.max))
    elif spec.min is not None:
        parts.append(words.gettext("%(min)s or more", min=spec.min))
    elif spec.max is not None:
        parts.append(words.gettext("at most %(max)s", max=spec.max))
    return ", ".join(parts)


def _text_rule(spec: specs.NameField, cf: Any, words: Words) -> str:
    parts = []
    if cf is not None and cf.allowed is not None:
        parts.append(words.gettext("characters %(chars)s", chars=_describe_class(cf.allowed, words)))
    elif spec.pattern:
        parts.append(words.gettext("matching %(pattern)s", pattern=spec.pattern))
    else:
        parts.append(words.gettext("any text"))
    low = cf.min_length if cf is not None else (spec.min_length or 0)
    if spec.max_length is not None:
        parts.append(words.gettext("%(min)s to %(max)s characters", min=low, max=spec.max_length))
    elif low > 1:
        parts.append(words.gettext("at least %(num)s characters", num=low))
    return ", ".join(parts)
