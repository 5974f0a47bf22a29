"""Charts for reports as PNG pictures with alt text, drawn by the evidence and
complaints apps' own chart code so a report's chart matches the page's."""

import io
from collections.abc import Sequence
from typing import Any

from improvement.complaints import charts as bar_charts
from improvement.evidence import charts as measure_charts
from improvement.reports.document import Chart


def ratings_chart(
    labels: list[str], now: list[int], before: list[int] | None, names: tuple
) -> Chart:
    """Actions by rating, beside the same counts at the last meeting when there was one."""
    spec = bar_charts.Chart("Actions by rating", labels, now, before, names[0], names[1])
    return Chart.from_png(spec.title, spec.alt, bar_charts.render(spec, "png"))


def measure_chart(measure: Any, values: Sequence[Any], benchmarks: Sequence[Any]) -> Chart:
    figure = measure_charts._draw(measure, values, benchmarks)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    title = f"Trend of {measure.name}"
    alt = measure_charts.describe(measure, values).replace(
        "The same figures are in the table below the chart.",
        "The latest figures are in the table of measures.",
    )
    return Chart.from_png(title, alt, buffer.getvalue())
