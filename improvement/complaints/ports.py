"""What other apps may ask of complaints: the only module of this app they import.
Figures only, except `case_register`, which the caller serves only to a reader
allowed to see cases (`complaints.view_cases`), and `search`, which asks that itself."""

import datetime
from typing import Any

from django.db import models

from improvement.complaints import annual, clock
from improvement.complaints.figures import annual_figures
from improvement.complaints.search import KINDS, search
from improvement.core.models import Council

__all__ = [
    "KINDS",
    "case_register",
    "experience_lines",
    "figures_for_year",
    "open_stages",
    "search",
]


def experience_lines(council: Council, as_at: datetime.date) -> list[str]:
    """What complaints and compliments say of children's and families' experience, for an
    objective's evidence: the last full financial year before `as_at`, figures only."""
    return annual.experience_lines(council, as_at)


def figures_for_year(council: Council, year: int) -> dict[str, Any]:
    """The annual report's figures for the financial year from 1 April `year`: counts
    and percentages, no case details (the API's complaints figures)."""
    return annual_figures(council, year)


def case_register(council: Council) -> models.QuerySet:
    """Every live complaint and compliment (the API's cases, for those who may see them)."""
    return council.representations.live()


def open_stages(council: Council, today: datetime.date) -> list[tuple[Any, Any]]:
    """Each open complaint with the clock of its running stage, soonest due first, so
    the overdue come first; for a reader allowed to see cases only."""
    return clock.with_clocks(council.representations.possibly_open(), today)
