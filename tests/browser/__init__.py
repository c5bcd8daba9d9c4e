"""Chromium (Playwright) on the repository's own example site: the site as people use it (issue 8).

A package, so that its conftest is imported as `browser.conftest` and never shadows tests/conftest.py.
"""
