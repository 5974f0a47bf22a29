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
