"""Charts for reports, drawn by the one chart module from the same figures as the
pages' charts, each with alt text and its figures as a table."""

from collections.abc import Sequence
from typing import Any

from improvement.documents import charts
from improvement.documents.structure import Chart
from improvement.evidence.charts import trend


def ratings_chart(
    labels: list[str], now: list[int], before: list[int] | None, names: tuple
) -> Chart:
    """Actions by rating, beside the same counts at the last meeting when there was one."""
    spec = charts.BarChart("Actions by rating", labels, now, before, names[0], names[1])
    # The section's table of actions by rating holds the same counts.
    return charts.for_document(spec, data=False)


def measure_chart(measure: Any, values: Sequence[Any], benchmarks: Sequence[Any]) -> Chart:
    return charts.for_document(trend(measure, values, benchmarks))
