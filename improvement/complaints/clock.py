"""The clock on a complaint's open stage: working days used, due date, overdue.

A statutory complaint runs on the Children Act 1989 Representations Procedure
(England) Regulations 2006 timescales below; a corporate complaint on the council's
own corporate policy, set in its `ComplaintsSettings` (`corporate_timescales`).
Timescales are in working days (core.working_days: Monday to Friday less England and
Wales bank holidays), counted from the day after the start, so a complaint received on
a Saturday starts its clock on Monday.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from improvement.complaints.queries import settings_for
from improvement.core.working_days import add_working_days, working_days_between

STAGE1_DAYS = 10
STAGE1_EXTENDED_DAYS = 20
INFORMAL_DAYS = 3
STAGE2_DAYS = 25
STAGE2_EXTENDED_DAYS = 65
STAGE3_PANEL_DAYS = 30
STAGE3_REPORT_DAYS = 5
STAGE3_RESPONSE_DAYS = 15
# A statutory complaint is acknowledged within 2 working days of receipt.
ACKNOWLEDGE_DAYS = 2


@dataclass(frozen=True)
class Timescales:
    """Working days allowed at stages 1 and 2, and when each is extended."""

    stage1: int
    stage1_extended: int
    stage2: int
    stage2_extended: int


CHILDREN_ACT = Timescales(STAGE1_DAYS, STAGE1_EXTENDED_DAYS, STAGE2_DAYS, STAGE2_EXTENDED_DAYS)


def corporate_timescales(council: Any) -> Timescales:
    """The council's corporate complaints policy, from its complaints settings."""
    settings = settings_for(council)
    return Timescales(
        settings.corporate_stage1_days,
        settings.corporate_stage1_extended_days,
        settings.corporate_stage2_days,
        settings.corporate_stage2_extended_days,
    )


@dataclass(frozen=True)
class StageClock:
    stage: str
    started_on: datetime.date
    allowed: int
    due_on: datetime.date
    used: int

    @property
    def overdue(self) -> bool:
        return self.used > self.allowed

    @property
    def remaining(self) -> int:
        return self.allowed - self.used


def _clock(stage: str, start: datetime.date, allowed: int, today: datetime.date) -> StageClock:
    return StageClock(
        stage=stage,
        started_on=start,
        allowed=allowed,
        due_on=add_working_days(start, allowed),
        used=working_days_between(start, today),
    )


def stage1_allowed(route: str, extended: bool, timescales: Timescales = CHILDREN_ACT) -> int:
    if route == "informal":
        return INFORMAL_DAYS
    return timescales.stage1_extended if extended else timescales.stage1


def _stage3(rep: Any, today: datetime.date) -> StageClock | None:
    if rep.stage3_panel_on is None:
        return _clock("Stage 3 panel", rep.stage3_requested_on, STAGE3_PANEL_DAYS, today)
    if rep.stage3_report_on is None:
        return _clock("Stage 3 panel report", rep.stage3_panel_on, STAGE3_REPORT_DAYS, today)
    if rep.stage3_response_on is None:
        return _clock("Stage 3 council response", rep.stage3_report_on, STAGE3_RESPONSE_DAYS, today)
    return None


def _timescales(rep: Any, corporate: Timescales | None) -> Timescales:
    if rep.process != "corporate":
        return CHILDREN_ACT
    return corporate or corporate_timescales(rep.council)


def open_stage(
    rep: Any, today: datetime.date | None = None, corporate: Timescales | None = None
) -> StageClock | None:
    """The stage now running on a logged complaint, or None when nothing is waiting.
    A corporate complaint runs on `corporate` (read from the council's settings when
    not given); a statutory one on the Children Act timescales."""
    today = today or timezone.localdate()
    if rep.kind != "complaint" or rep.process not in ("statutory", "corporate"):
        return None
    timescales = _timescales(rep, corporate)
    if rep.stage3_requested_on:
        return _stage3(rep, today)
    if rep.stage2_requested_on:
        if rep.stage2_completed_on:
            return None
        allowed = timescales.stage2_extended if rep.stage2_extended else timescales.stage2
        return _clock("Stage 2 investigation", rep.stage2_requested_on, allowed, today)
    if rep.stage1_responded_on or rep.stage1_route == "withdrawn":
        return None
    allowed = stage1_allowed(rep.stage1_route, rep.stage1_extended, timescales)
    return _clock("Stage 1 response", rep.received_on, allowed, today)


def with_clocks(reps: Any, today: datetime.date | None = None) -> list[tuple[Any, StageClock]]:
    """Open complaints of one council paired with their clocks, most overdue first."""
    reps = list(reps)
    corporate = None
    if any(rep.process == "corporate" for rep in reps):
        corporate = corporate_timescales(reps[0].council)
    pairs = [(rep, open_stage(rep, today, corporate)) for rep in reps]
    running = [(rep, clock) for rep, clock in pairs if clock is not None]
    return sorted(running, key=lambda pair: (pair[1].due_on, pair[0].reference))


def overdue(reps: Any, today: datetime.date | None = None) -> list[tuple[Any, StageClock]]:
    return [(rep, clock) for rep, clock in with_clocks(reps, today) if clock.overdue]


def within(start: datetime.date | None, end: datetime.date | None, days: int) -> bool:
    """Whether `end` fell within `days` working days of `start`."""
    if start is None or end is None:
        return False
    return working_days_between(start, end) <= days


def late_acknowledgement(rep: Any, today: datetime.date | None = None) -> str:
    """A warning when a statutory complaint was, or is now, acknowledged later than
    ACKNOWLEDGE_DAYS working days after receipt; empty when on time or not statutory.
    A warning, not a refusal: the date must be recorded as it happened."""
    if rep.kind != "complaint" or rep.process != "statutory":
        return ""
    due_on = add_working_days(rep.received_on, ACKNOWLEDGE_DAYS)
    if rep.acknowledged_on is not None:
        if rep.acknowledged_on <= due_on:
            return ""
        return (
            f"Acknowledged on {rep.acknowledged_on:%-d %B %Y}, later than the "
            f"{ACKNOWLEDGE_DAYS} working days the 2006 Regulations allow (due by "
            f"{due_on:%-d %B %Y})."
        )
    # Cases answered before acknowledgements were recorded here are not flagged.
    if rep.stage1_responded_on is not None or (today or timezone.localdate()) <= due_on:
        return ""
    return f"Not yet acknowledged: the acknowledgement was due by {due_on:%-d %B %Y}."
