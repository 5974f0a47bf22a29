"""How a measure is doing: its rating against target and tolerance, and its
direction of travel over its last three values. Pure functions, no database.

Polarity decides which way is good. For "higher is better", a value at or above
the target is on target, one no more than the tolerance below it is within
tolerance, and anything lower is off target; "lower is better" mirrors that.
Direction compares the newest of the last three values with the oldest of
them: better is improving, worse is worsening, equal is no change. With fewer
than two values there is no direction.
"""

from collections.abc import Sequence
from decimal import Decimal

HIGHER = "higher"
LOWER = "lower"

ON_TARGET = "on_target"
WITHIN_TOLERANCE = "within_tolerance"
OFF_TARGET = "off_target"

IMPROVING = "improving"
WORSENING = "worsening"
NO_CHANGE = "no_change"

RATING_LABELS = {
    ON_TARGET: "On target",
    WITHIN_TOLERANCE: "Within tolerance",
    OFF_TARGET: "Off target",
    None: "No rating",
}
RATING_COLOURS = {ON_TARGET: "green", WITHIN_TOLERANCE: "yellow", OFF_TARGET: "red", None: "grey"}
DIRECTION_LABELS = {
    IMPROVING: "Improving",
    WORSENING: "Worsening",
    NO_CHANGE: "No change",
    None: "Not enough values",
}
WINDOW = 3


def _better(a: Decimal, b: Decimal, polarity: str) -> bool:
    """Whether `a` is better than `b`."""
    return a < b if polarity == LOWER else a > b


def rate(
    value: Decimal | None, target: Decimal | None, tolerance: Decimal | None, polarity: str
) -> str | None:
    """on_target, within_tolerance or off_target; None without a value or a target."""
    if value is None or target is None:
        return None
    if not _better(target, value, polarity):
        return ON_TARGET
    margin = abs(tolerance or Decimal(0))
    edge = target + margin if polarity == LOWER else target - margin
    if not _better(edge, value, polarity):
        return WITHIN_TOLERANCE
    return OFF_TARGET


def direction(values: Sequence[Decimal], polarity: str) -> str | None:
    """improving, worsening or no_change over the last three values (oldest first)."""
    window = list(values)[-WINDOW:]
    if len(window) < 2:
        return None
    first, last = window[0], window[-1]
    if last == first:
        return NO_CHANGE
    return IMPROVING if _better(last, first, polarity) else WORSENING


def is_slow(rating: str | None, travel: str | None) -> bool:
    """The design's measure rule: off target and not improved over its last three values."""
    return rating == OFF_TARGET and travel != IMPROVING
