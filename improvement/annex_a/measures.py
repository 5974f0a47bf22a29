"""Each KPI becomes a measure of the evidence app, with one value a month.

So the board's charts, targets, benchmarks and slow-progress rules treat it like
any other measure. An import replaces the values of the months it covers; a KPI
with no event date gets one value, for the month of the reference date.
"""

import datetime
from decimal import Decimal
from typing import Any

from improvement.annex_a.output import england_benchmarks
from improvement.annex_a.rules import KPIS, Kpi
from improvement.evidence import services as evidence
from improvement.evidence.models import Benchmark, Measure


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
                "numerator": point["numerator"],
                "denominator": point["denominator"],
            }
            for point in figures["by_month"]
        ]
    if not kpi.count and not figures["denominator"]:
        return []
    return [
        {
            "period": reference.replace(day=1),
            "numerator": figures["numerator"],
            "denominator": figures["denominator"],
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
            "note": row["note"],
        }
        evidence.record_benchmark(actor, measure, data)


def feed(actor: Any, record: Any) -> None:
    """Record every KPI's monthly values (and England benchmarks) as measures."""
    note = f"From Annex A import {record.pk} (reference date {record.reference_date:%d/%m/%Y})"
    for kpi in KPIS:
        measure = _measure(actor, record.council, kpi)
        for point in _points(kpi, record.kpis[kpi.key], record.reference_date):
            value = Decimal(point["numerator"]) if kpi.count else None
            evidence.record_value(
                actor,
                measure,
                point["period"],
                numerator=Decimal(point["numerator"]),
                denominator=Decimal(point["denominator"]),
                value=value,
                note=note,
            )
        _benchmarks(actor, measure)
