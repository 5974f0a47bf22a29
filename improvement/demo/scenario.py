"""The demo scenario: Peterborough under a DfE Improvement Notice, and Shropshire
with a voluntary board. Loading it twice leaves the same data."""

import datetime

from django.utils import timezone

from improvement.demo.committee_reports import load_committee_reports
from improvement.demo.complaints import load_complaints_demo
from improvement.demo.evidence import load_evidence_demo
from improvement.demo.for_the_dfe import load_dfe_demo
from improvement.demo.forward_plan import load_forward_plan_demo
from improvement.demo.meetings import load_meetings_demo
from improvement.demo.partner_updates import load_partner_updates
from improvement.demo.people import (
    DEMO_PASSWORD,
    PETERBOROUGH_ORGANISATIONS,
    PETERBOROUGH_OWNERS,
    PETERBOROUGH_SIGN_INS,
    Cast,
    build_cast,
    ensure_council,
    sign_in_rows,
)
from improvement.demo.peterborough import load_chain
from improvement.demo.peterborough_live import live_actions
from improvement.demo.peterborough_plan import ACTIONS, OBJECTIVES
from improvement.demo.plan import load_plan
from improvement.demo.shropshire import load_shropshire
from improvement.demo.statutory_papers import load_statutory_papers_demo
from improvement.demo.today import load_today

__all__ = ["DEMO_PASSWORD", "PARTS", "load_demo"]

# The parts `load_demo --only` loads into a council that is already there. The
# forward plan reuses the meetings' Cabinet and scrutiny committee when they exist.
PARTS = {
    "evidence": load_evidence_demo,
    "meetings": load_meetings_demo,
    "forward_plan": load_forward_plan_demo,
    "complaints": load_complaints_demo,
}


def load_peterborough(today: datetime.date) -> tuple[Cast, list]:
    council = ensure_council("peterborough", "Peterborough City Council")
    cast = build_cast(
        council, PETERBOROUGH_ORGANISATIONS, PETERBOROUGH_SIGN_INS, PETERBOROUGH_OWNERS
    )
    chain = load_chain(cast, today)
    actions = {ref: ACTIONS[ref] + live for ref, live in live_actions(today).items()}
    load_plan(cast, OBJECTIVES, actions, chain, today)
    return cast, sign_in_rows(cast, PETERBOROUGH_SIGN_INS)


def load_demo(today: datetime.date | None = None) -> list[tuple[str, str, str, str]]:
    """Load everything; returns (username, name, role, council) for each sign-in."""
    today = today or timezone.localdate()
    cast, rows = load_peterborough(today)
    # The evidence, the board's meetings and the complaints build on the plan.
    load_evidence_demo(cast.council, today)
    load_dfe_demo(cast.council, today)
    load_meetings_demo(cast.council)
    load_partner_updates(cast.council)
    load_forward_plan_demo(cast.council)  # after the meetings: it reuses their bodies
    load_complaints_demo(cast.council)
    load_statutory_papers_demo(cast.council)  # after the complaints and the forward plan
    # From where the seeds stop up to today: forward plan, scrutiny, complaints.
    load_today(cast.council, today)
    rows += load_shropshire(today)
    load_committee_reports(today)
    return rows
