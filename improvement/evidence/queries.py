"""Reads of the evidence, named for what they are for, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber

from improvement.core.models import Council
from improvement.evidence import ratings
from improvement.evidence.models import (
    Benchmark,
    Measure,
    MeasureValue,
    UpdateRequestRecipient,
    VoiceTheme,
)
from improvement.evidence.presenters import format_value, fraction


@dataclass
class MeasureSummary:
    """A measure with its latest values, rating, direction and benchmarks as at a date."""

    measure: Measure
    recent: list[MeasureValue] = field(default_factory=list)
    benchmarks: list[Benchmark] = field(default_factory=list)

    @property
    def latest(self) -> MeasureValue | None:
        return self.recent[-1] if self.recent else None

    @property
    def rating(self) -> str | None:
        value = self.latest.value if self.latest else None
        m = self.measure
        return ratings.rate(value, m.target, m.tolerance, m.polarity)

    @property
    def direction(self) -> str | None:
        return ratings.direction([row.value for row in self.recent], self.measure.polarity)

    @property
    def rating_label(self) -> str:
        return ratings.RATING_LABELS[self.rating]

    @property
    def rating_colour(self) -> str:
        return ratings.RATING_COLOURS[self.rating]

    @property
    def direction_label(self) -> str:
        return ratings.DIRECTION_LABELS[self.direction]

    @property
    def slow(self) -> bool:
        return ratings.is_slow(self.rating, self.direction)

    @property
    def latest_display(self) -> str:
        return format_value(self.latest.value if self.latest else None, self.measure.unit)

    @property
    def target_display(self) -> str:
        return format_value(self.measure.target, self.measure.unit)

    @property
    def latest_fraction(self) -> str:
        return fraction(self.latest) if self.latest else ""

    @property
    def tolerance_display(self) -> str:
        return format_value(self.measure.tolerance, self.measure.unit)

    @property
    def england_display(self) -> str:
        england = self.england
        return format_value(england.value if england else None, self.measure.unit)

    @property
    def england(self) -> Benchmark | None:
        england = [b for b in self.benchmarks if b.kind == Benchmark.Kind.ENGLAND]
        return england[-1] if england else None

    def slow_reason(self) -> str:
        m = self.measure
        count = len(self.recent)
        over = "its last three values" if count >= ratings.WINDOW else f"its {count} value(s)"
        return (
            f"Measure {m.code}: {m.name} is off target ({self.latest_display} against "
            f"{self.target_display}) and has not improved over {over}"
        )


def recent_values(measure_ids: list[int], as_at: datetime.date) -> dict[int, list[MeasureValue]]:
    """The last three values of each measure up to a date, oldest first, in one query."""
    rows = (
        MeasureValue.objects.filter(measure_id__in=measure_ids, period__lte=as_at)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("measure_id")], order_by=F("period").desc())
        )
        .filter(rank__lte=ratings.WINDOW)
        .order_by("measure_id", "period")
    )
    result: dict[int, list[MeasureValue]] = {pk: [] for pk in measure_ids}
    for row in rows:
        result[row.measure_id].append(row)
    return result


def benchmarks_by_measure(measure_ids: list[int]) -> dict[int, list[Benchmark]]:
    result: dict[int, list[Benchmark]] = {pk: [] for pk in measure_ids}
    for row in Benchmark.objects.filter(measure_id__in=measure_ids).order_by("kind", "year"):
        result[row.measure_id].append(row)
    return result


def summarise(measures: QuerySet, as_at: datetime.date) -> list[MeasureSummary]:
    rows = list(measures)
    ids = [m.pk for m in rows]
    recent = recent_values(ids, as_at)
    benchmarks = benchmarks_by_measure(ids)
    return [MeasureSummary(m, recent[m.pk], benchmarks[m.pk]) for m in rows]


def measure_summaries(council: Council, as_at: datetime.date) -> list[MeasureSummary]:
    """Every live measure of a council, rated as at a date: four queries, however many."""
    measures = (
        council.measures.live()
        .select_related("owner")
        .prefetch_related(Prefetch("objectives", queryset=council.objectives.live()))
    )
    return summarise(measures, as_at)


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
    themes = (
        VoiceTheme.objects.filter(
            objectives=objective,
            event__council=council,
            event__archived_at__isnull=True,
            event__held_on__lte=as_at,
        )
        .select_related("event")
        .order_by("-event__held_on", "id")
    )
    return {
        "council": council,
        "objective": objective,
        "as_at": as_at,
        "measures": summarise(measures, as_at),
        "audits": list(audits),
        "voice_themes": list(themes),
        "complaints": [],
    }


def measures_for_action(action: Any, as_at: datetime.date) -> list[MeasureSummary]:
    """The live measures that show an action's impact, rated as at a date."""
    measures = action.measures.live().filter(council=action.council).select_related("owner")
    return summarise(measures, as_at)


def measure_values(measure: Measure) -> QuerySet:
    return measure.values.order_by("period")


def audits_of(council: Council) -> QuerySet:
    return council.case_audits.live().prefetch_related("objectives")


def voice_of(council: Council) -> QuerySet:
    return council.voice_events.live().prefetch_related("themes__objectives")


def recipients_of(council: Council) -> QuerySet:
    return UpdateRequestRecipient.objects.filter(request__council=council)


def requests_of(council: Council) -> QuerySet:
    return council.update_requests.live().prefetch_related("recipients__person")


def measures_for_pages(council: Council) -> QuerySet:
    return council.measures.select_related("owner").prefetch_related(
        Prefetch("objectives", queryset=council.objectives.live()),
        Prefetch("actions", queryset=council.actions.live()),
    )


def summary_of(
    measure: Measure, values: list[MeasureValue], benchmarks: list[Benchmark], as_at: datetime.date
) -> MeasureSummary:
    known = [row for row in values if row.period <= as_at]
    return MeasureSummary(measure, known[-ratings.WINDOW :], benchmarks)


@dataclass
class ExceptionRow:
    """An objective slow to progress: why, and the support or capacity its owners asked for."""

    objective: Any
    actions: list[Any]
    measure_reasons: list[str]

    @property
    def capacity_asked(self) -> list[Any]:
        return [
            item
            for item in self.actions
            if item.latest_update and item.latest_update.support_needed
        ]


def exception_list(council: Council, as_at: datetime.date) -> list[ExceptionRow]:
    """Objectives flagged by the design's rules: by their actions, or by a linked measure."""
    from improvement.plans.picture import plan_picture

    picture = plan_picture(council, as_at)
    flags = objective_measure_flags(council, picture.as_at)
    rows = []
    for progress in picture.objectives:
        reasons = flags.get(progress.objective.pk, [])
        if progress.slow or reasons:
            rows.append(ExceptionRow(progress.objective, progress.slow, reasons))
    return rows


def recipients_for_pages(council: Council) -> QuerySet:
    return recipients_of(council).select_related("request__council", "person__user")
