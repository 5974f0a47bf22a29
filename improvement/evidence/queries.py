"""Reads of the evidence, named for what they are for, each in a fixed number of
queries; they return the display objects of `presenters`."""

import datetime
from typing import Any

from django.db.models import QuerySet

from improvement.core.models import Council
from improvement.evidence import ratings
from improvement.evidence.models import (
    Benchmark,
    Measure,
    MeasureValue,
    UpdateRequestRecipient,
    VoiceTheme,
)
from improvement.evidence.presenters import MeasureSummary


def recent_values(measure_ids: list[int], as_at: datetime.date) -> dict[int, list[MeasureValue]]:
    """The last three values of each measure up to a date, oldest first, in one query."""
    result: dict[int, list[MeasureValue]] = {pk: [] for pk in measure_ids}
    for row in MeasureValue.objects.last_of_each(measure_ids, as_at, ratings.WINDOW):
        result[row.measure_id].append(row)
    return result


def benchmarks_by_measure(
    measure_ids: list[int], as_at: datetime.date | None = None
) -> dict[int, list[Benchmark]]:
    """Each measure's benchmarks; as at a date, only those published by then."""
    result: dict[int, list[Benchmark]] = {pk: [] for pk in measure_ids}
    for row in Benchmark.objects.of_measures(measure_ids, as_at):
        result[row.measure_id].append(row)
    return result


def summarise(measures: QuerySet, as_at: datetime.date) -> list[MeasureSummary]:
    rows = list(measures)
    ids = [m.pk for m in rows]
    recent = recent_values(ids, as_at)
    benchmarks = benchmarks_by_measure(ids, as_at)
    return [MeasureSummary(m, recent[m.pk], benchmarks[m.pk]) for m in rows]


def measure_summaries(council: Council, as_at: datetime.date) -> list[MeasureSummary]:
    """Every live measure of a council, rated as at a date: four queries, however many."""
    return summarise(council.measures.live().rated(council), as_at)


def objective_measure_flags(council: Council, as_at: datetime.date) -> dict[int, list[str]]:
    """Objective id to reasons: one per linked measure off target and not improving."""
    flags: dict[int, list[str]] = {}
    for summary in measure_summaries(council, as_at):
        if not summary.slow:
            continue
        for objective in summary.measure.objectives.all():
            flags.setdefault(objective.pk, []).append(summary.slow_reason())
    return flags


def evidence_for_objective(objective: Any, as_at: datetime.date) -> dict[str, Any]:
    """The measures, audits and voice that bear on one objective, as at a date."""
    council = objective.council
    measures = objective.measures.live().filter(council=council).select_related("owner")
    audits = objective.case_audits.live().filter(council=council, held_on__lte=as_at)
    return {
        "council": council,
        "objective": objective,
        "as_at": as_at,
        "measures": summarise(measures, as_at),
        "audits": list(audits),
        "voice_themes": list(VoiceTheme.objects.bearing_on(objective, as_at)),
        "complaints": [],
    }


def measures_for_action(action: Any, as_at: datetime.date) -> list[MeasureSummary]:
    """The live measures that show an action's impact, rated as at a date."""
    measures = action.measures.live().filter(council=action.council).select_related("owner")
    return summarise(measures, as_at)


def measure_values(measure: Measure) -> QuerySet:
    return measure.values.order_by("period")


def audits_of(council: Council) -> QuerySet:
    return council.case_audits.with_objectives()


def voice_of(council: Council) -> QuerySet:
    return council.voice_events.with_themes()


def requests_of(council: Council) -> QuerySet:
    return council.update_requests.with_recipients()


def measures_for_pages(council: Council) -> QuerySet:
    return council.measures.for_pages(council)


def summary_of(
    measure: Measure, values: list[MeasureValue], benchmarks: list[Benchmark], as_at: datetime.date
) -> MeasureSummary:
    known = [row for row in values if row.period <= as_at]
    published = [b for b in benchmarks if b.published_on and b.published_on <= as_at]
    return MeasureSummary(measure, known[-ratings.WINDOW :], published)


def recipients_for_pages(council: Council) -> QuerySet:
    return UpdateRequestRecipient.objects.of_council(council)
