"""Each KPI becomes a measure of the evidence app, with one value a month.

So the board's charts, targets, benchmarks and slow-progress rules treat it like
any other measure. An import replaces the values of the months it covers; a KPI
with no event date gets one value, for the month of the reference date.
"""

import datetime
from decimal import Decimal
from typing import Any

from improvement.annex_a.kpi_definitions import KPIS, Kpi
from improvement.annex_a.output import england_benchmarks, published_on
from improvement.annex_a.schema import LISTS
from improvement.core import access
from improvement.core.actors import require_actor
from improvement.evidence import ports as evidence
from improvement.evidence.ports import Benchmark, Measure


def _measure(actor: Any, council: Any, kpi: Kpi) -> Measure:
    existing = council.measures.filter(code=kpi.key).first()
    if existing is not None:
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


def feed(actor: Any, record: Any) -> None:
    """Record the monthly values (and England benchmarks) of every KPI whose lists the
    import held. A KPI from a missing list keeps its measure as it was: writing its 0 of
    0 would tell the board the service had stopped."""
    require_actor(actor)
    access.require(actor, "annex_a.import", record.council)
    present = present_lists(record.report)
    note = f"From Annex A import {record.pk} (reference date {record.reference_date:%d/%m/%Y})"
    for kpi in KPIS:
        if not kpi.sources <= present:
            continue
        measure = _measure(actor, record.council, kpi)
        points = _points(kpi, record.kpis[kpi.key], record.reference_date)
        if points:
            evidence.replace_values(actor, measure, points, note, "recorded values from Annex A")
        _benchmarks(actor, measure)
