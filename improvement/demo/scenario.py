"""The demo scenario: Peterborough under a DfE Improvement Notice, and Shropshire
with a voluntary board. Loading it twice leaves the same data."""

import datetime

from django.utils import timezone

from improvement.complaints.demo import load_complaints_demo
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
from improvement.evidence.demo import load_evidence_demo
from improvement.forward_plan.demo import load_forward_plan_demo
from improvement.meetings.demo import load_meetings_demo

__all__ = ["DEMO_PASSWORD", "load_demo"]


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
    load_evidence_demo(cast.council)
    load_meetings_demo(cast.council)
    load_forward_plan_demo(cast.council)  # after the meetings: it reuses their bodies
    load_complaints_demo(cast.council)
    rows += load_shropshire(today)
    return rows
