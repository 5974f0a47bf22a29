"""The annual report's bar charts are drawn by the one chart module; this name stays
for the presenters that describe them (`Chart(title, labels, this_year, last_year,
year_label, previous_label)`)."""

from improvement.documents.charts import BarChart as Chart

__all__ = ["Chart"]
