"""Who may see and do what with meetings. Every view and service asks here.

- The board manager manages meetings, agendas and minutes for every body.
- The chair approves the minutes of the improvement board; the board manager
  records the approval of other bodies' minutes.
- Attendees (present or substituting) comment on draft minutes.
- Members of a body (through a BodyMembership whose person signs in), the board
  manager and the chair see exempt items; everyone else with a role sees open ones.
- The public sees only what is published, and never exempt content.
"""

from typing import Any

from django.utils import timezone

from improvement.accounts.access import roles_in
from improvement.accounts.models import Role
from improvement.core.models import Council

EXEMPT_READERS = {Role.BOARD_MANAGER, Role.CHAIR}
ATTENDED = ("present", "substitute", "in_attendance")


def _user_id(user: Any) -> int | None:
    return user.pk if getattr(user, "is_authenticated", False) else None


def can_manage(user: Any, council: Council) -> bool:
    return Role.BOARD_MANAGER in roles_in(user, council)


def is_member_of(user: Any, body: Any) -> bool:
    user_id = _user_id(user)
    if user_id is None:
        return False
    cache = getattr(user, "_ib_bodies", None)
    if cache is None:
        from improvement.meetings.models import BodyMembership

        # Only current members: an ended (or not yet started) membership gives no access.
        today = timezone.localdate()
        cache = set(
            BodyMembership.objects.filter(person__user_id=user_id)
            .exclude(ends_on__lt=today)
            .exclude(starts_on__gt=today)
            .values_list("body_id", flat=True)
        )
        user._ib_bodies = cache
    return body.pk in cache


def can_see_exempt(user: Any, body: Any) -> bool:
    if roles_in(user, body.council) & EXEMPT_READERS:
        return True
    return is_member_of(user, body)


def can_approve_minutes(user: Any, meeting: Any) -> bool:
    roles = roles_in(user, meeting.council)
    if meeting.body.kind == "improvement_board":
        return Role.CHAIR in roles
    return Role.BOARD_MANAGER in roles


def can_publish_minutes(user: Any, meeting: Any) -> bool:
    return can_manage(user, meeting.council)


def attended(user: Any, meeting: Any) -> bool:
    user_id = _user_id(user)
    if user_id is None:
        return False
    return meeting.attendance.filter(person__user_id=user_id, status__in=ATTENDED).exists()


def can_comment_on_minutes(user: Any, meeting: Any) -> bool:
    if meeting.minutes_status != "draft" or not roles_in(user, meeting.council):
        return False
    return can_manage(user, meeting.council) or attended(user, meeting)
