"""Generated pages in the site's language: the channels pages in French and Thai, chosen by
Material's `theme.language` or the plugin's `language` setting, English for anything else."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from conftest import REPO

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import channels
from mopsdocs.site.render import render_page

CHANNELS = """\
kind: channel
id: webinar
name: Webinar
code: WBN
statuses:
  - {name: Attended, step: 1, success: true, crm: {status: Attended, responded: true}}
"""


def channels_index(root: Path, language: str) -> str:
    project, report = load_project(root)
    site = SiteContext(project, report, language=language)
    [index] = [p for p in channels.pages(project, site) if p.path == "channels/index.md"]
    return render_page(index, site)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["# Canaux", "| Canal | Code | Type de programme |", '!!! note "Avant de modifier un canal"']),
        ("th", ["# แชนเนล", "| แชนเนล | รหัส | ประเภทโปรแกรม |", "คำศัพท์ `channel`"]),
    ],
)
def test_the_channels_index_is_in_the_sites_language(language: str, words: list[str], marked: Catalog) -> None:
    text = channels_index(REPO, language)
    for expected in words:
        assert expected in text
    # nothing the template marks is left in English (words shared by both languages aside: "Code")
    english = channels_index(REPO, "en")
    for message in marked:
        if isinstance(message.id, str) and " " in message.id and message.id in english:
            assert message.id not in text, (language, message.id)
    # what users wrote stays as written
    assert "[Webinar](webinar.md)" in text and "<code>WBN</code>" in text


def _site(root: Path, theme_language: str, plugin_language: str | None = None) -> Path:
    setting = f"      language: {plugin_language}\n" if plugin_language else ""
    files = {
        "mkdocs.yml": "site_name: Canaux\ntheme:\n  name: material\n  font: false\n"
        f"  language: {theme_language}\nplugins:\n  - search\n  - mopsdocs:\n"
        f"      required_program_categories: []\n{setting}",
        "docs/index.md": "# Accueil\n",
        "specs/team.yaml": "kind: team\nteams:\n  - {id: mops, name: Marketing Ops}\n",
        "specs/channels.yaml": CHANNELS,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _build(root: Path) -> tuple[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "channels" / "index.html").read_text(encoding="utf-8")
    return html.unescape(page), result.stderr


def _lang(page: str) -> str:
    found = re.search(r'<html[^>]* lang="([^"]+)"', page)
    assert found is not None
    return found.group(1)


@pytest.mark.slow
def test_a_french_site_gets_french_pages(tmp_path: Path) -> None:
    page, log = _build(_site(tmp_path, "fr"))
    assert _lang(page) == "fr"
    assert ">Canaux</h1>" in page and "Avant de modifier un canal" in page
    assert "no catalog" not in log


@pytest.mark.slow
def test_the_plugin_setting_overrides_the_theme_and_other_languages_fall_back_to_english_once(
    tmp_path: Path,
) -> None:
    thai, _ = _build(_site(tmp_path / "th", "fr", plugin_language="th"))
    assert ">แชนเนล</h1>" in thai
    german, log = _build(_site(tmp_path / "de", "de"))
    assert _lang(german) == "de"  # Material's own interface is German
    assert ">Channels</h1>" in german  # ours falls back to English ...
    assert log.count("no catalog for 'de'") == 1  # ... and says so once
