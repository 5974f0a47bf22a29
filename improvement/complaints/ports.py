"""What other apps may ask of complaints: the only module of this app they import.
Figures only: no case details leave the app."""

import datetime

from improvement.complaints import annual
from improvement.core.models import Council


def experience_lines(council: Council, as_at: datetime.date) -> list[str]:
    """What complaints and compliments say of children's and families' experience, for an
    objective's evidence: the last full financial year before `as_at`, figures only."""
    return annual.experience_lines(council, as_at)
