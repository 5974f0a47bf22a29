"""Who may read and change the plan, declared once as `rules` predicates.

Views ask `core.access.council_for`/`check`, services `access.require`, and
templates `{% has_perm %}`, all by these names.
"""

from typing import Any

import rules

from improvement.accounts.models import Role
from improvement.accounts.permissions import has_role, is_board_manager, is_chair, is_member
from improvement.core.access import declare
from improvement.plans.models import Update


@rules.predicate
def owns_the_action(user: Any, obj: Any) -> bool:
    """The person is a named owner of the action (an Action, or the action of an Update)."""
    action = obj.action if isinstance(obj, Update) else obj
    owners = getattr(action, "owners", None)
    if owners is None:
        return False
    return any(owner.user_id == user.pk for owner in owners.all())


@rules.predicate
def wrote_the_update(user: Any, update: Any) -> bool:
    return getattr(update, "created_by_id", None) == user.pk


is_action_owner = has_role(Role.ACTION_OWNER)

declare("plans.view_plan", is_member, "You do not hold a role in this council.")
declare("plans.edit_plan", is_board_manager, "Only the board manager can change the plan.")
declare(
    "plans.decide_completion",
    is_board_manager | is_chair,
    "Only the chair or the board manager can decide on completion.",
)
declare(
    "plans.update_action",
    is_board_manager | (is_action_owner & owns_the_action),
    "Only the action's owners or the board manager can update it.",
)
declare(
    "plans.change_update",
    is_board_manager | (is_action_owner & owns_the_action & wrote_the_update),
    "Only the update's author or the board manager can change it.",
)
declare(
    "plans.backdate_update",
    is_board_manager,
    "Only the board manager can date an update before the last board meeting.",
)
