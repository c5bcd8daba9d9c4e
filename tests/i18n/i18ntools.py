"""Helpers of the language tests: extracting the marked messages as the update script does, and
finding marked English left on a translated page."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from babel.messages.catalog import Catalog

REPO = Path(__file__).resolve().parents[2]


def update_script() -> ModuleType:
    """scripts/i18n_update.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("i18n_update", REPO / "scripts" / "i18n_update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_update"] = module
    spec.loader.exec_module(module)
    return module


def extract() -> Catalog:
    catalog: Catalog = update_script().extract()
    return catalog


def english_left(marked: Catalog, english: str, text: str, ours: tuple[str, ...] = (), user: str = "") -> list[str]:
    """Messages marked in the files `ours` (all files if empty) of more than one word that the
    English page shows and the translated `text` still shows. A message that is also part of what
    users wrote (`user`) may well stay; one with placeholders never shows as written."""
    return [
        m.id
        for m in marked
        if isinstance(m.id, str)
        and (not ours or any(str(path).endswith(ours) for path, _ in m.locations))
        and " " in m.id
        and "%(" not in m.id
        and m.id in english
        and m.id in text
        and m.id not in user
    ]
