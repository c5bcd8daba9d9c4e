"""Bring the message catalogs in line with the templates: `python scripts/i18n_update.py`.

Extracts every message the built-in templates mark (`_("...")`, `ngettext(...)`, `{% trans %}`)
and the Python code marks (`words.gettext("...")`, `words._("...")`, `words.ngettext(...)`,
`N_("...")` for tables of words), and updates `mopsdocs/locale/<language>.po`: new messages are
added untranslated, messages nothing uses any more are dropped. Then translate the empty entries (tests/i18n fails while
any is empty, fuzzy, or left over). Run from the repository root with the dev virtualenv.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mopsdocs"
LOCALE = PACKAGE / "locale"
METHODS = [("templates/**.j2", "jinja2"), ("**.py", "python")]
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true", "silent": "false"}}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}


def extract() -> Catalog:
    """Every message of the built-in templates and the code, with where it is used."""
    # a fixed creation date: the catalogs change only when their messages do
    template = Catalog(domain="mopsdocs", project="mopsdocs", creation_date=datetime(2026, 12, 1, tzinfo=UTC))
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), METHODS, options_map=OPTIONS, keywords=KEYWORDS, strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def main(argv: list[str]) -> int:
    template = extract()
    for po in sorted(LOCALE.glob("*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.stem)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with po.open("wb") as out:
            write_po(out, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
        untranslated = sum(
            1 for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
        )
        print(f"{po.relative_to(ROOT)}: {len(catalog)} messages, {untranslated} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
