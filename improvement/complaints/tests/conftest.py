import pytest


@pytest.fixture(autouse=True)
def _rules_template_tags(settings):
    """Templates ask `{% load rules %}{% has_perm %}`, which needs "rules" installed.
    Until config/settings.py lists it (asked of the settings' owner), the tests add it."""
    if "rules" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "rules"]
