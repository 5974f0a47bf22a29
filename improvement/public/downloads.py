"""The public record as CSV files: the same rows as the public API (`records`),
written by the one CSV writer (`core.csv_files.csv_bytes`)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest

from improvement.core.csv_files import csv_bytes
from improvement.core.figures import reuse_figures
from improvement.core.models import Council
from improvement.public import progress, published, records
from improvement.public import schemas as s


@dataclass(frozen=True)
class DataFile:
    name: str
    title: str
    description: str
    rows: Callable[[HttpRequest, Council], list[dict[str, Any]]]
    # The columns: the API's fields for the same record, so the two never differ.
    columns: tuple[str, ...]


def _meetings(request: HttpRequest, council: Council) -> list[dict[str, Any]]:
    meetings = published.meetings_for_data(council).order_by("starts_at", "pk")
    return [records.meeting_row(request, m) for m in meetings]


def _items(request: HttpRequest, council: Council) -> list[dict[str, Any]]:
    items = published.open_items(council).order_by("meeting__starts_at", "number", "pk")
    rows = []
    for item in items:
        row = records.item_row(request, item)
        row["decisions"] = "\n".join(row["decisions"])
        row["papers"] = "\n".join(paper["url"] for paper in row["papers"])
        rows.append(row)
    return rows


def _decisions(request: HttpRequest, council: Council) -> list[dict[str, Any]]:
    return [records.decision_row(request, d) for d in published.decisions_for_data(council)]


def _forward_plan(request: HttpRequest, council: Council) -> list[dict[str, Any]]:
    edition = published.current_edition(council)
    if edition is None:
        return []
    return [records.entry_row(part, row) for part, row in published.edition_entries(edition)]


PROGRESS_COLUMNS = (
    "as_at",
    "objective_ref",
    "objective",
    "actions_complete",
    "actions",
    "percent_complete",
)


def _fields(schema: Any) -> tuple[str, ...]:
    return tuple(schema.model_fields)


def _progress(request: HttpRequest, council: Council) -> list[dict[str, Any]]:
    found = progress.public_progress(council)
    if found is None:
        return []
    return [
        {
            "as_at": found.as_at,
            "objective_ref": line.ref,
            "objective": line.title,
            "actions_complete": line.complete,
            "actions": line.total,
            "percent_complete": line.percent,
        }
        for line in found.objectives
    ]


FILES = {
    f.name: f
    for f in [
        DataFile(
            "meetings", "Meetings", "Every published meeting", _meetings, _fields(s.MeetingOut)
        ),
        DataFile(
            "agenda-items",
            "Agenda items",
            "Open agenda items, with minutes and decisions once the minutes are published",
            _items,
            _fields(s.AgendaItemOut),
        ),
        DataFile(
            "decisions",
            "Executive decisions",
            "Published executive decisions",
            _decisions,
            _fields(s.DecisionOut),
        ),
        DataFile(
            "forward-plan",
            "Forward plan",
            "The decisions in the current edition of the forward plan",
            _forward_plan,
            _fields(s.EntryOut),
        ),
        DataFile(
            "progress",
            "Improvement plan progress",
            "Actions complete by objective, as at the last board meeting",
            _progress,
            PROGRESS_COLUMNS,
        ),
    ]
}


def csv_file(request: HttpRequest, council: Council, name: str) -> bytes:
    """One of the council's files as CSV; 404 for a name that is not one."""
    found = FILES.get(name)
    if found is None:
        raise Http404("No such file")
    columns = list(found.columns)

    def build() -> bytes:
        rows = found.rows(request, council)
        return csv_bytes(columns, ([records.when(row[c]) for c in columns] for row in rows))

    # Made once for the published record as it stands (docs/adr/024), not on every
    # download or every view of the open data page that gives the files' sizes. The
    # rows hold absolute addresses, so the site's address is part of the key.
    return reuse_figures(council, f"csv-{name}", build, request.build_absolute_uri("/"))
