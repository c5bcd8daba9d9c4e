"""The `naming` kind: vocabularies of codes and the naming conventions built from them."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import Id, Markdown, Spec, described

FieldType = Literal["vocabulary", "date", "text", "number"]
MARKETO_FORBIDDEN = "'\"<>{};"


class VocabularyValue(Spec):
    code: str = described("The code used in names.")
    label: str | None = described("Human label (never valid in a name; used for suggestions).", default=None)
    aliases: list[str] = described("Other spellings people use (used for suggestions).", default_factory=list)
    description: Markdown | None = described("Markdown.", default=None)


class Vocabulary(Spec):
    id: Id = described("Unique id of the vocabulary.")
    name: str = described("Human title.")
    description: Markdown | None = described("Markdown.", default=None)
    values: list[VocabularyValue] = described("Allowed codes.")


class NameField(Spec):
    type: FieldType | None = described(
        "vocabulary, date, text or number (default: vocabulary when `vocabulary` is set, "
        "date when `format` is set, else text).",
        default=None,
    )
    vocabulary: Id | None = described("Vocabulary id (type vocabulary).", default=None)
    format: str | None = described("Date format from YYYY, YY, MM, DD, N (quarter).", default=None)
    pattern: str | None = described("Regular expression the text must match whole.", default=None)
    min_length: int | None = described("Shortest allowed text.", default=None, ge=0)
    max_length: int | None = described("Longest allowed text.", default=None, ge=1)
    digits: int | None = described("Exact number of digits (type number).", default=None, ge=1)
    min: int | None = described("Smallest number.", default=None)
    max: int | None = described("Largest number.", default=None)
    description: Markdown | None = described("Markdown.", default=None)


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


class NamingSpec(Spec):
    """Naming conventions and the vocabularies their fields draw codes from."""

    KIND: ClassVar[str] = "naming"
    kind: Literal["naming"]
    vocabularies: list[Vocabulary] = described("Vocabularies.", default_factory=list)
    conventions: list[Convention] = described("Conventions.", default_factory=list)
