"""When the DfE reviews progress: the date it scheduled, and whether each review came
within the notice's interval (Improvement Notice, paragraph 6: "at least every six
months"). Pure rules on what was fetched; no queries here (docs/adr/028).

The date a review is due is the one the DfE set, never a date worked out from the
interval: the interval only gives the latest day the notice allows, against which a
review held or scheduled later is flagged."""

import datetime
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta

from improvement.core.templatetags.ib import ukdate
from improvement.core.text import plural

_d = ukdate


@dataclass(frozen=True)
class HeldReview:
    """A review held, with the day before which the notice required it."""

    review: Any
    previous_on: datetime.date
    first: bool
    limit_on: datetime.date

    @property
    def late(self) -> bool:
        return self.review.held_on > self.limit_on

    @property
    def timing(self) -> str:
        """How its date stood against the notice, as a sentence: what a report prints."""
        since = "the notice" if self.first else "the previous review"
        text = f"The DfE review of {_d(self.review.held_on)} was"
        if self.late:
            return (
                f"{text} later than the notice allows: more than "
                f"{_months(self.previous_on, self.limit_on)} after {since} of "
                f"{_d(self.previous_on)}, when it was due by {_d(self.limit_on)}."
            )
        return f"{text} within the notice's interval: due by {_d(self.limit_on)}."


def _months(start: datetime.date, end: datetime.date) -> str:
    delta = relativedelta(end, start)
    months = delta.years * 12 + delta.months
    return plural(months, "month")


def held_reviews(notice: Any, reviews: list[Any], as_at: datetime.date) -> list[HeldReview]:
    """The reviews held by a date, oldest first, each timed against the one before (the
    first against the notice's date)."""
    interval = relativedelta(months=notice.review_interval_months)
    held = sorted((r for r in reviews if r.held_on <= as_at), key=lambda r: (r.held_on, r.pk))
    result, previous = [], notice.issued_on
    for review in held:
        result.append(HeldReview(review, previous, not result, previous + interval))
        previous = review.held_on
    return result


def scheduled_review(notice: Any, reviews: list[Any], as_at: datetime.date) -> Any:
    """The date the DfE had set, as at a day, for the next review: the scheduled date
    kept on the first review held after that day, else the notice's next review when
    it is after the last review held; None when no date was set."""
    later = sorted((r for r in reviews if r.held_on > as_at), key=lambda r: (r.held_on, r.pk))
    if later:
        return later[0].scheduled_on
    held = [r.held_on for r in reviews if r.held_on <= as_at]
    upcoming = notice.next_review_on
    if upcoming and (not held or upcoming > max(held)):
        return upcoming
    return None
