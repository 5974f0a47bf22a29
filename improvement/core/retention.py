"""A council's retention settings: how long personal data is kept before the daily
purges delete or anonymise it. The council administrator changes them (accounts)."""

from improvement.core.models import Council, RetentionSettings


def retention_for(council: Council) -> RetentionSettings:
    """The council's retention settings; the defaults (unsaved, version 1) if never set."""
    found = RetentionSettings.objects.filter(council=council).first()
    return found or RetentionSettings(council=council)
