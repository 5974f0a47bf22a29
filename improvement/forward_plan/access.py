"""Who may see and do what with the forward plan. Every view and service asks here.

- The board manager, acting as democratic services, changes the plan.
- Every role in the council reads the register, drafts included.
- The public reads published editions only, and never exempt information or
  the personal details of people who comment.
"""

from typing import Any

from django.core.exceptions import PermissionDenied

from improvement.core.models import Council
from improvement.meetings import access as meetings_access


def can_manage(user: Any, council: Council) -> bool:
    return meetings_access.can_manage(user, council)


def require_manager(actor: Any, council: Council) -> None:
    if not can_manage(actor, council):
        raise PermissionDenied("Only the board manager can change the forward plan.")
