"""What other domain apps may use of the plan. Domain apps call each other only
through their `ports.py`, so this is the whole of what they rely on:

- evidence records owners' updates in answer to its requests (`record_update`)
  and rates measures on the plan's scale (`Rating`);
- meetings adds and changes actions agreed at a meeting (`create_action`,
  `change_action`);
- the board's reports read the adviser's recommendations (`Finding`).
"""

from improvement.plans.models import Action, Finding, Objective, Rating
from improvement.plans.services import change_action, create_action, record_update

__all__ = [
    "Action",
    "Finding",
    "Objective",
    "Rating",
    "change_action",
    "create_action",
    "record_update",
]
