"""Search in the site's language: Thai words and unaccented queries (see `search_worker.js`).

Material's search cuts text at spaces and hyphens only: in Thai, written without spaces, a
sentence was one token and a word inside it could not be found; and in French "etape" did not
find "étape". On a site whose language is not English, the plugin ships a small worker next to
Material's (same folder, so Material's relative paths hold) that segments Thai words (the
browser's own ICU segmenter) and folds accents, then runs Material's worker unchanged; every page
points Material at it. English sites keep Material's worker, byte for byte.
No Python dependency and nothing at build time: the index stays as Material writes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

WORKER_SOURCE = Path(__file__).resolve().parent / "search_worker.js"
WORKER_NAME = "mopsdocs-search.js"
_MATERIAL_WORKER = re.compile(r"^assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)$")
# the worker's URL in Material's `__config` (relative to the page: "../../assets/...")
_CONFIG_WORKER = re.compile(r'("search":\s*"[^"]*?assets/javascripts/workers/)search\.[0-9a-f]+\.min\.js"')


def wanted(theme_language: str | None, site_language: str) -> bool:
    """Whether the site needs the worker: any language but English (Material's or mopsdocs')."""
    material = (theme_language or "en").replace("-", "_").split("_", 1)[0].lower()
    return material != "en" or site_language != "en"


def add_worker(files: Files, config: MkDocsConfig) -> bool:
    """Add the worker to the site next to Material's; False when Material's worker is not there
    (another theme, or no search plugin): pages are then left as they are."""
    if not any(name.split("/")[-1] == "search" for name in config.plugins):  # "material/search"
        return False
    material = next((m.group(1) for f in files if (m := _MATERIAL_WORKER.match(f.src_uri))), None)
    if material is None:
        return False
    text = WORKER_SOURCE.read_text(encoding="utf-8").replace("__MATERIAL_WORKER__", material)
    files.append(
        File.generated(
            config, f"assets/javascripts/workers/{WORKER_NAME}", content=text, inclusion=InclusionLevel.NOT_IN_NAV
        )
    )
    return True


def point_at_worker(output: str) -> str:
    """A page's HTML with Material's `__config` naming our worker instead of Material's."""
    return _CONFIG_WORKER.sub(rf'\g<1>{WORKER_NAME}"', output, count=1)


__all__ = ["WORKER_NAME", "add_worker", "point_at_worker", "wanted"]
