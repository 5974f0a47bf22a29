"""The sign-in page's choice of a council account (docs/adr/016)."""

from django import template

from improvement.accounts import sso_config
from improvement.core.models import Council

register = template.Library()


@register.simple_tag
def sso_councils() -> list[Council]:
    """The councils whose people may sign in with their council account."""
    return sso_config.enabled_councils()
