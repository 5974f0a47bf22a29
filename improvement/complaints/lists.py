"""The list of complaint and compliment records as one long list (core.listing, ADR 037):
filtered by kind, stage, team, financial year, open or closed, overdue and outcome,
sorted, paged and downloadable as a CSV.

A record's stage, status, due date and overdue flag are worked out by the clock
(`clock.open_stage`, working days), not stored, so the rows are worked out here and
filtered as a list. They are read with `values()` of the fields the list needs and no
more: no complainant's name, contact details or case summary is ever read into a row,
so none can reach the page or the CSV, which leaves the system.
"""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import django_filters
from django.utils import timezone

from improvement.complaints.clock import Timescales, corporate_timescales, open_stage
from improvement.complaints.models import Kind, Outcome, Process
from improvement.complaints.years import financial_year_of, year_label
from improvement.core.listing import Column, ListFilterSet, ListSpec, Sort, choice_filter
from improvement.core.models import Council

# The fields a row is made from; personal data is left out on purpose.
FIELDS = (
    "pk",
    "reference",
    "received_on",
    "kind",
    "process",
    "team",
    "stage1_route",
    "stage1_extended",
    "stage1_responded_on",
    "stage1_outcome",
    "stage2_requested_on",
    "stage2_extended",
    "stage2_completed_on",
    "stage2_outcome",
    "stage3_requested_on",
    "stage3_panel_on",
    "stage3_report_on",
    "stage3_response_on",
    "stage3_outcome",
    "ombudsman_referred_on",
    "anonymised_at",
)

RECORDS = [
    ("statutory", "Statutory complaint"),
    ("corporate", "Corporate complaint"),
    ("not_logged", "Complaint not logged"),
    ("compliment", "Compliment"),
]
STAGES = [
    ("stage1", "Stage 1"),
    ("stage2", "Stage 2"),
    ("stage3", "Stage 3"),
    ("ombudsman", "Ombudsman"),
]
STATUSES = [("open", "Open"), ("closed", "Closed")]
OVERDUE = [("yes", "Overdue"), ("no", "Not overdue")]
WITHDRAWN = "withdrawn"
OUTCOMES = [*Outcome.choices, (WITHDRAWN, "Withdrawn")]
LOGGED = (Process.STATUTORY, Process.CORPORATE)


@dataclass(frozen=True)
class CaseRow:
    """One record as the list shows it: what it is, where it has reached and when its
    open stage is due, in readable words."""

    pk: int
    reference: str
    received_on: datetime.date
    year: str
    record: str
    team: str
    stage: str
    status: str
    clock: str
    due_on: datetime.date | None
    overdue: str
    outcome: str
    outcome_stage: str

    @property
    def record_label(self) -> str:
        return dict(RECORDS).get(self.record, "")

    @property
    def stage_label(self) -> str:
        return dict(STAGES).get(self.stage, "")

    @property
    def status_label(self) -> str:
        return dict(STATUSES).get(self.status, "")

    @property
    def is_overdue(self) -> bool:
        return self.overdue == "yes"

    @property
    def year_label(self) -> str:
        return year_label(int(self.year))

    @property
    def outcome_label(self) -> str:
        words = dict(OUTCOMES).get(self.outcome, "")
        return f"{words} at {self.outcome_stage.lower()}" if words else ""


def _record(rep: Any) -> str:
    return Kind.COMPLIMENT.value if rep.kind == Kind.COMPLIMENT else rep.process


def _stage(rep: Any) -> str:
    """How far a logged complaint has gone: the Ombudsman, stage 3, 2 or 1."""
    if rep.kind != Kind.COMPLAINT or rep.process not in LOGGED:
        return ""
    if rep.ombudsman_referred_on:
        return "ombudsman"
    if rep.stage3_requested_on:
        return "stage3"
    return "stage2" if rep.stage2_requested_on else "stage1"


def _outcome(rep: Any) -> tuple[str, str]:
    """The council's latest outcome and the stage that gave it."""
    for stage, outcome in (
        ("Stage 3", rep.stage3_outcome),
        ("Stage 2", rep.stage2_outcome),
        ("Stage 1", rep.stage1_outcome),
    ):
        if outcome:
            return outcome, stage
    if rep.stage1_route == WITHDRAWN:
        return WITHDRAWN, "Stage 1"
    return "", ""


def _row(rep: Any, today: datetime.date, corporate: Timescales | None) -> CaseRow:
    stage = _stage(rep)
    clock = None if rep.anonymised_at else open_stage(rep, today, corporate)
    status = ("open" if clock else "closed") if stage else ""
    outcome, outcome_stage = _outcome(rep) if stage else ("", "")
    return CaseRow(
        pk=rep.pk,
        reference=rep.reference,
        received_on=rep.received_on,
        year=str(financial_year_of(rep.received_on)),
        record=_record(rep),
        team=rep.team,
        stage=stage,
        status=status,
        clock=clock.stage if clock else "",
        due_on=clock.due_on if clock else None,
        overdue="yes" if clock and clock.overdue else "no",
        outcome=outcome,
        outcome_stage=outcome_stage,
    )


def case_rows(council: Council, today: datetime.date | None = None) -> list[CaseRow]:
    """Every live record of the council as a row, in the order they were entered (the
    list sorts them): one query, and one more for the corporate timescales if any
    corporate complaint is listed."""
    today = today or timezone.localdate()
    reps = [
        SimpleNamespace(**values)
        for values in council.representations.live().order_by("pk").values(*FIELDS)
    ]
    corporate = None
    if any(rep.process == Process.CORPORATE for rep in reps):
        corporate = corporate_timescales(council)
    return [_row(rep, today, corporate) for rep in reps]


def _choice(label: str, choices: Any, invalid: str) -> django_filters.ChoiceFilter:
    return choice_filter(label, invalid, choices=choices, method="keep")


class CaseFilters(ListFilterSet):
    """The facets people ask of the records. Teams and years are those the records hold."""

    record = _choice("Kind of record", RECORDS, "Select a kind of record from the list")
    stage = _choice("Stage reached", STAGES, "Select a stage from the list")
    team = _choice("Team", [], "Select a team from the list")
    year = _choice(
        "Financial year received", [], "Select a financial year (April to March) from the list"
    )
    status = _choice("Open or closed", STATUSES, "Select open or closed from the list")
    overdue = _choice("Overdue", OVERDUE, "Select overdue or not overdue from the list")
    outcome = _choice("Latest outcome", OUTCOMES, "Select an outcome from the list")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rows = list(self.queryset)
        teams = sorted({row.team for row in rows if row.team}, key=str.casefold)
        self.filters["team"].extra["choices"] = [(team, team) for team in teams]
        years = sorted({row.year for row in rows}, reverse=True)
        self.filters["year"].extra["choices"] = [(year, year_label(int(year))) for year in years]

    def keep(self, rows: list[CaseRow], name: str, value: str) -> list[CaseRow]:
        return [row for row in rows if getattr(row, name) == value]


CASES = ListSpec(
    noun="record",
    filterset=CaseFilters,
    sorts=(
        Sort(
            "received",
            "Received, oldest first",
            ("received_on",),
            reverse_label="Received, newest first",
        ),
        Sort(
            "due",
            "Response due, soonest first",
            ("due_on",),
            reverse_label="Response due, latest first",
        ),
        Sort("reference", "Reference", ("reference",)),
    ),
    default_sort="-received",
    columns=(
        Column("Reference", lambda row: row.reference),
        Column("Received", lambda row: row.received_on),
        Column("Financial year", lambda row: row.year_label),
        Column("Kind of record", lambda row: row.record_label),
        Column("Stage reached", lambda row: row.stage_label),
        Column("Team", lambda row: row.team),
        Column("Open stage", lambda row: row.clock),
        Column("Response due", lambda row: row.due_on),
        Column("Overdue", lambda row: row.is_overdue),
        Column("Status", lambda row: row.status_label),
        Column("Latest outcome", lambda row: row.outcome_label),
    ),
)
