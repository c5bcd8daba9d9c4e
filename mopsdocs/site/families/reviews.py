"""Pages `reviews/` (every year side by side: each figure over the years, SCORE year over year)
and `reviews/<id>/` (one year: figures against the year before, breakdowns, wins, lessons, goals
with the backlog items that deliver them, the SCORE ratings with their evidence).

The view-models are resolved, plain data (`mopsdocs.review_model`); the charts are drawn by
`mopsdocs.charts.lines` when the template calls a slot with its words (marked there for the
catalogs); figure names and numbers are put in the site's language here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ... import specs
from ...charts.lines import Series, line_chart, rating_chart
from ...i18n import ENGLISH, N_, Words
from ...project import Project
from ...review_model import breakdowns, by_year, evidence, figure_label, figure_rows, ratings, shown
from ...specs.review import PILLARS
from ..context import SiteContext
from ..pages import Page, backlog_path, review_path
from .backlog import item_anchor
from .raci import extras_of

# Words of this module's tables are translated where they are shown (`Words.gettext`).
NAV = (N_("Years in review"),)
REVIEWS_INDEX = "reviews/index.md"
# The figures the contract names and those `mopsdocs review draft` writes, as headings; any other
# key reads as written (`figure_label`).
FIGURE_WORDS = {
    "campaigns": N_("Campaigns"),
    "emails_sent": N_("Emails sent"),
    "median_open_rate": N_("Median open rate"),
    "median_click_rate": N_("Median click rate"),
    "mqls": N_("Mqls"),
    "programs_created": N_("Programs created"),
    "programs_created_by_channel": N_("Programs created by channel"),
    "programs_by_channel": N_("Programs by channel"),
}


def label(name: str, words: Words = ENGLISH) -> str:
    """A figure's heading in the site's language: a known figure translated, another key as written."""
    return words.gettext(FIGURE_WORDS[name]) if name in FIGURE_WORDS else figure_label(name)


def shown_in(value: float, rate: bool, words: Words = ENGLISH) -> str:
    """`review_model.shown` in the site's language: 31.5% and 2,100,000 (en), 31,5 % and 2 100 000 (fr)."""
    if words.code == ENGLISH.code:
        return shown(value, rate)
    from babel import Locale
    from babel.numbers import format_decimal, format_percent

    if rate:  # the locale's own percent form ("31 %" in French), one decimal at most like English
        pattern = Locale.parse(words.code).percent_formats[None].pattern.replace("#,##0", "#,##0.#", 1)
        return str(format_percent(round(value, 3), format=pattern, locale=words.code))
    return str(format_decimal(value, format="#,##0.##", locale=words.code))


@dataclass(frozen=True)
class FigureView:
    name: str  # the key as written
    label: str  # `Median open rate`
    rate: bool
    cells: tuple[str, ...]  # one per year, as shown ("" for no value)
    chart: FigureChart | None  # None when no year has a value


@dataclass(frozen=True)
class FigureChart:
    chart_id: str
    years: tuple[str, ...]
    values: tuple[float | None, ...]
    rate: bool
    words: Words = ENGLISH

    def __call__(self, title: str, desc: str) -> Markup:
        series = [Series(title, self.values)]
        chart = line_chart(self.chart_id, title, desc, self.years, series, lambda v: shown_in(v, self.rate, self.words))
        # built from escaped parts only (charts.base.xml)
        return Markup(chart.svg())  # noqa: S704


@dataclass(frozen=True)
class ScoreChart:
    chart_id: str
    years: tuple[str, ...]
    values: tuple[tuple[str, tuple[float | None, ...]], ...]  # pillar -> rating per year

    def __call__(self, title: str, desc: str, names: dict[str, str]) -> Markup:
        # a row per pillar, a dot per year on the 1-5 scale: lines over the years would overlap
        rows = [Series(str(names.get(p, p)), values) for p, values in self.values]
        chart = rating_chart(self.chart_id, title, desc, self.years, rows)
        return Markup(chart.svg())  # noqa: S704


@dataclass(frozen=True)
class YearLink:
    year: int
    name: str
    path: str


@dataclass(frozen=True)
class GoalView:
    name: str
    description: str | None
    item_name: str | None
    item_path: str | None
    item_anchor: str | None
    item_status: str | None


@dataclass(frozen=True)
class PillarView:
    pillar: str
    rating: int | None
    before: int | None  # the year before's rating
    evidence: str | None


@dataclass(frozen=True)
class BreakdownView:
    name: str
    label: str
    rows: tuple[tuple[str, str], ...]  # part, value as shown


@dataclass(frozen=True)
class ReviewView:
    review: specs.ReviewSpec
    path: str
    previous: YearLink | None
    following: YearLink | None
    figures: tuple[tuple[str, str, str | None], ...]  # label, this year's value, the year before's
    breakdowns: tuple[BreakdownView, ...]
    goals: tuple[GoalView, ...]
    pillars: tuple[PillarView, ...]
    extras: tuple[tuple[str, str], ...]
    source: str
    edit_url: str | None


def pages(project: Project, site: SiteContext) -> list[Page]:
    reviews = by_year(project)
    if not reviews:
        return []
    years = [YearLink(r.year, r.name, review_path(r.id)) for r in reviews]
    words = site.words
    nav = tuple(words.gettext(title) for title in NAV)
    context = index(project, reviews, years, words)
    out = [Page(REVIEWS_INDEX, words.gettext("Years in review"), "reviews_index.md.j2", context, nav=nav)]
    for i, review in enumerate(reviews):
        v = view(project, site, reviews, i, years)
        # after the index (order 0), newest year first
        out.append(
            Page(
                v.path,
                review.name,
                "review.md.j2",
                {"r": v, "spec_path": v.source},
                nav=nav,
                order=10_000 - review.year,
            )
        )
    return out


def index(
    project: Project, reviews: list[specs.ReviewSpec], years: list[YearLink], words: Words = ENGLISH
) -> dict[str, object]:
    labels = tuple(str(r.year) for r in reviews)
    figures = []
    for row in figure_rows(reviews):
        chart = None
        if any(v is not None for v in row.values) and all(v is None or v >= 0 for v in row.values):
            chart = FigureChart(f"reviews-figure-{row.name}", labels, row.values, row.rate, words)
        cells = tuple("" if v is None else shown_in(v, row.rate, words) for v in row.values)
        figures.append(FigureView(row.name, label(row.name, words), row.rate, cells, chart))
    rated = [ratings(r) for r in reviews]
    score_rows = tuple((p, tuple(None if r[p] is None else float(r[p] or 0) for r in rated)) for p in PILLARS)
    any_rating = any(v is not None for _, values in score_rows for v in values)
    return {
        "years": years,
        "figures": figures,
        "score_rows": tuple((p, tuple("" if v is None else f"{v:g}" for v in values)) for p, values in score_rows),
        "score_chart": ScoreChart("reviews-score", labels, score_rows) if any_rating else None,
    }


def view(
    project: Project, site: SiteContext, reviews: list[specs.ReviewSpec], i: int, years: list[YearLink]
) -> ReviewView:
    review = reviews[i]
    words = site.words
    before = reviews[i - 1] if i > 0 else None
    rows = figure_rows([review] if before is None else [before, review])
    figures = tuple(
        (
            label(row.name, words),
            "" if row.values[-1] is None else shown_in(row.values[-1], row.rate, words),
            None if before is None or row.values[0] is None else shown_in(row.values[0], row.rate, words),
        )
        for row in rows
        if row.values[-1] is not None
    )
    mine, theirs = ratings(review), ratings(before) if before is not None else {}
    notes = evidence(review)
    source = project.loc(review).path
    return ReviewView(
        review=review,
        path=review_path(review.id),
        previous=years[i - 1] if i > 0 else None,
        following=years[i + 1] if i + 1 < len(years) else None,
        figures=figures,
        breakdowns=tuple(
            BreakdownView(
                name, label(name, words), tuple((part, shown_in(value, rate, words)) for part, value in parts)
            )
            for name, rate, parts in breakdowns(review)
        ),
        goals=tuple(_goal(project, site, goal) for goal in review.goals),
        pillars=tuple(PillarView(p, mine[p], theirs.get(p), notes[p]) for p in PILLARS),
        extras=extras_of(review),
        source=source,
        edit_url=site.edit_url(source),
    )


def _goal(project: Project, site: SiteContext, goal: specs.Goal) -> GoalView:
    if goal.item is None:
        return GoalView(goal.name, goal.description, None, None, None, None)
    bid, _, iid = goal.item.partition("/")
    item = project.items.get(bid, {}).get(iid)
    if item is None:
        return GoalView(goal.name, goal.description, goal.item, None, None, None)
    path = backlog_path(bid) if site.has_family("backlog") else None
    return GoalView(goal.name, goal.description, item.name, path, item_anchor(iid), item.status)


__all__ = ["REVIEWS_INDEX", "pages", "view"]
