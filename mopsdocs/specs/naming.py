"""The `naming` kind: vocabularies of codes and the naming conventions built from them."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import StringConstraints

from .base import Date, Id, Markdown, Spec, described

FieldType = Literal["vocabulary", "date", "text", "number", "choice"]
AlternativeType = Literal["vocabulary", "date", "text", "number"]
FieldCase = Literal["upper", "lower", "any"]
MARKETO_FORBIDDEN = "'\"<>{};"
Word = Annotated[str, StringConstraints(min_length=1)]


class VocabularyValue(Spec):
    code: str = described("The code used in names.")
    label: str | None = described("Human label (never valid in a name; used for suggestions).", default=None)
    aliases: list[str] = described("Other spellings people use (used for suggestions).", default_factory=list)
    description: Markdown | None = described("Markdown.", default=None)
    retired: bool = described("No longer used in new names: names with it get NAME006.", default=False)
    retired_on: Date | None = described("When it was retired.", default=None)
    replaced_by: str | None = described("The code to use instead (a code of the same vocabulary).", default=None)


class Vocabulary(Spec):
    id: Id = described("Unique id of the vocabulary.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    values: list[VocabularyValue] = described("Allowed codes.")


class Multiple(Spec):
    separator: str = described("What joins two codes (e.g. `_` in `emea_amer`).", default="_")
    max: int | None = described("Most codes in one value (default: every code of the vocabulary).", default=None, ge=1)


class ChoiceAlternative(Spec):
    """One alternative of a `choice` field: a literal text, or a field of another type."""

    literal: str | None = described("A fixed text, e.g. `eg` for evergreen.", default=None)
    type: AlternativeType | None = described(
        "vocabulary, date, text or number (defaults as for a field).", default=None
    )
    vocabulary: Id | None = described("Vocabulary id (type vocabulary).", default=None)
    format: str | None = described("Date format (type date).", default=None)
    fiscal: bool = described("Read YYYY, YY and N as the fiscal year and quarter.", default=False)
    case: FieldCase | None = described("upper, lower or any: overrides the convention's case_sensitive.", default=None)
    pattern: str | None = described("Regular expression the text must match whole.", default=None)
    min_length: int | None = described("Shortest allowed text.", default=None, ge=0)
    max_length: int | None = described("Longest allowed text.", default=None, ge=1)
    digits: int | None = described("Exact number of digits (type number).", default=None, ge=1)
    min: int | None = described("Smallest number.", default=None)
    max: int | None = described("Largest number.", default=None)


class NameField(Spec):
    type: FieldType | None = described(
        "vocabulary, date, text, number or choice (default: choice when `of` is set, vocabulary "
        "when `vocabulary` is set, date when `format` is set, else text).",
        default=None,
    )
    vocabulary: Id | None = described("Vocabulary id (type vocabulary).", default=None)
    format: str | None = described(
        "Date format from YYYY, YY, MM, DD, N (quarter); text in single quotes is literal.", default=None
    )
    pattern: str | None = described("Regular expression the text must match whole.", default=None)
    min_length: int | None = described("Shortest allowed text.", default=None, ge=0)
    max_length: int | None = described("Longest allowed text.", default=None, ge=1)
    digits: int | None = described("Exact number of digits (type number).", default=None, ge=1)
    min: int | None = described("Smallest number.", default=None)
    max: int | None = described("Largest number.", default=None)
    description: Markdown | None = described("Markdown.", default=None)
    of: list[ChoiceAlternative] | None = described(
        "The alternatives of a choice field (e.g. a date, or the literal `eg`).", default=None
    )
    multiple: Multiple | None = described("One or more codes joined by a separator (type vocabulary).", default=None)
    fiscal: bool = described(
        "Read YYYY, YY and N as the fiscal year and quarter (setting `fiscal_year_start`).", default=False
    )
    case: FieldCase | None = described("upper, lower or any: overrides the convention's case_sensitive.", default=None)


class Variants(Spec):
    """A template per value of one field: names of that value follow their own template."""

    field: str = described("The vocabulary field whose value picks the template.")
    templates: dict[str, str] = described("Code -> the template for names with that code (others: `template`).")


class NamingRule(Spec):
    """A rule across two fields of a name; it applies when both fields are in the name."""

    field: str = described("The field the rule is about.")
    after: str | None = described("A date field this date field is on or after.", default=None)
    allowed_with: dict[str, dict[str, list[str]]] | None = described(
        "Other field -> its code -> the codes of `field` allowed with it (other codes: any).", default=None
    )
    description: Markdown | None = described("Why the rule exists (Markdown).", default=None)


class Convention(Spec):
    id: Id = described("Unique id of the convention.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    applies_to: list[str] = described("Asset types: program, operational-program, email, ...", default_factory=list)
    template: str = described("{field} placeholders, [optional groups], everything else literal.")
    fields: dict[str, NameField] = described("Field name -> definition.")
    max_length: int | None = described("Longest allowed name.", default=None, ge=1)
    forbidden: str = described("Characters never allowed (default: those Marketo rejects).", default=MARKETO_FORBIDDEN)
    case_sensitive: bool = described("Whether codes and literals must match letter case.", default=True)
    examples: list[str] = described("Names that must conform.", default_factory=list)
    counterexamples: list[str] = described("Names that must not conform.", default_factory=list)
    systems: list[str] = described(
        "Platforms whose assets it governs (marketo, salesforce, ...); none: every platform.", default_factory=list
    )
    forbidden_words: list[Word] = described(
        "Whole words no name may contain (case-insensitive), e.g. test, dontuse.", default_factory=list
    )
    variants: Variants | None = described("A template per value of one field (e.g. per campaign type).", default=None)
    rules: list[NamingRule] = described("Rules across fields (`after`, `allowed_with`): NAME007.", default_factory=list)


class NamingSpec(Spec):
    """Naming conventions and the vocabularies their fields draw codes from."""

    KIND: ClassVar[str] = "naming"
    kind: Literal["naming"]
    vocabularies: list[Vocabulary] = described("Vocabularies.", default_factory=list)
    conventions: list[Convention] = described("Conventions.", default_factory=list)
