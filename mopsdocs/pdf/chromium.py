"""Printing a page to PDF with Chromium (or Google Chrome) run headless, as a user's browser would.

No Python package is needed: the browser's own `--print-to-pdf` keeps links (as PDF links),
turns the headings into the PDF's bookmarks (`--generate-pdf-document-outline`), embeds the fonts
it used (Thai text with a Thai font, when one is installed: fontconfig picks it) and keeps SVG
diagrams as vector drawings.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT = 600  # seconds: a thousand-page site prints in well under a minute on a laptop


class BrowserMissing(Exception):
    """No Chromium or Chrome to print with."""


class PrintFailed(Exception):
    """The browser ran but wrote no PDF."""


def find_browser(given: str | None = None) -> str:
    """`given` (a path or a command name), else $MOPSDOCS_BROWSER, else the first browser on PATH."""
    wanted = given or os.environ.get("MOPSDOCS_BROWSER")
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise BrowserMissing(f"browser '{wanted}' not found (give the path of Chromium or Chrome)")
        return found
    for name in CANDIDATES:
        found = shutil.which(name)
        if found is not None:
            return found
    raise BrowserMissing(
        "no Chromium or Chrome found to print with: install one (Debian/Ubuntu: apt install chromium) "
        "or give its path with --browser"
    )


def print_to_pdf(browser: str, page: Path, output: Path) -> None:
    """Print the HTML file `page` to `output` (the sheet size comes from the page's CSS)."""
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
        "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=30000",  # let the page's scripts and layout settle before printing
        f"--print-to-pdf={output}",
        page.resolve().as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # Chromium refuses to start as root with its sandbox
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise PrintFailed(f"{Path(browser).name} did not finish printing within {TIMEOUT} s") from None
    if proc.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
        said = "\n".join(line for line in proc.stderr.splitlines() if "ERROR" in line or "rror" in line)[-2000:]
        raise PrintFailed(f"{Path(browser).name} could not print the site (exit {proc.returncode}): {said}")
