"""The plan's progress in plain English for the public, as at each board meeting
the council publishes papers for (docs/adr/022).

What the board saw on the day of its last meeting, against the meeting before: the
share of actions complete by objective, what changed between the two, and when the
DfE next reviews. Counts include every action; an action tied to an exempt item is
counted and never named.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse

from improvement.core.models import Council
from improvement.core.numbers import percentage
from improvement.core.text import plural
from improvement.meetings.services import meeting_day
from improvement.plans.models import Rating
from improvement.plans.picture import PlanPicture, plan_summary
from improvement.public import published

KEEP_SECONDS = 10 * 60


def share_complete(complete: int, total: int) -> str:
    """ "12 of 40 actions complete (30.0%)": the share with what it is a share of."""
    if not total:
        return "No actions yet"
    return f"{complete} of {plural(total, 'action')} complete ({percentage(complete, total)}%)"


def on(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


@dataclass
class ObjectiveLine:
    ref: str
    title: str
    complete: int
    total: int

    @property
    def share(self) -> str:
        return share_complete(self.complete, self.total)

    @property
    def percent(self) -> Any:
        return percentage(self.complete, self.total)


@dataclass
class Changes:
    """What moved between two boards: names only of actions the public may see named."""

    since: datetime.date
    completed: list[str] = field(default_factory=list)
    off_track: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    completed_count: int = 0
    off_track_count: int = 0
    added_count: int = 0

    @property
    def summary(self) -> str:
        parts = [
            f"{plural(self.completed_count, 'action')} completed",
            f"{self.off_track_count} became off track",
        ]
        if self.added_count:
            parts.append(f"{self.added_count} added to the plan")
        return f"Since the board of {on(self.since)}: " + ", ".join(parts)

    @property
    def withheld(self) -> int:
        named = len(self.completed) + len(self.off_track) + len(self.added)
        return self.completed_count + self.off_track_count + self.added_count - named


@dataclass
class PublicProgress:
    council: Council
    board: Any
    as_at: datetime.date
    objectives: list[ObjectiveLine]
    complete: int
    total: int
    changes: Changes | None
    next_review: datetime.date | None

    @property
    def share(self) -> str:
        return share_complete(self.complete, self.total)

    @property
    def next_review_text(self) -> str:
        if self.next_review is None:
            return "There is no improvement notice, so no review is due."
        return f"The Department for Education's next review is due by {on(self.next_review)}."


@dataclass
class Snapshot:
    """The plan as a board saw it, in plain values: what the page needs of a picture."""

    objectives: list[ObjectiveLine]
    ratings: dict[int, tuple[str, str]]  # action id: (rating, title)
    complete: int
    next_review: datetime.date | None


def snapshot(council: Council, day: datetime.date) -> Snapshot:
    # The plan's lean summary, with the titles in one plain read: a large plan's
    # picture with every action's details took seconds (bench/public_api.py).
    picture: PlanPicture = plan_summary(council, day)
    titles = dict(council.actions.values_list("pk", "title"))
    return Snapshot(
        objectives=[
            ObjectiveLine(o.objective.ref, o.objective.title, o.complete, len(o.actions))
            for o in picture.objectives
        ],
        ratings={item.action_id: (item.rating, titles[item.action_id]) for item in picture.actions},
        complete=picture.complete,
        next_review=picture.notice.next_review_due if picture.notice else None,
    )


def board_snapshot(council: Council, board: Any) -> Snapshot:
    """The plan as at a board that has met. A picture on a past date counts only what
    had been recorded by then, so it is kept for `KEEP_SECONDS` in the shared cache:
    a large plan's picture takes seconds (bench/public_api.py). Which actions go
    unnamed is decided afresh on every request, never kept (docs/adr/022)."""
    key = f"public-progress:{council.pk}:{board.pk}:{board.modified_at.timestamp()}"
    return cache.get_or_set(key, lambda: snapshot(council, meeting_day(board)), KEEP_SECONDS)


def changes_between(
    earlier: dict[int, tuple[str, str]],
    later: dict[int, tuple[str, str]],
    withheld: set[int],
    since: datetime.date,
) -> Changes:
    """Actions that became complete, became off track (Red) or were added between two
    boards' ratings; titles kept only for actions not tied to exempt items."""
    changes = Changes(since=since)
    for pk, (rating, title) in later.items():
        was = earlier.get(pk, (None, ""))[0]
        shown = [title] if pk not in withheld else []
        if was is None:
            changes.added_count += 1
            changes.added += shown
        if rating == Rating.BLUE and was != Rating.BLUE:
            changes.completed_count += 1
            changes.completed += shown
        elif rating == Rating.RED and was != Rating.RED:
            changes.off_track_count += 1
            changes.off_track += shown
    return changes


def public_progress(council: Council) -> PublicProgress | None:
    """The progress as at the last board whose papers are published, or None."""
    boards = published.boards_held(council)
    if not boards:
        return None
    latest = board_snapshot(council, boards[0])
    changes = None
    if len(boards) > 1:
        previous = board_snapshot(council, boards[1])
        withheld = published.withheld_action_ids(council)
        since = meeting_day(boards[1])
        changes = changes_between(previous.ratings, latest.ratings, withheld, since)
    return PublicProgress(
        council=council,
        board=boards[0],
        as_at=meeting_day(boards[0]),
        objectives=latest.objectives,
        complete=latest.complete,
        total=len(latest.ratings),
        changes=changes,
        next_review=latest.next_review,
    )


def as_data(request: HttpRequest, found: PublicProgress) -> dict[str, Any]:
    """The progress as the API and its schema (`schemas.ProgressOut`) give it."""
    changes = found.changes
    page = reverse("public:progress", args=[found.council.slug])
    return {
        "as_at": found.as_at,
        "board_meeting_id": found.board.pk,
        "actions_complete": found.complete,
        "actions": found.total,
        "percent_complete": percentage(found.complete, found.total),
        "summary": found.share,
        "objectives": [
            {
                "ref": line.ref,
                "title": line.title,
                "actions_complete": line.complete,
                "actions": line.total,
                "percent_complete": line.percent,
                "summary": line.share,
            }
            for line in found.objectives
        ],
        "since_last_board": None
        if changes is None
        else {
            "since": changes.since,
            "summary": changes.summary,
            "completed": changes.completed_count,
            "became_off_track": changes.off_track_count,
            "added": changes.added_count,
        },
        "next_review_due": found.next_review,
        "url": request.build_absolute_uri(page),
    }
