"""`mopsdocs pdf`: a real PDF of a real site (MkDocs + print-site, printed by Debian's Chromium),
read back with pypdf: pages, sheet sizes, bookmarks, text of every section, links, fonts.

pypdf rather than pdftotext: besides the text it reads what a reader of the PDF relies on and
pdftotext does not show (the bookmarks, link annotations and embedded fonts), and it is a small
pure-Python package instead of a system tool.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import require_tool
from sitetools import mini_project, run_tool

pytest.importorskip("pypdf", reason="the pdf extra (pypdf) is not installed")
pytest.importorskip("mkdocs_print_site_plugin", reason="the pdf extra (mkdocs-print-site-plugin) is not installed")
from pypdf import PdfReader  # after the skips: without the extra the module is skipped, not an error

pytestmark = pytest.mark.slow

SPECS = {
    "specs/raci.yaml": """\
        kind: raci
        id: ops
        name: Ops RACI
        activities:
          - {id: sync, name: Sync the CRM, assign: {mops-manager: A/R, sdr: I}}
        """,
    "specs/program.yaml": """\
        kind: program
        id: dedupe
        name: Weekly de-duplication
        category: deduplication
        status: active
        owner: mops-manager
        trigger: {type: batch, schedule: "daily 02:00"}
        """,
}
DOCS = {"guide.md": "# Field guide\n\nRead [the vendor's manual](https://example.com/manual) first.\n"}
A4, LETTER = (595, 842), (612, 792)  # points, portrait


@dataclass
class Pdf:
    path: Path
    log: str
    reader: PdfReader

    @property
    def texts(self) -> list[str]:
        return [" ".join(p.extract_text().split()) for p in self.reader.pages]

    def sizes(self) -> list[tuple[int, int]]:
        return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in self.reader.pages]

    def outline_titles(self) -> list[str]:
        def walk(items: list[object]) -> list[str]:
            out: list[str] = []
            for item in items:
                out += walk(item) if isinstance(item, list) else [str(getattr(item, "title", ""))]
            return out

        return walk(list(self.reader.outline))

    def annotations(self) -> list[dict[str, object]]:
        return [a.get_object() for p in self.reader.pages for a in (p.get("/Annots") or [])]

    def fonts(self) -> set[str]:
        names = set()
        for page in self.reader.pages:
            fonts = page.get("/Resources", {}).get("/Font", {})
            names |= {str(f.get_object().get("/BaseFont")) for f in fonts.values()}
        return names


def make_pdf(tmp_path: Path, *args: str, files: dict[str, str] | None = None) -> Pdf:
    browser = require_tool("chromium", "printing the site to PDF", install="scripts/test installs Debian's chromium")
    root = mini_project(tmp_path / "p", {**SPECS, **(files or {})}, docs=DOCS)
    out = tmp_path / "out" / "handbook.pdf"
    proc = run_tool("mopsdocs", ["pdf", "-o", str(out), "--browser", browser, *args], cwd=root, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return Pdf(out, proc.stderr, PdfReader(out))


@pytest.fixture(scope="module")
def a4(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return make_pdf(tmp_path_factory.mktemp("a4"))


def test_the_pdf_has_a_cover_a_contents_and_every_page_of_the_site(a4: Pdf) -> None:
    count = re.search(r"wrote .*handbook\.pdf \((\d+) pages\)", a4.log)
    assert count and int(count.group(1)) == len(a4.reader.pages) > 5, a4.log
    texts = a4.texts
    assert "Mini site" in texts[0]  # the cover
    contents = next(t for t in texts if "Table of Contents" in t)
    titles = ["Home", "Field guide", "Lead lifecycle", "Ops RACI", "People", "Maude", "Programs",
              "Weekly de-duplication", "Health"]  # fmt: skip
    for title in titles:
        assert title in contents, title
        # each page of the site starts a new sheet: some sheet opens with its title
        assert any(re.match(rf"(Page \d+ )?{re.escape(title)}\b", t) for t in texts), title
    assert set(titles) <= set(a4.outline_titles())  # the headings are the PDF's bookmarks
    body = " ".join(texts)
    for words in ("Read the vendor's manual first", "Sync the CRM", "daily 02:00", "Accountable for 1 activity"):
        assert words in body, words


def test_links_stay_links_inside_the_pdf_and_out_of_it(a4: Pdf) -> None:
    links = [a for a in a4.annotations() if a.get("/Subtype") == "/Link"]
    uris = {str(a["/A"]["/URI"]) for a in links if "/A" in a and "/URI" in a["/A"]}  # type: ignore[index,operator]
    assert "https://example.com/manual" in uris
    internal = [a for a in links if "/Dest" in a or ("/A" in a and a["/A"].get("/S") == "/GoTo")]  # type: ignore[attr-defined]
    assert len(internal) >= 9  # the table of contents and the links between pages jump inside the PDF
    assert not any(u.startswith("file:") for u in uris)  # no link points into the scratch folder


def test_sheets_are_a4_and_the_matrix_is_printed_landscape(a4: Pdf) -> None:
    sizes, texts = a4.sizes(), a4.texts
    matrix = next(i for i, t in enumerate(texts) if t.startswith(("Ops RACI", "Page")) and "Ops RACI R" in t)
    assert sizes[matrix] == A4[::-1]
    assert {s for i, s in enumerate(sizes) if i != matrix} == {A4}


def test_diagrams_are_vector_text_on_the_page(a4: Pdf) -> None:
    page = next(p for p, t in zip(a4.reader.pages, a4.texts, strict=True) if re.match(r"(Page \d+ )?Lead lifecycle", t))
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() in ("Known", "MQL", "Customer"):
            sizes.append(abs(size * tm[3] * cm[3]))

    page.extract_text(visitor_text=visit)
    assert sizes, "the diagram's stage names are not text in the PDF"
    assert min(sizes) >= 6  # points: readable on paper


def test_letter_paper_and_a_chosen_font(tmp_path: Path, a4: Pdf) -> None:
    pdf = make_pdf(tmp_path, "--paper", "letter", "--font", "DejaVu Serif")
    assert LETTER in pdf.sizes() and A4 not in pdf.sizes()
    assert any("DejaVuSerif" in f for f in pdf.fonts()) and not any("DejaVuSerif" in f for f in a4.fonts())


def test_thai_text_is_printed_with_an_embedded_thai_font(tmp_path: Path) -> None:
    fc_list = require_tool("fc-list", "finding a Thai font")
    thai = subprocess.run([fc_list, ":lang=th", "family"], capture_output=True, text=True, check=False).stdout
    if not thai.strip():
        require_tool("thai-font", "Thai text in the PDF", path="/nonexistent", install="apt install fonts-thai-tlwg")
    team = """\
        kind: team
        teams: [{id: mops, name: ฝ่ายการตลาด}, {id: sales, name: ฝ่ายขาย}]
        roles: [{id: mops-manager, name: ผู้จัดการ, team: mops}, {id: sdr, name: SDR, team: sales}]
        people: [{id: maude, name: สมชาย ใจดี, roles: [mops-manager]}, {id: sam, name: Sam, roles: [sdr]}]
        """
    pdf = make_pdf(tmp_path, files={"specs/team.yaml": team})
    body = " ".join(pdf.texts)
    assert "สมชาย ใจดี" in body.replace("  ", " ")
    families = {f.split("+", 1)[-1].split("-")[0] for f in pdf.fonts()}
    assert families & {f.strip().split(",")[0].replace(" ", "") for f in thai.splitlines() if f.strip()}, pdf.fonts()


def test_a_missing_browser_or_an_output_in_docs_is_a_clear_error(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", SPECS, docs=DOCS)
    proc = run_tool("mopsdocs", ["pdf", "--browser", str(tmp_path / "no-such-chrome")], cwd=root)
    assert proc.returncode == 1 and "browser" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    proc = run_tool("mopsdocs", ["pdf", "-o", "docs/handbook.pdf"], cwd=root)
    assert proc.returncode == 2 and "does not write into docs/" in proc.stderr, proc.stderr
    assert not (root / "docs" / "handbook.pdf").exists() and not (root / "site").exists()
