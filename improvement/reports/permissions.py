"""Who may read and write which reports, declared once as `rules` predicates.

- The board manager writes every report except the adviser's, which the chair
  (the DfE adviser) writes.
- Everyone with a role in the council reads reports, except that councillors
  read board and committee reports but not the DfE's documents (docs/adr/011):
  they read the same on the plan pages, and scrutiny receives the board's report.
- An exempt report is read only by its writers and those who see the body's
  exempt items.
- The public reads published, open reports only (`ReportQuerySet.published`).
- The board manager and the council administrator set how the council writes its
  committee reports (`ReportSettings`, docs/adr/027).
"""

from typing import Any

import rules

from improvement.accounts.models import Role
from improvement.accounts.permissions import (
    council_of,
    is_board_manager,
    is_chair,
    is_council_admin,
    roles_in,
)
from improvement.core.access import allowed, declare

ADVISER = "adviser"
COMMITTEE = "committee"
BOARD = "board_progress"
COUNCILLORS_READ = {BOARD, COMMITTEE}


def write_perm(kind: str) -> str:
    """The permission to write a report of this kind."""
    return "reports.write_adviser" if kind == ADVISER else "reports.write_board"


@rules.predicate
def writes_this_kind(user: Any, report: Any) -> bool:
    writer = is_chair if report.kind == ADVISER else is_board_manager
    return writer(user, report)


@rules.predicate
def reads_report(user: Any, report: Any) -> bool:
    roles = roles_in(user, council_of(report))
    if not roles:
        return False
    if roles == {Role.COUNCILLOR} and report.kind not in COUNCILLORS_READ:
        return False
    if report.is_exempt:
        body = report.body or (report.meeting.body if report.meeting else None)
        return writes_this_kind(user, report) or bool(
            body and allowed(user, "meetings.see_exempt", body)
        )
    return True


declare("reports.read", reads_report, "You cannot read this report.")
declare("reports.write", writes_this_kind, "You cannot change this report.")
declare("reports.start", is_board_manager | is_chair, "You cannot start a report.")
declare(
    "reports.write_board",
    is_board_manager,
    "Only the board manager writes board, committee and DfE self-assessment reports.",
)
declare(
    "reports.write_adviser",
    is_chair,
    "Only the chair, the DfE adviser, writes the adviser's report.",
)

MANAGE_SETTINGS = "reports.manage_settings"
declare(
    MANAGE_SETTINGS,
    is_board_manager | is_council_admin,
    "Only the board manager or the council administrator sets how reports are written.",
)
