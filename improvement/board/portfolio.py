"""A person's councils side by side (issue 17): for a DfE adviser, a regional
improvement lead or a sector-led improvement partner who holds roles in several.

Only councils where the person holds a role and may read the plan; only counts and
KPIs, so no action title, owner or exempt item can reach the page or the API. Each
council costs the same fixed number of queries, however large its plan."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from improvement.annex_a.kpi_definitions import KPIS
from improvement.annex_a.output import latest_benchmark
from improvement.annex_a.queries import latest_import
from improvement.board.presenters import CouncilPortfolio, KpiFigure, TrendPoint
from improvement.board.queries import councils_of
from improvement.core import access
from improvement.core.models import Council
from improvement.meetings.queries import board_meetings_held
from improvement.plans.picture import PlanPicture, plan_summary

# The trend runs over the board's last few meetings: enough to see a direction, few
# enough that each council costs a bounded number of plan pictures.
TREND_MEETINGS = 4

# The front door: contacts, early help, referrals, assessments and section 47
# enquiries (Annex A lists 1 to 5), the part of the KPIs every notice starts from.
FRONT_DOOR = [kpi for kpi in KPIS if kpi.list_number <= 5]


def portfolio_for(
    user: Any, today: datetime.date, councils: Iterable[Council] | None = None
) -> list[CouncilPortfolio]:
    """Each council where the person holds a role and may read the plan, by name; only
    those of `councils` when given (the one council an API token is limited to)."""
    held = councils_of(user).order_by("name") if councils is None else councils
    return [
        council_portfolio(user, council, today)
        for council in held
        if access.allowed(user, "plans.view_plan", council)
    ]


def council_portfolio(user: Any, council: Council, today: datetime.date) -> CouncilPortfolio:
    # The measure flags the board's pages add (board.picture) change no figure shown
    # here, which counts actions only; the plan's own summary saves their queries.
    picture = plan_summary(council, today)
    notice = picture.notice
    return CouncilPortfolio(
        slug=council.slug,
        name=council.name,
        as_at=picture.as_at,
        complete=picture.complete,
        actions=len(picture.actions),
        slow=len(picture.slow),
        trend=_trend(council, picture.as_at),
        deadline=notice.notice.deadline if notice else None,
        due_after_deadline=len(picture.due_after_deadline),
        last_review=notice.last_review_on if notice else None,
        next_review=notice.next_review_due if notice else None,
        review_late=notice.next_review_late if notice else False,
        **_front_door(user, council),
    )


def _trend(council: Council, today: datetime.date) -> list[TrendPoint]:
    """Share complete as the plan stood on each of the last board meetings, oldest first."""
    held = board_meetings_held(council, today).values_list("starts_at", flat=True)
    days = sorted({timezone.localtime(at).date() for at in held[:TREND_MEETINGS]})
    return [_point(plan_summary(council, day)) for day in days]


def _point(picture: PlanPicture) -> TrendPoint:
    return TrendPoint(picture.as_at, picture.complete, len(picture.actions))


def _front_door(user: Any, council: Council) -> dict[str, Any]:
    """The front-door KPIs of the latest Annex A import, each against England."""
    if not access.allowed(user, "annex_a.view", council):
        return {}
    record = latest_import(council)
    if record is None:
        return {}
    kpis = []
    for kpi in FRONT_DOOR:
        figures = record.kpis.get(kpi.key)
        if figures is None:
            continue
        england = latest_benchmark(kpi.key, record.reference_date) or {}
        kpis.append(
            KpiFigure(
                key=kpi.key,
                label=kpi.label,
                numerator=figures["numerator"],
                denominator=figures["denominator"],
                value=figures["value"],
                count=kpi.count,
                england=england.get("england"),
                england_year=england.get("year", ""),
            )
        )
    return {"kpis_as_at": record.reference_date, "kpis": kpis}
