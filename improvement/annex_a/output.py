"""The KPI document of formats/kpis.md: figures, England benchmarks and data quality."""

import csv
from functools import lru_cache
from pathlib import Path
from typing import Any

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


def latest_benchmark(key: str) -> dict[str, Any] | None:
    rows = england_benchmarks().get(key)
    if not rows:
        return None
    row = rows[-1]
    return {"england": float(row["england_value"]), "year": row["year"], "source": row["source"]}


def with_benchmarks(kpis: dict[str, dict]) -> dict[str, dict]:
    result = {}
    for key, figures in kpis.items():
        entry = {name: figures[name] for name in ("label", "numerator", "denominator", "value")}
        benchmark = latest_benchmark(key)
        if benchmark:
            entry["benchmark"] = benchmark
        entry["by_month"] = figures["by_month"]
        result[key] = entry
    return result


def kpi_document(annex_import: Any) -> dict[str, Any]:
    """The JSON that `kpis --format json` prints for an import."""
    report = annex_import.report
    return {
        "council": annex_import.council.slug,
        "reference_date": annex_import.reference_date.isoformat(),
        "import_id": annex_import.pk,
        "kpis": with_benchmarks(annex_import.kpis),
        "data_quality": report.get("data_quality", {}),
    }
