"""The built site makes no request outside 127.0.0.1: every request of every page type is recorded
(Playwright's request event, on the whole browser context, so the search worker's too); anything
bound elsewhere is refused, so a failure here never reached the network."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

import pytest

from .browsertools import PAGE_TYPES, PHONE, Requests, ServedSite, goto, open_page, set_scheme

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow


def test_no_page_type_requests_anything_outside_the_site(browser: Browser, site: ServedSite) -> None:
    """One browsing session through every page type, in the dark palette, waiting each time until
    the network is quiet (so late requests, like the search index's, are caught too)."""
    outside: dict[str, list[str]] = {}
    with open_page(browser, site, "") as (page, requests):
        set_scheme(page, "slate")  # switching loads nothing; the choice is kept for the next pages
        for kind, path in sorted(PAGE_TYPES.items()):
            before = len(requests.urls)
            goto(page, site.url(path))
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            new = Requests(site.base, requests.urls[before:])
            if new.outside():
                outside[kind] = new.outside()
        if requests.outside() and not outside:
            outside["home"] = requests.outside()
        assert not outside, f"requests outside the site: {outside}" + _why(outside)
        assert site.url("assets/mopsdocs/mopsdocs.css") in requests.urls
        assert site.url("search/search_index.json") in requests.urls


def test_searching_and_browsing_on_a_phone_stays_on_the_site(browser: Browser, site: ServedSite) -> None:
    from playwright.sync_api import expect

    with open_page(browser, site, "", PHONE) as (page, requests):
        page.locator("label.md-header__button[for=__search]").click()
        box = page.locator("input.md-search__input")
        box.fill("bounce")
        box.press("End")
        page.wait_for_function(
            "/matching document/.test(document.querySelector('.md-search-result__meta').textContent)"
        )
        result = page.locator(".md-search-result__list a.md-search-result__link").first
        target = urljoin(page.url, result.get_attribute("href") or "").split("#")[0]
        result.click()
        # "networkidle" can be reached before the click's navigation starts; the search dialog
        # would then still cover the header. Wait for the result's page and a closed dialog.
        page.wait_for_url(lambda url: url.split("#")[0] == target)
        expect(page.locator("#__search")).not_to_be_checked()
        page.wait_for_load_state("networkidle")
        page.locator("label.md-header__button[for=__drawer]").click()  # the navigation drawer
        page.locator("nav.md-nav--primary").first.wait_for(state="visible")
        page.wait_for_load_state("networkidle")
        assert not requests.outside(), f"requests outside the site: {requests.outside()}" + _why(requests.outside())
        assert any(u.endswith("/search/search_index.json") for u in requests.urls)


def _why(urls: object) -> str:
    if "api.github.com" in str(urls) or "gitlab" in str(urls):
        return (
            '\n(Material\'s repository facts: with `repo_url` set, pages carry data-md-component="source" '
            "and the theme asks the host's API for stars and forks)"
        )
    return ""
