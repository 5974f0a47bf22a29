"""Being phased out: use `core.access.council_for` and `accounts.permissions.roles_in`.

Kept only while these still import it (`council_for`, `roles_in`): annex_a/access.py,
complaints/access.py, evidence/access.py, meetings/access.py, meetings/views.py,
meetings/form_views.py, forward_plan/views.py, forward_plan/form_views.py,
reports/access.py and reports/views.py. Delete it when none does.
"""

from django.http import HttpRequest

from improvement.accounts.permissions import roles_in
from improvement.core import access as core_access
from improvement.core.models import Council

__all__ = ["council_for", "roles_in"]


def council_for(request: HttpRequest, slug: str) -> Council:
    """The council in the URL, if the signed-in person has a role there; else 404."""
    return core_access.council_for(request, slug)
