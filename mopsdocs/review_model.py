"""Facts about the years in review, shared by the review pages and `mopsdocs review draft`.

Reviews are compared by `year` (two reviews of one year are both shown, by id). A figure is
compared across years when it is a number in at least one year; a breakdown (name -> number)
is shown as a table. Rates (`is_rate`) are fractions, shown as percentages.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import specs
from .project import Project
from .specs.review import PILLARS, is_rate


def by_year(project: Project) -> list[specs.ReviewSpec]:
    """Every review, oldest year first (ties by id)."""
    return sorted(project.reviews.values(), key=lambda r: (r.year, r.id))


@dataclass(frozen=True)
class FigureRow:
    name: str  # the figure's key
    rate: bool
    values: tuple[float | None, ...]  # one per review, in `by_year` order


# The contract's figures first, in its order; any other figure after them, by name. Not the order
# they were written in: key order in a mapping carries no meaning (a reordered spec, same page).
KNOWN_FIGURES = ("campaigns", "emails_sent", "median_open_rate", "median_click_rate", "mqls")


def figure_order(name: str) -> tuple[int, str]:
    return (KNOWN_FIGURES.index(name), "") if name in KNOWN_FIGURES else (len(KNOWN_FIGURES), name)


def figure_rows(reviews: list[specs.ReviewSpec]) -> list[FigureRow]:
    """The numeric figures across `reviews`, in `figure_order`."""
    names: set[str] = set()
    for review in reviews:
        for name, value in review.figures.items():
            if not isinstance(value, dict):  # an `x-` figure is a figure too: keys here are ids
                names.add(name)
    rows = []
    for name in sorted(names, key=figure_order):
        values = tuple(_number(r.figures.get(name)) for r in reviews)
        rows.append(FigureRow(name, is_rate(name), values))
    return rows


def _number(value: object) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def breakdowns(review: specs.ReviewSpec) -> list[tuple[str, bool, list[tuple[str, float]]]]:
    """A review's breakdown figures: (name, is a rate, [(part, value)] largest first, then by part)."""
    out = []
    for name, value in sorted(review.figures.items(), key=lambda kv: figure_order(kv[0])):
        if isinstance(value, dict):
            parts = sorted(value.items(), key=lambda kv: (-kv[1], kv[0]))
            out.append((name, is_rate(name), parts))
    return out


def _pillar(review: specs.ReviewSpec, pillar: str) -> specs.PillarRating | None:
    return getattr(review.score, pillar) if review.score is not None else None


def ratings(review: specs.ReviewSpec) -> dict[str, int | None]:
    """The SCORE rating of each pillar (None: not rated), in SCORE order."""
    return {p: (r.rating if (r := _pillar(review, p)) is not None else None) for p in PILLARS}


def evidence(review: specs.ReviewSpec) -> dict[str, str | None]:
    """The evidence of each pillar's rating (None: none written), in SCORE order."""
    return {p: (r.evidence if (r := _pillar(review, p)) is not None else None) for p in PILLARS}


def figure_label(name: str) -> str:
    """`median_open_rate` -> `Median open rate` (a figure's key as a heading; `-` kept: `x-nps`)."""
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def shown(value: float, rate: bool) -> str:
    """A figure as the pages show it: rates as percentages (0.315 -> 31.5%), numbers grouped."""
    if rate:
        percent = round(value * 100, 1)
        return f"{percent:.1f}".rstrip("0").rstrip(".") + "%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


__all__ = ["FigureRow", "breakdowns", "by_year", "evidence", "figure_label", "figure_rows", "ratings", "shown"]
