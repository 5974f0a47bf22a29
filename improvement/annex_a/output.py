"""The KPI document of formats/kpis.md: figures, England benchmarks and data quality.

A benchmark carries its period and the date it was published, and a document as at a date
(an import's reference date) uses only what had been published by then."""

import csv
import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from improvement.evidence.ports import Benchmark

BENCHMARKS = Path(__file__).resolve().parent / "data" / "england-benchmarks.csv"


@lru_cache(maxsize=1)
def england_benchmarks() -> dict[str, list[dict[str, str]]]:
    """Every published England figure by KPI key, oldest year first."""
    found: dict[str, list[dict[str, str]]] = {}
    with BENCHMARKS.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["england_value"].strip():
                found.setdefault(row["kpi"], []).append(row)
    for rows in found.values():
        rows.sort(key=lambda row: row["year"])
    return found


def published_on(row: dict[str, str]) -> datetime.date | None:
    """When a benchmark row was published: its `published_on`, or else the latest its
    period's figures could have appeared (`Benchmark.assumed_published_on`)."""
    given = (row.get("published_on") or "").strip()
    if given:
        return datetime.date.fromisoformat(given)
    return Benchmark.assumed_published_on(row["year"])


def latest_benchmark(key: str, as_at: datetime.date) -> dict[str, Any] | None:
    """The latest England figure for a KPI published on or before `as_at`."""
    known = []
    for row in england_benchmarks().get(key, []):
        published = published_on(row)
        if published is not None and published <= as_at:
            known.append((row, published))
    if not known:
        return None
    row, published = known[-1]
    return {
        "england": float(row["england_value"]),
        "year": row["year"],
        "source": row["source"],
        "published_on": published.isoformat(),
    }


def with_benchmarks(kpis: dict[str, dict], as_at: datetime.date) -> dict[str, dict]:
    """The KPIs with the England benchmark each had as at a date."""
    result = {}
    for key, figures in kpis.items():
        entry = {name: figures[name] for name in ("label", "numerator", "denominator", "value")}
        benchmark = latest_benchmark(key, as_at)
        if benchmark:
            entry["benchmark"] = benchmark
        entry["by_month"] = figures["by_month"]
        result[key] = entry
    return result


def kpi_document(annex_import: Any) -> dict[str, Any]:
    """The JSON that `kpis --format json` prints for an import, with the benchmarks
    published by its reference date."""
    report = annex_import.report
    return {
        "council": annex_import.council.slug,
        "reference_date": annex_import.reference_date.isoformat(),
        "import_id": annex_import.pk,
        "kpis": with_benchmarks(annex_import.kpis, annex_import.reference_date),
        "data_quality": report.get("data_quality", {}),
    }
