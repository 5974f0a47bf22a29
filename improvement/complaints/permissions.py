"""Who may see and do what with complaints, declared once.

Complaints hold personal data about children and families, so only the complaints
manager, and those the manager grants access, see case details; everyone else with a
role in the council sees the figures only; an officer of another council is told the
council does not exist (404, by `council_for`).
"""

from typing import Any

import rules

from improvement.accounts.models import Role
from improvement.accounts.permissions import council_of, has_role, is_member
from improvement.core.access import declare

is_complaints_manager = has_role(Role.COMPLAINTS_MANAGER)


@rules.predicate
def has_case_access(user: Any, obj: Any) -> bool:
    """The complaints manager has let this person see case details, and not revoked it."""
    council = council_of(obj)
    if council is None or not getattr(user, "is_authenticated", False):
        return False
    return council.complaint_access_grants.filter(user=user, archived_at__isnull=True).exists()


declare("complaints.view_figures", is_member, "You do not hold a role in this council.")
declare(
    "complaints.view_cases",
    is_complaints_manager | (is_member & has_case_access),
    "Only the complaints manager and those they allow see cases.",
)
declare("complaints.manage", is_complaints_manager, "Only the complaints manager can do this.")
