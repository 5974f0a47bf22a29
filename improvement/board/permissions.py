"""The board's own permissions; the pages it shows from the apps below are guarded
by theirs."""

from improvement.accounts.permissions import is_board_manager
from improvement.core.access import declare

declare(
    "board.see_activity",
    is_board_manager,
    "Only the board manager can see all the council's activity.",
)
