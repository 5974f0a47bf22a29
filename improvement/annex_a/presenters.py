"""Display of the KPIs and import reports: the figures as the pages show them."""

import datetime
from dataclasses import dataclass
from typing import Any

from improvement.annex_a.kpi_definitions import KPIS
from improvement.annex_a.measures import Planned
from improvement.annex_a.output import latest_benchmark
from improvement.annex_a.parse import reason_words, rejected_words
from improvement.annex_a.schema import LISTS


def _shown(value: Any, count: bool) -> str:
    if value is None:
        return "No data"
    return str(value) if count else f"{value:.1f}%"


@dataclass
class KpiRow:
    key: str
    label: str
    figures: dict
    count: bool
    as_at: datetime.date

    @property
    def value(self) -> str:
        return _shown(self.figures["value"], self.count)

    @property
    def fraction(self) -> str:
        return f"{self.figures['numerator']} of {self.figures['denominator']}"

    @property
    def benchmark(self) -> str:
        """The England figure published by the import's reference date, with its period
        and publication date."""
        found = latest_benchmark(self.key, self.as_at)
        if not found:
            return ""
        published = datetime.date.fromisoformat(found["published_on"])
        return (
            f"{found['england']:.1f}% (England, {found['year']}; published {published:%-d %B %Y})"
        )

    @property
    def months(self) -> list[dict[str, Any]]:
        return [
            {**point, "shown": _shown(point["value"], False)} for point in self.figures["by_month"]
        ]


def kpi_rows(kpis: dict[str, dict], as_at: datetime.date) -> list[KpiRow]:
    """The KPIs as shown, each with the benchmark published by `as_at`."""
    return [KpiRow(k.key, k.label, kpis[k.key], k.count, as_at) for k in KPIS if k.key in kpis]


def quality_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each list's checks as the pages show them: reasons in words, never their codes."""
    rows = []
    for number, spec in LISTS.items():
        entry = report.get("data_quality", {}).get(spec.key)
        if not entry or entry["sheet"] is None:
            continue
        rows.append(
            {
                "list": f"List {number}: {spec.name}",
                **entry,
                "rejected_total": sum(entry["rejected"].values()),
                "reasons": rejected_words(entry["rejected"]),
                "rejected_rows": [
                    {"row": item["row"], "reason": reason_words(item["reason"])}
                    for item in report.get("rejected_rows", {}).get(spec.key, [])
                ],
            }
        )
    return rows


def column_headings(key: str) -> list[str]:
    kpi = next(k for k in KPIS if k.key == key)
    spec = LISTS[kpi.list_number]
    return [spec.column(name).heading for name in kpi.shown]


def _figure(value: Any, count: bool) -> str:
    if value is None:
        return "No value"
    return f"{value:,.0f}" if count else f"{value:.1f}%"


@dataclass
class PreviewMeasure:
    """One measure in the preview: its name, whether the import makes it, and each
    month's value before and after."""

    name: str
    new: bool
    months: list[dict[str, str]]

    @property
    def changed(self) -> int:
        return sum(1 for month in self.months if month["before"] != month["after"])


def preview(plans: list[Planned]) -> list[PreviewMeasure]:
    shown = []
    for plan in plans:
        held = {v.period: v.value for v in plan.measure.values.all()} if plan.measure else {}
        months = [
            {
                "month": f"{point['period']:%B %Y}",
                "before": _figure(held.get(point["period"]), plan.kpi.count),
                "after": _figure(plan.after(point), plan.kpi.count),
            }
            for point in plan.points
        ]
        shown.append(PreviewMeasure(plan.kpi.label, plan.measure is None, months))
    return shown
