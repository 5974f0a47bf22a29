"""The DfE's review due is the date it scheduled, and a review held or scheduled later
than the notice's six months is flagged (Improvement Notice, 6; docs/adr/028)."""

import datetime
import re

import pytest
from django.urls import reverse

from improvement.plans.models import Review
from improvement.plans.picture import notice_summary
from improvement.plans.tests.factories import NoticeFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def review(notice, held_on, scheduled_on=None, **fields):
    return Review.objects.create(
        notice=notice, held_on=held_on, scheduled_on=scheduled_on, **fields
    )


def test_the_review_due_is_the_date_the_dfe_scheduled(council):
    NoticeFactory(council=council, issued_on=D(2023, 8, 2), next_review_on=D(2024, 1, 24))
    summary = notice_summary(council, D(2023, 12, 1))
    assert summary.scheduled_on == D(2024, 1, 24)
    assert summary.next_review_due == D(2024, 1, 24)
    assert summary.next_review_text == "Scheduled for 24 January 2024"
    assert not summary.next_review_late and summary.flags == []


def test_without_a_scheduled_date_the_review_is_not_yet_scheduled(council):
    NoticeFactory(council=council, issued_on=D(2023, 8, 2))
    summary = notice_summary(council, D(2023, 12, 1))
    assert summary.scheduled_on is None
    assert summary.due_by == D(2024, 2, 2)
    assert (
        summary.next_review_text == "Not yet scheduled; the notice requires one by 2 February 2024"
    )


def test_a_review_held_later_than_six_months_after_the_previous_is_flagged(council):
    notice = NoticeFactory(council=council, issued_on=D(2023, 8, 2))
    review(notice, D(2024, 1, 30))  # within six months of the notice
    review(notice, D(2024, 9, 3))  # seven months after the first
    summary = notice_summary(council, D(2024, 10, 1))
    first, second = summary.held
    assert not first.late and second.late
    assert summary.flags == [
        "The DfE review of 3 September 2024 was later than the notice allows: more than "
        "6 months after the previous review of 30 January 2024, when it was due by "
        "30 July 2024."
    ]


def test_a_review_scheduled_beyond_the_notices_interval_is_flagged(council):
    notice = NoticeFactory(council=council, issued_on=D(2023, 8, 2))
    review(notice, D(2024, 1, 30))
    notice.next_review_on = D(2024, 9, 10)
    notice.save()
    summary = notice_summary(council, D(2024, 3, 1))
    assert summary.next_review_late
    assert summary.flags == [
        "The next DfE review is scheduled for 10 September 2024: later than the notice "
        "allows (at least every 6 months, so by 30 July 2024)."
    ]


def test_an_unscheduled_review_past_the_notices_limit_is_flagged(council):
    NoticeFactory(council=council, issued_on=D(2023, 8, 2))
    summary = notice_summary(council, D(2024, 2, 20))
    assert summary.next_review_late
    assert summary.flags == [
        "The next DfE review is not yet scheduled; the notice requires one by "
        "2 February 2024, and that date has passed."
    ]


def test_as_at_an_earlier_day_the_due_date_is_the_one_scheduled_then(council):
    """The notice now names the review after next; a report as at last year names the
    date the review held since had been scheduled for."""
    notice = NoticeFactory(council=council, issued_on=D(2023, 8, 2), next_review_on=D(2024, 8, 14))
    review(notice, D(2024, 2, 14), scheduled_on=D(2024, 2, 1))
    assert notice_summary(council, D(2024, 1, 10)).scheduled_on == D(2024, 2, 1)
    assert notice_summary(council, D(2024, 3, 1)).scheduled_on == D(2024, 8, 14)


def test_the_notice_page_shows_the_scheduled_review_and_flags_a_late_one(
    council, board_member, client_for
):
    notice = NoticeFactory(council=council, issued_on=D(2023, 8, 2), next_review_on=D(2024, 8, 1))
    review(notice, D(2024, 2, 14), response="A second health navigator funded.")
    page = client_for(board_member).get(reverse("plans:notice_detail", args=[council.slug]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Scheduled for 1 August 2024" in text
    assert "Later than the notice allows" not in text  # the next one is within six months
    assert "The DfE review of 14 February 2024 was later than the notice allows" in text
    assert "A second health navigator funded." in text


def test_the_dashboard_says_when_no_review_is_scheduled(council, board_member, client_for):
    NoticeFactory(council=council, issued_on=D(2023, 8, 2))
    page = client_for(board_member).get(reverse("board:dashboard", args=[council.slug]))
    text = page.content.decode()
    assert "Not yet scheduled; the notice requires one by 2 February 2024" in text
    assert "Later than the notice allows" in text  # today, 1 March 2024, is past it


def test_recording_a_review_fills_in_the_date_the_notice_scheduled(
    council, board_manager, client_for
):
    NoticeFactory(council=council, next_review_on=D(2024, 2, 14))
    client = client_for(board_manager)
    form = client.get(reverse("plans:record_add", args=[council.slug, "review"])).content.decode()
    assert re.search(r'name="scheduled_on_day"[^>]*value="14"', form)
    response = client.post(
        reverse("plans:record_add", args=[council.slug, "review"]),
        {
            "held_on_day": "16", "held_on_month": "2", "held_on_year": "2024",
            "scheduled_on_day": "14", "scheduled_on_month": "2", "scheduled_on_year": "2024",
            "summary": "Front door improving", "response": "Health capacity raised with the ICB",
        },
    )  # fmt: skip
    assert response.status_code == 302
    saved = Review.objects.get()
    assert (saved.scheduled_on, saved.response) == (
        D(2024, 2, 14),
        "Health capacity raised with the ICB",
    )


def test_the_board_manager_sets_the_next_scheduled_review_on_the_notice(
    council, board_manager, client_for
):
    notice = NoticeFactory(council=council)
    client_for(board_manager).post(
        reverse("plans:record_edit", args=[council.slug, "notice", notice.pk]),
        {
            "title": notice.title, "issuer": notice.issuer, "adviser": notice.adviser,
            "issued_on_day": "2", "issued_on_month": "8", "issued_on_year": "2023",
            "deadline_day": "30", "deadline_month": "11", "deadline_year": "2024",
            "review_interval_months": "6", "version": notice.version,
            "next_review_on_day": "24", "next_review_on_month": "1", "next_review_on_year": "2024",
        },
    )  # fmt: skip
    notice.refresh_from_db()
    assert notice.next_review_on == D(2024, 1, 24)
