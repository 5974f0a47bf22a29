"""How measure figures are written on pages, in emails and in reasons."""

from decimal import Decimal
from typing import Any

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
    from improvement.core.numbers import percentage

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
