"""The annual report's building blocks: its tables, sections and charts, a year beside
the year before, and the words for a count or a section with nothing in it."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from improvement.documents.charts import BarChart as Chart

OUTCOME_ROWS = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
]


def none_recorded(what: str, years: tuple[str, str], before: str = "") -> str:
    """What a section with nothing in the year says instead of a table of zeros it does
    not hold: "No stage 3 panels recorded for 2023-24 (2 panels in 2022-23)."."""
    said = f"No {what} recorded for {years[1]}"
    return f"{said} ({before} in {years[0]})." if before else f"{said}."


def year_before(count: int, years: tuple[str, str]) -> str:
    """The year before's count beside this year's, or that it holds none: never a
    zero for a year with no records."""
    return f"{count} in {years[0]}" if count else f"none recorded for {years[0]}"


def show(value: Any) -> str:
    """A figure for display: a percentage with its numerator and denominator."""
    if value is None:
        return "–"
    if hasattr(value, "den"):
        return f"{value:.1f}% ({value.num} of {value.den})"
    return str(value)


def whole(value: Any) -> str:
    """A percentage to the whole number, rounded half away from zero on the exact fraction,
    with its numerator and denominator: "56% (27 of 48)". The report gives shares of
    complaints so, as councils' statutory reports do, and rates of fault to one decimal."""
    if value is None:
        return "–"
    exact = Decimal(value.num * 100) / Decimal(value.den)
    return f"{exact.quantize(Decimal(1), ROUND_HALF_UP)}% ({value.num} of {value.den})"


def tenth(value: Any) -> str:
    return "–" if value is None else f"{value:.1f}% ({value.num} of {value.den})"


@dataclass
class Table:
    caption: str
    head: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    heading: str
    tables: list[Table] = field(default_factory=list)
    chart: Chart | None = None
    note: str = ""
    chart_html: str = ""
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


def pair_table(caption: str, rows: list[tuple[str, Any, Any]], years: tuple[str, str]) -> Table:
    return Table(
        caption,
        ["", years[0], years[1]],
        [[label, show(last), show(this)] for label, last, this in rows],
    )


def keyed_rows(this: dict, last: dict, labels: dict[str, str]) -> list[tuple[str, Any, Any]]:
    keys = [key for key in labels if key in this or key in last]
    keys += [key for key in list(last) + list(this) if key not in keys and key != "total"]
    rows = [
        (labels.get(key, key), last.get(key, 0), this.get(key, 0)) for key in dict.fromkeys(keys)
    ]
    if "total" in this:
        rows.append(("Total", last.get("total", 0), this["total"]))
    return rows


def bar_chart(title: str, rows: list[tuple[str, Any, Any]], years: tuple[str, str]) -> Chart:
    return Chart(
        title,
        [r[0] for r in rows],
        [int(r[2] or 0) for r in rows],
        [int(r[1] or 0) for r in rows],
        years[1],
        years[0],
    )


def with_data_or_says_so(section: Section, has_data: bool, empty: str) -> Section:
    """A section with nothing in the year says so, and prints no table or chart of zeros."""
    if has_data:
        return section
    return Section(section.heading, paragraphs=[empty])
