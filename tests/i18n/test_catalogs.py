"""The shipped catalogs are complete and current: every message the templates mark is translated
in every catalog (all plural forms, none fuzzy), and no catalog keeps a message the templates no
longer use. `python scripts/i18n_update.py` brings them in line; then translate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from mopsdocs import i18n

REPO = Path(__file__).resolve().parents[2]


def _catalog(code: str) -> Catalog:
    with (i18n.LOCALE_DIR / f"{code}.po").open("rb") as source:
        return read_po(source, locale=code)


def _forms(value: object) -> tuple[str, ...]:
    """A message id or string as its forms: one for a plain message, one per plural form."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    assert isinstance(value, (tuple, list))
    return tuple(str(v) for v in value)


def _key(message_id: object) -> str:
    return _forms(message_id)[0]


CATALOGS = [code for code in i18n.shipped_languages() if code != i18n.SOURCE_LANGUAGE]


def test_french_and_thai_are_shipped() -> None:
    assert {"fr", "th"} <= set(CATALOGS)


def test_the_templates_mark_messages(marked: Catalog) -> None:
    # the extraction really reads the templates (a broken extractor would make every check below pass)
    assert len([m for m in marked if m.id]) >= 10


@pytest.mark.parametrize("code", CATALOGS)
def test_every_marked_message_is_translated(marked: Catalog, code: str) -> None:
    catalog = _catalog(code)
    missing, untranslated, fuzzy = [], [], []
    for message in marked:
        if not message.id:
            continue
        entry = catalog.get(message.id, message.context)
        if entry is None:
            missing.append(_key(message.id))
        elif entry.fuzzy:
            fuzzy.append(_key(message.id))
        elif not all(_forms(entry.string)):
            untranslated.append(_key(message.id))
    assert (missing, untranslated, fuzzy) == ([], [], []), (
        f"{code}.po: missing {missing}, untranslated {untranslated}, fuzzy {fuzzy} "
        "(python scripts/i18n_update.py, then translate)"
    )


@pytest.mark.parametrize("code", CATALOGS)
def test_no_catalog_keeps_a_message_the_templates_no_longer_use(marked: Catalog, code: str) -> None:
    used = {(_key(m.id), m.context) for m in marked if m.id}
    stale = sorted(_key(m.id) for m in _catalog(code) if m.id and (_key(m.id), m.context) not in used)
    assert stale == [], f"{code}.po has messages no template uses: {stale}"


@pytest.mark.parametrize("code", CATALOGS)
def test_plural_messages_have_every_form_of_the_language(marked: Catalog, code: str) -> None:
    catalog = _catalog(code)
    for message in marked:
        if message.id and isinstance(message.id, tuple):
            entry = catalog.get(message.id, message.context)
            assert entry is not None and len(_forms(entry.string)) == catalog.num_plurals, message.id


@pytest.mark.parametrize("code", CATALOGS)
def test_placeholders_survive_translation(marked: Catalog, code: str) -> None:
    # a translation that drops or renames %(count)s would raise or show the wrong number at build time
    catalog = _catalog(code)
    for message in marked:
        if not message.id:
            continue
        entry = catalog.get(message.id, message.context)
        if entry is None:
            continue
        source = _forms(message.id)
        targets = _forms(entry.string)
        wanted = set().union(*(_placeholders(s) for s in source))
        for target in targets:
            assert _placeholders(target) <= wanted, (code, message.id, target)
            if len(source) == 1:  # not a plural: every placeholder is kept
                assert _placeholders(target) == wanted, (code, message.id, target)


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)s", text))


def test_a_language_without_a_catalog_falls_back_to_english_and_says_so() -> None:
    german = i18n.resolve("de")
    assert (german.code, german.fell_back) == ("en", True)
    assert (i18n.resolve("fr_FR").code, i18n.resolve("fr_FR").fell_back) == ("fr", False)
    assert i18n.resolve("en", override="th").code == "th"
    assert i18n.resolve(None).code == "en" and not i18n.resolve(None).fell_back


@pytest.mark.parametrize(
    ("code", "number", "day"),
    [
        ("en", "1,234.5", "December 2, 2026"),
        ("fr", "1\u202f234,5", "2 décembre 2026"),
        ("th", "1,234.5", "2 ธันวาคม ค.ศ. 2026"),
    ],
)
def test_numbers_and_dates_in_the_locales_form(code: str, number: str, day: str) -> None:
    from datetime import date

    assert i18n.format_number(1234.5, code) == number
    assert i18n.format_day(date(2026, 12, 2), code) == day
