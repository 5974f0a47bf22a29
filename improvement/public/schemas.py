"""The shapes of the public API's answers (OpenAPI components), one per record of
`records`, plus a page of each list."""

import datetime
from decimal import Decimal

from ninja import Schema


class CouncilOut(Schema):
    slug: str
    name: str


class MeetingOut(Schema):
    id: int
    body: str
    body_kind: str
    starts_at: datetime.datetime
    location: str
    status: str
    papers_published: bool
    open_to_the_public: bool
    agenda_published_on: datetime.date | None
    minutes_published_on: datetime.date | None
    url: str
    updated_at: datetime.datetime


class PaperOut(Schema):
    name: str
    url: str
    media_type: str


class AgendaItemOut(Schema):
    id: int
    meeting_id: int
    meeting_starts_at: datetime.datetime
    body: str
    number: int
    title: str
    description: str
    report_author: str
    minute: str
    decisions: list[str]
    papers: list[PaperOut]
    url: str
    updated_at: datetime.datetime


class MeetingDetailOut(MeetingOut):
    items: list[AgendaItemOut]
    withheld_items: int


class DecisionOut(Schema):
    id: int
    text: str
    decision_maker: str
    decided_on: datetime.date
    published_on: datetime.date | None
    call_in_ends_on: datetime.date | None
    implementable_on: datetime.date | None
    called_in_on: datetime.date | None
    updated_at: datetime.datetime


class ReportOut(Schema):
    id: int
    title: str
    kind: str
    as_at: datetime.date
    version: int
    published_at: datetime.datetime
    url: str
    pdf_url: str
    updated_at: datetime.datetime


class EditionOut(Schema):
    id: int
    published_on: datetime.date
    decisions_from: datetime.date
    url: str
    updated_at: datetime.datetime


class EntryOut(Schema):
    id: int | None
    part: int
    reference: str
    title: str
    decision_maker: str
    date: str
    scrutiny: str
    wards: str
    consultation: str
    contact: str
    directorate: str
    documents: str
    urgency: str
    key: bool
    private: bool
    exempt_paragraph: int | None


class EditionDetailOut(EditionOut):
    entries: list[EntryOut]


class ObjectiveProgressOut(Schema):
    ref: str
    title: str
    actions_complete: int
    actions: int
    percent_complete: Decimal | None
    summary: str


class ChangesOut(Schema):
    since: datetime.date
    summary: str
    completed: int
    became_off_track: int
    added: int


class ProgressOut(Schema):
    as_at: datetime.date
    board_meeting_id: int
    actions_complete: int
    actions: int
    percent_complete: Decimal | None
    summary: str
    objectives: list[ObjectiveProgressOut]
    since_last_board: ChangesOut | None
    next_review_due: datetime.date | None
    url: str


class MeetingPage(Schema):
    items: list[MeetingOut]
    next_cursor: str | None
    generated_at: datetime.datetime


class AgendaItemPage(Schema):
    items: list[AgendaItemOut]
    next_cursor: str | None
    generated_at: datetime.datetime


class DecisionPage(Schema):
    items: list[DecisionOut]
    next_cursor: str | None
    generated_at: datetime.datetime


class ReportPage(Schema):
    items: list[ReportOut]
    next_cursor: str | None
    generated_at: datetime.datetime


class EditionPage(Schema):
    items: list[EditionOut]
    next_cursor: str | None
    generated_at: datetime.datetime


class Problem(Schema):
    detail: str
