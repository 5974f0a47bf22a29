"""Who may see and do what with the forward plan, declared once as `rules` predicates.

- The board manager, acting as democratic services, changes the plan, publishes
  executive decisions and records their call-in.
- Every role in the council reads the register, drafts included, and the
  executive decisions with their call-in state.
- Comments from the public carry personal data: the board manager alone reads them.
- The public reads published editions only, and never exempt information or
  the personal details of people who comment.
"""

from improvement.accounts.permissions import is_board_manager
from improvement.core.access import declare

declare(
    "forward_plan.manage",
    is_board_manager,
    "Only the board manager can change the forward plan.",
)
declare(
    "forward_plan.call_in",
    is_board_manager,
    "Only the board manager publishes executive decisions and records a call-in.",
)
declare(
    "forward_plan.read_comments",
    is_board_manager,
    "Only the board manager reads comments from the public.",
)
