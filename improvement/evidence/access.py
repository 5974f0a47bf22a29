"""Who may see and do what with the evidence. Every evidence view asks here.

Everyone with a role in the council reads the evidence; the board manager and
the performance and data officer change it and ask for updates; an owner answers
the update requests sent to them; an officer of another council is told the
council does not exist (404).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from improvement.accounts import access
from improvement.accounts.models import Role
from improvement.core.models import Council


def council_for(request: HttpRequest, slug: str) -> Council:
    return access.council_for(request, slug)


EVIDENCE_EDITORS = {Role.BOARD_MANAGER, Role.PERFORMANCE_OFFICER}


def can_edit_evidence(user: Any, council: Council) -> bool:
    """The board manager, and the performance and data officer who keeps the measures."""
    return bool(access.roles_in(user, council) & EVIDENCE_EDITORS)


def editor_council(request: HttpRequest, slug: str) -> Council:
    """The council, if the signed-in person is its board manager; 403 for other readers."""
    council = council_for(request, slug)
    if not can_edit_evidence(request.user, council):
        raise PermissionDenied("Only the board manager can change the evidence.")
    return council


def require_editor(actor: Any, council: Council) -> None:
    """For services: a person must be the board manager; None is the system (commands, demo)."""
    if actor is not None and not can_edit_evidence(actor, council):
        raise PermissionDenied("Only the board manager can change the evidence.")


def can_answer(user: Any, recipient: Any) -> bool:
    """The owner the request was sent to, or the board manager on their behalf."""
    council = recipient.request.council
    if can_edit_evidence(user, council):
        return True
    if not access.roles_in(user, council):
        return False
    return recipient.person.user_id is not None and recipient.person.user_id == user.pk


def require_answerer(user: Any, recipient: Any) -> None:
    if not can_answer(user, recipient):
        raise PermissionDenied("Only the owner it was sent to can answer this request.")
