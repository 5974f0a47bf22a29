"""Each KPI becomes a measure of the evidence app, with one value a month.

So the board's charts, targets, benchmarks and slow-progress rules treat it like
any other measure. An import replaces the values of the months it covers; a KPI
with no event date gets one value, for the month of the reference date.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from improvement.annex_a.kpi_definitions import KPIS, Kpi
from improvement.annex_a.models import MeasureChange
from improvement.annex_a.output import england_benchmarks, published_on
from improvement.annex_a.schema import LISTS
from improvement.core import access
from improvement.core.actors import require_actor
from improvement.evidence import ports as evidence
from improvement.evidence.ports import Benchmark, Measure


def _measure(actor: Any, council: Any, kpi: Kpi, existing: Measure | None) -> Measure:
    if existing is not None:
        if reopens(existing):
            return evidence.reopen_measure(actor, existing)
        return existing
    data = {
        "code": kpi.key,
        "name": kpi.label,
        "definition": "Computed from each Annex A import (formats/kpis.md).",
        "unit": Measure.Unit.COUNT if kpi.count else Measure.Unit.PERCENTAGE,
        "polarity": kpi.polarity,
        "source": Measure.Source.COMPUTED,
    }
    return evidence.create_measure(actor, council, data)


UNDONE_REASON = "Annex A import {pk}, which made this measure, was undone"


def reopens(measure: Measure) -> bool:
    """A measure archived by undoing the import that made it: the next import brings it
    back. One archived by hand stays archived."""
    return measure.archived_at is not None and measure.archive_reason.endswith(
        UNDONE_REASON.split("}")[-1]
    )


def _points(kpi: Kpi, figures: dict, reference: datetime.date) -> list[dict[str, Any]]:
    if figures["by_month"]:
        return [
            {
                "period": datetime.date.fromisoformat(point["month"] + "-01"),
                "numerator": Decimal(point["numerator"]),
                "denominator": Decimal(point["denominator"]),
                "value": None,
            }
            for point in figures["by_month"]
        ]
    if not kpi.count and not figures["denominator"]:
        return []
    return [
        {
            "period": reference.replace(day=1),
            "numerator": Decimal(figures["numerator"]),
            "denominator": Decimal(figures["denominator"]),
            "value": Decimal(figures["numerator"]) if kpi.count else None,
        }
    ]


def _benchmarks(actor: Any, measure: Measure) -> None:
    for row in england_benchmarks().get(measure.code, []):
        data = {
            "kind": Benchmark.Kind.ENGLAND,
            "year": row["year"],
            "value": Decimal(row["england_value"]),
            "numerator": Decimal(row["numerator"]) if row["numerator"] else None,
            "denominator": Decimal(row["denominator"]) if row["denominator"] else None,
            "source": row["source"],
            "published_on": published_on(row),
            "note": row["note"],
        }
        evidence.record_benchmark(actor, measure, data)


def present_lists(report: dict[str, Any]) -> set[int]:
    """The lists an import held with at least one used row."""
    quality = report.get("data_quality", {})
    return {n for n, spec in LISTS.items() if (quality.get(spec.key) or {}).get("used")}


@dataclass
class Planned:
    """What an import will write to one KPI's measure: the measure as it stands (None
    if the import will make it) and the monthly points."""

    kpi: Kpi
    measure: Measure | None
    points: list[dict[str, Any]]

    def after(self, point: dict[str, Any]) -> Decimal:
        unit = self.measure.unit if self.measure else _unit(self.kpi)
        return evidence.derive_value(unit, point["numerator"], point["denominator"], point["value"])


def _unit(kpi: Kpi) -> str:
    return Measure.Unit.COUNT if kpi.count else Measure.Unit.PERCENTAGE


def planned(record: Any) -> list[Planned]:
    """Each KPI whose lists the import held, with its measure and values as they stand
    (two queries): what the preview shows and what `feed` writes. A KPI from a missing
    list keeps its measure as it was: writing its 0 of 0 would tell the board the
    service had stopped."""
    present = present_lists(record.report)
    kpis = [kpi for kpi in KPIS if kpi.sources <= present]
    held = {
        m.code: m
        for m in record.council.measures.filter(code__in=[k.key for k in kpis]).prefetch_related(
            "values"
        )
    }
    return [
        Planned(kpi, held.get(kpi.key), _points(kpi, record.kpis[kpi.key], record.reference_date))
        for kpi in kpis
    ]


def feed(actor: Any, record: Any) -> None:
    """Record the monthly values (and England benchmarks) of every KPI whose lists the
    import held, keeping each value as it was and became (`MeasureChange`) for an undo."""
    require_actor(actor)
    access.require(actor, "annex_a.import", record.council)
    note = f"From Annex A import {record.pk} (reference date {record.reference_date:%d/%m/%Y})"
    for plan in planned(record):
        made = plan.measure is None or reopens(plan.measure)
        before = {v.period: v for v in plan.measure.values.all()} if plan.measure else {}
        measure = _measure(actor, record.council, plan.kpi, plan.measure)
        if plan.points:
            evidence.replace_values(
                actor, measure, plan.points, note, "recorded values from Annex A"
            )
            _keep(record, measure, made, before, [p["period"] for p in plan.points])
        _benchmarks(actor, measure)


def _keep(record: Any, measure: Measure, made: bool, before: dict, periods: list) -> None:
    changes = []
    for value in measure.values.filter(period__in=periods):
        old = before.get(value.period)
        changes.append(
            MeasureChange(
                annex_import=record,
                measure=measure,
                measure_created=made,
                period=value.period,
                existed=old is not None,
                before_numerator=old.numerator if old else None,
                before_denominator=old.denominator if old else None,
                before_value=old.value if old else None,
                before_note=old.note if old else "",
                after_numerator=value.numerator,
                after_denominator=value.denominator,
                after_value=value.value,
            )
        )
    MeasureChange.objects.bulk_create(changes)


def changed_since_import(record: Any) -> list[str]:
    """The measure values an import wrote that now hold other figures (or are gone):
    an undo would overwrite those changes, so it is refused. Figures, not versions,
    are compared: undoing a later import puts this one's figures back as new versions."""
    changes = list(record.measure_changes.select_related("measure"))
    held = {
        (measure_id, period): figures
        for measure_id, period, *figures in record.council.measures.filter(
            pk__in={change.measure_id for change in changes}, values__isnull=False
        ).values_list(
            "pk", "values__period", "values__numerator", "values__denominator", "values__value"
        )  # fmt: skip
    }
    return [
        f"The value of {c.measure.name} for {c.period:%B %Y}"
        for c in changes
        if held.get((c.measure_id, c.period))
        != [c.after_numerator, c.after_denominator, c.after_value]
    ]


def restore(actor: Any, record: Any) -> None:
    """Put back every value the import wrote as the snapshot holds it; archive the
    measures it made (their values all removed)."""
    require_actor(actor)
    by_measure: dict[Measure, list[MeasureChange]] = {}
    for change in record.measure_changes.select_related("measure"):
        by_measure.setdefault(change.measure, []).append(change)
    verb = f"undid Annex A import {record.pk}"
    for measure, changes in by_measure.items():
        restore_rows = [
            {
                "period": c.period,
                "numerator": c.before_numerator,
                "denominator": c.before_denominator,
                "value": c.before_value,
                "note": c.before_note,
            }
            for c in changes
            if c.existed
        ]
        remove = [c.period for c in changes if not c.existed]
        evidence.restore_values(actor, measure, restore_rows, remove, verb)
        if changes[0].measure_created:
            reason = UNDONE_REASON.format(pk=record.pk)
            evidence.archive_measure(actor, measure, reason, None)
