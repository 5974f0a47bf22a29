"""What other apps may ask of the evidence: the only module of this app they import.

The plan's pages and the board's reports read measures, their flags and the evidence
that bears on an objective or an action; the Annex A import keeps its KPIs as measures.
"""

import datetime
from decimal import Decimal
from typing import Any

from improvement.core.models import Council
from improvement.evidence import queries, request_queries, services
from improvement.evidence.models import Benchmark, Measure, UpdateRequestRecipient, VoiceEvent
from improvement.evidence.presenters import MeasureSummary, format_value

# The voice of children and young people, as the DfE self-assessment reports it.
CHILDREN_VOICE = (VoiceEvent.Kind.YOUNG_PEOPLE_FORUM, VoiceEvent.Kind.YOUNG_PEOPLE_SURVEY)


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


def update_requests_waiting_for(
    user: Any, council: Council
) -> list[request_queries.WaitingRequest]:
    """The live update requests a signed-in person has yet to answer in a council,
    soonest due first, for a start page's panel: each with its title (what was asked),
    message, asked on, due by, the open actions it asks about, and the token of its
    answer page (`evidence:request_answer`). Answered means the request's page was
    used or an ordinary update was recorded on one of their actions since."""
    return request_queries.waiting_for(user, council)


def derive_value(
    unit: str, numerator: Decimal | None, denominator: Decimal | None, value: Decimal | None
) -> Decimal:
    """A percentage or rate from its numerator and denominator; other units as given."""
    return services.derive_value(unit, numerator, denominator, value)


def benchmark_display(summary: MeasureSummary, kind: str) -> str:
    """The latest benchmark of a kind (England, statistical neighbours) the summary holds,
    with its period, in the measure's unit; "Not held" when there is none."""
    found = [b for b in summary.benchmarks if b.kind == kind]
    if not found:
        return "Not held"
    latest = found[-1]
    return f"{format_value(latest.value, summary.measure.unit)} ({latest.year})"


def requests_outstanding(council: Council, today: datetime.date) -> Any:
    """Every owner yet to answer a live request of the council, by request then name:
    who the board manager is still waiting for (an ordinary update on one of their
    actions since the request is an answer, as `update_requests_waiting_for` says)."""
    recipients = UpdateRequestRecipient.objects.awaiting_reply(today).filter(
        request__council=council
    )
    return (
        request_queries.awaiting_reply(recipients)
        .select_related("request", "person")
        .order_by("request__due_on", "request_id", "person__name")
    )


create_measure = services.create_measure
record_benchmark = services.record_benchmark
replace_values = services.replace_values
restore_values = services.restore_values
archive_measure = services.archive_measure
reopen_measure = services.reopen_measure

__all__ = [
    "CHILDREN_VOICE",
    "Benchmark",
    "benchmark_display",
    "Measure",
    "archive_measure",
    "create_measure",
    "derive_value",
    "evidence_for_objective",
    "measure_summaries",
    "measures_for_action",
    "objective_measure_flags",
    "record_benchmark",
    "reopen_measure",
    "replace_values",
    "restore_values",
    "update_requests_waiting_for",
    "requests_outstanding",
]
