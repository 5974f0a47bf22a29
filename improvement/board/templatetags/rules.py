"""`{% has_perm "app.perm" user obj as can_x %}` for templates, answered by
`core.access.allowed`, the same check the views and services make.

Settings do not install the `rules` app or its authentication backend, so its own
`rules` library (which asks `user.has_perm`) is not available; this one takes its
name and its tag, so templates are written as they will be once it is. Remove it
when settings install `rules` and `rules.permissions.ObjectPermissionBackend`.
"""

from typing import Any

from django import template

from improvement.core.access import allowed

register = template.Library()


@register.simple_tag
def has_perm(perm: str, user: Any, obj: Any = None) -> bool:
    return allowed(user, perm, obj)
