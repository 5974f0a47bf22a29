"""What other apps may ask of the evidence: the only module of this app they import.

The plan's pages and the board's reports read measures, their flags and the evidence
that bears on an objective or an action; the Annex A import keeps its KPIs as measures.
"""

import datetime
from decimal import Decimal
from typing import Any

from improvement.core.models import Council
from improvement.evidence import queries, services
from improvement.evidence.models import Benchmark, Measure, UpdateRequestRecipient
from improvement.evidence.presenters import MeasureSummary


def objective_measure_flags(council: Council, as_at: datetime.date) -> dict[int, list[str]]:
    """Objective id to the reasons its linked measures flag it: off target and not
    improving over their last three values, as at a date."""
    return queries.objective_measure_flags(council, as_at)


def measure_summaries(council: Council, as_at: datetime.date) -> list[MeasureSummary]:
    """Every live measure of the council, rated as at a date (four queries)."""
    return queries.measure_summaries(council, as_at)


def evidence_for_objective(objective: Any, as_at: datetime.date) -> dict[str, Any]:
    """The measures, audits and voice that bear on an objective, as at a date, for the
    `evidence/_objective_evidence.html` include."""
    return queries.evidence_for_objective(objective, as_at)


def measures_for_action(action: Any, as_at: datetime.date) -> list[MeasureSummary]:
    """The live measures that show an action's impact, rated as at a date."""
    return queries.measures_for_action(action, as_at)


def derive_value(
    unit: str, numerator: Decimal | None, denominator: Decimal | None, value: Decimal | None
) -> Decimal:
    """A percentage or rate from its numerator and denominator; other units as given."""
    return services.derive_value(unit, numerator, denominator, value)


def requests_awaiting(council: Council, user: Any, today: datetime.date) -> Any:
    """The update requests a signed-in person has yet to answer, soonest due first:
    what their start page shows (board.start)."""
    return (
        UpdateRequestRecipient.objects.awaiting_reply(today)
        .filter(request__council=council, person__user=user)
        .order_by("request__due_on", "id")
    )


def requests_outstanding(council: Council, today: datetime.date) -> Any:
    """Every owner yet to answer a live request of the council, by request then name:
    who the board manager is still waiting for."""
    return (
        UpdateRequestRecipient.objects.awaiting_reply(today)
        .filter(request__council=council)
        .select_related("request", "person")
        .order_by("request__due_on", "request_id", "person__name")
    )


create_measure = services.create_measure
record_benchmark = services.record_benchmark
replace_values = services.replace_values

__all__ = [
    "Benchmark",
    "Measure",
    "create_measure",
    "derive_value",
    "evidence_for_objective",
    "measure_summaries",
    "measures_for_action",
    "objective_measure_flags",
    "record_benchmark",
    "replace_values",
    "requests_awaiting",
    "requests_outstanding",
]
