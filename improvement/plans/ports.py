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
"""

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
from improvement.plans.picture import notice_summary
from improvement.plans.review_areas import ReviewArea, area_labels, review_area_field, tagged
from improvement.plans.services import change_action, create_action, record_update

__all__ = [
    "Action",
    "DiagnosticReview",
    "Finding",
    "Notice",
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
]
