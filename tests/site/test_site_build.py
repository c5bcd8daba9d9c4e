"""Real MkDocs builds of mini-sites: navigation, strictness, errors, determinism, cache, safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli
from sitetools import LIFECYCLE, SITE_TESTS, Page, mini_project, read_page, run_tool, tree

from mopsdocs.site.diagram_cache import project_cache_dir

pytestmark = pytest.mark.slow


def nav_order(site: Path) -> list[str]:
    """Titles of the navigation's pages (links) and sections (labels), in order."""
    page = read_page(site / "index.html")
    return [
        e.text.strip()
        for e in page.elements
        if e.tag in ("a", "label") and "md-nav__link" in e.attrs.get("class", "").split() and e.text.strip()
    ]


# --------------------------------------------------------------------------- navigation


def test_without_nav_the_generated_pages_form_a_reference_section(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", docs={"guide.md": "# Guide\n"})
    before = {k: v for k, v in tree(root).items()}
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert proc.returncode == 0, proc.stderr
    site = root / "site"
    assert (site / "lifecycle" / "lead" / "index.html").is_file()
    assert (site / "health" / "index.html").is_file()
    order = nav_order(site)
    assert order.index("Guide") < order.index("Reference") < order.index("Lifecycles") < order.index("Lead lifecycle")
    assert order.index("Lead lifecycle") < order.index("Health")
    after = {k: v for k, v in tree(root).items() if not k.startswith(("site/", ".cache/"))}
    assert after == before  # nothing written into docs/, specs/ or anywhere else


def test_with_an_explicit_nav_the_section_is_appended(tmp_path: Path) -> None:
    root = mini_project(
        tmp_path / "p", docs={"guide.md": "# Guide\n"}, extra_config="nav:\n  - Home: index.md\n  - Guide: guide.md\n"
    )
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert proc.returncode == 0, proc.stderr
    order = nav_order(root / "site")
    assert order.index("Guide") < order.index("Reference") < order.index("Lead lifecycle")


def test_a_section_of_that_title_in_nav_places_them_and_listed_pages_stay_put(tmp_path: Path) -> None:
    nav = (
        "nav:\n  - Home: index.md\n  - Handbook: []\n  - Funnel: lifecycle/lead.md\n  - Guide: guide.md\n"
        "  - mopsdocs:\n      nav_section: Handbook\n"
    )
    config = (
        "      nav_section: Handbook\nnav:\n  - Home: index.md\n  - Handbook: []\n"
        "  - Funnel: lifecycle/lead.md\n  - Guide: guide.md\n"
    )
    assert "nav_section" in nav  # (the block above is what a user writes; built below)
    root = mini_project(tmp_path / "p", docs={"guide.md": "# Guide\n"}, extra_config=config)
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert proc.returncode == 0, proc.stderr
    order = nav_order(root / "site")
    assert order.index("Handbook") < order.index("Health") < order.index("Funnel") < order.index("Guide")
    assert "Lead lifecycle" not in order and order.count("Funnel") == 1  # listed once, where the user put it


def test_spec_titles_in_the_navigation_are_escaped(tmp_path: Path) -> None:
    spec = LIFECYCLE.replace("name: Lead lifecycle", "name: '<b onmouseover=alert(1)>Lead</b>'")
    root = mini_project(tmp_path / "p", {"specs/lifecycle.yaml": spec})
    assert run_tool("mkdocs", ["build", "--strict"], cwd=root).returncode == 0
    for html_file in (root / "site" / "index.html", root / "site" / "lifecycle" / "lead" / "index.html"):
        page = read_page(html_file)
        assert not page.all("b"), html_file
        assert not any(k.startswith("on") for e in page.elements for k in e.attrs)
        assert "<b onmouseover=alert(1)>Lead</b>" in page.text
    title = read_page(root / "site" / "lifecycle" / "lead" / "index.html").all("title")[0]
    assert title.text.startswith("<b onmouseover")  # the <title> shows the name, as text


# --------------------------------------------------------------------------- diagnostics


def test_spec_warnings_go_through_the_mkdocs_logger_and_fail_strict(tmp_path: Path) -> None:
    spec = LIFECYCLE.replace("{from: mql, to: customer, sla: 1d, owner: sdr}", "{from: mql, to: customer}").replace(
        "owner: sales, sla: 1d", "owner: sales"
    )
    root = mini_project(tmp_path / "p", {"specs/lifecycle.yaml": spec})
    strict = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert strict.returncode == 1
    assert re.search(r"WARNING +-  mopsdocs: specs/lifecycle\.yaml:\d+:\d+: warning\[LC005\]", strict.stderr)
    assert "Traceback" not in strict.stderr
    relaxed = run_tool("mkdocs", ["build"], cwd=root)
    assert relaxed.returncode == 0
    health = read_page(root / "site" / "health" / "index.html")
    assert "LC005" in health.text and re.search(r"specs/lifecycle\.yaml:\d+:\d+", health.text)
    assert any(e.attrs.get("href") == "../lifecycle/lead/" for e in health.all("a"))


def test_spec_errors_fail_the_build_with_located_lines(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", {"specs/lifecycle.yaml": LIFECYCLE.replace("to: lost", "to: lots")})
    result = run_cli(["build"], cwd=root)
    assert result.code == 1
    assert re.search(r"specs/lifecycle\.yaml:\d+:\d+: error\[REF001\]: unknown stage 'lots'", result.err)
    assert "Traceback" not in result.err + result.out
    assert not (root / "site" / "lifecycle").exists()


@pytest.mark.parametrize(
    ("user_page", "generated"),
    [
        ("lifecycle/lead.md", "lifecycle/lead.md"),
        ("lifecycle/lead/index.md", "lifecycle/lead.md"),
        ("health/index.md", "health.md"),
    ],
)
def test_a_users_page_where_a_generated_page_goes_fails_the_build_and_is_not_lost(
    tmp_path: Path, user_page: str, generated: str
) -> None:
    # the same file, or another file with the same address (/lifecycle/lead/): MkDocs would keep
    # one of the two without a word, and the user's page would vanish from the site
    root = mini_project(tmp_path / "p", docs={user_page: "# Mine\n\nWritten by hand.\n"})
    result = run_cli(["build"], cwd=root)
    assert result.code == 1, result.err
    assert f"docs/{user_page} has the" in result.err and "rename or move it" in result.err
    if user_page != generated:
        assert f"address of the generated page {generated}" in result.err
    assert "Traceback" not in result.err + result.out
    assert (root / "docs" / user_page).read_text(encoding="utf-8") == "# Mine\n\nWritten by hand.\n"


def test_a_failing_render_is_a_clean_build_error_and_no_half_drawn_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mopsdocs.site.families import lifecycle

    trouble = (SITE_TESTS / "data" / "init-rank-trouble.dot").read_text(encoding="utf-8")
    monkeypatch.setattr(lifecycle, "lifecycle_dot", lambda project, lc, words=None: trouble)
    root = mini_project(tmp_path / "p")
    result = run_cli(["build"], cwd=root)
    assert result.code == 1
    assert 'cannot draw the diagram "Big lifecycle diagram"' in result.err
    assert "trouble in init_rank" in result.err
    assert "Traceback" not in result.err
    assert not (root / "site" / "lifecycle").exists()
    assert not list(project_cache_dir(root).rglob("*.svg"))  # nothing half-drawn was cached either


def test_a_broken_template_override_is_a_clean_build_error(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", {"templates/lifecycle.md.j2": "{% for %}\n"})
    result = run_cli(["build"], cwd=root)
    assert result.code == 1
    assert "lifecycle.md.j2:1: template syntax error" in result.err and "Traceback" not in result.err


def test_a_bug_in_a_page_family_exits_3_with_a_bug_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mopsdocs.site.families import health

    def broken(project: object, site: object) -> list[object]:
        raise KeyError("boom")

    monkeypatch.setattr(health, "pages", broken)
    result = run_cli(["build"], cwd=mini_project(tmp_path / "p"))
    assert result.code == 3
    assert "bug in mopsdocs" in result.err and "Traceback" not in result.err


# --------------------------------------------------------------------------- determinism and cache


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p")
    assert run_cli(["build", "-d", str(tmp_path / "one")], cwd=root).code == 0
    assert run_cli(["build", "-d", str(tmp_path / "two")], cwd=root).code == 0
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    one.pop("sitemap.xml.gz"), two.pop("sitemap.xml.gz")  # gzip stores a timestamp (MkDocs' own file)
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []


def test_an_unchanged_spec_re_renders_nothing(tmp_path: Path) -> None:
    """Separate processes, as a user runs them: the disk cache alone must carry the diagrams over."""
    root = mini_project(tmp_path / "p")
    first = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    drawn = re.search(r"diagrams: (\d+) drawn with dot [0-9.]+, 0 from cache", first.stderr)
    assert first.returncode == 0 and drawn and int(drawn.group(1)) >= 1, first.stderr
    entries = {p.name: p.stat().st_mtime_ns for p in project_cache_dir(root).glob("*.svg")}
    assert len(entries) == int(drawn.group(1))
    second = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert f"diagrams: 0 drawn with dot 2.43.0, {drawn.group(1)} from cache" in second.stderr
    assert {p.name: p.stat().st_mtime_ns for p in project_cache_dir(root).glob("*.svg")} == entries
    spec = root / "specs" / "lifecycle.yaml"
    spec.write_text(spec.read_text().replace("name: MQL", "name: Marketing qualified"), encoding="utf-8")
    third = run_tool("mkdocs", ["build", "--strict"], cwd=root)
    assert f"diagrams: 1 drawn with dot 2.43.0, {int(drawn.group(1)) - 1} from cache" in third.stderr  # only it


def test_the_fallback_renderer_is_named_in_the_build_log(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    proc = run_tool("mkdocs", ["build", "--strict"], cwd=root, env={"PATH": str(empty)})
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"diagrams: \d+ drawn with graphviz-pure [0-9.]+ \(no `dot` on PATH\)", proc.stderr)
    page = read_page(root / "site" / "lifecycle" / "lead" / "index.html")
    assert any(e.attrs.get("xlink:href") == "#stage-mql" for e in page.all("a"))


# --------------------------------------------------------------------------- links and assets


def test_health_links_to_the_repository_when_repo_url_and_edit_uri_are_set(tmp_path: Path) -> None:
    spec = LIFECYCLE.replace("{from: mql, to: customer, sla: 1d, owner: sdr}", "{from: mql, to: customer}").replace(
        "owner: sales, sla: 1d", "owner: sales"
    )
    extra = (
        "repo_url: https://github.com/acme/handbook\nedit_uri: edit/main/docs/\n"
        "theme:\n  name: material\n  font: false\n  features: [content.action.edit]\n"
    )
    root = mini_project(tmp_path / "p", {"specs/lifecycle.yaml": spec}, extra_config=extra)
    text = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(text.replace("theme:\n  name: material\n  font: false\nplugins", "plugins", 1))
    assert run_tool("mkdocs", ["build"], cwd=root).returncode == 0
    hrefs = {e.attrs.get("href", "") for e in read_page(root / "site" / "health" / "index.html").all("a")}
    blob = r"https://github\.com/acme/handbook/blob/main/specs/lifecycle\.yaml#L\d+"
    assert any(re.fullmatch(blob, h) for h in hrefs)
    assert "https://github.com/acme/handbook/edit/main/specs/lifecycle.yaml" in hrefs
    lc_page = read_page(root / "site" / "lifecycle" / "lead" / "index.html")
    lc_hrefs = {e.attrs.get("href", "") for e in lc_page.all("a")}
    assert "https://github.com/acme/handbook/edit/main/specs/lifecycle.yaml" in lc_hrefs  # the edit button


def test_the_stylesheet_is_shipped_and_the_site_needs_no_network(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p")
    assert run_tool("mkdocs", ["build", "--strict"], cwd=root).returncode == 0
    site = root / "site"
    assert (site / "assets" / "mopsdocs" / "mopsdocs.css").is_file()
    page = read_page(site / "lifecycle" / "lead" / "index.html")
    links = [e.attrs.get("href", "") for e in page.all("link")] + [e.attrs.get("src", "") for e in page.all("script")]
    assert any(h.endswith("assets/mopsdocs/mopsdocs.css") for h in links)
    assert not [h for h in links if h.startswith(("http:", "https:", "//"))]


def test_the_repository_example_site_builds_strict(tmp_path: Path) -> None:
    from sitetools import REPO

    before = tree(REPO / "docs"), tree(REPO / "specs")
    proc = run_tool("mkdocs", ["build", "--strict", "-d", str(tmp_path / "site")], cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "lifecycle" / "lead" / "index.html").is_file()
    assert (tmp_path / "site" / "site" / "index.html").is_file()  # the user guide of the site
    assert (tree(REPO / "docs"), tree(REPO / "specs")) == before


# --------------------------------------------------------------------------- generated HTML blocks

RACI_AND_PROGRAM = {
    "specs/team.yaml": """\
        kind: team
        teams:
          - {id: mops, name: "Ops <b>&amp;</b> *Co*"}
          - {id: sales, name: Sales}
        roles:
          - {id: admin, name: "Admin | [x](javascript:alert(1)) {{ 7*7 }}", team: mops}
          - {id: sdr, name: SDR, team: sales}
        people:
          - {id: maude, name: Maude, roles: [admin]}
          - {id: sam, name: Sam, roles: [sdr]}
          - {id: gone, name: Gone, roles: [admin], active: false}
        """,
    "specs/raci.yaml": """\
        kind: raci
        id: ops
        name: Ops RACI
        activities:
          - {id: sync, name: "Sync <i>CRM</i> `now`", group: "G & H", assign: {admin: A/R, gone: I}}
        """,
    "specs/program.yaml": """\
        kind: program
        id: dedupe
        name: "De-dup <weekly>"
        category: deduplication
        status: active
        owner: admin
        trigger: {type: batch, schedule: "daily 02:00"}
        reviewed: {on: 2024-01-02, every: 90d}
        """,
}


def _article(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


def _built(page: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page `page` (its path without `.md`)."""
    if page.endswith("index") or not directory_urls:
        return f"{page}.html"
    return f"{page}/index.html"


def _shown(page: Path) -> list[tuple[str, dict[str, str], str]]:
    """What a page shows in its tables, links and code: tag, attributes and text of each."""
    article = Page()
    article.feed(_article(page))
    tags = ("table", "thead", "tbody", "tr", "td", "th", "a", "code")
    return [(e.tag, e.attrs, e.text) for e in article.elements if e.tag in tags]


def _links(page: Path) -> list[str]:
    return [e.attrs["href"] for e in read_page(page).all("a") if "href" in e.attrs]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_html_blocks_skip_markdown_and_show_what_markdown_would(tmp_path: Path, directory_urls: bool) -> None:
    """The plugin hands a generated page's finished HTML blocks over without Markdown. The same
    Markdown built by MkDocs alone (Markdown copying the blocks through) shows the same page."""
    extra = "" if directory_urls else "use_directory_urls: false\n"
    root = mini_project(tmp_path / "p", RACI_AND_PROGRAM, extra_config=extra)
    proc = run_tool("mkdocs", ["build", "--strict", "-d", str(tmp_path / "site")], cwd=root)
    assert proc.returncode == 0, proc.stderr
    # the same pages as hand-written Markdown files, built by MkDocs without the plugin
    from mopsdocs.pipeline import load_project
    from mopsdocs.site.context import SiteContext
    from mopsdocs.site.generate import generate

    project, report = load_project(root)
    site = SiteContext(project, report, render_svg=lambda dot: "<svg></svg>", use_directory_urls=directory_urls)
    plain = tmp_path / "plain"
    for g in generate(project, site):
        (plain / "docs" / g.page.path).parent.mkdir(parents=True, exist_ok=True)
        (plain / "docs" / g.page.path).write_text(g.markdown, encoding="utf-8")
    (plain / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = f"site_name: Plain\ntheme: {{name: material, font: false}}\nmarkdown_extensions: [attr_list]\n{extra}"
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    proc = run_tool("mkdocs", ["build", "-d", str(tmp_path / "plain-site")], cwd=plain)
    assert proc.returncode == 0, proc.stderr
    for page in ("people/index", "people/admin", "people/mops", "people/maude", "programs/dedupe"):
        built = _built(page, directory_urls)
        ours, theirs = tmp_path / "site" / built, tmp_path / "plain-site" / built
        assert "mopsdocs:html" not in ours.read_text(encoding="utf-8"), page
        assert read_page(ours).all("table"), page
        assert _shown(ours) == _shown(theirs), page
    admin = read_page(tmp_path / "site" / _built("people/admin", directory_urls))
    cells = [e.text for e in admin.all("td")]
    assert "Sync <i>CRM</i> `now`" in cells and "G & H" in cells  # spec text shown as written, never markup
    assert not admin.all("i") and "javascript:" not in " ".join(_links(tmp_path / "site" / "people" / "index.html"))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_in_html_blocks_lead_to_pages_and_anchors_that_exist(tmp_path: Path, directory_urls: bool) -> None:
    """MkDocs does not check links in raw HTML: every one of the generated pages' links must land."""
    extra = "" if directory_urls else "use_directory_urls: false\n"
    root = mini_project(tmp_path / "p", RACI_AND_PROGRAM, extra_config=extra)
    site = tmp_path / "site"
    proc = run_tool("mkdocs", ["build", "--strict", "-d", str(site)], cwd=root)
    assert proc.returncode == 0, proc.stderr
    checked = 0
    for page in sorted((site / "people").rglob("*.html")) + sorted((site / "programs").rglob("*.html")):
        for href in _links(page):
            if re.match(r"^[a-z]+:|^#|^/", href) or "assets/" in href:
                continue
            target, _, anchor = href.partition("#")
            path = (page.parent / target).resolve()
            path = path / "index.html" if path.is_dir() or target.endswith("/") or not target else path
            assert path.is_file(), f"{page.relative_to(site)}: {href}"
            if anchor:
                assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), f"{page.relative_to(site)}: {href}"
            checked += 1
    assert checked > 20
