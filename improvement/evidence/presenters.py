"""How measures are shown on pages, in emails and in reasons: their figures, ratings
and directions, from values already read (nothing here reads the database)."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from improvement.core.numbers import percentage
from improvement.core.text import plural
from improvement.evidence import ratings

UNIT_SUFFIX = {"percentage": "%", "days": " days", "rate": " per 10,000", "count": ""}


def format_value(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "none"
    if unit == "count" and value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,.1f}{UNIT_SUFFIX.get(unit, '')}"


def format_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def fraction(row: Any) -> str:
    """'(61 of 100)' beside a percentage, as the design asks; empty when not known."""
    if row.numerator is None or row.denominator is None:
        return ""
    return f"{format_number(row.numerator)} of {format_number(row.denominator)}"


GRADES = [
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
]


def grade_cells(audit: Any) -> list[dict[str, Any]]:
    """Each grade's count and its share of the cases graded."""
    graded = audit.graded
    return [
        {
            "label": label,
            "count": getattr(audit, name),
            "pct": percentage(getattr(audit, name), graded),
        }
        for name, label in GRADES
    ]


def value_rows(measure: Any, values: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "period": row.period,
            "value": format_value(row.value, measure.unit),
            "fraction": fraction(row),
            "note": row.note,
        }
        for row in values
    ]


@dataclass
class MeasureSummary:
    """A measure with its latest values, rating, direction and benchmarks as at a date."""

    measure: Any
    recent: list[Any] = field(default_factory=list)
    benchmarks: list[Any] = field(default_factory=list)

    @property
    def latest(self) -> Any:
        return self.recent[-1] if self.recent else None

    @property
    def rating(self) -> str | None:
        value = self.latest.value if self.latest else None
        m = self.measure
        return ratings.rate(value, m.target, m.tolerance, m.polarity)

    @property
    def direction(self) -> str | None:
        return ratings.direction([row.value for row in self.recent], self.measure.polarity)

    @property
    def rating_label(self) -> str:
        return ratings.RATING_LABELS[self.rating]

    @property
    def rating_colour(self) -> str:
        return ratings.RATING_COLOURS[self.rating]

    @property
    def direction_label(self) -> str:
        return ratings.DIRECTION_LABELS[self.direction]

    @property
    def slow(self) -> bool:
        return ratings.is_slow(self.rating, self.direction)

    @property
    def latest_display(self) -> str:
        return format_value(self.latest.value if self.latest else None, self.measure.unit)

    @property
    def target_display(self) -> str:
        return format_value(self.measure.target, self.measure.unit)

    @property
    def latest_fraction(self) -> str:
        return fraction(self.latest) if self.latest else ""

    @property
    def tolerance_display(self) -> str:
        return format_value(self.measure.tolerance, self.measure.unit)

    @property
    def england_display(self) -> str:
        england = self.england
        return format_value(england.value if england else None, self.measure.unit)

    @property
    def england(self) -> Any:
        england = [b for b in self.benchmarks if b.kind == "england"]
        return england[-1] if england else None

    def slow_reason(self) -> str:
        m = self.measure
        count = len(self.recent)
        over = (
            "its last three values" if count >= ratings.WINDOW else f"its {plural(count, 'value')}"
        )
        return (
            f"{m.name} is off target ({self.latest_display} against "
            f"{self.target_display}) and has not improved over {over}"
        )
