"""The stack's facts (`mopsdocs.stack_model`): renewal windows, the 12-month calendar, yearly costs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import make_project

from mopsdocs.pipeline import load_project
from mopsdocs.stack_model import add_months, facts, yearly_cost

MKDOCS = "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n      as_of: 2026-12-02\n"


def _project(tmp_path: Path, tools: str, extra: str = ""):  # type: ignore[no-untyped-def]
    spec = "kind: stack\nid: s\nname: S\ntools:\n" + tools + extra
    root = make_project(tmp_path, {"specs/stack.yaml": spec}, MKDOCS)
    project, report = load_project(root)
    return project, report


def test_add_months_keeps_the_day_or_takes_the_month_end() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 12, 2), 12) == dt.date(2027, 12, 2)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


def test_calendar_covers_twelve_months_from_the_as_of_date(tmp_path: Path) -> None:
    tools = (
        "  - {id: first, name: F, category: crm, contract: {renews_on: 2026-12-02}}\n"  # the as-of date: in
        "  - {id: before, name: B, category: abm, contract: {renews_on: 2026-12-01}}\n"  # the day before: out
        "  - {id: last, name: L, category: chat, contract: {renews_on: 2027-12-01}}\n"  # a year less a day: in
        "  - {id: after, name: A, category: webinar, contract: {renews_on: 2027-12-02}}\n"  # a year on: out
    )
    project, _ = _project(tmp_path, tools)
    months = facts(project).calendar
    assert months[0].month.isoformat() == "2026-12-01"
    assert months[-1].month.isoformat() == "2027-12-01"  # the as-of month again, its first day only
    renewing = {r.tool_id: m.month.isoformat()[:7] for m in months for r in m.renewals}
    assert renewing == {"first": "2026-12", "last": "2027-12"}


def test_yearly_cost_normalises_per_and_keeps_currencies_apart(tmp_path: Path) -> None:
    tools = (
        "  - {id: a, name: A, category: crm, cost: {amount: 100, currency: USD, per: month}}\n"
        "  - {id: b, name: B, category: crm, overlap_ok: true, seats: 5,"
        " cost: {amount: 10, currency: USD, per: seat-month}}\n"
        "  - {id: c, name: C, category: crm, overlap_ok: true, cost: {amount: 1000, currency: EUR, per: quarter}}\n"
        "  - {id: d, name: D, category: abm, cost: {amount: 50, currency: USD, per: seat-year}}\n"  # no seats
        "  - {id: e, name: E, category: abm, status: retired, cost: {amount: 9999, currency: USD}}\n"
        "  - {id: f, name: F, category: chat, status: sunsetting, cost: {amount: 12.5, currency: USD}}\n"
    )
    project, report = _project(tmp_path, tools)
    assert report.sorted() == []
    assert yearly_cost(project.tools["a"]) == 1200
    assert yearly_cost(project.tools["b"]) == 600
    assert yearly_cost(project.tools["d"]) is None
    found = facts(project)
    assert found.cost_unknown == ("d",)
    by_currency = {c.currency: {r.category: r.by_status for r in c.categories} for c in found.costs}
    assert by_currency == {
        "EUR": {"crm": (("active", 4000.0),)},
        "USD": {"crm": (("active", 1800.0),), "chat": (("sunsetting", 12.5),)},
    }
    assert [c.total for c in found.costs] == [4000.0, 1812.5]


def test_bad_cost_values_are_one_located_spec004_each(tmp_path: Path) -> None:
    tools = (
        "  - {id: a, name: A, category: crm, cost: {amount: -1, currency: USD}}\n"
        "  - {id: b, name: B, category: abm, cost: {amount: 1, currency: usd}}\n"
        "  - {id: c, name: C, category: chat, cost: {amount: 1, currency: USD, per: week}}\n"
        "  - {id: d, name: D, category: cms}\n"
    )
    _, report = _project(tmp_path, tools)
    found = [(d.code, d.location.line) for d in report.sorted()]
    assert found == [("SPEC004", 5), ("SPEC004", 6), ("SPEC004", 7), ("SPEC004", 8)]
