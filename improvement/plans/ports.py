"""What other domain apps may use of the plan. Domain apps call each other only
through their `ports.py`, so this is the whole of what they rely on:

- evidence records owners' updates in answer to its requests (`record_update`)
  and rates measures on the plan's scale (`Rating`);
- meetings adds and changes actions agreed at a meeting (`create_action`,
  `change_action`);
- evidence tags measures and audits with the DfE's review areas (`ReviewArea`,
  `review_area_field`), and the DfE's reports read them by area (`tagged`), with
  the notice's reviews (`notice_summary`) and diagnostic reviews (`diagnostics_until`).
- the board's reports read the adviser's recommendations (`Finding`).
- the board's start pages read a person's own actions (`actions_owned_by`) and the
  completions awaiting a decision (`completions_awaiting`).
- the board's search page finds objectives, actions and updates (`search`, `KINDS`).
"""

import datetime
from typing import Any

from improvement.core.models import Council
from improvement.plans.diagnostic_queries import diagnostics_until
from improvement.plans.models import (
    Action,
    DiagnosticReview,
    Finding,
    Notice,
    Objective,
    Rating,
    Review,
)
from improvement.plans.picture import actions_as_at, notice_summary
from improvement.plans.presenters import ActionProgress
from improvement.plans.queries import updates_of
from improvement.plans.review_areas import ReviewArea, area_labels, review_area_field, tagged
from improvement.plans.search import KINDS, search
from improvement.plans.services import change_action, create_action, record_update

__all__ = [
    "Action",
    "DiagnosticReview",
    "Finding",
    "Notice",
    "actions_owned_by",
    "completions_awaiting",
    "Objective",
    "Rating",
    "Review",
    "ReviewArea",
    "area_labels",
    "change_action",
    "create_action",
    "diagnostics_until",
    "notice_summary",
    "record_update",
    "review_area_field",
    "tagged",
    "KINDS",
    "search",
]


def actions_owned_by(council: Council, user: Any, day: datetime.date) -> list[ActionProgress]:
    """The live actions a signed-in person is a named owner of, in plan order, each
    with its due date, rating and latest update as at `day`: four queries."""
    owned = council.actions.live().filter(owners__user=user).distinct()
    return actions_as_at(owned.with_progress(day).for_lists().in_plan_order(), council, day)


def completions_awaiting(council: Council) -> Any:
    """Updates proposing Blue that await the chair's or board manager's decision."""
    return updates_of(council).awaiting_acceptance()
