"""Material's search box finds stages, activities, people, programs and conventions by name and by id.

The query goes in as a user types it (the last key press is what Material listens to), and the
expected page must be among the results Material shows for it (the first page of results, no
scrolling). Ids are the words people see in the YAML: every generated page shows them as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .browsertools import PHONE, ServedSite, open_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.slow

# (query, page it must find, section of that page the result should point to or None)
BY_NAME = [
    ("Sales Accepted Lead", "lifecycle/lead/", "stage-sal"),
    ("Sync troubleshooting", "raci/mops/", None),
    ("Tomás Álvarez", "people/tomas/", None),
    ("Salesforce Administrator", "people/sfdc-admin/", None),
    ("Legal & Privacy", "people/legal/", None),
    ("Bounce management", "programs/bounce-management/", None),
    ("UTM campaign value", "naming/utm-campaign/", None),
]
BY_ID = [
    ("sal", "lifecycle/lead/", "stage-sal"),
    ("recycled", "lifecycle/lead/", "stage-recycled"),
    ("dedupe", "raci/mops/", None),
    ("email-lp-qa", "raci/mops/", None),
    ("tomas", "people/tomas/", None),
    ("sfdc-admin", "people/sfdc-admin/", None),
    ("demand-gen", "people/demand-gen/", None),
    ("crm-sync", "programs/crm-sync/", None),
    ("utm-campaign", "naming/utm-campaign/", None),
]


def open_search(page: Page) -> Locator:
    """Open Material's search as a user does (the header's search box; the icon on a phone)."""
    icon = page.locator("label.md-header__button[for=__search]")
    if icon.is_visible():
        icon.click()
    box = page.locator("input.md-search__input")
    box.click()
    return box


def search(page: Page, box: Locator, query: str) -> list[str]:
    """Results (link paths with their anchors, query strings dropped) Material shows for `query`."""
    meta = "document.querySelector('.md-search-result__meta').textContent"
    box.fill("")
    box.press("End")  # Material reads the box on key-up
    page.wait_for_function(f"!/matching/.test({meta})")
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"/matching document/.test({meta})")  # this query's answer (or "No matching")
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)"
    )
    return [h.split("?")[0] + ("#" + h.split("#", 1)[1] if "#" in h else "") for h in hrefs]


def _found(site: ServedSite, results: list[str], path: str, anchor: str | None) -> bool:
    target = site.url(path) + (f"#{anchor}" if anchor else "")
    return any(r == target for r in results) if anchor else any(r.split("#")[0] == target for r in results)


@pytest.mark.parametrize("cases", [BY_NAME, BY_ID], ids=["by-name", "by-id"])
def test_search_finds_each_thing_by_name_and_by_id(
    browser: Browser, site: ServedSite, cases: list[tuple[str, str, str | None]]
) -> None:
    with open_page(browser, site, "") as (page, _):
        box = open_search(page)
        missed = []
        for query, path, anchor in cases:
            results = search(page, box, query)
            if not _found(site, results, path, anchor):
                shown = sorted({r.removeprefix(site.base) for r in results})
                missed.append(f"{query!r}: {path}{'#' + anchor if anchor else ''} not among {shown}")
        assert not missed, "\n".join(missed)


def test_a_director_on_a_phone_finds_who_owns_bounce_handling(browser: Browser, site: ServedSite) -> None:
    """Search, open the program, follow its owner to the page of what that role owns."""
    with open_page(browser, site, "", PHONE) as (page, _):
        box = open_search(page)
        results = search(page, box, "bounce")
        assert site.url("programs/bounce-management/") in [r.split("#")[0] for r in results], results
        result = page.locator(".md-search-result__list a.md-search-result__link").filter(has_text="Bounce management")
        result.first.click()
        page.wait_for_url("**/programs/bounce-management/**")
        owner = page.locator("article table tr").filter(has_text="Owner").locator("a").first
        assert owner.inner_text() == "Marketo Administrator"
        owner.click()
        page.wait_for_url("**/people/marketo-admin/")
        # the programs they own (their tools, in a table of the same shape, come after it)
        programs = page.locator("article table").filter(has_text="Category and status").filter(has_text="Program")
        assert "Bounce management" in programs.inner_text()
