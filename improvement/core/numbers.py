"""Percentages rounded half away from zero to one place, on the exact fraction."""

from decimal import Decimal


def percentage(numerator: int, denominator: int) -> Decimal | None:
    """numerator/denominator as a percentage to one decimal place, or None for 0/0.

    Done in integers so 1737/6000 gives 29.0 and 219/240 gives 91.3, with no
    float error deciding a half.
    """
    if not denominator:
        return None
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    tenths, remainder = divmod(abs(numerator) * 1000, abs(denominator))
    if remainder * 2 >= abs(denominator):
        tenths += 1
    return Decimal(sign * tenths).scaleb(-1)
