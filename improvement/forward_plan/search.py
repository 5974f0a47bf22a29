"""The forward plan's decisions found by their words, for the board's search page
(docs/adr/043). Every member of the council reads the register and the executive
decisions, as their pages let them; a withdrawn decision is never found, and the
exempt information and reasons for privacy are never searched."""

from typing import Any

from django.urls import reverse

from improvement.core.access import MEMBER, allowed
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
from improvement.forward_plan.models import ForwardDecision

KINDS = [("decisions", "Forward plan decisions")]
# What a decision is searched by, declared once (docs/adr/043); a council's register
# holds a few hundred decisions, so no index.
DECISIONS = searchable(
    ForwardDecision, "reference", "title", "description", "maker_portfolio", "directorate",
    "outcome",
)  # fmt: skip


def search(
    council: Council, user: Any, terms: str, limit: int = PER_KIND, kind: str | None = None
) -> list[Found]:
    """The forward plan's matches of `terms`; nothing for a reader with no role here."""
    if not terms or kind not in (None, "decisions") or not allowed(user, MEMBER, council):
        return []
    decisions = council.forward_decisions.exclude(status=ForwardDecision.Status.WITHDRAWN)

    def hit(decision: Any) -> Hit:
        return Hit(
            title=str(decision),
            url=reverse("forward_plan:decision_detail", args=[council.slug, decision.pk]),
            snippet=snippet(terms, decision.description, decision.outcome),
            date=decision.taken_on or decision.expected_on,
            meta=decision.get_status_display(),
        )

    label = "Forward plan decisions"
    return [found("decisions", label, matching(decisions, DECISIONS, terms), limit, hit)]
