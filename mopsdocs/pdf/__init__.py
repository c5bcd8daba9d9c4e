"""The whole site as one printable page, and a PDF of it (`mopsdocs pdf`, the `pdf` extra).

- `printpage.build_print_site`: the site built as MkDocs would build it, with
  mkdocs-print-site-plugin added at the end of the plugins (unless the project has it already),
  into a scratch folder: every page in navigation order on one page, a table of contents, a page
  break before each page of the site.
- `chromium.print_to_pdf`: Chromium (or Chrome) prints that page headless: links stay links,
  headings become the PDF's bookmarks, fonts are embedded, diagrams stay vector drawings.
- `make_pdf` chains them and writes the PDF atomically.

Nothing here is imported by `mopsdocs check`; MkDocs and print-site load only when a PDF is made.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .chromium import BrowserMissing, PrintFailed, find_browser, print_to_pdf
from .printpage import PAPERS, PrintPageMissing, PrintSiteMissing, build_print_site


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int | None  # None when pypdf (the `pdf` extra) is not there to count them


def make_pdf(
    root: Path, output: Path, *, paper: str = "a4", font: str | None = None, browser: str | None = None
) -> PdfResult:
    """Build the print page of the project at `root` and print it to `output` (replaced atomically).

    Raises PrintSiteMissing, PrintPageMissing, BrowserMissing, PrintFailed, or MkDocs' own errors
    for a failed build.
    """
    chrome = find_browser(browser)  # before the build: a missing browser is said at once
    with tempfile.TemporaryDirectory(prefix="mopsdocs-pdf-") as tmp:
        page = build_print_site(root, Path(tmp) / "site", paper=paper, font=font)
        printed = Path(tmp) / "site.pdf"
        print_to_pdf(chrome, page, printed)
        _replace(printed, output)
    return PdfResult(output, _count_pages(output))


def _replace(source: Path, target: Path) -> None:
    """Copy `source` over `target` in one step: a reader sees the old PDF or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, staged = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(staged, 0o644)
        os.replace(staged, target)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise


def _count_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(path).pages)


__all__ = [
    "PAPERS",
    "BrowserMissing",
    "PdfResult",
    "PrintFailed",
    "PrintPageMissing",
    "PrintSiteMissing",
    "make_pdf",
]
