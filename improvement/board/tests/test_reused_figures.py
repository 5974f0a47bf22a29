"""The plan's summary and complaints' year are worked out once and reused until the
council's record changes or the day turns (docs/adr/024): a second view reads them
from the cache, and any recorded change makes the next view count afresh."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.board import picture
from improvement.board.picture import board_summary
from improvement.complaints import services as complaint_services
from improvement.complaints.annual import experience_lines
from improvement.complaints.figures import annual_figures
from improvement.complaints.presenters import experience_text
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.evidence import services as evidence_services
from improvement.evidence.tests.factories import MeasureFactory
from improvement.plans import services as plan_services
from improvement.plans.models import Review
from improvement.plans.picture import plan_summary
from improvement.plans.tests.factories import ActionFactory, NoticeFactory, ObjectiveFactory

TODAY = datetime.date(2024, 3, 1)
UPDATE = {"as_of": datetime.date(2024, 2, 28), "rating": "green", "reason": "Recruited"}


def figures(summary):
    """What the pages show of a summary: each objective's counts and slow actions."""
    return [
        (
            o.objective.pk,
            dict(o.rating_counts),
            [row.action_id for row in o.slow],
            o.measure_reasons,
        )
        for o in summary.objectives
    ] + [summary.notice and summary.notice.next_review_due]


def fresh(council):
    return plan_summary(
        council, TODAY, measure_flags=picture.objective_measure_flags(council, TODAY)
    )


@pytest.fixture
def action(council, owner_person):
    return ActionFactory(objective=ObjectiveFactory(council=council), owners=[owner_person])


@pytest.fixture
def counted(monkeypatch):
    """How many times the plan's summary was worked out."""
    calls = []

    def spy(*args, **kwargs):
        calls.append(args)
        return plan_summary(*args, **kwargs)

    monkeypatch.setattr(picture, "plan_summary", spy)
    return calls


def test_a_second_dashboard_view_reads_the_summary_from_the_cache(
    council, action, board_manager, client_for, counted
):
    client = client_for(board_manager)
    url = reverse("board:dashboard", args=[council.slug])
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(counted) == 1
    # The first view 19 queries (the summary, the measures, the cache's miss and
    # write among them), the second 9: one cache read in place of them.
    assert counts == [19, 9]


def test_the_reused_summary_carries_the_live_council(council, action):
    board_summary(council)
    council.rating_scale = [{**row, "label": "Changed"} for row in council.rating_scale]
    reused = board_summary(council)
    assert reused.council is council
    assert reused.council.rating_scale[0]["label"] == "Changed"


def test_recording_an_update_shows_in_the_next_summary(council, action, owner, counted):
    board_summary(council)
    plan_services.record_update(owner, action, UPDATE)
    summary = board_summary(council)
    assert len(counted) == 2
    assert summary.rating_counts["green"] == 1
    assert figures(summary) == figures(fresh(council))


def test_accepting_a_completion_shows_in_the_next_summary(council, action, owner, chair):
    update = plan_services.record_update(owner, action, {**UPDATE, "rating": "blue"})
    assert board_summary(council).complete == 0
    plan_services.accept_completion(chair, update, "Impact seen in audits")
    summary = board_summary(council)
    assert summary.complete == 1
    assert figures(summary) == figures(fresh(council))


def test_adding_a_measure_value_makes_the_next_summary_count_afresh(
    council, action, board_manager, counted
):
    measure = MeasureFactory(council=council)
    board_summary(council)
    evidence_services.record_value(
        board_manager, measure, datetime.date(2024, 1, 1), value=Decimal("40")
    )
    summary = board_summary(council)
    assert len(counted) == 2
    assert figures(summary) == figures(fresh(council))


def test_recording_a_dfe_review_moves_the_next_review_in_the_summary(
    council, action, board_manager
):
    notice = NoticeFactory(council=council, issued_on=datetime.date(2023, 6, 1))
    before = board_summary(council).notice.next_review_due
    plan_services.save_record(
        board_manager, council, Review(notice=notice), {"held_on": datetime.date(2024, 2, 1)}
    )
    summary = board_summary(council)
    assert summary.notice.next_review_due > before
    assert figures(summary) == figures(fresh(council))


def test_editing_a_complaint_shows_in_the_next_experience_lines(council, complaints_manager):
    ComplaintFactory(council=council, received_on=datetime.date(2022, 6, 1))
    withdrawn = ComplaintFactory(council=council, received_on=datetime.date(2022, 7, 1))
    first = experience_lines(council, TODAY)
    complaint_services.withdraw_record(complaints_manager, withdrawn, "Entered twice", 1)
    lines = experience_lines(council, TODAY)
    assert lines != first
    assert lines == experience_text(annual_figures(council, 2022), 2022)
