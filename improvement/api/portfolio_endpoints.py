"""The DfE's view across councils (the portfolio page's figures) for its own
reporting: each council the token reaches, side by side."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from improvement.api.permissions import councils_for
from improvement.api.schemas import PortfolioOut
from improvement.board.portfolio import portfolio_for

router = Router(tags=["Portfolio"])


@router.get("/portfolio", response=list[PortfolioOut])
def portfolio(request: HttpRequest) -> list[dict[str, Any]]:
    """Every council where the token's owner holds a role and may read the plan (or the
    one council the token is limited to): share of actions complete and its trend over
    the last boards, actions slow to progress, the notice's deadline and reviews, and
    the front-door KPIs against England."""
    councils = councils_for(request)
    return [c.as_dict() for c in portfolio_for(request.user, timezone.localdate(), councils)]
