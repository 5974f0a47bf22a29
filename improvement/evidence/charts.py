"""The evidence's charts, said in the terms of measures and audits and drawn by the
one chart module, `improvement.documents.charts`: a measure's trend against its
target and benchmarks, and the grades of case file audits. Every page that shows
one also shows its data as a table."""

from collections.abc import Sequence
from typing import Any

from improvement.documents import charts
from improvement.evidence.presenters import format_value

# GOV.UK colours for the grades, best to worst.
GRADE_COLOURS = ["#00703c", "#85994b", "#f47738", "#d4351c"]
ON_PAGE = "The same figures are in the table below the chart."


def describe(measure: Any, values: Sequence[Any], where: str = ON_PAGE) -> str:
    if not values:
        return f"No values have been recorded for {measure.name}."
    first, last = values[0], values[-1]
    target = format_value(measure.target, measure.unit)
    return (
        f"{measure.name} from {first.period:%B %Y} ({format_value(first.value, measure.unit)}) "
        f"to {last.period:%B %Y} ({format_value(last.value, measure.unit)}); target {target}. "
        f"{where}"
    ).strip()


def trend(
    measure: Any, values: Sequence[Any], benchmarks: Sequence[Any] = (), where: str = ON_PAGE
) -> charts.TrendChart:
    """A measure's values over time, with its target and the latest of each benchmark."""
    lines = []
    if measure.target is not None:
        lines.append(("Target", float(measure.target), "target"))
    latest = {benchmark.kind: benchmark for benchmark in benchmarks}
    for kind, benchmark in latest.items():
        label = f"{benchmark.get_kind_display()} {benchmark.year}"
        lines.append((label, float(benchmark.value), kind))
    return charts.TrendChart(
        title=f"Trend of {measure.name}",
        alt=describe(measure, values, where),
        series=measure.name,
        points=[
            (row.period, float(row.value), format_value(row.value, measure.unit)) for row in values
        ],
        lines=lines,
        unit=measure.get_unit_display(),
    )


def measure_chart(measure: Any, values: Sequence[Any], benchmarks: Sequence[Any] = ()) -> str:
    """The SVG markup of a measure's trend, target and benchmarks, labelled for screen readers."""
    return charts.svg(trend(measure, values, benchmarks), f"chart-{measure.pk}")


def audit_chart(rows: Sequence[dict[str, Any]]) -> str:
    """Grade shares of each audit, oldest first, as stacked bars (rows from grade_cells)."""
    names = [grade["label"] for grade in rows[0]["grades"]] if rows else []
    chart = charts.SharesChart(
        title="Case file audit grades over time",
        alt=(
            "Each audit's share of cases graded outstanding, good, requires improvement and "
            f"inadequate, oldest first. {ON_PAGE}"
        ),
        labels=[f"{row['audit'].held_on:%b %Y}: {row['audit'].theme[:40]}" for row in rows],
        parts=[
            (name, colour, [float(row["grades"][index]["pct"] or 0) for row in rows])
            for index, (name, colour) in enumerate(zip(names, GRADE_COLOURS, strict=False))
        ],
        axis="Share of cases graded (%)",
    )
    return charts.svg(chart, "audit")
