"""What other domain apps may use of the plan. Domain apps call each other only
through their `ports.py`, so this is the whole of what they rely on:

- evidence records owners' updates in answer to its requests (`record_update`),
  lists objectives slow to progress (`plan_picture`) and rates measures (`Rating`);
- meetings adds and changes actions agreed at a meeting (`create_action`,
  `change_action`).
"""

from improvement.plans.models import Action, Objective, Rating
from improvement.plans.picture import plan_picture
from improvement.plans.services import change_action, create_action, record_update

__all__ = [
    "Action",
    "Objective",
    "Rating",
    "change_action",
    "create_action",
    "plan_picture",
    "record_update",
]
