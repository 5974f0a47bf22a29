"""Until `config/settings.py` installs `rules` (its template tags) and its object
permission backend, the pages of this app cannot ask `{% has_perm %}`: this fixture
installs both for the tests, as the settings will. Remove it once they do."""

import pytest

RULES_BACKEND = "rules.permissions.ObjectPermissionBackend"


@pytest.fixture(autouse=True)
def _rules_installed(settings):
    if "rules" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "rules"]
    backends = list(
        getattr(settings, "AUTHENTICATION_BACKENDS", None)
        or ["django.contrib.auth.backends.ModelBackend"]
    )
    if RULES_BACKEND not in backends:
        settings.AUTHENTICATION_BACKENDS = [RULES_BACKEND, *backends]
