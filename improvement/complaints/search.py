"""Complaint cases found by their reference or summary, for the board's search page
(docs/adr/043): only for a reader allowed to see cases (`complaints.view_cases`, the
complaints manager and those they have granted access, as the case pages ask), and
only live cases."""

from typing import Any

from django.urls import reverse

from improvement.complaints.models import Representation
from improvement.core.access import allowed
from improvement.core.models import Council
from improvement.core.search import (
    PER_KIND,
    Found,
    Hit,
    found,
    matching,
    searchable,
    snippet,
)

KINDS = [("cases", "Complaints and compliments")]
# What a case is searched by, declared once for the query and its index (docs/adr/043).
# Change it and add a migration that removes and adds the index.
CASES = searchable(Representation, "reference", "summary", index="complaints_case_search")


def search(
    council: Council, user: Any, terms: str, limit: int = PER_KIND, kind: str | None = None
) -> list[Found]:
    """Cases matching `terms`; nothing at all (not even a count) for anyone else."""
    if not terms or kind not in (None, "cases"):
        return []
    if not allowed(user, "complaints.view_cases", council):
        return []

    def hit(rep: Any) -> Hit:
        return Hit(
            title=str(rep),
            url=reverse("complaints:case", args=[council.slug, rep.pk]),
            snippet=snippet(terms, rep.summary),
            date=rep.received_on,
            meta="Received",
        )

    cases = council.representations.live()
    label = "Complaints and compliments"
    return [found("cases", label, matching(cases, CASES, terms), limit, hit)]
