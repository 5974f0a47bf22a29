"""Who may see and do what with the evidence, declared once.

Everyone with a role in the council reads the evidence; the board manager and the
performance and data officer change it and ask owners for updates; an owner answers
the update requests sent to them (or the board manager on their behalf). An officer
of another council is told the council does not exist (404, by `council_for`).
"""

from typing import Any

import rules

from improvement.accounts.models import Role
from improvement.accounts.permissions import has_role, is_member
from improvement.core.access import declare

is_evidence_editor = has_role(Role.BOARD_MANAGER, Role.PERFORMANCE_OFFICER)


@rules.predicate
def is_recipient(user: Any, recipient: Any) -> bool:
    """The owner an update request was sent to (`recipient` is an UpdateRequestRecipient)."""
    user_id = getattr(getattr(recipient, "person", None), "user_id", None)
    return user_id is not None and user_id == getattr(user, "pk", None)


declare("evidence.view", is_member, "You do not hold a role in this council.")
declare(
    "evidence.change",
    is_evidence_editor,
    "Only the board manager or the performance and data officer can change the evidence.",
)
declare(
    "evidence.answer",
    is_evidence_editor | (is_member & is_recipient),
    "Only the owner it was sent to can answer this request.",
)
