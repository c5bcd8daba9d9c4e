"""The language of the generated site: which catalog, and numbers and dates in the locale's form.

The words mopsdocs writes into pages come from message catalogs (gettext, `.po` files in
`mopsdocs/locale/`, one per shipped language), chosen by Material's `theme.language` or the
plugin's `language` setting. English is the source language: its "catalog" is the templates
themselves, and it is the fallback for every language without a catalog (said once in the build
log, by the caller). What users wrote (ids, names, definitions) never goes through a catalog.

Catalogs are read from their `.po` source and compiled in memory on first use (a few
milliseconds), so there is no build step and no compiled file to go stale. Diagnostics stay in
English: their codes are the stable part. Nothing here is on `check`'s import path.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `check` imports this module (durations in words) but never translates
    import gettext

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
DOMAIN = "mopsdocs"


@dataclass(frozen=True)
class SiteLanguage:
    """The language pages are written in, and what was asked for (to say a fallback once)."""

    code: str  # a shipped language: "en", "fr", "th"
    requested: str  # as written in mkdocs.yml ("fr", "pt-BR", ...), or "en" when nothing was set

    @property
    def fell_back(self) -> bool:
        return _base(self.requested) != self.code


def shipped_languages() -> tuple[str, ...]:
    """English plus every language with a catalog, sorted."""
    return (SOURCE_LANGUAGE, *sorted(p.stem for p in LOCALE_DIR.glob("*.po")))


def _base(requested: str) -> str:
    # "fr_FR", "fr-CA", "FR" -> "fr"; Material's own codes ("pt-BR", "zh-Hant") reduce the same way
    return requested.replace("-", "_").split("_", 1)[0].lower()


def resolve(theme_language: str | None, override: str | None = None) -> SiteLanguage:
    """The site's language from the plugin setting (if set), else Material's `theme.language`."""
    requested = (override or theme_language or SOURCE_LANGUAGE).strip() or SOURCE_LANGUAGE
    base = _base(requested)
    code = base if base in shipped_languages() else SOURCE_LANGUAGE
    return SiteLanguage(code=code, requested=requested)


@functools.lru_cache(maxsize=8)
def translations(code: str) -> gettext.NullTranslations:
    """The catalog of a shipped language (English: no catalog, the source text as written)."""
    import gettext
    import io

    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / f"{code}.po").open("rb") as source:
        catalog = read_po(source, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    # Fuzzy entries are not translations yet: leave them out, the English text shows instead
    # (and the completeness test says which).
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def N_(message: str) -> str:
    """Mark a message for the catalogs where it is defined (a table of words at module level);
    it is translated where it is shown, with `Words.gettext(value)`."""
    return message


@dataclass(frozen=True)
class Words:
    """The words Python code writes into pages, in one language (`site.words`).

    The same rules as the templates' new-style gettext: `%(name)s` placeholders are filled by name
    after translation (word order is the translator's), `%%` is a literal percent sign, and
    `ngettext` also fills `%(num)s` with the count. The result is plain text: it is escaped where
    it is written, like every other value. Mark calls as `words.gettext("...")` or `words._("...")`
    so that `scripts/i18n_update.py` finds them.
    """

    code: str = SOURCE_LANGUAGE

    def gettext(self, message: str, **values: object) -> str:
        return translations(self.code).gettext(message) % values

    _ = gettext

    def ngettext(self, singular: str, plural: str, num: int, **values: object) -> str:
        return translations(self.code).ngettext(singular, plural, num) % {"num": num, **values}

    def pgettext(self, context: str, message: str, **values: object) -> str:
        """A message whose translation depends on where it is used (`context`: "incoming
        transitions"), e.g. French agreement: "aucun" programme, "aucune" transition."""
        return translations(self.code).pgettext(context, message) % values

    def number(self, value: float) -> str:
        return format_number(value, self.code)

    def percent(self, fraction: float) -> str:
        return format_percent(fraction, self.code)

    def day(self, value: date) -> str:
        return format_day(value, self.code)


ENGLISH = Words()


def format_number(value: float, code: str) -> str:
    """1234.5 -> "1,234.5" (en), "1 234,5" (fr), "1,234.5" (th)."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=code))


def format_percent(fraction: float, code: str) -> str:
    """0.312 -> "31%" (en), "31 %" (fr)."""
    from babel.numbers import format_percent as babel_percent

    return str(babel_percent(fraction, locale=code))


def format_day(day: date, code: str) -> str:
    """A calendar day in the locale's long form: "December 2, 2026", "2 décembre 2026"."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=code))


__all__ = [
    "ENGLISH",
    "LOCALE_DIR",
    "N_",
    "SOURCE_LANGUAGE",
    "SiteLanguage",
    "Words",
    "format_day",
    "format_number",
    "format_percent",
    "resolve",
    "shipped_languages",
    "translations",
]
