"""The name builder on naming/<convention>/ builds the same names as `mopsdocs names build`, and
the page's engine gives the same verdicts as `mopsdocs names check`, on one shared list of cases.

Builds go through the form as a user fills it (one control per field, found by its `name`; a
<select> of codes for a vocabulary field) and are read from the `data-name-output` element.
The command line runs on the same project the site was built from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .browsertools import BIN, PHONE, REPO, ServedSite, open_page, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

# (convention, field values as a user enters them): valid, invalid, and normalised values
BUILDS: list[tuple[str, dict[str, str]]] = [
    ("program", {"date": "2021-12", "channel": "WBN", "region": "", "name": "Peak-Capacity"}),
    ("program", {"date": "2021-12", "channel": "WBN", "region": "NA", "name": "Peak-Capacity"}),
    ("program", {"date": "2022-03", "channel": "EVT", "region": "EMEA", "name": "Gartner-Summit-London"}),
    ("program", {"date": "2021-13", "channel": "WBN", "region": "", "name": "x"}),
    ("program", {"date": "Dec 2021", "channel": "", "region": "", "name": "Peak Capacity"}),
    ("program", {"date": "2021-12", "channel": "EM", "region": "GLB", "name": "x" * 41}),
    ("program", {"date": "", "channel": "", "region": "", "name": ""}),
    ("operational-program", {"area": "Email", "name": "Bounce-Management"}),
    ("operational-program", {"area": "Email", "name": "Bounce;Management"}),
    ("email", {"step": "1", "type": "Invite", "variant": ""}),
    ("email", {"step": "00", "type": "Reminder", "variant": "B"}),
    ("email", {"step": "123", "type": "Nurture", "variant": "C"}),
    ("smart-campaign", {"order": "2", "action": "Hard Bounce (Cat 1-2)"}),
    ("smart-campaign", {"order": "01", "action": "unsubscribe all"}),
    ("utm-campaign", {"quarter": "2021-q4", "source": "linkedin", "name": "peak-capacity"}),
    ("utm-campaign", {"quarter": "2021-Q4", "source": "google", "name": "Peak-Capacity"}),
    ("utm-campaign", {"quarter": "2021-q5", "source": "g2", "name": "a--b"}),
]
# Whole names for the verdicts: each convention's examples and counterexamples, plus these.
NAMES = [
    "2021-12_WBN_Peak-Capacity",
    "2021-12_WBN_NA_Peak;Capacity",
    "2021-12_WBN_" + "x" * 80,
    " 2021-12_WBN_x",
    "2021-12_WBN_x\u200b",
    "OPS_Email_Bounce-Management",
    "OPS_Bounces_x",
    "EM01_Invite",
    "EM00_Invite",
    "01 - Unsubscribe All",
    "2021-q4_linkedin_peak--capacity",
    "2021-12_WBN_\U0001d4b3",
    "Webinar_2021-12_x",
]


def _cli(project: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "mopsdocs"), *args, "-C", str(project)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _cli_build(project: Path, convention: str, values: dict[str, str]) -> dict[str, object]:
    """What `names build` says: the name, or the problems; and its notes."""
    proc = _cli(project, "names", "build", convention, *(f"{k}={v}" for k, v in values.items()))
    assert proc.returncode in (0, 1), proc.stderr
    notes = [
        line.removeprefix("mopsdocs: note: ")
        for line in proc.stderr.splitlines()
        if line.startswith("mopsdocs: note: ")
    ]
    problems = [line.strip() for line in proc.stderr.splitlines() if line.startswith("  ")]
    return {"name": proc.stdout.strip() if proc.returncode == 0 else None, "problems": problems, "notes": notes}


READ_OUTPUT = """
form => {
  const out = form.querySelector('[data-name-output]');
  const valid = out.getAttribute('data-valid') === 'true';
  return {name: valid ? out.querySelector('code').textContent : null,
          problems: valid ? [] : [...out.querySelectorAll('li')].map(li => li.textContent),
          notes: [...out.querySelectorAll('.mopsdocs-name-note')].map(p => p.textContent)};
}
"""


def _page_build(page: Page, convention: str, values: dict[str, str]) -> dict[str, object]:
    form = page.locator(f"form#name-builder-{convention}")
    for field, value in values.items():
        control = form.locator(f"[name='{field}']")
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(value=value)
        else:
            control.fill(value)
    built: dict[str, object] = form.evaluate(READ_OUTPUT)
    return built


def test_the_builder_builds_what_names_build_builds(browser: Browser, site: ServedSite) -> None:
    project = site.root.parent
    differ = []
    by_convention: dict[str, list[dict[str, str]]] = {}
    for convention, values in BUILDS:
        by_convention.setdefault(convention, []).append(values)
    with ThreadPoolExecutor(max_workers=4) as pool:  # the command line, on every case at once
        answers = dict(zip(map(repr, BUILDS), pool.map(lambda case: _cli_build(project, *case), BUILDS)))
    built = 0
    for convention, cases in by_convention.items():
        with open_page(browser, site, f"naming/{convention}/", PHONE) as (page, _):
            form = page.locator(f"form#name-builder-{convention}")
            names = sorted(form.evaluate("f => [...f.elements].map(e => e.name).filter(Boolean)"))
            assert names == sorted(cases[0]), f"{convention}: the form's controls are {names}"
            output = form.locator("[data-name-output]")
            assert output.get_attribute("aria-live") == "polite"
            for values in cases:
                expected = answers[repr((convention, values))]
                shown = _page_build(page, convention, values)
                built += expected["name"] is not None
                if shown != expected:
                    differ.append(f"{convention} {values}:\n  page {shown}\n  cli  {expected}")
                if expected["name"] is not None:  # what the user sees and copies
                    assert output.inner_text().strip().startswith(str(expected["name"]))
                    assert page.locator("[data-name-copy]").is_enabled()
    assert not differ, "\n".join(differ)
    assert built >= 6  # the list holds valid builds, not only refusals


def test_the_page_engine_gives_the_verdicts_of_names_check(browser: Browser, site: ServedSite) -> None:
    project = site.root.parent
    differ = []
    for convention in sorted({c for c, _ in BUILDS}):
        with open_page(browser, site, f"naming/{convention}/") as (page, _):
            listed = page.locator("#examples ~ ul li code").all_inner_texts()
            names = listed + NAMES
            proc = _cli(
                project, "names", "check", convention, "--format", "json", stdin="".join(n + "\n" for n in names)
            )
            assert proc.returncode in (0, 1), proc.stderr
            cli = [r["valid"] for r in json.loads(proc.stdout)["results"]]
            assert len(cli) == len(names), (names, proc.stdout)
            shown = page.evaluate(
                """([id, names]) => {
                    const form = document.getElementById('name-builder-' + id);
                    const data = JSON.parse(form.querySelector('script[data-naming-convention]').textContent);
                    const conv = MopsdocsNames.compile(data);
                    return names.map(n => MopsdocsNames.check(conv, n));
                }""",
                [convention, names],
            )
            differ += [f"{convention} {n!r}: page {p}, names check {c}" for n, p, c in zip(names, shown, cli) if p != c]
            assert True in cli and False in cli, convention  # both verdicts occur for each convention
    assert not differ, "\n".join(differ)


# --------------------------------------------------------------------------- French and Thai pages

TRANSLATED_MKDOCS = """\
site_name: Conventions
theme:
  name: material
  font: false
  language: {language}
plugins:
  - search
  - mopsdocs:
      required_program_categories: []
      fiscal_year_start: 02-01
"""


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The repository's naming conventions built as a French site and a Thai one, served as
    fr/ and th/ from one server."""
    root = tmp_path_factory.mktemp("translated")
    for language in ("fr", "th"):
        project = root / "projects" / language
        (project / "specs").mkdir(parents=True)
        (project / "docs").mkdir()
        (project / "mkdocs.yml").write_text(TRANSLATED_MKDOCS.format(language=language), encoding="utf-8")
        (project / "docs" / "index.md").write_text("# Conventions\n", encoding="utf-8")
        shutil.copy2(REPO / "specs" / "naming.yaml", project / "specs" / "naming.yaml")
        proc = subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict", "-d", str(root / "site" / language)],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        assert proc.returncode == 0, proc.stderr[-4000:]
    with serve(root / "site") as site:
        yield site


@pytest.mark.parametrize(
    ("language", "wrong_month", "too_long", "copy", "copied"),
    [
        (
            "fr",
            "date : le mois 13 n'existe pas",
            "name : compte 41 caractères, la limite pour name est de 40",
            "Copier le nom",
            "Copié",
        ),
        ("th", "date: ไม่มีเดือน 13", "name: ยาว 41 อักขระ แต่ name ยาวได้ไม่เกิน 40", "คัดลอกชื่อ", "คัดลอกแล้ว"),
    ],
)
def test_the_builder_speaks_the_sites_language(
    browser: Browser,
    translated: ServedSite,
    language: str,
    wrong_month: str,
    too_long: str,
    copy: str,
    copied: str,
) -> None:
    with open_page(browser, translated, f"{language}/naming/program/") as (page, _):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=translated.base.rstrip("/"))
        form = page.locator("form#name-builder-program")
        button = form.locator("[data-name-copy]")
        assert button.inner_text() == copy
        shown = _page_build(page, "program", {"date": "2021-13", "channel": "WBN", "region": "", "name": "x"})
        assert shown["problems"] == [wrong_month]
        shown = _page_build(page, "program", {"date": "2021-12", "channel": "WBN", "region": "", "name": "x" * 41})
        assert shown["problems"] == [too_long]
        shown = _page_build(page, "program", {"date": "2021-12", "channel": "WBN", "region": "", "name": "Peak"})
        assert shown["name"] == "2021-12_WBN_Peak"
        button.click()
        page.wait_for_selector("form#name-builder-program [data-name-copy][data-copied='true']")
        assert button.inner_text() == copied
        assert page.evaluate("navigator.clipboard.readText()") == "2021-12_WBN_Peak"
        # another name: the button offers to copy again
        _page_build(page, "program", {"name": "Peak-Capacity"})
        assert button.inner_text() == copy
