"""Who may see and do what with the forward plan, declared once as `rules` predicates.

- The board manager, acting as democratic services, changes the plan and publishes
  executive decisions.
- A decision is called in by members of the scrutiny committee: a councillor asks
  for it in the system (with the members who support it), or the board manager
  records a call-in made on paper.
- Every role in the council reads the register, drafts included, and the
  executive decisions with their call-in state.
- Comments from the public carry personal data: the board manager alone reads them.
- The public reads published editions only, and never exempt information or
  the personal details of people who comment.
"""

from improvement.accounts.models import Role
from improvement.accounts.permissions import has_role, is_board_manager
from improvement.core.access import declare

declare(
    "forward_plan.manage",
    is_board_manager,
    "Only the board manager can change the forward plan.",
)
declare(
    "forward_plan.call_in",
    is_board_manager,
    "Only the board manager publishes executive decisions.",
)
declare(
    "forward_plan.request_call_in",
    is_board_manager | has_role(Role.COUNCILLOR),
    "Only a councillor, or the board manager recording one, can call a decision in.",
)
declare(
    "forward_plan.read_comments",
    is_board_manager,
    "Only the board manager reads comments from the public.",
)
declare(
    "forward_plan.sign_call_in",
    has_role(Role.COUNCILLOR),
    "Only a councillor on the scrutiny committee can ask for a call-in or join one.",
)
