"""Who may import Annex A data and see its child-level rows.

The board manager and the performance and data officer may upload workbooks and
see child-level rows. Everyone with a role in the council reads the KPIs and the
import report (aggregates only); an officer of another council is told the council
does not exist (404); nothing here is ever public.
"""

from improvement.accounts.models import Role
from improvement.accounts.permissions import has_role, is_member
from improvement.core.access import declare

CASE_LEVEL = has_role(Role.BOARD_MANAGER, Role.PERFORMANCE_OFFICER)

declare("annex_a.view", is_member, "You do not hold a role in this council.")
declare(
    "annex_a.import",
    CASE_LEVEL,
    "Only the board manager or a performance officer can import Annex A data.",
)
declare(
    "annex_a.see_rows",
    CASE_LEVEL,
    "Only the board manager or a performance officer can see Annex A's child-level rows.",
)
