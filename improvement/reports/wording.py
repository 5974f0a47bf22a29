"""Counts in words for a report read aloud at a board: "1 action is", "2 actions are",
"30 weeks". The count and its noun come from `improvement.core.text.plural`, the one
helper every document uses."""

from improvement.core.text import plural as counted

__all__ = ["counted", "verb", "weeks"]


def verb(number: int, one: str = "is", many: str = "are") -> str:
    """The verb that agrees with a count: verb(1) is "is", verb(2) is "are"."""
    return one if number == 1 else many


def weeks(days: int) -> str:
    """A span of days as whole weeks for a countdown: "1 week", "30 weeks", or
    "less than a week"."""
    whole = days // 7
    return counted(whole, "week") if whole else "less than a week"
