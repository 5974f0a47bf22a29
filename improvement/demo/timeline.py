"""Turning an action's story into dated, rated updates.

Updates fall a week before each board meeting (six-weekly from 8 November 2023),
after two earlier check-points from August 2023. Only dates on or before today
are written, so the demo looks live whenever it is loaded, and a Blue is accepted
by the chair at the meeting after it is proposed, if that meeting has happened."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from improvement.demo.records import at
from improvement.plans.models import Rating, Update

FIRST_MEETING = datetime.date(2023, 11, 8)
CYCLE = datetime.timedelta(days=42)
BEFORE_MEETING = datetime.timedelta(days=7)
EARLY_CHECKPOINTS = [datetime.date(2023, 8, 31), datetime.date(2023, 10, 2)]
DAY = datetime.timedelta(days=1)


def meetings(first: datetime.date, until: datetime.date) -> list[datetime.date]:
    dates, day = [], first
    while day <= until:
        dates.append(day)
        day += CYCLE
    return dates


def update_dates(until: datetime.date, first_meeting: datetime.date = FIRST_MEETING) -> list:
    """Every board-cycle update date up to a week after `until`'s last meeting."""
    late = until + BEFORE_MEETING + CYCLE
    return EARLY_CHECKPOINTS + [day - BEFORE_MEETING for day in meetings(first_meeting, late)]


@dataclass
class Dip:
    """A stretch when the action went wrong, and why."""

    start: datetime.date
    end: datetime.date
    rating: str
    reason: str
    support: str = ""


@dataclass
class Story:
    """What happened to one action, in words the board would recognise."""

    start: datetime.date
    done: datetime.date
    risk: str
    progress: str
    did: str
    support: str = "Board to note; no further support needed at this stage."
    dips: list[Dip] = field(default_factory=list)
    returned: str = ""


@dataclass
class Author:
    owner: Any
    chair: Any


def _rating_on(story: Story, day: datetime.date) -> tuple[str, str, str]:
    """(rating, reason, support) for one update date before completion."""
    for dip in story.dips:
        if dip.start <= day <= dip.end:
            return dip.rating, dip.reason, dip.support or story.support
    if day < story.start:
        return Rating.GREY, f"Not started: scheduled to begin in {story.start:%B %Y}", ""
    if day < story.start + CYCLE:
        return Rating.AMBER, f"Mobilising later than planned: {story.risk}", story.support
    return Rating.GREEN, f"On track: {story.progress}", ""


def _narrative(story: Story, rating: str, day: datetime.date) -> str:
    if rating == Rating.GREY:
        return "Scoping only; the lead has been named and the start date agreed at the board."
    if rating == Rating.GREEN and day < story.start + (story.done - story.start) / 2:
        return (
            f"Work under way since {story.start:%-d %B %Y}: {story.progress}. "
            "Next milestones agreed with the board manager."
        )
    if rating == Rating.GREEN:
        return (
            f"On course to complete by {story.done:%B %Y}: {story.progress}. "
            "Evidence of impact is being gathered for the board."
        )
    return f"Work started {story.start:%-d %B %Y}. {story.risk[:1].upper()}{story.risk[1:]}."


def _row(action: Any, day: datetime.date, author: Any, **fields: Any) -> dict[str, Any]:
    return {"action": action, "as_of": day, "created_by": author, "created_at": at(day), **fields}


def _progress_rows(action: Any, story: Story, dates: list, author: Author) -> list[dict]:
    rows = []
    for day in dates:
        rating, reason, support = _rating_on(story, day)
        narrative = _narrative(story, rating, day)
        rows.append(
            _row(
                action,
                day,
                author.owner,
                rating=rating,
                reason=reason,
                narrative=narrative,
                support_needed=support if rating in ("amber", "red") else "",
            )
        )
    return rows


def _blue_rows(action: Any, story: Story, day: datetime.date, today, author: Author) -> list:
    evidence = action.evidence_planned or "the evidence planned"
    blue = {
        "rating": Rating.BLUE,
        "reason": f"Complete: {action.success_measure[:1].lower()}{action.success_measure[1:]}",
        "narrative": f"{story.did} Evidence of impact: {evidence}",
    }
    meeting = day + BEFORE_MEETING
    rows = []
    if story.returned and meeting + CYCLE <= today:
        rows.append(
            _row(
                action,
                day,
                author.owner,
                **blue,
                **_decided("returned", author, meeting, story.returned),
            )
        )
        day, meeting = day + CYCLE, meeting + CYCLE
    if meeting <= today:
        rows.append(
            _row(action, day, author.owner, **blue, **_decided("accepted", author, meeting, ""))
        )
    else:
        rows.append(_row(action, day, author.owner, **blue, approval=Update.Approval.PROPOSED))
    return rows


def _decided(approval: str, author: Author, meeting: datetime.date, comment: str) -> dict:
    return {
        "approval": approval,
        "reviewed_by": author.chair,
        "reviewed_at": at(meeting, 15),
        "review_comment": comment,
    }


def story_updates(action: Any, story: Story, today: datetime.date, author: Author) -> list[dict]:
    """The updates of an action told by `story`, dated on or before today."""
    added = action.created_at.date()
    dates = [day for day in update_dates(today) if added <= day <= today]
    before = [day for day in dates if day < story.done]
    rows = _progress_rows(action, story, before, author)
    finished = [day for day in dates if day >= story.done]
    if finished:
        rows += _blue_rows(action, story, finished[0], today, author)
    return rows
