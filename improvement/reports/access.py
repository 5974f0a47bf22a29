"""Who may read and write which reports. Every view asks here.

- The board manager writes every report except the adviser's, which the chair
  (the DfE adviser) writes.
- Everyone with a role in the council reads reports, except that councillors
  read only committee reports.
- An exempt report is read only by those who see the body's exempt items.
- The public reads published, open reports only (see queries.published_reports).
"""

from typing import Any

from improvement.accounts.access import roles_in
from improvement.accounts.models import Role
from improvement.meetings.access import can_see_exempt

ADVISER = "adviser"
COMMITTEE = "committee"


def writer_role(kind: str) -> str:
    return Role.CHAIR if kind == ADVISER else Role.BOARD_MANAGER


def can_create(user: Any, council: Any, kind: str) -> bool:
    return writer_role(kind) in roles_in(user, council)


def creatable_kinds(user: Any, council: Any, kinds: list[tuple[str, str]]) -> list:
    return [(kind, label) for kind, label in kinds if can_create(user, council, kind)]


def can_write(user: Any, report: Any) -> bool:
    return can_create(user, report.council, report.kind)


def can_read(user: Any, report: Any) -> bool:
    roles = roles_in(user, report.council)
    if not roles:
        return False
    if roles == {Role.COUNCILLOR} and report.kind != COMMITTEE:
        return False
    if report.is_exempt:
        body = report.body or (report.meeting.body if report.meeting else None)
        return can_write(user, report) or bool(body and can_see_exempt(user, body))
    return True


def readable(user: Any, reports: Any) -> list[Any]:
    return [report for report in reports if can_read(user, report)]
