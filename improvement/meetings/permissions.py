"""Who may see and do what with meetings, declared once as `rules` predicates.

- The board manager manages meetings, agendas and minutes for every body.
- The chair approves the minutes of the improvement board; the board manager
  records the approval of other bodies' minutes.
- Attendees (present, substituting or in attendance) comment on draft minutes.
- Current members of a body (through a BodyMembership whose person signs in), the
  board manager and the chair see exempt items; everyone else with a role sees open ones.
- The public sees only what is published, and never exempt content.
"""

from typing import Any

import rules
from django.utils import timezone

from improvement.accounts.models import Role
from improvement.accounts.permissions import has_role, is_board_manager, is_chair, is_member
from improvement.core.access import allowed, declare
from improvement.meetings.models import BodyMembership

ATTENDED = ("present", "substitute", "in_attendance")


def _user_id(user: Any) -> int | None:
    return user.pk if getattr(user, "is_authenticated", False) else None


@rules.predicate
def is_body_member(user: Any, body: Any) -> bool:
    """A current member of the body: an ended (or not yet started) membership gives no access."""
    user_id = _user_id(user)
    if user_id is None or body is None:
        return False
    cache = getattr(user, "_ib_bodies", None)
    if cache is None:
        cache = set(
            BodyMembership.objects.filter(person__user_id=user_id)
            .current(timezone.localdate())
            .values_list("body_id", flat=True)
        )
        user._ib_bodies = cache
    return body.pk in cache


@rules.predicate
def approves_minutes(user: Any, meeting: Any) -> bool:
    """The chair for the improvement board; the board manager for every other body."""
    if meeting is None:
        return False
    if meeting.body.kind == "improvement_board":
        return is_chair(user, meeting)
    return is_board_manager(user, meeting)


@rules.predicate
def attended(user: Any, meeting: Any) -> bool:
    user_id = _user_id(user)
    if user_id is None or meeting is None:
        return False
    return meeting.attendance.filter(person__user_id=user_id, status__in=ATTENDED).exists()


@rules.predicate
def minutes_in_draft(user: Any, meeting: Any) -> bool:
    return meeting is not None and meeting.minutes_status == "draft"


declare(
    "meetings.manage",
    is_board_manager,
    "Only the board manager can change meetings.",
)
declare(
    "meetings.see_exempt",
    has_role(Role.BOARD_MANAGER, Role.CHAIR) | is_body_member,
    "Exempt items are shown only to members of the body, the board manager and the chair.",
)
declare(
    "meetings.approve_minutes",
    approves_minutes,
    "You cannot approve these minutes.",
)
declare(
    "meetings.publish_minutes",
    is_board_manager,
    "Only the board manager can publish minutes.",
)
declare(
    "meetings.comment_on_minutes",
    minutes_in_draft & is_member & (is_board_manager | attended),
    "Only those who attended can comment on draft minutes.",
)


def exempt_seen_by(user: Any, council: Any) -> dict[int, bool]:
    """Body id to whether this reader sees the body's exempt items (the rule above,
    asked once per body): what the action log and the API withhold by. Bodies are few."""
    return {body.pk: allowed(user, "meetings.see_exempt", body) for body in council.bodies.all()}
