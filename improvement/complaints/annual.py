"""The annual report and the figures other pages quote, read from the case records
and laid out by `presenters`."""

import datetime
from typing import Any

from improvement.complaints.figures import (
    advocacy,
    annual_figures,
    contacted_of_accepted,
    stage_cases,
)
from improvement.complaints.presenters import experience_text, report_layout
from improvement.complaints.queries import settings_for
from improvement.complaints.years import financial_year_of
from improvement.core.figures import reuse_figures
from improvement.core.models import Council


def annual_report(council: Council, year: int) -> dict[str, Any]:
    """The annual report for the financial year from 1 April `year`, with the year before."""
    this, last = annual_figures(council, year), annual_figures(council, year - 1)
    settings = settings_for(council)
    extra = {
        "committee": settings.report_committee,
        "advocacy_provider": settings.advocacy_provider,
        "advocacy": advocacy(council, year),
        "contacted": (
            contacted_of_accepted(council, year - 1),
            contacted_of_accepted(council, year),
        ),
        "notes": [note.text for note in council.complaint_notes.filter(year=year)],
    }
    return report_layout(council, year, this, last, stage_cases(council, year), extra)


def experience_lines(council: Council, as_at: datetime.date) -> list[str]:
    """Complaints' figures for an objective's evidence: the last full financial year
    before `as_at`, so a page seen as at a past date never counts what came later."""
    year = financial_year_of(as_at) - 1
    return reuse_figures(
        council,
        "complaints-experience",
        lambda: experience_text(annual_figures(council, year), year),
        year,
    )
