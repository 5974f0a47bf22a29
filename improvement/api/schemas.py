"""What the API answers with: typed schemas, from which the OpenAPI description is
generated. Field names follow the models, so a reader of the code and of the schema
meet the same words."""

import datetime
from typing import Any, Generic, TypeVar

from ninja import Schema
from pydantic import Field

T = TypeVar("T")


class Page(Schema, Generic[T]):
    """One page of a list. Ask again with `cursor=next_cursor` until it is null."""

    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )
    generated_at: datetime.datetime = Field(
        description="When the list was read: the `updated_since` of the next refresh."
    )


class Problem(Schema):
    detail: str


class CouncilOut(Schema):
    slug: str
    name: str


class Named(Schema):
    id: int
    name: str


class OwnerOut(Schema):
    id: int
    name: str
    organisation_id: int | None


class ObjectiveOut(Schema):
    id: int
    ref: str
    title: str
    theme: str
    description: str
    position: int
    created_at: datetime.datetime
    modified_at: datetime.datetime
    archived_at: datetime.datetime | None


class ActionOut(Schema):
    id: int
    ref: str
    title: str
    objective_id: int
    organisation: Named
    owners: list[OwnerOut]
    start_on: datetime.date | None
    due_on: datetime.date | None
    due_text: str
    success_measure: str
    latest_rating: str | None = Field(
        description="The latest rating that counts (a Blue once accepted)."
    )
    latest_reason: str | None = Field(description="The reason given with the latest rating.")
    latest_as_of: datetime.date | None
    previous_rating: str | None
    slow_reasons: list[str] = Field(
        description="Why the action is slow to progress today; empty when it is not."
    )
    created_at: datetime.datetime
    modified_at: datetime.datetime
    archived_at: datetime.datetime | None

    @staticmethod
    def resolve_owners(obj: Any) -> list[Any]:
        return list(obj.owners.all())

    @staticmethod
    def resolve_latest_reason(obj: Any) -> str | None:
        latest = getattr(obj, "latest_update", None)
        return latest.reason if latest else None


class UpdateOut(Schema):
    id: int
    action_id: int
    as_of: datetime.date
    rating: str
    reason: str
    narrative: str
    support_needed: str
    approval: str
    created_at: datetime.datetime
    modified_at: datetime.datetime


class ValueOut(Schema):
    period: datetime.date
    numerator: float | None
    denominator: float | None
    value: float
    note: str


class BenchmarkOut(Schema):
    kind: str
    year: str
    value: float
    numerator: float | None
    denominator: float | None
    source: str
    published_on: datetime.date | None


class MeasureOut(Schema):
    id: int
    code: str
    name: str
    definition: str
    unit: str
    polarity: str
    target: float | None
    tolerance: float
    frequency: str
    owner: OwnerOut | None
    objective_ids: list[int]
    action_ids: list[int]
    values: list[ValueOut]
    benchmarks: list[BenchmarkOut]
    modified_at: datetime.datetime
    archived_at: datetime.datetime | None

    @staticmethod
    def resolve_objective_ids(obj: Any) -> list[int]:
        return [row.pk for row in obj.objectives.all()]

    @staticmethod
    def resolve_action_ids(obj: Any) -> list[int]:
        return [row.pk for row in obj.actions.all()]

    @staticmethod
    def resolve_values(obj: Any) -> list[Any]:
        return list(obj.values.all())

    @staticmethod
    def resolve_benchmarks(obj: Any) -> list[Any]:
        return list(obj.benchmarks.all())


class DecisionOut(Schema):
    id: int
    item_id: int | None
    kind: str
    text: str
    decided_on: datetime.date
    decision_maker: str


class ItemOut(Schema):
    """An agenda item. An exempt item the reader may not see keeps its number and title
    (as the agenda prints them) and is `withheld`: no description, minute or decisions."""

    id: int
    number: int
    title: str
    exempt_paragraph: int | None
    withheld: bool
    description: str
    report_author: str
    minute: str
    decisions: list[DecisionOut]


class MeetingOut(Schema):
    id: int
    body: Named
    body_kind: str
    starts_at: datetime.datetime
    location: str
    status: str
    agenda_published_on: datetime.date | None
    minutes_status: str
    items: list[ItemOut]
    decisions: list[DecisionOut] = Field(description="Decisions not tied to an agenda item.")
    modified_at: datetime.datetime


class LogEntryOut(Schema):
    id: int
    meeting_id: int
    item_id: int | None
    kind: str
    text: str
    owner: str | None
    due_on: datetime.date | None
    status: str
    closed_on: datetime.date | None
    outcome: str
    plan_action_id: int | None
    modified_at: datetime.datetime

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return obj.owner.name if obj.owner_id else None


class ForwardDecisionOut(Schema):
    id: int
    reference: str
    title: str
    description: str
    is_key: bool
    amount: float | None
    maker_kind: str
    maker_name: str
    maker_portfolio: str
    expected_on: datetime.date | None
    expected_month: datetime.date | None
    status: str
    is_private: bool
    exempt_paragraph: int | None
    scrutiny_id: int | None
    modified_at: datetime.datetime


class ComplaintFigures(Schema):
    council: str
    year: str = Field(description="The financial year, for example 2023-24.")
    figures: dict[str, Any] = Field(
        description="The annual report's figures, keyed as formats/complaints-register.md."
    )


class CaseOut(Schema):
    """A complaint or compliment, for a reader allowed to see cases: dates, stages and
    outcomes, never the complainant's name or the summary of what happened."""

    id: int
    reference: str
    kind: str
    process: str
    received_on: datetime.date
    service: str
    team: str
    category: str
    complainant_type: str
    stage1_route: str
    stage1_responded_on: datetime.date | None
    stage1_outcome: str
    stage2_requested_on: datetime.date | None
    stage2_completed_on: datetime.date | None
    stage2_outcome: str
    stage3_panel_on: datetime.date | None
    stage3_outcome: str
    ombudsman_decided_on: datetime.date | None
    ombudsman_outcome: str
    modified_at: datetime.datetime


class Kpis(Schema):
    council: str
    reference_date: datetime.date
    import_id: int
    kpis: dict[str, Any]
    data_quality: dict[str, Any]


class TrendPointOut(Schema):
    on: datetime.date
    complete: int
    actions: int
    percent: float | None = Field(description="Share complete, rounded half away from zero.")


class KpiOut(Schema):
    key: str
    label: str
    numerator: int
    denominator: int
    value: float | None
    count: bool = Field(description="True when the KPI is a count, not a percentage.")
    england: float | None
    england_year: str | None


class NoticeOut(Schema):
    deadline: datetime.date | None
    due_after_deadline: int
    last_review: datetime.date | None
    next_review: datetime.date | None
    review_overdue: bool


class PortfolioOut(Schema):
    """One council beside the others: counts and KPIs only, nothing exempt or personal."""

    council: str
    name: str
    as_at: datetime.date
    actions: int
    complete: int
    complete_percent: float | None
    slow_to_progress: int
    trend: list[TrendPointOut]
    notice: NoticeOut | None
    kpis_as_at: datetime.date | None
    kpis: list[KpiOut]
