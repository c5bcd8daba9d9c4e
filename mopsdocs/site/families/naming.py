"""Pages `naming/<convention>/`: the template, its fields and vocabularies, examples, a name builder.

The builder is a plain HTML form; `mopsdocs/assets/namebuilder.js` (shipped by the plugin with
every page, no CDN) gives it life from the convention compiled by `mopsdocs.naming` and embedded
in the page as JSON, so it accepts exactly what `mopsdocs names check` accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ... import specs
from ...channel_model import channel_by_code
from ...naming.catalogue import compile_all
from ...naming.compiler import CompiledConvention, cased, field_kind
from ...naming.fields import alternative_words, describe_class
from ...naming.jsdata import convention_data, script_json
from ...project import Project
from ..context import SiteContext
from ..pages import Page, channel_path, convention_path

NAV = ("Naming",)


@dataclass(frozen=True)
class FieldRow:
    name: str
    kind: str
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
    rows = tuple(_field_row(project, conv, name, compiled) for name in order if name in conv.fields)
    # script_json escapes everything that could end the <script> element or start a template tag
    data = Markup(script_json(convention_data(compiled))) if compiled is not None else None  # noqa: S704
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
    )


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


def _field_row(project: Project, conv: specs.Convention, name: str, compiled: CompiledConvention | None) -> FieldRow:
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
        rule = f"a code of {vocab.name} ({len(vocab.values)} codes)"
        if spec.multiple is not None and cf is not None and cf.multiple is not None:
            separator = cf.multiple[0]
            rule = f"1 to {cf.multiple[1]} different codes of {vocab.name}, joined by '{separator}'"
    elif kind == "date":
        placeholder = spec.format or ("YYYY-qN" if spec.fiscal else "YYYY-MM-DD")
        rule = f"a {'fiscal ' if spec.fiscal else ''}date written {placeholder}"
    elif kind == "number":
        rule = _number_rule(spec)
    elif kind == "choice" and cf is not None:
        words = [alternative_words(c) for c in cf.choices]
        rule = " or ".join(words)
        shapes = [c.date_format.source if c.date_format else c.literal for c in cf.choices]
        placeholder = " or ".join(p for p in shapes if p)
    elif kind == "choice":
        rule = "one of its alternatives"
    else:
        rule = _text_rule(spec, cf)
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
    )


def _number_rule(spec: specs.NameField) -> str:
    parts = [f"{spec.digits} digits" if spec.digits else "a number"]
    if spec.min is not None and spec.max is not None:
        parts.append(f"from {spec.min} to {spec.max}")
    elif spec.min is not None:
        parts.append(f"{spec.min} or more")
    elif spec.max is not None:
        parts.append(f"at most {spec.max}")
    return ", ".join(parts)


def _text_rule(spec: specs.NameField, cf: Any) -> str:
    parts = []
    if cf is not None and cf.allowed is not None:
        parts.append(f"characters {describe_class(cf.allowed)}")
    elif spec.pattern:
        parts.append(f"matching {spec.pattern}")
    else:
        parts.append("any text")
    low = cf.min_length if cf is not None else (spec.min_length or 0)
    if spec.max_length is not None:
        parts.append(f"{low} to {spec.max_length} characters")
    elif low > 1:
        parts.append(f"at least {low} characters")
    return ", ".join(parts)
