"""The demo scenario: Peterborough under a DfE Improvement Notice, and Shropshire
with a voluntary board. Loading it twice leaves the same data."""

import datetime
import importlib
import importlib.util

from django.utils import timezone

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

COMPLAINTS_DEMO = "improvement.complaints.demo"

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


def _load_complaints(cast: Cast) -> bool:
    """The complaints app's own demo, if it has one (it may be built later)."""
    try:
        found = importlib.util.find_spec(COMPLAINTS_DEMO) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        return False
    loader = getattr(importlib.import_module(COMPLAINTS_DEMO), "load_complaints_demo", None)
    if loader is None:
        return False
    loader(cast.council)
    return True


def load_demo(today: datetime.date | None = None) -> list[tuple[str, str, str, str]]:
    """Load everything; returns (username, name, role, council) for each sign-in."""
    today = today or timezone.localdate()
    cast, rows = load_peterborough(today)
    _load_complaints(cast)
    rows += load_shropshire(today)
    return rows
