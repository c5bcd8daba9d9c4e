"""The Jinja environment and `render_page`: filters, default escaping, overrides, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitetools import mini_project

from mopsdocs.pipeline import load_project
from mopsdocs.site.context import SiteContext
from mopsdocs.site.families import lifecycle
from mopsdocs.site.pages import Page
from mopsdocs.site.render import TemplateProblem, environment, render_page


def site_for(root: Path) -> SiteContext:
    project, report = load_project(root)
    return SiteContext(project, report, render_svg=lambda dot: "<svg></svg>\n")


def test_the_filters_have_the_contract_names() -> None:
    env = environment(None, False)
    for name in ("text", "cell", "attr", "url", "markdown", "markdown_inline", "link"):
        assert name in env.filters, name


def test_a_value_without_a_filter_is_escaped_as_text() -> None:
    env = environment(None, False)
    out = env.from_string("{{ v }}|{{ v | markdown }}").render(v="<b>*x*</b> [a](javascript:x)")
    plain, md = out.split("|", 1)
    assert "<" not in plain and "*" not in plain and "[" not in plain
    assert "&lt;b&gt;" in md and "*x*" in md and "javascript" not in md.split("](")[1]


def test_markdown_filter_lets_html_through_only_with_allow_html() -> None:
    value = "<em>hi</em>"
    assert "<em>" not in environment(None, False).from_string("{{ v | markdown }}").render(v=value)
    assert "<em>" in environment(None, True).from_string("{{ v | markdown }}").render(v=value)


def test_spec_text_is_data_never_template_source(tmp_path: Path) -> None:
    root = mini_project(
        tmp_path / "p",
        {
            "specs/lifecycle.yaml": """\
        kind: lifecycle
        id: lead
        name: "{{ 7*7 }} {% raw %}"
        description: "{{ 7*7 }}"
        stages:
          - {id: known, name: "{{ 7*7 }}", initial: true, terminal: true, owner: mops}
        """
        },
    )
    site = site_for(root)
    out = render_page(lifecycle.pages(site.project, site)[0], site)
    assert "49" not in out
    assert "7&#42;7" in out or "7*7" in out


def test_link_filter_makes_relative_links() -> None:
    env = environment(None, False)
    out = env.from_string("{{ 'lifecycle/lead.md' | link('people/maude.md') }}").render()
    assert out == "../people/maude.md"


def test_a_project_template_overrides_the_builtin_by_file_name(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", {"templates/page_footer.md.j2": "FOOTER for {{ page.title | text }}\n"})
    site = site_for(root)
    out = render_page(lifecycle.pages(site.project, site)[0], site)
    assert out.rstrip().endswith("FOOTER for Lead lifecycle")


def test_templates_dir_setting_is_honoured(tmp_path: Path) -> None:
    root = mini_project(
        tmp_path / "p",
        {"my-templates/lifecycle.md.j2": "only {{ lifecycle.name | text }}\n"},
        extra_config="      templates_dir: my-templates\n",
    )
    site = site_for(root)
    assert render_page(lifecycle.pages(site.project, site)[0], site) == "only Lead lifecycle\n"


def test_the_repository_shows_an_example_override() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert (repo / "templates" / "page_footer.md.j2").is_file()
    site = site_for(repo)
    out = render_page(lifecycle.pages(site.project, site)[0], site)
    assert "generated from the specs" in out


def test_a_broken_override_is_a_clean_error_naming_file_and_line(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", {"templates/page_footer.md.j2": "ok\n{% if %}\n"})
    site = site_for(root)
    with pytest.raises(TemplateProblem, match=r"page_footer\.md\.j2:2: template syntax error"):
        render_page(lifecycle.pages(site.project, site)[0], site)


def test_a_misspelt_variable_is_an_error_not_an_empty_string(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", {"templates/lifecycle.md.j2": "{{ lifecycel.name }}\n"})
    site = site_for(root)
    with pytest.raises(TemplateProblem, match="lifecycel"):
        render_page(lifecycle.pages(site.project, site)[0], site)


def test_render_page_works_for_any_family_page(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p", {"templates/custom.md.j2": "# {{ title | text }}\n{{ n }}\n"})
    site = site_for(root)
    page = Page(path="x/y.md", title="T", template="custom.md.j2", context={"title": "<T>", "n": 3})
    assert render_page(page, site) == "# &#60;T&#62;\n3\n"
